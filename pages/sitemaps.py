"""The sitemap: an index (/sitemap.xml) of sections (/sitemap-news.xml, and ?p=2 onwards
when a section is longer than a file may be), every public page in each language, each
listing its other-language address and an x-default (the English one) as alternates.

The views (pages.views.sitemap_index, sitemap_section) cache each file until a change:
any save or deletion of the rows listed here bumps the "sitemap" version (see
cpe_network.lib.versions). A post or practice scheduled for later becomes public with no
save, so a cached file also expires when the next one comes due (at most an hour)."""

from django.conf import settings
from django.contrib import sitemaps
from django.contrib.flatpages.models import FlatPage
from django.core.paginator import Page, Paginator
from django.db.models import Max, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone

from cpe_network.lib import versions
from members.models import Member, MembershipCategory
from news.models import Event, Moderated, Post
from practices.models import Practice

from .flatpages import page_url

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
CACHE_SECONDS = 60 * 60


class RowPaginator(Paginator):
    """Pages of rows, each row given once per language as the (row, language) pairs that
    Django's Sitemap walks with i18n. Django pairs up every row of the section before
    taking a page of pairs; this takes a page of rows (one LIMIT/OFFSET query) and pairs
    up those only. `per_page` counts addresses, as Django's Sitemap.limit does."""

    def __init__(self, rows, per_page):
        super().__init__(rows, max(per_page // len(LANGUAGE_CODES), 1))

    def _get_page(self, rows, number, paginator):
        return Page([(row, code) for row in rows for code in LANGUAGE_CODES], number, paginator)


class Sitemap(sitemaps.Sitemap):
    """Every address in both languages, each listing the others as its alternates, on
    the host the sitemap was asked for (no Site row to keep in step with DNS).

    x-default is the English address. Django's own (x_default = True) drops the
    language prefix instead (/members/x/), which here is a redirect by the visitor's
    language (pages.middleware), and an alternate should answer 200 itself."""

    i18n = True
    alternates = True
    # Addresses per file: the protocol's most (sitemaps.org). A file of 50,000 takes
    # about 20 MB; see the README for the time it takes at scale.
    limit = 50_000

    def __init__(self, request):
        self.domain = request.get_host()

    def get_domain(self, site=None):
        return self.domain

    @property
    def paginator(self):
        return RowPaginator(self.items(), self.limit)

    def _location(self, item, force_lang_code=None):
        # Django asks for each address four times (itself, and as each alternate and
        # x-default of the row's other addresses): reversed once, then remembered.
        row, code = item
        code = force_lang_code or code
        if (row, code) not in self._locations:
            self._locations[row, code] = super()._location(item, code)
        return self._locations[row, code]

    def _urls(self, page, protocol, domain):
        self._locations = {}
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            english = next(
                alternate["location"]
                for alternate in url["alternates"]
                if alternate["lang_code"] == settings.LANGUAGE_CODE
            )
            url["alternates"].append({"location": english, "lang_code": "x-default"})
        return urls


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
    """The public pages of rows (`rows()`), each dated by its last change. Only the
    columns of the address and the date are read, a page of rows at a time."""

    slugs = ["slug"]
    dates = ["updated_at"]

    def items(self):
        return self.rows().only(*self.slugs, *self.dates).order_by("pk")

    def lastmod(self, row):
        return max(getattr(row, name) for name in self.dates)

    def get_latest_lastmod(self):
        """The section's latest change (the index's date for it), in one query."""
        latest = self.rows().aggregate(*(Max(name) for name in self.dates)).values()
        return max((date for date in latest if date), default=None)


class MemberSitemap(DatedSitemap):
    def rows(self):
        return Member.objects.listed()


class PublicationSitemap(DatedSitemap):
    """Posts, events and practices: an address in each language, each from its slug.
    One scheduled for later is new to the public when it comes due: its date is the
    later of its last change and its publication."""

    slugs = [f"slug_{code}" for code in LANGUAGE_CODES]
    dates = ["updated_at", "publish_at"]

    def rows(self):
        return self.model.objects.published()


class PostSitemap(PublicationSitemap):
    model = Post


class EventSitemap(PublicationSitemap):
    model = Event


class PracticeSitemap(PublicationSitemap):
    model = Practice


# The sections, in the index's order; each name is in its file's address.
SITEMAPS = {
    "main": MainSitemap,
    "pages": PageSitemap,
    "members": MemberSitemap,
    "news": PostSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
}


def seconds_to_keep():
    """How long a sitemap file may be cached: an hour, or less when a scheduled post,
    event or practice comes due sooner (it becomes public with no save to bump the
    version). One query per kind along its (status, publish_at) index."""
    now = timezone.now()
    due = [
        sitemap.model.objects.filter(
            status=Moderated.Status.PUBLISHED, publish_at__gt=now
        ).aggregate(next=Min("publish_at"))["next"]
        for sitemap in (PostSitemap, EventSitemap, PracticeSitemap)
    ]
    soonest = min((date for date in due if date), default=None)
    if soonest is None:
        return CACHE_SECONDS
    return max(1, min(CACHE_SECONDS, int((soonest - now).total_seconds()) + 1))


# What changes the sitemap: the rows it lists, and the categories (whether a category
# is listed decides whether its members are).
LISTED_MODELS = [Member, MembershipCategory, Post, Event, Practice, FlatPage]


def _changed(**kwargs):
    versions.bump("sitemap")


for model in LISTED_MODELS:
    post_save.connect(_changed, sender=model, dispatch_uid=f"sitemap-{model._meta.label}")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"sitemap-{model._meta.label}")
m2m_changed.connect(_changed, sender=FlatPage.sites.through, dispatch_uid="sitemap-pages-sites")
