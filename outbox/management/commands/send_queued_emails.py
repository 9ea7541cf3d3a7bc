"""Send the emails still waiting: those whose next attempt is due, any queued for more
than a minute (their task never ran), and, through the `queued_emails_due` signal, what
the apps hold back (the news app's digest deliveries whose batch never finished: a
worker stopped midway). Run it every few minutes by the scheduler when tasks run in the
web process; the database worker retries by itself."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from outbox.models import OutboundEmail
from outbox.signals import queued_emails_due


class Command(BaseCommand):
    help = "Send queued emails and retry the ones whose mail server failed."

    def handle(self, *args, **options):
        now = timezone.now()
        due = OutboundEmail.objects.filter(
            Q(status=OutboundEmail.Status.RETRYING, next_attempt_at__lte=now)
            | Q(
                status=OutboundEmail.Status.QUEUED,
                created_at__lte=now - timezone.timedelta(minutes=1),
            )
        ).order_by("created_at")
        sent = sum(email.send() for email in due)
        self.stdout.write(f"{sent} sent, {len(due) - sent} still failing.")
        for _receiver, line in queued_emails_due.send(sender=self.__class__):
            if line:
                self.stdout.write(line)
