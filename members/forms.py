from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cpe_network.lib.antispam import HumanCheckMixin
from cpe_network.lib.forms import CompletePostMixin, FilterForm
from cpe_network.lib.text import CleanFormCharField
from cpe_network.lib.uploads import KeepUploadsMixin

from .models import Affiliate, Application, Invitation, Member, MemberDocument, MembershipCategory


class DirectoryFilterForm(FilterForm):
    """The directory's query string. Whatever does not validate is dropped, so a
    hand-edited or stale address shows results (or none), never an error."""

    q = forms.CharField(required=False, max_length=100, strip=True)
    country = forms.MultipleChoiceField(required=False)
    category = forms.ChoiceField(required=False)
    topic = forms.MultipleChoiceField(required=False)
    kind = forms.ChoiceField(required=False, choices=Member.Kind.choices)
    setting = forms.ChoiceField(required=False, choices=Member.Setting.choices)
    support = forms.ChoiceField(
        required=False, choices=[("families", _("Offers support to children and families"))]
    )

    def __init__(self, data, *, categories, topics):
        super().__init__(data)
        self.fields["country"].choices = list(countries)  # named in the current language
        self.fields["category"].choices = [(c.slug, c.name) for c in categories]
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]


class DocumentFilterForm(FilterForm):
    """The members' documents' query string: a category and a year, each dropped when
    it does not validate."""

    category = forms.ChoiceField(required=False, choices=MemberDocument.Category.choices)
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, years):
        super().__init__(data)
        self.fields["year"].choices = [(year, year) for year in years]


class ProfileForm(KeepUploadsMixin, CompletePostMixin, forms.ModelForm):
    """What a representative keeps current, in both languages."""

    class Meta:
        model = Member
        fields = [
            "summary_en",
            "summary_fr",
            "description_en",
            "description_fr",
            "mission_en",
            "mission_fr",
            "topics",
            "website",
            "email",
            "phone",
            "supports_families",
            "works_across_borders",
            "logo",
            "latitude",
            "longitude",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
            "description_fr": forms.Textarea(attrs={"rows": 6}),
            "mission_en": forms.Textarea(attrs={"rows": 3}),
            "mission_fr": forms.Textarea(attrs={"rows": 3}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        labels = {
            "summary_en": _("Short summary, in English"),
            "summary_fr": _("Short summary, in French"),
            "description_en": _("Description, in English"),
            "description_fr": _("Description, in French"),
            "mission_en": _("Mission statement, in English"),
            "mission_fr": _("Mission statement, in French"),
        }
        help_texts = {
            "latitude": _("For the pin on the map, for example 45.764 (optional)."),
            "longitude": _("For the pin on the map, for example 4.836 (optional)."),
        }

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("summary_en") or cleaned.get("summary_fr")):
            self.add_error(
                "summary_en",
                _("Give a short summary in English or in French: the directory shows it."),
            )
        return cleaned

    def changes(self):
        """The labels of what this form changed, for the history."""
        return [str(self.fields[name].label) for name in self.changed_data]


class InviteForm(forms.Form):
    """An invitation to represent `member`: the names and language are used only if the
    address has no account yet."""

    first_name = CleanFormCharField(label=_("First name"), max_length=150)
    last_name = CleanFormCharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(
        label=_("Language of their emails"), choices=settings.LANGUAGES, initial="en"
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_email(self):
        email = self.cleaned_data["email"]
        if self.member.representatives.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("This address already represents %(member)s."),
                params={"member": self.member.name},
                code="already_representative",
            )
        return email

    def send(self, *, invited_by):
        """Invite the person (Invitation.objects.invite); returns what the inviter is told."""
        invitation = Invitation.objects.invite(
            self.member, invited_by=invited_by, **self.cleaned_data
        )
        return _(
            "An invitation is on its way to %(email)s: they will represent %(member)s "
            "once they accept it."
        ) % {"email": invitation.email, "member": self.member.name}


class ApplicationForm(KeepUploadsMixin, HumanCheckMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the network keeps these details "
            "and documents to decide on the application."
        ),
        error_messages={"required": _("Please agree to the privacy notice to apply.")},
    )

    class Meta:
        model = Application
        fields = [
            "organisation",
            "country",
            "city",
            "website",
            "legal_status",
            "year_founded",
            "work",
            "category",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
            "language",
            "annual_report_1",
            "annual_report_2",
            "reference_letter",
            "consent",
        ]
        widgets = {
            "work": forms.Textarea(attrs={"rows": 8}),
            "language": forms.RadioSelect,
            "annual_report_1": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            "annual_report_2": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            "reference_letter": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
        }
        help_texts = {
            "annual_report_1": _("PDF, at most 10 MB."),
            "annual_report_2": _("PDF, at most 10 MB."),
            "reference_letter": _(
                "From an official body or a person known at national or European level. "
                "PDF, at most 10 MB."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = MembershipCategory.objects.open_to_applications()
        self.fields["category"].empty_label = None
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = get_language()
        self.fields["country"].choices = [("", "—"), *countries]
        self.order_fields([*self.Meta.fields, "nickname", "started"])


class SubscribeForm(HumanCheckMixin, forms.ModelForm):
    """The public form to receive the news (Affiliate.objects.subscribe). The address is
    the form's own field, not one of the model's (Meta.fields), so the form does not check
    that it is new: an address already on the list is no error, and the page must not
    reveal it."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "I agree that the network keeps my name and address to send me its digest. "
            "I can unsubscribe at any time."
        ),
        error_messages={"required": _("Please agree to receive the digest to subscribe.")},
    )
    field_order = ["name", "email"]

    class Meta:
        model = Affiliate
        fields = ["name", "organisation", "country", "language", "consent"]
        widgets = {"language": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = get_language()
        self.fields["country"].choices = [("", "—"), *countries]
