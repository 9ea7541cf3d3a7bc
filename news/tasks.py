from django.tasks import default_task_backend, task

from outbox.models import OutboundEmail
from outbox.tasks import send_email

from .models import DigestDelivery


@task()
def send_digest_batch(delivery_ids):
    """Send one batch of a digest. Each delivery is rendered and stored once, so a batch
    run again (a worker restarted) sends nobody the digest twice; an email the mail
    server refused is retried like any other."""
    contents = {}  # the digest's items, read once per language
    deliveries = DigestDelivery.objects.filter(pk__in=delivery_ids, message=None).select_related(
        "digest"
    )
    for delivery in deliveries:
        key = (delivery.digest_id, delivery.language)
        if key not in contents:
            contents[key] = delivery.digest.content(delivery.language)
        email = delivery.prepare(contents[key])
        if email is None or email.send():
            continue
        if email.status == OutboundEmail.Status.RETRYING and default_task_backend.supports_defer:
            send_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
