"""Personal data past its keeping period goes; run this daily (README, "Personal data")."""

from django.core.management.base import BaseCommand

from members.personal_data import purge


class Command(BaseCommand):
    help = (
        "Delete the personal data past its keeping period (PURGE_* settings): rejected and "
        "withdrawn applications with their documents, unconfirmed subscriptions, expired "
        "invitations, old emails and digest deliveries, old contact messages and messages "
        "between members."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = purge(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for what, count in counts.items():
            self.stdout.write(f"{verb} {count} {what}.")
