"""What the site's forms share, and how every form's fields are drawn
(settings.FORM_RENDERER: through the project's templates, so templates/forms/ may add
widgets of our own).

A form sent back shows what the person typed, as typed, beside the error. A browser's
box for numbers, dates or email addresses cannot do that: a number box empties itself
when given "forty-five", and a value that is not a number (or a date, or an address) is
invalid HTML there. So a refused value comes back in a plain text box, with the same
phone keyboard (`inputmode`).

Web addresses are always plain text boxes: the site accepts "example.org" and adds
https:// itself, where a browser's address box would refuse it before sending and could
not hold it when the form comes back for another field's error.
"""

import copy

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

TYPED = {"number", "url", "email", "date", "datetime-local", "time"}


def text_box(widget):
    """A copy of `widget` that draws a plain text box bringing up the same keyboard."""
    box = copy.copy(widget)
    kind = widget.input_type
    box.input_type = "text"
    # A number's limits and step are not a text box's attributes; the error says them.
    box.attrs = {
        name: value for name, value in widget.attrs.items() if name not in {"min", "max", "step"}
    }
    if kind in {"url", "email"}:
        box.attrs |= {"inputmode": kind, "spellcheck": "false", "autocapitalize": "none"}
    elif kind == "number" and float(widget.attrs.get("min", -1)) >= 0:
        # The decimal keypads of phones have no minus sign: only for numbers that need none.
        box.attrs["inputmode"] = "decimal" if "step" in widget.attrs else "numeric"
    return box


class BoundField(forms.BoundField):
    def as_widget(self, widget=None, attrs=None, only_initial=False):
        widget = widget or self.field.widget
        kind = getattr(widget, "input_type", None)
        if kind == "url" or (kind in TYPED and self.errors):
            widget = text_box(widget)
        return super().as_widget(widget, attrs, only_initial)


class FormRenderer(TemplatesSetting):
    bound_field_class = BoundField


class FilterForm(forms.Form):
    """A list's query string as a form: whatever does not validate is dropped, so a
    hand-edited or stale address shows results (or none), never an error."""

    def filters(self):
        """The valid filters, by name; invalid or empty ones are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


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
