"""What pages tell search engines and link previews about themselves, besides their words:
absolute addresses on SITE_URL (the public host, whatever host a request came through, as
feeds and emails use), and JSON-LD (schema.org) as a <script> that no text can break out
of. The descriptions themselves are built by the models (`structured_data()`), from what
their page shows the public, nothing more."""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

CONTEXT = "https://schema.org"
# JSON keeps "<", ">" and "&" as they are: inside <script>, "</script>" in a title would
# end it, and "<!--" would change how the rest is read. Escaped, they mean the same in JSON.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(path):
    """`path` (from reverse(), get_absolute_url() or a file's url) on the public host."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def file_url(field):
    """The absolute address of an uploaded file, or "" when there is none."""
    return absolute(field.url) if field else ""


def shown_language(obj, field):
    """The language `obj.field` is shown in: the current one, or its fallback's."""
    current = get_language()
    for code in resolution_order(current):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return code
    return current


def local_iso(moment, zone=None):
    """A date and time as schema.org wants it: ISO 8601 with its offset from UTC, in
    `zone` (an event's own) or the site's."""
    return timezone.localtime(moment, zone).isoformat(timespec="seconds") if moment else None


def network(*, full=False):
    """The network itself, as publisher or organiser: a reference by @id to the full
    description on the home page (pages.models.HomePage.structured_data), with its name,
    address and logo, as Google wants for a publisher."""
    node = {
        "@type": "Organization",
        "@id": f"{settings.SITE_URL}/#organization",
        "name": settings.SITE_NAME,
        "url": absolute(reverse("home")),
        "logo": absolute(static("img/logo.svg")),
    }
    return node if not full else {"@context": CONTEXT, **node}


def organisation(member):
    """A member as author or organiser: its name and its page (only a listed member has
    one, so callers pass listed members only)."""
    return {
        "@type": "Organization",
        "name": member.name,
        "url": absolute(member.get_absolute_url()),
    }


def without_empty(data):
    """`data` without the keys whose value is empty (None, "", [] or {}), recursively,
    so that no property is announced with nothing in it."""
    if isinstance(data, dict):
        cleaned = {key: without_empty(value) for key, value in data.items()}
        return {key: value for key, value in cleaned.items() if value not in (None, "", [], {})}
    if isinstance(data, list):
        return [item for item in (without_empty(item) for item in data) if item not in (None, "")]
    return data


def to_script(data):
    """`data` (a dict, or None for nothing) as <script type="application/ld+json">."""
    if not data:
        return ""
    first = {key: data[key] for key in ("@context", "@type") if key in data}  # for readers
    text = json.dumps(without_empty(first | data), ensure_ascii=False, default=str)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        # JSON with <, > and & escaped: nothing in it can end the script or open a tag.
        mark_safe(text.translate(SCRIPT_ESCAPES)),  # nosec B308 B703
    )
