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
from modeltranslation.admin import TranslationTabularInline

from cpe_network.lib.adminforms import CountryFilter, PublicationAdmin
from cpe_network.lib.uploads import KeepUploadsMixin

from .forms import EventTimesMixin, LocalSplitDateTimeField, TwoLanguagesMixin
from .models import Digest, DigestDelivery, Event, EventDocument, Post, review_queue


class PostAdminForm(KeepUploadsMixin, TwoLanguagesMixin, forms.ModelForm):
    class Meta:
        model = Post
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)


@admin.register(Post)
class PostAdmin(PublicationAdmin):
    form = PostAdminForm
    fieldsets = (PublicationAdmin.text_fieldset, *PublicationAdmin.about_fieldsets)

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [path("review/", review, name="news_review"), *super().get_urls()]

    def review_view(self, request):
        """The queue of what members sent: news, events, practices, adaptations (it lives
        here, under news posts)."""
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

    list_display = (
        "__str__",
        "created_at",
        "sent_by",
        "post_count",
        "event_count",
        "practice_count",
        "call_count",
        "recipients",
    )
    list_select_related = ("sent_by",)
    fields = (
        "number",
        "created_at",
        "sent_by",
        "since",
        "until",
        "posts",
        "events",
        "practices",
        "calls",
    )
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
                practice_count=Coalesce(count(Digest.practices.through), 0),
                call_count=Coalesce(count(Digest.calls.through), 0),
                recipient_count=Coalesce(count(DigestDelivery), 0),
            )
        )

    @admin.display(description=_("news posts"))
    def post_count(self, digest):
        return digest.post_count

    @admin.display(description=_("events"))
    def event_count(self, digest):
        return digest.event_count

    @admin.display(description=_("practices"))
    def practice_count(self, digest):
        return digest.practice_count

    @admin.display(description=_("calls"))
    def call_count(self, digest):
        return digest.call_count

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
                count = digest.deliveries.count()
                message = ngettext(
                    "%(digest)s is on its way to %(count)d person.",
                    "%(digest)s is on its way to %(count)d people.",
                    count,
                )
                self.message_user(request, message % {"digest": digest, "count": count})
            return redirect("admin:news_digest_changelist")
        posts, events, practices, calls = Digest.new_items()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Send the digest"),
            "posts": posts,
            "events": events,
            "practices": practices,
            "calls": calls,
            "recipient_count": len(Digest.recipients()),
            "last": Digest.objects.first(),
        }
        return TemplateResponse(request, "admin/news/digest/send.html", context)
