from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from cpe_network.lib.adminforms import CountryFilter, ModeratedAdminMixin, PublicationAdmin
from cpe_network.lib.uploads import KeepUploadsMixin
from news.forms import TwoLanguagesMixin

from .models import Adaptation, Practice, Source


class PracticeAdminForm(KeepUploadsMixin, TwoLanguagesMixin, forms.ModelForm):
    class Meta:
        model = Practice
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)


class SourceInline(admin.TabularInline):
    model = Source
    extra = 1
    fields = ("title", "language", "year", "url")


class AdaptationInline(TranslationTabularInline):
    """Where it was taken up. Members' adaptations are read and published on their own
    page (the link "Change"), which tells the member when it is published."""

    model = Adaptation
    extra = 0
    fields = ("country", "year", "member", "status")
    autocomplete_fields = ("member",)
    show_change_link = True


@admin.register(Practice)
class PracticeAdmin(PublicationAdmin):
    form = PracticeAdminForm
    inlines = [SourceInline, AdaptationInline]
    list_display = ("title", "kind", "rating", "status", "publish_at", "submitted_by")
    list_filter = (
        "status",
        "kind",
        "rating",
        "topics",
        CountryFilter,
        "adapted",
        "members",
        "submitted_by",
    )
    search_fields = ("title", "summary", "body", "findings")
    fieldsets = (
        PublicationAdmin.text_fieldset,
        (
            _("What it is"),
            {"fields": ("kind", "start_year", "end_year", "link", "document")},
        ),
        (
            _("Where and for whom"),
            {
                "fields": ("worldwide", "age_groups", "setting", "providers"),
                "description": _("Its countries are under “About”."),
            },
        ),
        (_("What the evidence says"), {"fields": ("rating", "evaluation", "findings")}),
        *PublicationAdmin.about_fieldsets,
    )

    def save_formset(self, request, form, formset, change):
        """An adaptation published here tells the member that sent it, as on its page."""
        super().save_formset(request, form, formset, change)
        if formset.model is Adaptation:
            for adaptation in formset.new_objects + [obj for obj, _ in formset.changed_objects]:
                adaptation.tell_sender()


@admin.register(Adaptation)
class AdaptationAdmin(ModeratedAdminMixin, TranslationAdmin):
    list_display = ("__str__", "year", "member", "status", "submitted_by", "updated_at")
    list_filter = ("status", "country", "submitted_by")
    list_select_related = ("practice", "member", "submitted_by")
    search_fields = ("practice__title", "member__name", "changes", "outcome")
    autocomplete_fields = ("practice", "member", "submitted_by")
    fieldsets = (
        (None, {"fields": ("practice", "country", "year", "member", "changes", "outcome")}),
        (_("Publication"), {"fields": ("status", "author", "submitted_by")}),
    )

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish(self, request, queryset):
        """As for any item; the practices then say again where they are used."""
        practices = set(queryset.values_list("practice", flat=True))
        super().unpublish(request, queryset)
        for practice in Practice.objects.filter(pk__in=practices):
            practice.update_reach()

    def delete_queryset(self, request, queryset):
        practices = set(queryset.values_list("practice", flat=True))
        super().delete_queryset(request, queryset)
        for practice in Practice.objects.filter(pk__in=practices):
            practice.update_reach()
