"""What a new installation needs before anyone uses it: the network's membership
categories and pages, and the site record. Safe to run again (after an upgrade, say):
it creates what is missing, gives the current French wording to the texts an earlier
version made that no one has edited, and never changes what staff have edited."""

from django.core.management.base import BaseCommand

from members.network import CATEGORIES, create_categories, reword_unedited_categories
from pages.network import (
    PAGES,
    configure_site,
    create_home_page,
    create_pages,
    reword_unedited_pages,
)


class Command(BaseCommand):
    help = "Create the network's membership categories and pages where missing. Safe to repeat."

    def handle(self, *args, **options):
        site = configure_site()
        self.stdout.write(f"Site: {site.domain} ({site.name}).")
        created = create_categories()
        self.stdout.write(
            f"Membership categories: {created} created, {len(CATEGORIES) - created} already there."
        )
        created = create_pages()
        self.stdout.write(f"Pages: {created} created, {len(PAGES) - created} already there.")
        if create_home_page():
            self.stdout.write("Home page: created, with its first words in both languages.")
        else:
            self.stdout.write("Home page: already there.")
        reworded = reword_unedited_categories() + reword_unedited_pages()
        if reworded:
            self.stdout.write(f"Texts no one had edited, given the new wording: {reworded}.")
