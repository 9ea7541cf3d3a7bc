"""What the practices app does when their topics or related members change."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone

from .models import Practice


@receiver(m2m_changed, sender=Practice.topics.through)
@receiver(m2m_changed, sender=Practice.members.through)
def touch_practices(sender, instance, action, reverse, pk_set, **kwargs):
    """The lists keep their counts while no practice changes (PracticeQuerySet.remembered
    reads updated_at): a change of topics or of related members (the list's member
    filter), however it is made (the admin, the portal, a topic's or a member's side),
    touches the practices concerned."""
    if not reverse and action in ("post_add", "post_remove", "post_clear"):
        touched = Practice.objects.filter(pk=instance.pk)
    elif reverse and action in ("post_add", "post_remove"):
        touched = Practice.objects.filter(pk__in=pk_set)
    elif reverse and action == "pre_clear":  # once cleared, the practices are not known
        field = "topics" if sender is Practice.topics.through else "members"
        touched = Practice.objects.filter(**{field: instance})
    else:
        return
    touched.update(updated_at=timezone.now())
