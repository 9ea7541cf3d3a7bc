from django import forms
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
