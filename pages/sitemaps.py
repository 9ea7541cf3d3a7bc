from django.conf import settings
from django.contrib import sitemaps
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from members.models import Member
from news.models import Event, Post
from practices.models import Practice

from .flatpages import page_url


class Sitemap(sitemaps.Sitemap):
    """Every address in both languages, each listing the other as its alternate, on
    the host the sitemap was asked for (no Site row to keep in step with DNS)."""

    i18n = True
    alternates = True

    def __init__(self, request):
        self.domain = request.get_host()

    def get_domain(self, site=None):
        return self.domain


class SectionSitemap(Sitemap):
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


# Posts, events and practices have an address in each language, each from its slug.
SLUG_IN_EACH_LANGUAGE = [f"slug_{code}" for code, _name in settings.LANGUAGES]


class DatedSitemap(Sitemap):
    """The public pages of rows (`rows()`), each dated by its last change."""

    slugs = ["slug"]

    def items(self):
        return self.rows().only(*self.slugs, "updated_at").order_by("pk")

    def lastmod(self, row):
        return row.updated_at


class MemberSitemap(DatedSitemap):
    def rows(self):
        return Member.objects.listed()


class PostSitemap(DatedSitemap):
    slugs = SLUG_IN_EACH_LANGUAGE

    def rows(self):
        return Post.objects.published()


class EventSitemap(DatedSitemap):
    slugs = SLUG_IN_EACH_LANGUAGE

    def rows(self):
        return Event.objects.published()


class PracticeSitemap(DatedSitemap):
    slugs = SLUG_IN_EACH_LANGUAGE

    def rows(self):
        return Practice.objects.published()


SITEMAPS = {
    "sections": SectionSitemap,
    "pages": PageSitemap,
    "members": MemberSitemap,
    "news": PostSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
}
