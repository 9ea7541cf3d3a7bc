"""Ask representatives, in their language, to confirm profiles not confirmed for a year.

Run it daily (see the README); a member is reminded at most once a month."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from members.models import Member
from outbox.mail import send_templated


class Command(BaseCommand):
    help = "Email representatives of members whose profile was last confirmed over a year ago."

    def handle(self, *args, **options):
        today = timezone.localdate()
        due = Member.objects.due_for_reminder(today).prefetch_related("representatives")
        sent = 0
        for member in due:
            people = [person for person in member.representatives.all() if person.is_active]
            for person in people:
                with override(person.language):
                    link = settings.SITE_URL + reverse("members:portal")
                send_templated(
                    "members/email/reminder",
                    to=person.email,
                    language=person.language,
                    context={"user": person, "member": member, "link": link},
                )
                sent += 1
            if people:
                member.profile_reminded_on = today
                member.save(update_fields=["profile_reminded_on"])
        self.stdout.write(f"{sent} reminders sent.")
