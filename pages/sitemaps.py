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
from django.core.paginator import Paginator
from django.db.models import Case, Max, Value, When
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

from members.models import Member
from news.models import Event, Post
from practices.models import Practice

from .flatpages import page_url

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SLUG_PLACEHOLDER = "sitemap-slug"


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

    def file_dates(self):
        """The latest change in each of the section's files, in order (None: unknown)."""
        return [None] * self.paginator.num_pages

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
        for item in self.paginator.page(number):
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

    def file_dates(self):
        """The latest change in each file: the first key of each file (one read of the
        keys), then the dates of each file's rows in one grouped query. A crawler then
        fetches again only the files that changed, not the whole section."""
        per_file = self.paginator.per_page
        # Sorted here: unordered, the database may read the keys from an index alone.
        keys = sorted(self.rows().order_by().values_list("pk", flat=True))
        starts = keys[per_file::per_file]  # of the second file onwards
        latest = dict.fromkeys(range(len(starts) + 1))
        files = self.rows().order_by().annotate(file=file_number(starts)).values("file")
        for row in files.annotate(**{f"latest_{name}": Max(name) for name in self.dates}):
            found = [row[f"latest_{name}"] for name in self.dates]
            if any(found):  # (no rows: one row of nothing, the file being a constant)
                latest[row["file"]] = max(found)
        return list(latest.values())


def file_number(starts, first=0):
    """The number of the file a row is in, from the first key of each file after the
    first: a search halving the files at each step, so that each of a hundred
    thousand rows makes five comparisons and not, in a list, a dozen on average."""
    if not starts:
        return Value(first)
    middle = len(starts) // 2
    return Case(
        When(pk__lt=starts[middle], then=file_number(starts[:middle], first)),
        default=file_number(starts[middle + 1 :], first + middle + 1),
    )


class MemberSitemap(DatedSitemap):
    url_name = "members:detail"

    def rows(self):
        return Member.objects.listed()


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
}
