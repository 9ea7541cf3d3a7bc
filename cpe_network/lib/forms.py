"""How every form's fields are drawn (settings.FORM_RENDERER).

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
from django.forms.renderers import DjangoTemplates

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


class FormRenderer(DjangoTemplates):
    bound_field_class = BoundField
