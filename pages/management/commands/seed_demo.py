"""Fictional demo data, on top of what `setup_network` makes: safe to run again, it never
duplicates or overwrites what is already there. Never in production: it creates accounts
with a known password."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from collaboration.demo import seed_calls
from members.demo import (
    seed_applications,
    seed_member_documents,
    seed_members,
    seed_representatives,
)
from members.models import Member
from news.demo import seed_events, seed_posts, seed_submissions
from pages.demo import seed_contact_details, seed_home_page, seed_staff
from practices.demo import seed_practice_submissions, seed_practices
from search import index as search_index


class Command(BaseCommand):
    help = (
        "Create demo data: members, news, events, practices, calls and a staff account. "
        "Safe to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--posts",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic news posts, to measure the news pages.",
        )
        parser.add_argument(
            "--practices",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic practices, to measure the practice database's pages.",
        )
        parser.add_argument(
            "--members",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic members, to measure pages with a large directory.",
        )
        parser.add_argument(
            "--calls",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic calls, to measure the calls' list and archive.",
        )

    def handle(self, *args, **options):
        call_command("setup_network", stdout=self.stdout)
        created = seed_members(extra=options["members"])
        self.stdout.write(f"Members: {created} created, {Member.objects.count()} in all.")
        created = seed_posts(extra=options["posts"])
        self.stdout.write(f"News posts: {created} created.")
        created = seed_events()
        self.stdout.write(f"Events: {created} created.")
        created = seed_practices(extra=options["practices"])
        self.stdout.write(f"Practices: {created} created.")
        created = seed_applications()
        self.stdout.write(f"Applications: {created} created; affiliates added.")
        created = seed_member_documents()
        self.stdout.write(f"Members' documents: {created} created.")
        username, password, created = seed_staff()
        if seed_contact_details():
            self.stdout.write("Contact details: demo address, email and phone added.")
        for line in seed_representatives(password):
            self.stdout.write(f"Representative: sign in at /en/accounts/login/ as {line}.")
        seed_submissions()
        # After the representatives: the demo calls are posted and answered by them.
        created = seed_calls(extra=options["calls"])
        self.stdout.write(f"Calls: {created} created, with their replies.")
        if seed_home_page():
            self.stdout.write("Home page: a member story and a practice featured.")
        seed_practice_submissions()
        # Rows made in bulk skip the signals that index each saved row.
        search_index.rebuild(only_missing=True)
        # Thousands of rows added at once: the database's planner learns of them now
        # rather than when it next looks by itself (PostgreSQL's autovacuum, or never
        # for SQLite), or it picks slow plans for the lists meanwhile. PostgreSQL's
        # VACUUM also marks the new rows visible, so counting reads the index alone.
        with connection.cursor() as cursor:
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Staff account created. Sign in at /admin/ as “{username}” "
                    f"with the password “{password}”."
                )
            )
        else:
            self.stdout.write(
                f"Staff account “{username}” already exists (demo password “{password}” "
                "unless changed; reset it with `manage.py changepassword admin`)."
            )
