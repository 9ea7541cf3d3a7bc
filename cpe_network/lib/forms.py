"""What the site's forms share."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CompletePostMixin:
    """A model form that changes a saved row refuses a post in which some of its fields
    are missing altogether (a broken page, a script, a truncated request): Django would
    take each missing field as emptied and blank what was saved. File inputs and
    checkboxes are absent from a post when left alone, so they are not counted."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        missing = [
            name
            for name, field in self.fields.items()
            if not isinstance(field.widget, forms.FileInput)
            and field.widget.value_omitted_from_data(self.data, self.files, self.add_prefix(name))
        ]
        if missing:
            raise forms.ValidationError(
                _(
                    "Part of the form did not arrive, so nothing was saved. Reload the page "
                    "and send it again."
                ),
                code="incomplete",
            )
        return cleaned
