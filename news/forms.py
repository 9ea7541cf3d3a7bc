from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cpe_network.lib.dates import validate_year
from cpe_network.lib.forms import CompletePostMixin, FilterForm
from cpe_network.lib.places import TypedCityMixin
from cpe_network.lib.text import sort_key
from cpe_network.lib.uploads import KeepUploadsMixin, validate_pdf
from members.models import Member

from .models import Event, Post, time_zone_choices


class NewsFilterForm(FilterForm):
    """A list's query string (news, events); whatever does not validate is dropped.

    The panel offers what `options` gives (views._options: the countries that have items
    in the list, and the members with the most); any country code, and any listed
    member's slug (`?member=<slug>`, as the member's page links it), is still a valid
    filter, and is then offered too."""

    # Words, searched as the site search does (search.query: it reads the first 200
    # characters).
    q = forms.CharField(required=False)
    topic = forms.ChoiceField(required=False)
    country = forms.CharField(required=False)
    member = forms.SlugField(required=False)

    def __init__(self, data, *, topics, options):
        super().__init__(data)
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]
        self.country_choices = options["countries"]
        self.member_choices = options["members"]

    def clean_country(self):
        code = self.cleaned_data["country"]
        if code not in countries:
            return ""
        if code not in dict(self.country_choices):
            asked = (code, countries.name(code))
            self.country_choices = sorted_by_name([*self.country_choices, asked])
        return code

    def clean_member(self):
        slug = self.cleaned_data["member"]
        if not slug or slug in dict(self.member_choices):
            return slug
        name = Member.objects.listed().filter(slug=slug).values_list("name", flat=True).first()
        if name is None:
            return ""
        self.member_choices = sorted_by_name([*self.member_choices, (slug, name)])
        return slug


def sorted_by_name(choices):
    return sorted(choices, key=lambda choice: sort_key(str(choice[1])))


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as typed, with no zone yet: the event's zone is applied in the
    form's clean(), so a time that exists there is never refused because of the
    clock change of the server's zone. Its year is checked first: near the years 1 and
    9999 the zone could carry it out of what Python can count."""

    def to_python(self, value):
        with timezone.override(UTC):
            value = super().to_python(value)
        validate_year(value)
        return timezone.make_naive(value, UTC) if value else value


class LocalSplitDateTimeField(forms.SplitDateTimeField):
    """The admin's date and time boxes, read the same way."""

    def compress(self, data_list):
        with timezone.override(UTC):
            value = super().compress(data_list)
        validate_year(value)
        return timezone.make_naive(value, UTC) if value else value


class EventTimesMixin:
    """An event's start and end are typed in the event's own time zone, whatever the
    zone of the person typing, and shown in it when the form opens again. The form's
    Meta gives both fields a class that reads them with no zone (`field_classes`:
    LocalDateTimeField, or LocalSplitDateTimeField for the admin's split boxes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = self.fields["time_zone"]
        self.fields["time_zone"] = forms.ChoiceField(
            label=model_field.label,
            help_text=model_field.help_text,
            choices=time_zone_choices(),
            initial=model_field.initial,
        )
        event = self.instance
        if event.pk and not self.is_bound:
            for name in ("start", "end"):
                local = timezone.localtime(getattr(event, name), event.zone)
                self.initial[name] = local.replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        for name in ("start", "end"):
            value = cleaned.get(name)
            if value is None:
                continue
            if not zone_name:  # the zone was refused (its error says why); nothing is saved
                cleaned[name] = value.replace(tzinfo=UTC)
                continue
            zone = ZoneInfo(zone_name)
            aware = value.replace(tzinfo=zone)
            if cleaned.get("all_day"):
                aware = datetime.combine(value.date(), time(12), tzinfo=zone)
            elif aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != value:
                self.add_error(
                    name,
                    _(
                        "This time does not exist in %(zone)s: the clocks go forward that "
                        "night. Choose a time after the change."
                    )
                    % {"zone": zone_name},
                )
                continue
            cleaned[name] = aware
        return cleaned


class TwoLanguagesMixin:
    """Members write in English, French or both: at least one title is needed."""

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{code}") for code, _name in settings.LANGUAGES):
            raise forms.ValidationError(
                _("Give a title in English or in French (or both)."), code="no_title"
            )
        for code, _name in settings.LANGUAGES:
            text = cleaned.get(f"summary_{code}") or cleaned.get(f"body_{code}")
            if text and not cleaned.get(f"title_{code}"):
                self.add_error(
                    f"title_{code}", _("Give a title in this language too, or remove its text.")
                )
        return cleaned


LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT_LABELS = {
    "title_en": _("Title, in English"),
    "title_fr": _("Title, in French"),
    "summary_en": _("Summary, in English"),
    "summary_fr": _("Summary, in French"),
    "body_en": _("Text, in English"),
    "body_fr": _("Text, in French"),
}
TEXT_WIDGETS = {
    "summary_en": forms.Textarea(attrs={"rows": 2}),
    "summary_fr": forms.Textarea(attrs={"rows": 2}),
    "body_en": forms.Textarea(attrs={"rows": 10}),
    "body_fr": forms.Textarea(attrs={"rows": 10}),
    "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    "topics": forms.CheckboxSelectMultiple,
}
TEXT_FIELDS = [*TEXT_LABELS, "image", "image_alt", "topics", "countries"]


class MemberPostForm(KeepUploadsMixin, CompletePostMixin, TwoLanguagesMixin, forms.ModelForm):
    """A news item a representative sends from the portal."""

    class Meta:
        model = Post
        fields = TEXT_FIELDS
        labels = TEXT_LABELS
        widgets = TEXT_WIDGETS
        help_texts = {"countries": _("The countries it concerns, if any.")}

    def save_related(self):
        """Once the post is saved (Post.submit): its topics."""
        self.save_m2m()


class MemberEventForm(
    KeepUploadsMixin,
    CompletePostMixin,
    EventTimesMixin,
    TwoLanguagesMixin,
    TypedCityMixin,
    forms.ModelForm,
):
    """An event a representative sends from the portal, with its programme if ready."""

    programme = forms.FileField(
        label=_("Programme"),
        required=False,
        validators=[validate_pdf],
        help_text=_("PDF, at most 10 MB (optional)."),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    class Meta:
        model = Event
        fields = [
            *TEXT_LABELS,
            "start",
            "end",
            "time_zone",
            "all_day",
            "venue",
            "city",
            "country",
            "online_url",
            "registration_url",
            "image",
            "image_alt",
            "topics",
            "countries",
        ]
        labels = TEXT_LABELS
        widgets = {**TEXT_WIDGETS, "start": LOCAL_DATETIME, "end": LOCAL_DATETIME}
        field_classes = {"start": LocalDateTimeField, "end": LocalDateTimeField}
        help_texts = {
            "start": _("Date and time, in the event's time zone."),
            "end": _("Date and time, in the event's time zone."),
            "countries": _("The countries it concerns, if any."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("venue") or cleaned.get("city") or cleaned.get("online_url")):
            self.add_error("city", _("Say where it takes place, or give its online link."))
        return cleaned

    def save_related(self):
        """Once the event is saved (Event.submit): its topics, and the programme sent
        with the form."""
        self.save_m2m()
        if programme := self.cleaned_data.get("programme"):
            self.instance.add_programme(programme)
