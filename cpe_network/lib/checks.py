"""Deployment checks of our own (`manage.py check --deploy`): settings that Django cannot
know are wrong, but that send links to the wrong address, mail from nowhere, keep
the forms' limits in each process, or let uploads past the site's checks."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@register(Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    """Links in emails, feeds and calendars are built from SITE_URL."""
    address = urlsplit(settings.SITE_URL)
    if address.scheme == "https" and address.hostname and address.hostname not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: links in emails, feeds and calendars "
            "would point there.",
            hint="Set SITE_URL to the site's public HTTPS address, e.g. "
            "https://network.example.org.",
            id="cpe_network.W001",
        )
    ]


@register(Tags.security, deploy=True)
def check_sender(app_configs, **kwargs):
    """Mail from an address at localhost is refused or filtered as spam."""
    domain = settings.DEFAULT_FROM_EMAIL.rstrip(">").rpartition("@")[2]
    if domain and domain not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}.",
            hint="Set DEFAULT_FROM_EMAIL to an address of the network's own domain, e.g. "
            "'Children of Prisoners Europe <network@example.org>'.",
            id="cpe_network.W002",
        )
    ]


PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The forms' limits and one-time tokens live in the cache: an in-process cache
    gives each worker process its own, so a robot (or a double click) that reaches
    another worker starts afresh."""
    if settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            "The cache is kept in each process: rate limits and one-time form tokens "
            "are counted per worker process.",
            hint="Set CACHE_URL to a cache the application processes share, e.g. "
            "redis://127.0.0.1:6379/0.",
            id="cpe_network.W003",
        )
    ]


@register(Tags.security, deploy=True)
def check_media_checks(app_configs, **kwargs):
    """With SERVE_MEDIA off, the proxy serves uploads as files: nobody checks that their
    item is published, nor sends them sandboxed."""
    if settings.SERVE_MEDIA:
        return []
    return [
        Warning(
            "SERVE_MEDIA is off: the proxy serves /media/ without the site's checks "
            "(unpublished items' files, sandboxed downloads).",
            hint="Keep SERVE_MEDIA on, and set MEDIA_SENDFILE so that the proxy sends each "
            "file once the site allows it (see the README's production steps).",
            id="cpe_network.W004",
        )
    ]
