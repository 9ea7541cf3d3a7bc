"""The practice database's forms."""

import re

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cpe_network.lib.forms import CompletePostMixin
from cpe_network.lib.uploads import KeepUploadsMixin
from members.models import Member
from news.forms import TEXT_LABELS, TEXT_WIDGETS, TwoLanguagesMixin

from .models import FIRST_YEAR, LAST_YEAR, Adaptation, Practice, Source

# --- The member portal: a practice shared by a representative, with its sources, and
# --- the record that a member adapted a practice.

MAX_SOURCES = 5


class SourceForm(forms.ModelForm):
    """One row of the sources: left empty, it is ignored; filled in, it needs a title."""

    class Meta:
        model = Source
        fields = ["title", "language", "year", "url"]
        labels = {"title": _("Title of the study or report")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False  # not on the empty rows: clean() asks

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and "title" not in self.errors:
            self.add_error("title", _("Give its title, or leave the whole row empty."))
        return cleaned


class BaseSourceFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this source")


# Empty rows to fill in, without JavaScript: three more than those saved, five at most.
SourceFormSet = inlineformset_factory(
    Practice,
    Source,
    form=SourceForm,
    formset=BaseSourceFormSet,
    extra=3,
    max_num=MAX_SOURCES,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)


# The parts of the form to share a practice, each under its heading, in the order the
# page draws them; the form has these fields and no other.
PRACTICE_GROUPS = [
    (_("The practice"), [*TEXT_LABELS, "kind"]),
    (
        _("Where, when and for whom"),
        [
            "countries",
            "worldwide",
            "start_year",
            "end_year",
            "topics",
            "age_groups",
            "setting",
            "providers",
        ],
    ),
    (_("Documents and picture"), ["link", "document", "image", "image_alt"]),
    (_("What the evidence says"), ["rating", "evaluation", "findings_en", "findings_fr"]),
]


class MemberPracticeForm(KeepUploadsMixin, CompletePostMixin, TwoLanguagesMixin, forms.ModelForm):
    """A practice a representative shares from the portal: in English, French or both,
    with what the evidence says and its sources (the formset `sources`, saved with it)."""

    class Meta:
        model = Practice
        fields = [name for _heading, names in PRACTICE_GROUPS for name in names]
        labels = {
            **TEXT_LABELS,
            "findings_en": _("Findings, in English"),
            "findings_fr": _("Findings, in French"),
            "rating": _("Rating"),
        }
        widgets = {
            **TEXT_WIDGETS,
            "findings_en": forms.Textarea(attrs={"rows": 4}),
            "findings_fr": forms.Textarea(attrs={"rows": 4}),
            "document": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        }
        help_texts = {
            "countries": _("Where it is used. Leave empty if it is used worldwide."),
            "start_year": _("The year it started, or was published."),
        }

    GROUPS = PRACTICE_GROUPS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].required = False
        # The choices' names are written to sit inside a sentence; alone in a form, as in
        # the list's filters, they start with a capital.
        for name in ("kind", "setting", "providers", "rating", "evaluation"):
            field = self.fields[name]
            field.choices = [(value, capfirst(label)) for value, label in field.choices]
        self.sources = SourceFormSet(
            self.data if self.is_bound else None,
            instance=self.instance,
            prefix="sources",
        )

    def groups(self):
        """[(heading, [bound fields])] in the order of GROUPS."""
        return [(heading, [self[name] for name in names]) for heading, names in self.GROUPS]

    def is_valid(self):
        valid = super().is_valid()
        return self.sources.is_valid() and valid

    def save_related(self):
        """Once the practice is saved (Practice.submit): its topics and its sources."""
        self.save_m2m()
        self.sources.instance = self.instance
        self.sources.save()


class MemberAdaptationForm(CompletePostMixin, forms.ModelForm):
    """A member took up a published practice in another country. A representative of
    several members says which one did; the others have only one to choose."""

    sender = forms.ModelChoiceField(
        queryset=None,
        label=_("Which organisation adapted it"),
        empty_label=None,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Adaptation
        fields = ["country", "year", "changes_en", "changes_fr", "outcome_en", "outcome_fr"]
        labels = {
            "country": _("The country where you use it"),
            "year": _("The year you started"),
            "changes_en": _("What changed, in English"),
            "changes_fr": _("What changed, in French"),
            "outcome_en": _("What happened, in English"),
            "outcome_fr": _("What happened, in French"),
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("changes_en", "changes_fr", "outcome_en", "outcome_fr")
        }
        help_texts = {
            "changes_en": _("What you changed to make it work in your country."),
            "outcome_en": _("What it achieved, or what you learnt, as far as you know."),
        }

    def __init__(self, *args, practice, members=None, member=None, **kwargs):
        """`members`: the members the person represents, to choose among when they are
        several (a new adaptation); otherwise the form asks nothing about it, and the
        adaptation is `member`'s (or the one it was recorded for)."""
        super().__init__(*args, **kwargs)
        self.instance.practice = practice
        self.member = self.instance.member or member
        self.fields["country"].choices = [("", "—"), *countries]
        if members is not None and len(members) > 1:
            self.fields["sender"].queryset = members
        else:
            del self.fields["sender"]

    def clean_country(self):
        country = self.cleaned_data["country"]
        if country in [str(code) for code in self.instance.practice.countries]:
            raise forms.ValidationError(
                _("The practice comes from this country: an adaptation is in another one.")
            )
        return country

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"changes_{code}") for code, _name in settings.LANGUAGES):
            self.add_error("changes_en", _("Say what changed, in English or in French (or both)."))
        if cleaned.get("country") and self.recorded_already(
            cleaned["country"], cleaned.get("sender") or self.member
        ):
            self.add_error("country", self.ALREADY_RECORDED)
        return cleaned

    ALREADY_RECORDED = _(
        "You already recorded an adaptation of this practice in this country: change it "
        "from your portal rather than recording it again."
    )

    def recorded_already(self, country, member):
        """Whether `member` recorded an adaptation of this practice in `country` (once
        only: Adaptation's constraint)."""
        if member is None:
            return False
        recorded = Adaptation.objects.filter(
            practice=self.instance.practice, country=country, member=member
        )
        return recorded.exclude(pk=self.instance.pk).exists()

    def save_related(self):
        """Once the adaptation is saved (Adaptation.submit): nothing beside it."""
        self.save_m2m()


# --- The practices list: its filters, from the query string.

SLUG = re.compile(r"[-\w]+")


class PracticeFilterForm(forms.Form):
    """The practices list's query string (and its exports'). Whatever does not validate
    is dropped, so a hand-edited or stale address shows results (or none), never an
    error. The year range is named `from` and `to` in the address."""

    SORTS = {
        "newest": _("Newest first"),
        "title": _("Title"),
        "evidence": _("Strongest evidence first"),
    }

    q = forms.CharField(required=False, max_length=100, strip=True)
    kind = forms.ChoiceField(required=False, choices=Practice.Kind.choices)
    country = forms.MultipleChoiceField(required=False)
    topic = forms.MultipleChoiceField(required=False)
    age = forms.ChoiceField(required=False, choices=Practice.AgeGroup.choices)
    setting = forms.ChoiceField(required=False, choices=Practice.Setting.choices)
    rating = forms.ChoiceField(required=False, choices=Practice.Rating.choices)
    adapted = forms.ChoiceField(required=False, choices=[("yes", _("Taken up in another country"))])
    reach = forms.ChoiceField(
        required=False, choices=[("several", _("Used in more than one country"))]
    )
    # Members' slugs, repeatable: checked against the listed members in clean_member,
    # not offered as choices (there are hundreds).
    member = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    sort = forms.ChoiceField(required=False, choices=list(SORTS.items()))

    MAX_MEMBERS = 10

    def __init__(self, data, *, topics):
        super().__init__(data)
        for name in ("from", "to"):  # Python keywords: added by name
            self.fields[name] = forms.IntegerField(
                required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
            )
        self.fields["country"].choices = list(countries)  # named in the current language
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]
        self.member_names = {}  # the chosen members' names, by slug (clean_member)

    def clean_member(self):
        """The slugs of listed members, in the order given, the others dropped: one
        query, and none without any."""
        given = self.cleaned_data["member"] or []
        given = [given] if isinstance(given, str) else given
        slugs = [
            value
            for value in dict.fromkeys(given)
            if isinstance(value, str) and len(value) <= 200 and SLUG.fullmatch(value)
        ][: self.MAX_MEMBERS]
        if slugs:
            self.member_names = dict(
                Member.objects.listed().filter(slug__in=slugs).values_list("slug", "name")
            )
        return [slug for slug in slugs if slug in self.member_names]

    def clean(self):
        """Years given the wrong way round ("from 2020 to 2010") mean the years between."""
        cleaned = super().clean()
        first, last = cleaned.get("from"), cleaned.get("to")
        if first is not None and last is not None and first > last:
            cleaned["from"], cleaned["to"] = last, first
        return cleaned

    def filters(self):
        """The valid filters, by name; invalid or empty ones, and the order, are left out."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "sort" and value not in (None, "", [])
        }

    def sort_order(self):
        self.is_valid()
        return self.cleaned_data.get("sort") or "newest"
