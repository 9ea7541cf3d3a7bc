from django import template

from news.admin import waiting_for_review

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_count(context):
    """How many members' items wait for an editor the signed-in person could be."""
    return sum(group["items"].count() for group in waiting_for_review(context["request"].user))
