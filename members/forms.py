from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Member


class DirectoryFilterForm(forms.Form):
    """The directory's query string. Whatever does not validate is dropped, so a
    hand-edited or stale address shows results (or none), never an error."""

    q = forms.CharField(required=False, max_length=100, strip=True)
    country = forms.MultipleChoiceField(required=False)
    category = forms.ChoiceField(required=False)
    topic = forms.MultipleChoiceField(required=False)
    kind = forms.ChoiceField(required=False, choices=Member.Kind.choices)
    setting = forms.ChoiceField(required=False, choices=Member.Setting.choices)

    def __init__(self, data, *, categories, topics):
        super().__init__(data)
        self.fields["country"].choices = list(countries)  # named in the current language
        self.fields["category"].choices = [(c.slug, c.name) for c in categories]
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]

    def filters(self):
        """The valid filters, by name; invalid or empty ones are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ProfileForm(forms.ModelForm):
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
            "logo",
            "latitude",
            "longitude",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
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

    def changes(self):
        """The labels of what this form changed, for the history."""
        return [str(self.fields[name].label) for name in self.changed_data]


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(
        label=_("Language of their emails"), choices=settings.LANGUAGES, initial="en"
    )
