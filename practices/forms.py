from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import FIRST_YEAR, LAST_YEAR, Practice


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
    sort = forms.ChoiceField(required=False, choices=list(SORTS.items()))

    def __init__(self, data, *, topics):
        super().__init__(data)
        for name in ("from", "to"):  # Python keywords: added by name
            self.fields[name] = forms.IntegerField(
                required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
            )
        self.fields["country"].choices = list(countries)  # named in the current language
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]

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
