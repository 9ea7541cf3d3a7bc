"""Send the digest of what was published since the last one: the same as the admin's
"Send the digest" button, for a scheduler or the command line."""

from django.core.management.base import BaseCommand

from news.models import Digest


class Command(BaseCommand):
    help = (
        "Email the news, events and practices published, and the calls posted, since the last "
        "digest to its readers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )

    def handle(self, *args, **options):
        posts, events, practices, calls = Digest.new_items()
        recipients = len(Digest.recipients())
        self.stdout.write(
            f"New since the last digest: {posts.count()} news posts, {events.count()} events, "
            f"{practices.count()} practices, {calls.count()} calls "
            f"({calls.filter(is_public=False).count()} members-only); {recipients} recipients."
        )
        if options["dry_run"]:
            return
        digest = Digest.send_new()
        if digest is None:
            self.stdout.write("Nothing sent: nothing new since the last digest.")
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{digest} queued for {digest.deliveries.count()} recipients.")
            )
