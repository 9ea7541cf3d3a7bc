"""The network's pages (Django's flatpages), with their address in each language."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import get_language, override

FOOTER_CACHE_KEY = "footer-pages-{}"
ABOUT_CACHE_KEY = "about-page-{}"
ABOUT_URL = "/about/"  # the about page's English address, as setup_network makes it


def page_url(page, language=None):
    """The page's address in `language` (the current one by default)."""
    with override(language or get_language()):
        return reverse("page", kwargs={"url": page.url.lstrip("/")})


def footer_pages():
    """(title, address) of each public page, in the current language, cached."""
    language = get_language()

    def build():
        pages = FlatPage.objects.filter(
            sites=settings.SITE_ID, registration_required=False
        ).order_by("pk")
        return [(page.title, page_url(page, language)) for page in pages]

    return cache.get_or_set(FOOTER_CACHE_KEY.format(language), build, timeout=None)


def about_page_url():
    """The address of the network's about page (English address /about/) in the current
    language, cached; "" when there is no such public page."""
    language = get_language()

    def build():
        page = FlatPage.objects.filter(
            sites=settings.SITE_ID, registration_required=False, url_en=ABOUT_URL
        ).first()
        return page_url(page, language) if page else ""

    return cache.get_or_set(ABOUT_CACHE_KEY.format(language), build, timeout=None)


@receiver([post_save, post_delete], sender=FlatPage)
@receiver(m2m_changed, sender=FlatPage.sites.through)
def _forget_footer_pages(**kwargs):
    cache.delete_many(
        [
            key.format(code)
            for key in (FOOTER_CACHE_KEY, ABOUT_CACHE_KEY)
            for code, _ in settings.LANGUAGES
        ]
    )
