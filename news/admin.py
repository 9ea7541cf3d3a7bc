from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Post


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = {
            code
            for value in Post.objects.exclude(countries="").values_list("countries", flat=True)
            for code in str(value).split(",")
            if code
        }
        return sorted(((code, countries.name(code)) for code in codes), key=lambda c: str(c[1]))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(countries__contains=self.value())
        return queryset


@admin.register(Post)
class PostAdmin(TabbedTranslationAdmin):
    """News posts. Members' submissions wait with the status "submitted"; "View on
    site" shows a draft to staff as a preview."""

    list_display = ("title", "status", "publish_at", "author")
    list_filter = ("status", "topics", CountryFilter, "members")
    search_fields = ("title", "summary", "body")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("topics", "members")
    list_select_related = ("author",)
    actions = ["publish", "unpublish"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("About"), {"fields": ("topics", "countries", "members")}),
        (_("Publication"), {"fields": ("status", "publish_at", "author")}),
    )

    def save_model(self, request, post, form, change):
        if not change and not post.author_id:
            post.author = request.user
        super().save_model(request, post, form, change)

    @admin.action(description=_("Publish the selected posts"))
    def publish(self, request, queryset):
        count = queryset.update(status=Post.Status.PUBLISHED)
        message = ngettext("%(count)d post published.", "%(count)d posts published.", count)
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Unpublish the selected posts"))
    def unpublish(self, request, queryset):
        count = queryset.update(status=Post.Status.DRAFT)
        message = ngettext("%(count)d post unpublished.", "%(count)d posts unpublished.", count)
        self.message_user(request, message % {"count": count})
