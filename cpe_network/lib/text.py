"""Text that people write: Markdown in, clean HTML out; and names, titles, summaries and
every other free text kept without the invisible characters that could disguise it."""

import unicodedata

import markdown
import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "em", "strong", "blockquote", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}


def to_safe_html(source):
    """Markdown as HTML with only headings, lists, links, emphasis and quotes: no
    script, style, event handler, or link to anything but http(s) and mailto."""
    html = markdown.markdown(source or "", output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )


# Characters that show nothing themselves but reorder or hide the text around them, so
# that what people see is not what is written: "Relais \u202elive" shows as "Relais evil",
# and two names that look the same can differ by an invisible character. No name, title or
# text of this English and French site needs them. Kept: the zero-width non-joiner and
# joiner (U+200C, U+200D), which Persian, the Indic scripts and emoji need, and the
# variation selectors and tag characters of emoji and flags.
INVISIBLE = frozenset(
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b"  # zero width space
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides, and their end (PDF)
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # isolates, and their end
    "\u206a\u206b\u206c\u206d\u206e\u206f"  # deprecated format characters
    "\ufeff"  # zero width no-break space (byte order mark)
    "\ufff9\ufffa\ufffb"  # interlinear annotation
)
_REMOVE = dict.fromkeys(map(ord, INVISIBLE))
# Line breaks, tabs and other control characters in one-line text become spaces: a name
# never holds one, and an email subject built from it must not.
_ONE_LINE = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029], " ")


def sort_key(name):
    """Name folded for sorting: accents and case ignored, so "Éveil" files under E."""
    decomposed = unicodedata.normalize("NFKD", clean_text(name, one_line=True))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Letters that Unicode does not decompose into a base letter and an accent.
_FOLD_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "’": "'"}
)


def fold(text):
    """`text` for searching: lower case, without accents ("Genève", "GENEVE" and "genève"
    are all "geneve"), one space between words."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().translate(_FOLD_LETTERS))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def clean_text(text, *, one_line=False):
    """`text` without the INVISIBLE characters and with its line breaks as "\\n" (as
    browsers count them), or as spaces where the text is `one_line`."""
    text = text.translate(_REMOVE).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_ONE_LINE) if one_line else text


class CleanFormCharField(forms.CharField):
    """A form's text box that cleans what is typed (`clean_text`) before counting and
    checking it: one line, unless its widget is a text area. A text area with a limit
    says so under its label, and gives the limit to static/js/forms.js, which counts as
    the person types; the browser does not cut what is pasted (the person shortens it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None and isinstance(self.widget, forms.Textarea):
            limit = _limit(self.max_length)
            self.help_text = (
                format_lazy("{} {}", self.help_text, limit) if self.help_text else limit
            )

    def to_python(self, value):
        if isinstance(value, str):
            value = clean_text(value, one_line=not isinstance(self.widget, forms.Textarea))
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if self.max_length is not None and isinstance(widget, forms.Textarea):
            del attrs["maxlength"]
            attrs["data-maxlength"] = str(self.max_length)
            attrs.update(COUNT_MESSAGES)
        return attrs


def _limit_text(count):
    return ngettext("At most %(count)s character.", "At most %(count)s characters.", count) % {
        "count": number_format(count, force_grouping=True)  # 20,000; 20 000 in French
    }


_limit = lazy(_limit_text, str)

# What static/js/forms.js says under a text area as the person types, in the page's
# language: the form for one ("one", as 1 in English, 0 and 1 in French) and for more.
COUNT_MESSAGES = {
    "data-left-one": ngettext_lazy("%(count)s character left", "%(count)s characters left", 1),
    "data-left-other": ngettext_lazy("%(count)s character left", "%(count)s characters left", 2),
    "data-over-one": ngettext_lazy(
        "%(count)s character too many", "%(count)s characters too many", 1
    ),
    "data-over-other": ngettext_lazy(
        "%(count)s character too many", "%(count)s characters too many", 2
    ),
}


class CleanTextMixin:
    """For a model's text field: the text is cleaned (`clean_text`) when the model is
    validated, when it is saved (whatever code set it), and in its forms."""

    one_line = True

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value, one_line=self.one_line) if isinstance(value, str) else value

    def pre_save(self, instance, add):
        value = super().pre_save(instance, add)
        if isinstance(value, str):
            value = clean_text(value, one_line=self.one_line)
            # Written where the value lives, not through the attribute: on a field that
            # django-modeltranslation translates, the attribute would write the text
            # shown in the current language (perhaps another's, as a fallback) into it.
            instance.__dict__[self.attname] = value
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanFormCharField, **kwargs})


class CleanCharField(CleanTextMixin, models.CharField):
    """One line of text: a name, a title, a place."""


class CleanTextField(CleanTextMixin, models.TextField):
    """Text on several lines, with a limit that fits its use: Django checks a text
    field's max_length only in forms; here the model checks it too."""

    one_line = False

    def __init__(self, *args, max_length, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))


def clean_stored_text(apps, schema_editor, *, app_label):
    """For a migration: the text an app's models kept before their fields were clean
    ones loses its invisible characters too, as if saved again."""
    for model in apps.get_app_config(app_label).get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, CleanTextMixin)]
        if not fields:
            continue
        for row in model.objects.only("pk", *(f.attname for f in fields)).iterator():
            changes = {}
            for field in fields:
                value = getattr(row, field.attname)
                if isinstance(value, str) and value != clean_text(value, one_line=field.one_line):
                    changes[field.attname] = clean_text(value, one_line=field.one_line)
            if changes:
                model.objects.filter(pk=row.pk).update(**changes)


def require_a_title(instance):
    """A model's `clean()` check for content written in either language or both: a
    title in at least one (the error is shown at the English title, the form's first)."""
    if not (instance.title_en or instance.title_fr):
        raise ValidationError(
            {"title_en": _("Give the title in English, in French, or in both.")},
            code="no_title",
        )
