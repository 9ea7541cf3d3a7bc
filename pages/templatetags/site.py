from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname, resolution_order

from cpe_network.lib.text import sort_key
from members.models import Member
from pages.pagecache import remembered_each

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
def cards(context, items, template_name, name, heading=""):
    """Each of `items` drawn with `template_name`, which sees the item as `name`, and
    `heading` and LANGUAGE_CODE, nothing else: so its HTML is the same on every page that
    shows the item, and is kept with the cached pages per language until anything the
    public sees changes (pagecache.remembered_each). A list of twenty cards then costs
    one cache read instead of twenty renderings."""
    template = context.template.engine.get_template(template_name)
    language = get_language()

    def draw(item):
        values = {name: item, "heading": heading, "LANGUAGE_CODE": language}
        return template.render(context.new(values))

    drawn = remembered_each(items, "card", template_name, language, heading, compute=draw)
    return mark_safe("".join(drawn))  # nosec B308 B703: HTML drawn by our templates
