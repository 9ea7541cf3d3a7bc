import csv

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from cpe_network.lib.adminforms import NamedFileInputsMixin
from cpe_network.lib.dates import YearRangeChangeList
from cpe_network.lib.text import CleanFormCharField
from cpe_network.lib.uploads import KeepUploadsMixin, sandboxed
from pages import pagecache
from search import index as search_index

from . import personal_data
from .forms import InviteForm, PersonalDataForm
from .models import (
    NOTE_LENGTH,
    Affiliate,
    Application,
    CategoryChange,
    Invitation,
    Member,
    MemberDocument,
    MemberMessage,
    MembershipCategory,
    Topic,
    User,
    work_language_choices,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Emails"), {"fields": ("language", "receives_digest")}),
        (_("Contact person"), {"fields": ("shown_to_members", "role", "spoken_languages")}),
        (_("Personal data"), {"fields": ("erased_at",)}),
    )
    readonly_fields = ("erased_at",)
    list_display = ("__str__", "email", "is_staff", "language", "last_login")
    search_fields = ("email", "first_name", "last_name", "username")
    actions = ["personal_data"]
    change_list_template = "admin/members/user/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.personal_data_view)
        return [
            path("personal-data/", view, name="members_user_personal_data"),
            *super().get_urls(),
        ]

    @admin.action(
        description=_("Export or erase the personal data of the selected person"),
        permissions=["manage_personal_data"],
    )
    def personal_data(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Select one person."), messages.WARNING)
            return None
        url = reverse("admin:members_user_personal_data")
        return redirect(f"{url}?user={queryset.get().pk}")

    def has_manage_personal_data_permission(self, request):
        return request.user.has_perm("members.manage_personal_data")

    def personal_data_view(self, request):
        """Everything the site keeps about one email address (members.personal_data):
        shown, downloaded as JSON, or erased. Addresses travel in POST bodies only, so
        that no server log holds them; each export and erasure is in the admin's
        history, with a reference instead of the address."""
        if not self.has_manage_personal_data_permission(request):
            raise PermissionDenied
        initial = {}
        chosen = request.GET.get("user", "")
        if chosen.isdigit():  # from the users' list (the action), by key, not by address
            initial["email"] = (
                User.objects.filter(pk=chosen).values_list("email", flat=True).first()
            )
        form = PersonalDataForm(request.POST or None, initial=initial, staff=request.user)
        data = None
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if request.POST.get("do") == "erase":
                counts = personal_data.erase(email, by=request.user)
                self.message_user(
                    request,
                    _("Erased: %(rows)d rows or files removed or emptied.")
                    % {"rows": sum(counts.values())},
                )
                return redirect("admin:members_user_personal_data")
            data = personal_data.export(email)
            accounts = [row["pk"] for row in data["accounts"]]
            personal_data.log(request.user, "export", email, accounts)
            if request.POST.get("do") == "json":
                name = f"personal-data-{personal_data.reference(email)}.json"
                return HttpResponse(
                    personal_data.export_json(data),
                    content_type="application/json; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'},
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "title": _("Personal data"),
            "sections": personal_data.summary(data) if data is not None else None,
        }
        return TemplateResponse(request, "admin/members/user/personal_data.html", context)


@admin.register(MemberMessage)
class MemberMessageAdmin(admin.ModelAdmin):
    """Messages members sent each other's contact persons through the site: kept so staff
    can see any abuse; read only."""

    list_display = ("created_at", "sender", "sender_member", "recipient", "member", "reply_email")
    list_select_related = ("sender", "sender_member", "recipient", "member")
    search_fields = ("message", "reply_email", "sender__email", "recipient__email")
    date_hierarchy = "created_at"
    fields = (
        "created_at",
        "sender",
        "sender_member",
        "recipient",
        "member",
        "reply_email",
        "message",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations to represent a member, pending or accepted. Staff send them from a
    member's page and withdraw a pending one by deleting it."""

    list_display = ("email", "member", "invited_by", "sent_at", "accepted_at")
    list_filter = (("accepted_at", admin.EmptyFieldListFilter), "sent_at")
    list_select_related = ("member", "invited_by")
    search_fields = ("email", "member__name")
    readonly_fields = (
        "member",
        "email",
        "first_name",
        "last_name",
        "language",
        "invited_by",
        "sent_at",
        "accepted_at",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MemberDocumentForm(KeepUploadsMixin, forms.ModelForm):
    class Meta:
        model = MemberDocument
        fields = (
            "title_en",
            "title_fr",
            "category",
            "year",
            "file",
            "is_published",
            "published_on",
        )
        # The file is private: no link to a public address (it has none), only a new file.
        widgets = {"file": forms.FileInput}


@admin.register(MemberDocument)
class MemberDocumentAdmin(NamedFileInputsMixin, TranslationAdmin):
    """Documents for members only: shown in the portal once published, and downloaded
    there by members (the file is checked to be a PDF and kept in the private storage)."""

    form = MemberDocumentForm
    fields = ("title", "category", "year", "file", "download", "is_published", "published_on")
    readonly_fields = ("download",)
    list_display = ("title", "category", "year", "is_published", "published_on")
    list_filter = ("category", "year", "is_published")
    search_fields = ("title_en", "title_fr")

    @admin.display(description=_("current file"))
    def download(self, document):
        if not document.pk or not document.file:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', document.get_absolute_url(), _("Download the current file")
        )


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(MembershipCategory)
class MembershipCategoryAdmin(TranslationAdmin):
    list_display = ("name", "slug", "admission", "listed", "order", "member_count")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name_en",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, category):
        return category.member_count


class MemberForm(KeepUploadsMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages of work"),
        required=False,
        widget=FilteredSelectMultiple(_("languages"), is_stacked=False),
    )
    category_note = CleanFormCharField(
        label=_("note on the category change"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the member's history when the category changes."),
    )

    class Meta:
        model = Member
        fields = ()  # the admin's fieldsets say which

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = work_language_choices()


class CategoryChangeInline(admin.TabularInline):
    model = CategoryChange
    fields = ("changed_on", "from_category", "to_category", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("membership history")

    def has_add_permission(self, request, obj):
        return False


@admin.register(Member)
class MemberAdmin(VersionAdmin, NamedFileInputsMixin, TranslationAdmin):
    """Every save here or in the portal is a version: "History" shows who changed
    what and when, and restores an earlier one."""

    form = MemberForm
    list_display = (
        "logo_thumbnail",
        "name",
        "country",
        "category",
        "status",
        "published",
        "profile_confirmed_on",
    )
    list_display_links = ("name",)
    list_filter = (
        "category",
        "status",
        "published",
        "kind",
        "setting",
        "supports_families",
        "works_across_borders",
        "country",
        "topics",
    )
    list_select_related = ("category",)
    search_fields = ("name", "acronym", "city_en", "city_fr", "email")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("topics", "representatives")
    readonly_fields = ("logo_preview", "profile_confirmed_on", "profile_reminded_on")
    inlines = [CategoryChangeInline]
    actions = ["publish", "unpublish"]
    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "kind", "published")}),
        (
            _("Membership"),
            {"fields": ("category", "category_note", "status", "joined_on", "category_since")},
        ),
        (_("Place"), {"fields": ("country", "city", "latitude", "longitude")}),
        (_("Contact"), {"fields": ("website", "email", "phone")}),
        (_("Logo"), {"fields": ("logo", "logo_preview")}),
        (
            _("About"),
            {"fields": ("summary", "description", "mission", "topics", "languages")},
        ),
        (
            _("Organisation"),
            {
                "fields": (
                    "year_founded",
                    "legal_status",
                    "setting",
                    "supports_families",
                    "works_across_borders",
                    "funding_sources",
                )
            },
        ),
        (
            _("Representatives"),
            {"fields": ("representatives", "profile_confirmed_on", "profile_reminded_on")},
        ),
    )

    def get_search_results(self, request, queryset, search_term):
        """What the directory's search finds too (accents and case aside, cities in
        either language), besides the email and the admin's own matches."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found = found | queryset.search(search_term)
        return found, duplicates

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, member):
        if not member.logo_small:
            return ""
        return format_html(
            '<img src="{}" width="40" height="40" alt="" class="member-logo">',
            member.logo_small.url,
        )

    @admin.display(description=_("current logo"))
    def logo_preview(self, member):
        if not member.logo_large:
            return _("No logo yet.")
        return format_html('<img src="{}" alt="" width="200">', member.logo_large.url)

    def save_model(self, request, member, form, change):
        note = form.cleaned_data.get("category_note", "")
        if change and "category" in form.changed_data:
            new_category = member.category
            member.category = Member.objects.get(pk=member.pk).category
            super().save_model(request, member, form, change)
            member.change_category(new_category, note=note)
        else:
            super().save_model(request, member, form, change)
            if not change:
                member.record_first_category(note=note)

    def get_urls(self):
        invite = self.admin_site.admin_view(self.invite_view)
        return [
            path("<int:pk>/invite/", invite, name="members_member_invite"),
            *super().get_urls(),
        ]

    def invite_view(self, request, pk):
        """Invite a person by email to represent this member. Like a representative's
        invitation, it waits for the person to accept: an address typed here may be
        anyone's account. Staff attach an existing account at once, when they must, with
        the member's "representatives" field."""
        member = get_object_or_404(Member, pk=pk)
        if not self.has_change_permission(request, member):
            raise PermissionDenied
        form = InviteForm(request.POST or None, member=member)
        if request.method == "POST" and form.is_valid():
            self.message_user(request, form.send(invited_by=request.user))
            return redirect("admin:members_member_change", member.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "member": member,
            "form": form,
            "title": _("Invite a representative of %(member)s") % {"member": member.name},
        }
        return TemplateResponse(request, "admin/members/member/invite.html", context)

    @admin.action(description=_("Publish the selected members"))
    def publish(self, request, queryset):
        count = queryset.update(published=True)
        search_index.reindex(queryset)
        pagecache.changed()
        message = ngettext("%(count)d member published.", "%(count)d members published.", count)
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Unpublish the selected members"))
    def unpublish(self, request, queryset):
        count = queryset.update(published=False)
        search_index.reindex(queryset)
        pagecache.changed()
        message = ngettext("%(count)d member unpublished.", "%(count)d members unpublished.", count)
        self.message_user(request, message % {"count": count})


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    publish = forms.BooleanField(
        label=_("Publish the new member in the directory at once"), required=False
    )
    note = CleanFormCharField(
        label=_("Decision note"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the applicant when rejected; kept in the history when approved."),
    )

    def __init__(self, *args, language, **kwargs):
        """`language`: the applicant's, in which the decision email goes out, so the
        reason it carries is asked for in that language too."""
        super().__init__(*args, **kwargs)
        name = get_language_info(language)["name_translated"]
        note = self.fields["note"]
        note.label = _("Reason, in %(language)s (the applicant's language)") % {"language": name}
        note.help_text = _(
            "Write it in %(language)s: if you reject the application, the applicant receives "
            "it in an email in %(language)s. When you approve, it is kept in the history."
        ) % {"language": name}
        note.widget.attrs["lang"] = language

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("note"):
            self.add_error("note", _("Tell the applicant why the application is rejected."))
        if (
            cleaned.get("decision") == "approve"
            and MembershipCategory.objects.for_approved_applicants() is None
        ):
            self.add_error(
                "decision",
                _(
                    "No membership category receives approved applicants. In “Membership "
                    "categories”, set “who may join” to “after an approved application” on "
                    "one of them, then approve."
                ),
            )
        return cleaned


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = (
        "organisation",
        "country",
        "category",
        "language",
        "status",
        "submitted_at",
        "decided_by",
    )
    list_filter = ("status", "category", "language", "country")
    search_fields = ("organisation", "city", "contact_name", "contact_email")
    date_hierarchy = "submitted_at"
    list_select_related = ("category", "decided_by")
    actions = ["mark_under_review"]
    fieldsets = (
        (
            _("Organisation"),
            {
                "fields": (
                    "organisation",
                    "country",
                    "city",
                    "website",
                    "legal_status",
                    "year_founded",
                    "category",
                    "work",
                )
            },
        ),
        (
            _("Contact person"),
            {
                "fields": (
                    "contact_name",
                    "contact_role",
                    "contact_email",
                    "contact_phone",
                    "language",
                )
            },
        ),
        (_("Documents"), {"fields": ("documents", "consent")}),
        (
            _("Decision"),
            {
                "fields": (
                    "status",
                    "submitted_at",
                    "decided_by",
                    "decided_at",
                    "decision_note",
                    "member",
                )
            },
        ),
    )

    def has_add_permission(self, request):
        return False

    def get_changelist(self, request, **kwargs):
        return YearRangeChangeList

    def get_readonly_fields(self, request, obj=None):
        """An application is what the applicant sent: staff decide, they do not edit."""
        return [name for _title, options in self.fieldsets for name in options["fields"]]

    @admin.display(description=_("documents"))
    def documents(self, application):
        links = [
            format_html(
                '<a href="{}">{}</a>',
                reverse("admin:members_application_document", args=[application.pk, name]),
                Application._meta.get_field(name).verbose_name,
            )
            for name in Application.DOCUMENTS
        ]
        items = format_html_join("", "<li>{}</li>", ((link,) for link in links))
        return format_html('<ul class="links">{}</ul>', items)

    def get_urls(self):
        return [
            path(
                "<int:pk>/document/<slug:name>/",
                self.admin_site.admin_view(self.document_view),
                name="members_application_document",
            ),
            path(
                "<int:pk>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="members_application_decide",
            ),
            *super().get_urls(),
        ]

    def document_view(self, request, pk, name):
        """A document, for staff who may see applications; nobody else."""
        application = get_object_or_404(Application, pk=pk)
        if name not in Application.DOCUMENTS or not self.has_view_permission(request, application):
            raise PermissionDenied
        document = getattr(application, name)
        return sandboxed(
            FileResponse(
                document.open("rb"),
                as_attachment=True,
                content_type="application/pdf",
                filename=f"{slugify(application.organisation)}-{name}.pdf",
            )
        )

    def decide_view(self, request, pk):
        application = get_object_or_404(Application, pk=pk)
        if not self.has_change_permission(request, application):
            raise PermissionDenied
        form = DecisionForm(request.POST or None, language=application.language)
        if request.method == "POST" and form.is_valid() and not application.is_decided:
            note = form.cleaned_data["note"]
            if form.cleaned_data["decision"] == "approve":
                member = application.approve(
                    by=request.user, publish=form.cleaned_data["publish"], note=note
                )
                self.message_user(
                    request,
                    _("Approved: %(member)s is an applicant member; its contact person is invited.")
                    % {"member": member.name},
                )
            else:
                application.reject(by=request.user, note=note)
                self.message_user(request, _("Rejected; the applicant has been told why."))
            return redirect("admin:members_application_change", application.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "application": application,
            "form": form,
            "title": _("Decide on the application of %(name)s") % {"name": application},
            "language": get_language_info(application.language)["name_translated"],
        }
        return TemplateResponse(request, "admin/members/application/decide.html", context)

    @admin.action(description=_("Mark the selected applications as under review"))
    def mark_under_review(self, request, queryset):
        count = sum(application.mark_under_review() for application in queryset)
        message = ngettext(
            "%(count)d application marked as under review.",
            "%(count)d applications marked as under review.",
            count,
        )
        self.message_user(request, message % {"count": count})


@admin.register(Affiliate)
class AffiliateAdmin(admin.ModelAdmin):
    # The list's columns, and the export's.
    list_display = (
        "name",
        "email",
        "organisation",
        "country",
        "language",
        "confirmed_at",
        "unsubscribed_at",
    )
    list_filter = (
        "language",
        "country",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("name", "email", "organisation")
    readonly_fields = ("created_at", "confirmed_at", "unsubscribed_at")
    actions = ["export_csv"]

    @admin.action(description=_("Export the selected affiliates (CSV)"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="affiliates.csv"'
        writer = csv.writer(response)
        writer.writerow(self.list_display)
        for affiliate in queryset:
            writer.writerow(
                [
                    affiliate.name,
                    affiliate.email,
                    affiliate.organisation,
                    affiliate.country.code,
                    affiliate.language,
                    affiliate.confirmed_at or "",
                    affiliate.unsubscribed_at or "",
                ]
            )
        return response
