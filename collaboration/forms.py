"""Working together: the calls' forms."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cpe_network.lib.forms import CompletePostMixin, FilterForm
from cpe_network.lib.text import CleanFormCharField
from cpe_network.lib.uploads import KeepUploadsMixin, KeptClearableFileInput
from members.models import WORK_LANGUAGES, Member, work_language_choices

from .models import REPLY_LENGTH, THANKS_LENGTH, Call, Reply

# --- The calls' list and archive: their filters, from the query string.


class CallFilterForm(FilterForm):
    """The calls list's query string (and the archive's, which has no `soon`). A value
    that is not one of a filter's choices is dropped alone: the others given with it
    still filter."""

    q = forms.CharField(required=False, max_length=100, strip=True)
    kind = forms.ChoiceField(required=False, choices=Call.Kind.choices)
    topic = forms.MultipleChoiceField(required=False)
    country = forms.MultipleChoiceField(required=False)
    language = forms.MultipleChoiceField(required=False)
    soon = forms.ChoiceField(required=False, choices=[("yes", _("Closing soon"))])

    MULTIPLE = ("topic", "country", "language")

    def __init__(self, data, *, topics, archive=False):
        super().__init__(self._known_values(data, topics))
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]
        self.fields["country"].choices = list(countries)  # named in the current language
        self.fields["language"].choices = work_language_choices()
        if archive:  # every call in the archive is closed
            del self.fields["soon"]

    def _known_values(self, data, topics):
        """`data` with the repeatable filters' unknown values left out, so that one bad
        value does not drop the good ones beside it."""
        known = {
            "topic": {topic.slug for topic in topics},
            "country": set(countries.countries),  # their codes: no name translated
            "language": set(WORK_LANGUAGES),
        }
        data = data.copy()
        for name, values in known.items():
            if name in data:
                data.setlist(name, [value for value in data.getlist(name) if value in values])
        return data


# The portal's forms.

# How far ahead a deadline may be: a call is for work about to start.
LONGEST_DEADLINE_DAYS = 2 * 365


class HintedRadioSelect(forms.RadioSelect):
    """Radio buttons, each with a hint under its label (`hints`: by value)."""

    option_template_name = "collaboration/portal/_hinted_option.html"

    def __init__(self, *args, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = hints or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        hint = self.hints.get(str(value))
        if hint and option["attrs"].get("id"):
            option["hint"] = hint
            option["hint_id"] = f"{option['attrs']['id']}_hint"
            option["attrs"]["aria-describedby"] = option["hint_id"]
        return option


class _SavedDocument:
    """The saved document as the file input shows it: linked through the call's own
    address, since private files have none of their own."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


class DocumentInput(KeptClearableFileInput):
    """The call's PDF: a new one, the one kept while the page came back with errors,
    or the saved one (`saved`: its name and address) with a box to remove it."""

    saved = None

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"] and self.saved:
            context["widget"]["value"] = _SavedDocument(*self.saved)
        return context


KIND_HINTS = {
    Call.Kind.PARTNERS: _("Organisations to run a project with you."),
    Call.Kind.RESEARCH: _("Organisations, or people in some countries, to take part in a study."),
    Call.Kind.EXCHANGE: _("A visit to learn from another organisation’s work, or to show yours."),
    Call.Kind.EXPERTISE: _("Someone who knows a subject, a law or a way of working."),
}


class MemberCallForm(KeepUploadsMixin, CompletePostMixin, forms.ModelForm):
    """A call a representative posts from the portal, in English, French or both. The
    model asks for a title in one language and a description in the title's."""

    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the work will use."),
    )
    is_public = forms.TypedChoiceField(
        label=_("Who may read it"),
        choices=[
            (False, _("Members of the network only")),
            (True, _("Everyone (public)")),
        ],
        coerce=lambda value: value == "True",
        initial=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Visitors see only that a members-only call exists, and that they must sign in "
            "to read it."
        ),
    )

    class Meta:
        model = Call
        fields = [
            "kind",
            "title_en",
            "description_en",
            "title_fr",
            "description_fr",
            "topics",
            "countries",
            "languages",
            "deadline",
            "funding_programme",
            "file",
            "is_public",
        ]
        labels = {
            "kind": _("What you seek"),
            "title_en": _("Title, in English"),
            "title_fr": _("Title, in French"),
            "description_en": _("Description, in English"),
            "description_fr": _("Description, in French"),
            "topics": _("Topics"),
            "countries": _("Countries sought"),
            "deadline": _("Deadline"),
            "funding_programme": _("Funding programme"),
            "file": _("Document (PDF)"),
        }
        help_texts = {
            "description_en": _("What the work is, what you offer and what you ask of partners."),
            "countries": _(
                "Leave empty if partners from any country are welcome. To choose several, "
                "hold Ctrl (or Cmd on a Mac) while you click."
            ),
            "deadline": _("The last day to reply; the call closes after it."),
            "file": _("Optional: PDF, at most 10 MB, for the details."),
        }
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "description_fr": forms.Textarea(attrs={"rows": 8}),
            "topics": forms.CheckboxSelectMultiple,
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "file": DocumentInput(attrs={"accept": "application/pdf,.pdf"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        kind.choices = [(value, capfirst(label)) for value, label in Call.Kind.choices]
        kind.widget = HintedRadioSelect(choices=kind.choices, hints=KIND_HINTS)
        self.fields["languages"].choices = work_language_choices()
        self.fields["countries"].required = False
        if self.instance.pk and self.instance.file:
            self.fields["file"].widget.saved = (
                self.instance.download_name,
                self.instance.file_url,
            )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if self.instance.pk and deadline == self.instance.deadline:
            return deadline  # unchanged: an open call may close today
        today = timezone.localdate()
        if deadline <= today:
            raise forms.ValidationError(
                _("The deadline must be after today."), code="deadline_past"
            )
        if deadline > today + datetime.timedelta(days=LONGEST_DEADLINE_DAYS):
            raise forms.ValidationError(
                _("The deadline may be two years ahead at most."), code="deadline_far"
            )
        return deadline


class ReplyForm(forms.ModelForm):
    """A member's reply to a call: a message, and the address the poster answers to.
    A representative of several members says which one replies; `members` are those
    that may (active, not the poster, not replied yet). `limited`: the person sent
    too many replies in the last hour, and this one is refused."""

    message = CleanFormCharField(
        label=_("Your message"),
        max_length=REPLY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say who you are, what you would bring, and what you would like to know."),
    )
    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        label=_("Which organisation replies"),
        empty_label=None,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Reply
        fields = ["member", "message", "email"]
        labels = {"email": _("Email address to share")}
        help_texts = {
            "email": _(
                "Sent to the poster with your message, so they can answer you; never shown "
                "on the site."
            )
        }

    rate_limited = False

    def __init__(self, *args, members, limited=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.limited = limited
        if len(members) > 1:
            self.fields["member"].queryset = Member.objects.filter(
                pk__in=[member.pk for member in members]
            ).order_by("sort_name")
        else:
            del self.fields["member"]
            self.instance.member = members[0]

    def clean(self):
        cleaned = super().clean()
        if self.limited:
            self.rate_limited = True
            raise forms.ValidationError(
                _(
                    "You have sent many replies in the last hour. What you typed is kept "
                    "below: please send it again later."
                ),
                code="rate_limited",
            )
        return cleaned


class FilledForm(forms.Form):
    """Marking a call filled, with an optional word of thanks to every replier."""

    thanks = CleanFormCharField(
        label=_("A message to those who replied"),
        required=False,
        max_length=THANKS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Each of them receives an email saying the call is filled."),
    )
