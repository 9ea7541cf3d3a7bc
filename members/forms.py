from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cpe_network.lib.antispam import HumanCheckMixin
from cpe_network.lib.forms import CompletePostMixin, FilterForm
from cpe_network.lib.text import CleanFormCharField
from cpe_network.lib.uploads import KeepUploadsMixin

from .models import (
    WORK_LANGUAGES,
    Affiliate,
    Application,
    Invitation,
    Member,
    MemberDocument,
    MemberMessage,
    MembershipCategory,
    User,
)
from .models.contacts import recipient_takes_one_more, sender_limit


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


class ContactDetailsForm(forms.ModelForm):
    """A representative's choice to be shown to other members as a contact person, with
    the name, role and languages they are shown with."""

    spoken_languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["shown_to_members", "first_name", "last_name", "role", "spoken_languages"]
        labels = {
            "shown_to_members": _("Show me to other members as a contact person"),
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "role": _("Your role"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spoken_languages"].choices = sorted(
            ((code, get_language_info(code)["name_translated"]) for code in WORK_LANGUAGES),
            key=lambda choice: str(choice[1]),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("shown_to_members"):
            for name in ("first_name", "last_name"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(
                        name, _("Give your name: members see it when you are shown to them.")
                    )
        return cleaned


class ContactPersonForm(forms.ModelForm):
    """A member's message to a contact person of another member: the organisation they
    write for, when they represent several, and the address to reply to. Refused past
    the sender's hourly limit or the recipient's daily one (`rate_limited`)."""

    rate_limited = False

    class Meta:
        model = MemberMessage
        fields = ["sender_member", "message", "reply_email"]
        widgets = {
            "sender_member": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {
            "sender_member": _("You write on behalf of"),
            "message": _("Your message"),
            "reply_email": _("Your email address, for their reply"),
        }
        help_texts = {
            "sender_member": "",
            "reply_email": _(
                "The email they receive shows it, and their reply goes to it. No page shows it."
            ),
        }

    def __init__(self, *args, sender, recipient, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.sender = sender
        self.instance.recipient = recipient
        self.instance.member = member
        self.fields["reply_email"].initial = sender.email
        self.fields["reply_email"].widget.attrs["autocomplete"] = "email"
        organisations = Member.objects.represented_by(sender).filter(status=Member.Status.ACTIVE)
        organisations = list(organisations.order_by("sort_name"))
        if len(organisations) > 1:
            field = self.fields["sender_member"]
            field.queryset = Member.objects.filter(pk__in=[m.pk for m in organisations])
            field.empty_label = None
            field.required = True
        else:  # one organisation (or none, for the network's staff): nothing to choose
            del self.fields["sender_member"]
            self.instance.sender_member = organisations[0] if organisations else None

    def clean(self):
        cleaned = super().clean()
        if sender_limit(self.instance.sender).reached:
            self.rate_limited = True
            raise forms.ValidationError(
                _(
                    "You have sent many messages in the last hour. What you typed is kept "
                    "below: please send it again later."
                ),
                code="rate_limited",
            )
        if (
            not self.errors
            and not self._repeats_a_message(cleaned)
            and not recipient_takes_one_more(self.instance.recipient)
        ):
            self.rate_limited = True
            raise forms.ValidationError(
                _(
                    "This person has received many messages through the site today. What "
                    "you typed is kept below: please send it again tomorrow."
                ),
                code="recipient_limited",
            )
        return cleaned

    def _repeats_a_message(self, cleaned):
        """The same message as one just sent (a double click): not counted again
        against the recipient's daily limit; `send` returns the first one."""
        message = MemberMessage(
            sender=self.instance.sender,
            recipient=self.instance.recipient,
            message=cleaned.get("message", ""),
        )
        return MemberMessage.objects.repeated(message) is not None

    def send(self):
        """Store the message and queue its email (after the commit), once: the same
        message to the same person sent again within a few minutes (a double click, a
        page sent again) is the one already stored, and no second email goes."""
        with transaction.atomic():
            # Two posts at the same moment take turns (on PostgreSQL; SQLite writes one
            # transaction at a time): the second one finds the first.
            User.objects.select_for_update().filter(pk=self.instance.recipient_id).first()
            earlier = MemberMessage.objects.repeated(self.instance)
            if earlier is not None:
                return earlier
            message = self.save()
            sender_limit(message.sender).count()
            transaction.on_commit(message.relay)
        return message


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


class PersonalDataForm(forms.Form):
    """Staff's "Personal data" page (members.admin.UserAdmin.personal_data_view): the
    address whose data to show, download or erase. Erasing asks for a confirmation."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Everything the site keeps about this address, in any account or form."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that erasing cannot be undone"),
        required=False,
        help_text=_("Needed to erase only."),
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = staff

    def clean(self):
        cleaned = super().clean()
        if self.data.get("do") == "erase":
            if not cleaned.get("confirm"):
                self.add_error("confirm", _("Tick the box to confirm the erasure."))
            email = cleaned.get("email", "")
            if self.staff is not None and email.lower() == self.staff.email.lower():
                self.add_error("email", _("Another staff member must erase your own data."))
        return cleaned
