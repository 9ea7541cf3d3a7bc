from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.models import FlatPage
from django.core.validators import RegexValidator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from cpe_network.lib.adminforms import NamedFileInputsMixin
from cpe_network.lib.uploads import KeepUploadsMixin
from news.models import Post
from practices.models import Practice

from .flatpages import page_url
from .models import ContactMessage, HomePage

page_address = RegexValidator(
    r"^/(?:[-\w.~]+/)+$",
    _(
        "Start and end the address with a slash, for example “/about/”; use letters, "
        "numbers, dots, dashes and underscores only."
    ),
)


class PageForm(forms.ModelForm):
    class Meta:
        model = FlatPage
        fields = ["url", "title", "content", "sites", "registration_required", "template_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            field = self.fields.get(f"url_{code}")
            if field:
                field.validators.append(page_address)
                field.help_text = _("The page’s address in this language, for example “/about/”.")

    def clean(self):
        cleaned = super().clean()
        for code, _name in settings.LANGUAGES:
            name = f"url_{code}"
            url = cleaned.get(name)
            others = FlatPage.objects.exclude(pk=self.instance.pk)
            if url and others.filter(**{name: url}).exists():
                self.add_error(name, _("Another page already has this address."))
        return cleaned


admin.site.site_header = admin.site.site_title = settings.SITE_NAME
admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class PageAdmin(TranslationAdmin):
    form = PageForm
    fieldsets = (
        (None, {"fields": ("url", "title", "content", "sites")}),
        (
            _("Advanced options"),
            {"classes": ("collapse",), "fields": ("registration_required", "template_name")},
        ),
    )
    list_display = ("title", "url", "registration_required")
    list_filter = ("sites", "registration_required")
    search_fields = ("url", "title", "content")

    def view_on_site(self, obj):
        return page_url(obj)


class HomePageForm(KeepUploadsMixin, forms.ModelForm):
    class Meta:
        model = HomePage
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)
        help_texts = {
            "image": _("Replaces the site's own illustration. No photograph of a child."),
        }


@admin.register(HomePage)
class HomePageAdmin(NamedFileInputsMixin, TranslationAdmin):
    """The one home page record: the list leads straight to it (or to "add" before
    setup_network made it); there is never a second one, and it cannot be deleted."""

    form = HomePageForm
    fieldsets = (
        (_("Opening"), {"fields": ("title", "intro")}),
        (
            _("What the network does"),
            {
                "fields": (
                    "block_1_title",
                    "block_1_text",
                    "block_2_title",
                    "block_2_text",
                    "block_3_title",
                    "block_3_text",
                )
            },
        ),
        (_("Featured"), {"fields": ("featured_post", "featured_practice")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("The secretariat’s contact details"), {"fields": ("address", "email", "phone")}),
    )

    def changelist_view(self, request, extra_context=None):
        if HomePage.objects.filter(pk=1).exists():
            return redirect("admin:pages_homepage_change", 1)
        return redirect("admin:pages_homepage_add")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not HomePage.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only what the public may see can be featured.
        if db_field.name == "featured_post":
            kwargs["queryset"] = Post.objects.published().order_by("-publish_at")
        elif db_field.name == "featured_practice":
            kwargs["queryset"] = Practice.objects.published().order_by("-publish_at")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def view_on_site(self, obj):
        return reverse("home")


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact page: read here, answered by email, then marked handled."""

    list_display = ("subject", "kind", "reply_email", "language", "created_at", "handled")
    list_filter = ("kind", "handled", "language")
    search_fields = ("subject", "message", "reply_email")
    date_hierarchy = "created_at"
    fields = ("kind", "subject", "message", "reply_email", "language", "created_at", "handled")
    readonly_fields = ("kind", "subject", "message", "reply_email", "language", "created_at")
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False  # messages come from the contact page only

    @admin.action(description=_("Mark the selected messages handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.filter(handled=False).update(handled=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked handled.", "%(count)d messages marked handled.", count
            )
            % {"count": count},
        )
