from django.conf import settings
from django.contrib import sitemaps
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from .pages import page_url


class Sitemap(sitemaps.Sitemap):
    """Every address in both languages, each listing the other as its alternate, on
    the host the sitemap was asked for (no Site row to keep in step with DNS)."""

    i18n = True
    alternates = True

    def __init__(self, request):
        self.domain = request.get_host()

    def get_domain(self, site=None):
        return self.domain


class HomeSitemap(Sitemap):
    priority = 1.0

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse(item)


class PageSitemap(Sitemap):
    def items(self):
        return FlatPage.objects.filter(
            sites=settings.SITE_ID, registration_required=False
        ).order_by("pk")

    def location(self, item):
        return page_url(item)


SITEMAPS = {"home": HomeSitemap, "pages": PageSitemap}
