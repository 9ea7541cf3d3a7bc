from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages.models import FlatPage
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .flatpages import page_url

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
