"""What the news app does when other parts of the site signal it."""

from django.dispatch import receiver

from outbox.signals import queued_emails_due

from .models import DigestDelivery


@receiver(queued_emails_due)
def resume_digest_deliveries(sender, **kwargs):
    """`send_queued_emails` also sends the digest deliveries whose batch never ran."""
    resumed = DigestDelivery.objects.resume_lost()
    return f"{resumed} digest deliveries resumed." if resumed else None
