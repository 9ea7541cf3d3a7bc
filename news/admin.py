from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from cpe_network.lib.adminforms import NamedFileInputsMixin
from cpe_network.lib.dates import YearRangeChangeList
from cpe_network.lib.uploads import KeepUploadsMixin

from .forms import EventTimesMixin, LocalSplitDateTimeField, TwoLanguagesMixin
from .models import Digest, DigestDelivery, Event, EventDocument, Post, review_queue


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        values = model_admin.model.objects.exclude(countries="").values_list("countries", flat=True)
        codes = {code for value in values for code in str(value).split(",") if code}
        return sorted(((code, countries.name(code)) for code in codes), key=lambda c: str(c[1]))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(countries__contains=self.value())
        return queryset


class PostAdminForm(KeepUploadsMixin, TwoLanguagesMixin, forms.ModelForm):
    class Meta:
        model = Post
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)


class PublicationAdmin(NamedFileInputsMixin, TranslationAdmin):
    """What posts and events share. Members' items wait with the status "submitted"
    (the "Waiting for review" page lists them); "View on site" shows a draft to staff
    as a preview."""

    list_display = ("title", "status", "publish_at", "submitted_by", "author")
    list_filter = ("status", "topics", CountryFilter, "members", "submitted_by")
    search_fields = ("title", "summary", "body")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("topics", "members")
    list_select_related = ("author", "submitted_by")
    autocomplete_fields = ("submitted_by",)
    actions = ["publish", "unpublish"]
    change_list_template = "admin/news/change_list.html"
    text_fieldset = (None, {"fields": ("title", "slug", "summary", "body")})
    about_fieldsets = (
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("About"), {"fields": ("topics", "countries", "members")}),
        (_("Publication"), {"fields": ("status", "publish_at", "author", "submitted_by")}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """A title in either language will do (members may write only in French); the
        form asks for one at least."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "title_en":
            field.required = False
        return field

    def get_changelist(self, request, **kwargs):
        return YearRangeChangeList

    def save_model(self, request, item, form, change):
        if not change and not item.author_id:
            item.author = request.user
        published_now = (
            item.status == item.Status.PUBLISHED
            and form.initial.get("status") != item.Status.PUBLISHED
        )
        if published_now and "publish_at" not in form.changed_data:
            item.publish_at = item.publishing_date()
        super().save_model(request, item, form, change)
        if published_now:
            item.tell_sender()

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        items = list(queryset.exclude(status=Post.Status.PUBLISHED).select_related("author"))
        for item in items:
            item.publish()
        message = ngettext("%(count)d item published.", "%(count)d items published.", len(items))
        self.message_user(request, message % {"count": len(items)})

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Post.Status.DRAFT)
        message = ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
        self.message_user(request, message % {"count": count})


@admin.register(Post)
class PostAdmin(PublicationAdmin):
    form = PostAdminForm
    fieldsets = (PublicationAdmin.text_fieldset, *PublicationAdmin.about_fieldsets)

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [path("review/", review, name="news_review"), *super().get_urls()]

    def review_view(self, request):
        """The queue of members' news and events (it lives here, under news posts)."""
        waiting = [
            {
                "name": model._meta.verbose_name_plural,
                "url_name": model.admin_url_name(),
                "items": items,
            }
            for model, items in review_queue(request.user)
        ]
        if not waiting:
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Waiting for review"),
            "waiting": waiting,
        }
        return TemplateResponse(request, "admin/news/review.html", context)


class EventAdminForm(KeepUploadsMixin, EventTimesMixin, TwoLanguagesMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)
        field_classes = {"start": LocalSplitDateTimeField, "end": LocalSplitDateTimeField}


class EventDocumentForm(KeepUploadsMixin, forms.ModelForm):
    class Meta:
        model = EventDocument
        fields = "__all__"  # noqa: DJ007 (the inline's fields choose them)


class EventDocumentInline(TranslationTabularInline):
    model = EventDocument
    form = EventDocumentForm
    extra = 1
    fields = ("kind", "title", "file")


@admin.register(Event)
class EventAdmin(PublicationAdmin):
    form = EventAdminForm
    inlines = [EventDocumentInline]
    list_display = ("title", "start", "time_zone", "status", "publish_at", "submitted_by")
    list_filter = ("status", "topics", CountryFilter, "members", "organiser", "submitted_by")
    date_hierarchy = "start"
    autocomplete_fields = ("submitted_by", "organiser")
    list_select_related = ("submitted_by",)
    fieldsets = (
        PublicationAdmin.text_fieldset,
        (
            _("When"),
            {
                "fields": ("start", "end", "time_zone", "all_day"),
                "description": _("Times are those of the event's place, in its time zone."),
            },
        ),
        (
            _("Where"),
            {"fields": ("venue", "city", "country", "online_url", "registration_url", "organiser")},
        ),
        *PublicationAdmin.about_fieldsets,
    )


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    """Digests sent, and the page to send the next one."""

    list_display = ("__str__", "created_at", "sent_by", "post_count", "event_count", "recipients")
    list_select_related = ("sent_by",)
    fields = ("number", "created_at", "sent_by", "since", "until", "posts", "events")
    readonly_fields = fields
    change_list_template = "admin/news/digest/change_list.html"

    def get_queryset(self, request):
        def count(model, column="digest_id"):
            rows = model.objects.filter(**{column: OuterRef("pk")}).order_by()
            return Subquery(
                rows.values(column).annotate(n=Count("*")).values("n"),
                output_field=IntegerField(),
            )

        return (
            super()
            .get_queryset(request)
            .annotate(
                post_count=Coalesce(count(Digest.posts.through), 0),
                event_count=Coalesce(count(Digest.events.through), 0),
                recipient_count=Coalesce(count(DigestDelivery), 0),
            )
        )

    @admin.display(description=_("news posts"))
    def post_count(self, digest):
        return digest.post_count

    @admin.display(description=_("events"))
    def event_count(self, digest):
        return digest.event_count

    @admin.display(description=_("recipients"))
    def recipients(self, digest):
        return digest.recipient_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "send/",
                self.admin_site.admin_view(self.send_view),
                name="news_digest_send",
            ),
            *super().get_urls(),
        ]

    def send_view(self, request):
        """What the next digest would list and to how many people; sent on confirmation."""
        if not request.user.has_perm("news.send_digest"):
            raise PermissionDenied
        if request.method == "POST":
            digest = Digest.send_new(by=request.user)
            if digest is None:
                self.message_user(
                    request, _("Nothing was sent: nothing new was published since the last digest.")
                )
            else:
                self.message_user(
                    request,
                    _("%(digest)s is on its way to %(count)d people.")
                    % {"digest": digest, "count": digest.deliveries.count()},
                )
            return redirect("admin:news_digest_changelist")
        posts, events = Digest.new_items()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Send the digest"),
            "posts": posts,
            "events": events,
            "recipient_count": len(Digest.recipients()),
            "last": Digest.objects.first(),
        }
        return TemplateResponse(request, "admin/news/digest/send.html", context)
