"""What the admin shares across apps: file inputs named for screen readers, and the
admin of members' items (news, events, practices, adaptations of practices), which
members send from the portal and editors publish."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django_countries import countries
from modeltranslation.admin import TranslationAdmin

from cpe_network.lib.dates import YearRangeChangeList
from pages import pagecache
from search import index as search_index


class NamedFileInputsMixin:
    """Django's admin shows a file field as a group (its label is the group's legend,
    beside the current file and a "clear" box), which leaves the file input itself
    without a name for screen readers: it takes its field's label."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, models.FileField):
            field.widget.attrs["aria-label"] = field.label
        return field


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


class ModeratedAdminMixin:
    """The admin of a `Moderated` model: members' items wait with the status "submitted"
    (the "Waiting for review" page lists them); publishing one, by its status or by the
    "Publish" action, tells the representative who sent it."""

    actions = ["publish", "unpublish"]
    change_list_template = "admin/news/change_list.html"

    def save_model(self, request, item, form, change):
        if not change and not item.author_id:
            item.author = request.user
        published_now = (
            item.status == item.Status.PUBLISHED
            and form.initial.get("status") != item.Status.PUBLISHED
        )
        self.prepare_publishing(item, form, published_now)
        super().save_model(request, item, form, change)
        if published_now:
            item.tell_sender()

    def prepare_publishing(self, item, form, published_now):
        """What publishing from the change form sets besides the status."""

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        Status = queryset.model.Status
        items = list(queryset.exclude(status=Status.PUBLISHED).select_related("author"))
        for item in items:
            item.publish()
        message = ngettext("%(count)d item published.", "%(count)d items published.", len(items))
        self.message_user(request, message % {"count": len(items)})

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=queryset.model.Status.DRAFT)
        search_index.reindex(queryset)
        pagecache.changed()
        message = ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
        self.message_user(request, message % {"count": count})


class PublicationAdmin(ModeratedAdminMixin, NamedFileInputsMixin, TranslationAdmin):
    """What posts, events and practices share. "View on site" shows a draft to staff as
    a preview."""

    list_display = ("title", "status", "publish_at", "submitted_by", "author")
    list_filter = ("status", "topics", CountryFilter, "members", "submitted_by")
    search_fields = ("title", "summary", "body")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug_en": ("title_en",), "slug_fr": ("title_fr",)}
    filter_horizontal = ("topics", "members")
    list_select_related = ("author", "submitted_by")
    autocomplete_fields = ("submitted_by",)
    text_fieldset = (None, {"fields": ("title", "slug", "summary", "body")})
    about_fieldsets = (
        (_("Image"), {"fields": ("image", "image_alt")}),
        (
            pgettext_lazy("publication fieldset", "About"),
            {"fields": ("topics", "countries", "members")},
        ),
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

    def prepare_publishing(self, item, form, published_now):
        if published_now and "publish_at" not in form.changed_data:
            item.publish_at = item.publishing_date()
