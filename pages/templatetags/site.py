from django import template
from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

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
