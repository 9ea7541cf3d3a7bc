"""Deployment checks of our own (`manage.py check --deploy`): settings that Django cannot
know are wrong, but that send links to the wrong address, mail from nowhere, keep
the forms' limits in each process, or let uploads past the site's checks; and object
storage set up by halves (checked at every start, not only with --deploy)."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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


S3_SETTINGS = ("S3_PRIVATE_BUCKET", "S3_ENDPOINT_URL", "S3_REGION")
S3_KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")


@register(Tags.files)
def check_object_storage(app_configs, **kwargs):
    """Object storage set up by halves would keep uploads on one server's disk while the
    operator believes them shared, or fail at the first upload: refused at start."""
    if not settings.S3_BUCKET:
        set_alone = [name for name in S3_SETTINGS if getattr(settings, name)]
        if not set_alone:
            return []
        return [
            Error(
                f"{', '.join(set_alone)} set without S3_BUCKET: uploads would stay in "
                "MEDIA_ROOT and PRIVATE_MEDIA_ROOT, on this server only.",
                hint="Set S3_BUCKET to the bucket's name, or remove these settings.",
                id="cpe_network.E001",
            )
        ]
    errors = []
    if len([name for name in S3_KEYS if os.environ.get(name)]) == 1:
        errors.append(
            Error(
                "Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set.",
                hint="Set both (the object storage's key and its secret), or neither to "
                "let boto3 find credentials by itself (an instance role).",
                id="cpe_network.E002",
            )
        )
    if settings.MEDIA_SENDFILE:
        errors.append(
            Error(
                f"MEDIA_SENDFILE is {settings.MEDIA_SENDFILE!r} with S3_BUCKET set: the "
                "proxy would look for the files on its own disk.",
                hint="Leave MEDIA_SENDFILE empty: the site reads uploads from the bucket.",
                id="cpe_network.E003",
            )
        )
    return errors
