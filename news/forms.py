from django import forms
from django_countries import countries


class NewsFilterForm(forms.Form):
    """The news list's query string; whatever does not validate is dropped."""

    topic = forms.ChoiceField(required=False)
    country = forms.ChoiceField(required=False)
    member = forms.ChoiceField(required=False)

    def __init__(self, data, *, topics, members):
        super().__init__(data)
        self.fields["topic"].choices = [(t.slug, t.name) for t in topics]
        self.fields["country"].choices = list(countries)
        self.fields["member"].choices = members

    def filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
