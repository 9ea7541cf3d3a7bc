"""Files held for forms sent back with errors are kept a day; run this daily."""

from django.core.management.base import BaseCommand

from cpe_network.lib.uploads import delete_held_uploads


class Command(BaseCommand):
    help = "Delete the files held for forms sent back with errors, once a day old."

    def handle(self, *args, **options):
        count = delete_held_uploads()
        self.stdout.write(f"Held uploads deleted: {count}.")
