from django.core.management.base import BaseCommand, CommandError

from search import index


class Command(BaseCommand):
    help = (
        "Index again everything the site search finds (members, practices, news, events). "
        "Saving a row indexes it; run this after changing indexed text in bulk (an "
        "update() in a shell or a data migration)."
    )

    def add_arguments(self, parser):
        kinds = ", ".join(index.indexed_models())
        parser.add_argument("kinds", nargs="*", help=f"Only these kinds ({kinds}).")

    def handle(self, *args, **options):
        if unknown := set(options["kinds"]) - set(index.indexed_models()):
            raise CommandError(f"Unknown kinds: {', '.join(sorted(unknown))}.")
        index.rebuild(options["kinds"] or None)
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
