from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from cpe_network.lib.adminforms import NamedFileInputsMixin
from cpe_network.lib.uploads import KeepUploadsMixin
from members.models import work_language_choices
from pages import pagecache
from search import index as search_index

from .models import Call, Reply


class CallForm(KeepUploadsMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("working languages"),
        required=False,
        widget=FilteredSelectMultiple(_("languages"), is_stacked=False),
    )

    class Meta:
        model = Call
        fields = (
            "member",
            "kind",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
            "slug",
            "topics",
            "countries",
            "languages",
            "deadline",
            "funding_programme",
            "file",
            "is_public",
            "is_hidden",
            "filled_at",
        )
        # The file is private: no link to a public address (it has none), only a new file.
        widgets = {"file": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = work_language_choices()


class ReplyInline(admin.TabularInline):
    """Replies are the members' own correspondence: staff see that they were sent (to
    deal with abuse), and change nothing."""

    model = Reply
    fields = ("member", "sent_by", "created_at", "thanked_at", "message")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Call)
class CallAdmin(NamedFileInputsMixin, TranslationAdmin):
    """Members post calls from the portal; staff moderate them here (hide a call that has
    no place on the network's site) and may correct them."""

    form = CallForm
    fields = (
        "member",
        "posted_by",
        "kind",
        "title",
        "description",
        "slug",
        "topics",
        "countries",
        "languages",
        "deadline",
        "funding_programme",
        "file",
        "download",
        "is_public",
        "is_hidden",
        "filled_at",
    )
    readonly_fields = ("posted_by", "download")
    autocomplete_fields = ("member",)
    filter_horizontal = ("topics",)
    list_display = ("title", "member", "kind", "deadline", "is_public", "is_hidden", "status")
    list_filter = ("kind", "is_public", "is_hidden", "deadline")
    list_select_related = ("member",)
    search_fields = ("title_en", "title_fr", "member__name", "slug")
    date_hierarchy = "deadline"
    actions = ("hide", "show")
    inlines = (ReplyInline,)

    @admin.display(description=_("status"))
    def status(self, call):
        return call.status_label

    @admin.display(description=_("current file"))
    def download(self, call):
        if not call.pk or not call.file:
            return "—"
        return format_html('<a href="{}">{}</a>', call.file_url, _("Download the current file"))

    @admin.action(description=_("Hide the selected calls"))
    def hide(self, request, queryset):
        count = queryset.update(is_hidden=True)
        search_index.reindex(queryset)  # found by nobody any more
        pagecache.changed()
        message = ngettext("%(count)d call hidden.", "%(count)d calls hidden.", count)
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Show the selected calls again"))
    def show(self, request, queryset):
        count = queryset.update(is_hidden=False)
        search_index.reindex(queryset)
        pagecache.changed()
        message = ngettext("%(count)d call shown again.", "%(count)d calls shown again.", count)
        self.message_user(request, message % {"count": count})
