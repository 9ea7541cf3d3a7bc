"""The sitemap: an index (/sitemap.xml) of sections (/sitemap-news.xml, and ?p=2 onwards
when a section is longer than a file may be), every public page in each language, each
listing its other-language address and an x-default (the English one) as alternates.

The views (pages.views.sitemap_index, sitemap_section) cache each file as the public
pages are cached (pages.pagecache): until anything the public sees is saved or deleted,
or a post, event or practice scheduled for later comes due."""

from datetime import UTC
from html import escape
from urllib.parse import quote

from django.conf import settings
from django.contrib import sitemaps
from django.contrib.flatpages.models import FlatPage
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.http import RFC3986_SUBDELIMS

from collaboration.models import Call
from members.models import Member
from news.models import Event, Post
from practices.models import Practice

from .flatpages import page_url

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SLUG_PLACEHOLDER = "sitemap-slug"
# The largest key a database holds (a signed 64-bit integer).
MAX_KEY = 2**63 - 1


URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


class Sitemap(sitemaps.Sitemap):
    """Pages of a section in every language, on the host the sitemap was asked for (no
    Site row to keep in step with DNS). A subclass gives `items()`, `location(item)`
    (called in each language in turn, or `paths(item)` for them all at once) and, if it
    can, `lastmod(item)` and `priority(item)`, as with Django.

    Django's own views take 20 s for a file of 50,000 addresses at 100,000 posts (13 s
    in its template) and pair up every row of a section with each language before
    taking a page of pairs. Here a file reads one page of rows (`limit` counts
    addresses: rows times languages) and is written as text (`xml`).

    Each address lists every language's address as its alternate, and x-default: the
    English one. Django's x-default drops the language prefix instead (/members/x/),
    which here is a redirect by the visitor's language (pages.middleware), and an
    alternate should answer 200 itself."""

    # Addresses per file. The protocol allows 50,000 (sitemaps.org); a file of 10,000
    # is 4 MB, written in under half a second at 100,000 posts and compressed on each
    # request in a tenth (50,000: 21 MB, 1 to 2 s, and a third of a second). See the
    # README for the figures.
    limit = 10_000

    def __init__(self, request):
        self.base = f"{request.scheme}://{request.get_host()}"

    @property
    def paginator(self):
        return Paginator(self.items(), max(self.limit // len(LANGUAGE_CODES), 1))

    def files(self):
        """(number, latest change or None) of each of the section's files, in order."""
        return [(number, None) for number in self.paginator.page_range]

    def file_items(self, number):
        """The items of file `number`; EmptyPage if there is no such file."""
        return self.paginator.page(number)

    def paths(self, item):
        """{language: path} of `item`."""
        paths = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                paths[code] = self.location(item)
        return paths

    def xml(self, number):
        """File `number` of the section (bytes); EmptyPage past the last one."""
        parts = [URLSET]
        for item in self.file_items(number):
            addresses = {code: escape(self.base + path) for code, path in self.paths(item).items()}
            addresses["x-default"] = addresses[settings.LANGUAGE_CODE]
            # What the item's address in each language has in common, written once, in
            # the protocol's order: lastmod, priority, then the alternates.
            common = []
            lastmod = self.lastmod(item) if hasattr(self, "lastmod") else None
            if lastmod:
                common.append(
                    f"<lastmod>{lastmod.astimezone(UTC).isoformat('T', 'seconds')}</lastmod>"
                )
            if hasattr(self, "priority"):
                common.append(f"<priority>{self.priority(item)}</priority>")
            common.extend(
                f'<xhtml:link rel="alternate" hreflang="{code}" href="{address}"/>'
                for code, address in addresses.items()
            )
            common = "".join(common)
            parts.extend(
                f"<url><loc>{addresses[code]}</loc>{common}</url>\n" for code in LANGUAGE_CODES
            )
        parts.append("</urlset>\n")
        return "".join(parts).encode()


class MainSitemap(Sitemap):
    """The pages that are the same for everyone: home and the sections' front pages."""

    def items(self):
        return [
            "home",
            "members:directory",
            "members:map",
            "members:membership",
            "news:list",
            "news:events",
            "practices:list",
            "practices:evidence",
            "collaboration:list",
            "collaboration:archive",
            "contact",
        ]

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.8


class PageSitemap(Sitemap):
    def items(self):
        return FlatPage.objects.filter(
            sites=settings.SITE_ID, registration_required=False
        ).order_by("pk")

    def location(self, item):
        return page_url(item)


class DatedSitemap(Sitemap):
    """The public pages of rows (`rows()`), at `url_name` with their slug, each dated by
    its last change. A page of rows at a time, in the order of the primary key, and only
    the columns of the address and the date, as values: model instances would take
    twice the time."""

    slugs = ["slug"]
    dates = ["updated_at"]

    def __init__(self, request):
        super().__init__(request)
        # The view's path in each language around its slug: reverse() once per
        # language, not once per row and language (most of the time it took).
        self.shapes = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                path = reverse(self.url_name, kwargs={"slug": SLUG_PLACEHOLDER})
            self.shapes[code] = path.split(SLUG_PLACEHOLDER)

    def items(self):
        return self.rows().order_by("pk").values(*self.slugs, *self.dates)

    def slug(self, row, code):
        return row["slug"]

    def paths(self, row):
        # quote() as reverse() does it.
        return {
            code: f"{before}{quote(self.slug(row, code), safe=RFC3986_SUBDELIMS + '/~:@')}{after}"
            for code, (before, after) in self.shapes.items()
        }

    def lastmod(self, row):
        return max(row[name] for name in self.dates)

    @cached_property
    def first_key(self):
        """The section's smallest key (None: no rows), from which files are counted."""
        return self.rows().order_by("pk").values_list("pk", flat=True).first()

    def files(self):
        """(number, latest change) of each file with rows: file N holds the rows whose
        key is from F + (N - 1) × R to F + N × R - 1, F being the section's smallest key
        and R `limit` over the languages. So a file is found by its keys, not by
        counting the rows before it (the last of twenty files of posts: 5 ms, not 80),
        and each file's date is one query on its range of keys, a few milliseconds,
        where one query grouping every row by file grew with the section (56 ms for
        100,000 posts). A file holds R rows or fewer (some keys are drafts, or gone). A
        crawler fetches again only the files whose date changed. A section with no rows
        is one empty file."""
        if self.first_key is None:
            return [(1, None)]
        per_file = self.paginator.per_page
        last_key = self.rows().order_by("-pk").values_list("pk", flat=True).first()
        found = []
        for number in range(1, (last_key - self.first_key) // per_file + 2):
            start = self.first_key + (number - 1) * per_file
            in_file = self.rows().order_by().filter(pk__gte=start, pk__lt=start + per_file)
            dates = in_file.aggregate(**{name: Max(name) for name in self.dates})
            if dates := list(filter(None, dates.values())):
                found.append((number, max(dates)))
        return found

    def file_items(self, number):
        per_file = self.paginator.per_page
        if self.first_key is None or not 1 <= number <= (MAX_KEY - self.first_key) // per_file:
            if number == 1:
                return []
            raise EmptyPage(number)
        start = self.first_key + (number - 1) * per_file
        items = self.items().filter(pk__gte=start, pk__lt=start + per_file)
        if number > 1 and not items:
            raise EmptyPage(number)
        return items


class MemberSitemap(DatedSitemap):
    url_name = "members:detail"

    def rows(self):
        return Member.objects.listed()


class CallSitemap(DatedSitemap):
    """The public calls staff have not hidden, open or closed (the archive keeps them);
    never a members-only call, whose page shows visitors only that it exists."""

    url_name = "collaboration:detail"

    def rows(self):
        return Call.objects.shown().public()


class PublicationSitemap(DatedSitemap):
    """Posts, events and practices: an address in each language, each from its slug in
    that language (or the first language's with one, as modeltranslation falls back).
    One scheduled for later is new to the public when it comes due: its date is the
    later of its last change and its publication."""

    slugs = [f"slug_{code}" for code in LANGUAGE_CODES]
    dates = ["updated_at", "publish_at"]

    def rows(self):
        return self.model.objects.published()

    def slug(self, row, code):
        return row[f"slug_{code}"] or next(filter(None, map(row.get, self.slugs)))


class PostSitemap(PublicationSitemap):
    model, url_name = Post, "news:detail"


class EventSitemap(PublicationSitemap):
    model, url_name = Event, "news:event"


class PracticeSitemap(PublicationSitemap):
    model, url_name = Practice, "practices:detail"


# The sections, in the index's order; each name is in its file's address.
SITEMAPS = {
    "main": MainSitemap,
    "pages": PageSitemap,
    "members": MemberSitemap,
    "news": PostSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
    "calls": CallSitemap,
}
