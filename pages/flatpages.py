"""The network's pages (Django's flatpages), with their address in each language."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import get_language, override

PAGES_CACHE_KEY = "public-pages-{}"
ABOUT_URL = "/about/"  # the about page's English address, as setup_network makes it


def page_url(page, language=None):
    """The page's address in `language` (the current one by default)."""
    with override(language or get_language()):
        return reverse("page", kwargs={"url": page.url.lstrip("/")})


def _public_pages():
    """{"footer": [(title, address), …], "about": address or ""} of the public pages, in
    the current language, from one query, cached until a page changes."""
    language = get_language()

    def build():
        pages = FlatPage.objects.filter(
            sites=settings.SITE_ID, registration_required=False
        ).order_by("pk")
        about = next((page for page in pages if page.url_en == ABOUT_URL), None)
        return {
            "footer": [(page.title, page_url(page, language)) for page in pages],
            "about": page_url(about, language) if about else "",
        }

    return cache.get_or_set(PAGES_CACHE_KEY.format(language), build, timeout=None)


def footer_pages():
    """(title, address) of each public page, in the current language, cached."""
    return _public_pages()["footer"]


def about_page_url():
    """The address of the network's about page (English address /about/) in the current
    language; "" when there is no such public page."""
    return _public_pages()["about"]


@receiver([post_save, post_delete], sender=FlatPage)
@receiver(m2m_changed, sender=FlatPage.sites.through)
def _forget_footer_pages(**kwargs):
    cache.delete_many([PAGES_CACHE_KEY.format(code) for code, _ in settings.LANGUAGES])
