from django import template

from news.models import Event, Post

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_for_review(context):
    """How many items members sent wait for an editor the signed-in person could be."""
    user = context["request"].user
    return sum(
        model.objects.filter(status=model.Status.SUBMITTED).count()
        for model in (Post, Event)
        if user.has_perm(f"news.change_{model._meta.model_name}")
    )
