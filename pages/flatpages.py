"""The network's pages (Django's flatpages), with their address in each language."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import get_language, override

FOOTER_CACHE_KEY = "footer-pages-{}"


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


@receiver([post_save, post_delete], sender=FlatPage)
@receiver(m2m_changed, sender=FlatPage.sites.through)
def _forget_footer_pages(**kwargs):
    cache.delete_many([FOOTER_CACHE_KEY.format(code) for code, _ in settings.LANGUAGES])
