"""Ask representatives, in their language, to confirm profiles not confirmed for a year.

Run it daily (see the README); a member is reminded at most once a month."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from members.models import Member


class Command(BaseCommand):
    help = "Email representatives of members whose profile was last confirmed over a year ago."

    def handle(self, *args, **options):
        sent = Member.objects.send_reminders(timezone.localdate())
        self.stdout.write(f"{sent} reminders sent.")
