from collections.abc import Mapping

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname, resolution_order

from cpe_network.lib.text import sort_key
from members.models import Member
from pages.flatpages import about_page_url, footer_pages
from pages.models import HomePage
from pages.pagecache import remembered, remembered_each

register = template.Library()


@register.simple_tag
def site_name():
    return settings.SITE_NAME


@register.simple_tag
def site_url():
    return settings.SITE_URL


@register.simple_tag
def shown_language(obj, field):
    """The language that `obj.field` is shown in: the current one, or its fallback.

    Templates use it to mark fallback text with its own `lang` and a visible note.
    """
    current = get_language()
    for code in resolution_order(current):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return code
    return current


@register.filter
def startswith(text, prefix):
    return str(text).startswith(str(prefix))


@register.simple_tag
def find_help_countries():
    """The countries where listed members offer support to children and families, each
    with how many, sorted by name in the current language: the choice of "Find help near
    you" (pages/_find_help.html). Cached until a member changes, so the home page and
    the 404 page pay one small query for it."""
    counts = Member.objects.listed().family_support_countries()
    rows = [{"code": code, "name": countries.name(code), "count": n} for code, n in counts.items()]
    return sorted(rows, key=lambda row: sort_key(str(row["name"])))


@register.simple_tag(takes_context=True)
def cards(context, items, template_name, name, heading="", **values):
    """Each of `items` drawn with `template_name`, which sees the item as `name`, and
    `heading`, `values` (text, such as today's date for what a card says of the clock)
    and LANGUAGE_CODE, nothing else: so its HTML is the same on every page that
    shows the item, and is kept with the cached pages per language until anything the
    public sees changes (pagecache.remembered_each). A list of twenty cards then costs
    one cache read instead of twenty renderings."""
    drawn = _cards(context, items, template_name, name, heading=heading, **values)
    return mark_safe("".join(drawn))  # nosec B308 B703


@register.simple_tag(takes_context=True)
def card(context, item, template_name, name, **values):
    """One item drawn as `cards` draws each, with `values` (text) too: for a part of a
    list's entry that shows the item alone (a search result's place or dates)."""
    return mark_safe(_cards(context, [item], template_name, name, **values)[0])  # nosec B308 B703


def _cards(context, items, template_name, name, **values):
    template = context.template.engine.get_template(template_name)
    language = get_language()

    def draw(item):
        return template.render(context.new({**values, name: item, "LANGUAGE_CODE": language}))

    parts = ("card", template_name, language, sorted(values.items()))
    return remembered_each(items, *parts, compute=draw)


# The main navigation's links: (key, URL name); the lists' pages below them (a member,
# a post) are "in" them.
MENU = {
    "home": "home",
    "members": "members:directory",
    "membership": "members:membership",
    "practices": "practices:list",
    "news": "news:list",
    "events": "news:events",
    "contact": "contact",
}
SECTIONS = ("members", "practices", "news", "events")


def _path(context):
    """This page's path; "" on a page drawn without its request (the 500 page)."""
    request = context.get("request")
    return request.path if request else ""


def _stable(value):
    """`value` as plain data whose repr() says what it holds: lazy translations as text
    (in the current language, which the key also holds), mappings sorted."""
    if isinstance(value, str | int | float | bool | None):
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Mapping):
        return tuple(sorted((str(key), _stable(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_stable(item) for item in value)
    raise TypeError(f"A fragment cannot be kept by a {type(value).__name__}")


def _kept(context, template_name, parts, **values):
    """`template_name` drawn with `parts` and `values` alone, kept with the cached pages
    per language and `parts` (what the HTML depends on besides what the public sees)."""
    template = context.template.engine.get_template(template_name)

    def draw():
        return template.render(context.new({**parts, **values}))

    key = (template_name, get_language(), _stable(parts))
    return mark_safe(remembered(*key, compute=draw, timeless=True))  # nosec B308 B703


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main navigation (_main_menu.html), with this page's link marked."""
    path = _path(context)
    urls = {key: reverse(name) for key, name in MENU.items()}
    urls["about"] = about_page_url()
    current = next((key for key, url in urls.items() if url == path), "")
    section = next((key for key in SECTIONS if path.startswith(urls[key])), "")
    parts = {"current": current, "section": "" if current else section}
    return _kept(context, "_main_menu.html", parts, about_url=urls["about"])


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's links (_footer_links.html), with this page's marked."""
    pages = footer_pages()
    path = _path(context)
    current = next((url for _title, url in pages if url == path), "")
    return _kept(context, "_footer_links.html", {"current": current}, pages=pages)


@register.simple_tag(takes_context=True)
def footer_contact(context):
    """The secretariat's address in the footer (_footer_contact.html)."""
    return _kept(context, "_footer_contact.html", {}, details=HomePage.load())


@register.simple_tag(takes_context=True)
def fragment(context, template_name, **values):
    """`template_name` drawn with `values` alone (text, numbers, and lists and mappings
    of them), like an {% include … only %}, and kept with the cached pages per language
    and values: for a part that is costly to draw and the same for many requests (a
    filter panel's options with their counts)."""
    return _kept(context, template_name, values)
