"""Time the public pages in-process and count their SQL queries: `make bench-inprocess`.

It measures the pages as they are on the current database (`make bench-inprocess` seeds
a fresh one with a thousand extra members, posts and practices), each fetched 20 times
after a warm-up; the figures are server time only, without the network or the browser.
`make bench` (bench/run.py) measures the pages under load instead, with gunicorn and wrk."""

import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from collaboration.models import Call
from members.models import Member
from news.models import Event, Post
from practices.models import Practice

PAGES = [
    "/en/",
    "/fr/",
    "/en/members/",
    "/en/members/?country=FR&topic=prison-visits",
    "/fr/membres/?q=famille&page=2",
    "/en/members/map/",
    "/en/members/{slug}/",
    "/en/membership/",
    "/en/join/",
    "/en/about/",
    "/en/news/",
    "/fr/actualites/?topic=schools",
    "/en/news/feed/",
    "/en/events/",
    "/fr/evenements/?when=past",
    "/en/events/{event}/",
    "/en/events/calendar.ics",
    "/en/practices/",
    "/fr/pratiques/?country=FR&rating=promising&age=6-11",
    "/en/practices/?sort=evidence&page=2",
    "/en/practices/{practice}/",
    "/en/practices/evidence/",
    "/en/practices/practices.csv",
    "/en/collaborate/",
    "/fr/collaborer/?kind=research",
    "/en/collaborate/{call}/",
    "/sitemap.xml",
    "/sitemap-news.xml",
]


class Command(BaseCommand):
    help = "Median time and SQL queries of each public page."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument(
            "--cold",
            action="store_true",
            help="empty the cache before each fetch: what the first visitor after a change waits",
        )
        parser.add_argument("pages", nargs="*", help="only these addresses (default: them all)")

    def handle(self, *args, **options):
        client = Client()
        slug = Member.objects.listed().order_by("sort_name").values_list("slug", flat=True)[0]
        event = Event.objects.published().upcoming().values_list("slug", flat=True)[0]
        practice = Practice.objects.most_travelled_slug() or "none"
        call = Call.objects.open().public().values_list("slug", flat=True).first() or "none"
        total = Member.objects.listed().count()
        posts, events = Post.objects.published().count(), Event.objects.published().count()
        practices = Practice.objects.published().count()
        self.stdout.write(
            f"{total} listed members, {posts} news posts, {events} events, "
            f"{practices} practices; median of {options['runs']} runs\n"
        )
        self.stdout.write(f"{'page':56} {'status':>6} {'ms':>7} {'queries':>8} {'KB':>6}")
        for page in options["pages"] or PAGES:
            path = page.format(slug=slug, event=event, practice=practice, call=call)
            client.get(path)  # warm-up: caches, templates
            timings = []
            for _ in range(options["runs"]):
                if options["cold"]:
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(path)
                    # A download is streamed: its time is that of its last byte.
                    content = b"".join(response) if response.streaming else response.content
                    timings.append((time.perf_counter() - start) * 1000)
            size = len(content) / 1024
            self.stdout.write(
                f"{path:56} {response.status_code:>6} {statistics.median(timings):>7.1f} "
                f"{len(queries):>8} {size:>6.1f}"
            )
