from django import template

from news.models import review_queue

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_count(context):
    """How many members' items wait for an editor the signed-in person could be."""
    return sum(items.count() for _model, items in review_queue(context["request"].user))
