import re

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from pages.network import create_pages

# Static files are served from the source folders in tests: the hashed manifest only
# exists after collectstatic, which a deployment runs.
PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed|track)\b[^>]*\bsrc(?:set)?=["']?(?:https?:)?//"""
    r"""|<link\b(?![^>]*\brel=["']?alternate)[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|<object\b[^>]*\bdata=["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|@import\s+["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def external_references(html):
    """What in a page would make a browser ask another host for something."""
    return EXTERNAL.findall(html)


@pytest.fixture(autouse=True, scope="session")
def _plain_static_storage():
    with override_settings(STORAGES=PLAIN_STATIC):
        yield


@pytest.fixture(autouse=True)
def _default_language_between_tests():
    """A request to a French page leaves French active in this thread; each test starts
    in the default language whatever ran before it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_page_loads_from_other_hosts(monkeypatch):
    """Every HTML page that a test fetches is checked: no script, style, font, image
    or frame may come from another host."""
    offenders = []
    original = Client.request

    def request(self, **kwargs):
        response = original(self, **kwargs)
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            found = external_references(response.content.decode(response.charset, "replace"))
            if found:
                offenders.append((kwargs.get("PATH_INFO"), found))
        return response

    monkeypatch.setattr(Client, "request", request)
    yield
    assert not offenders, f"pages load from other hosts: {offenders}"


@pytest.fixture(autouse=True)
def _on_commit_at_once(request, monkeypatch):
    """Tests run inside a transaction that is never committed, so work queued for
    "after commit" (emails) runs at once instead. Tests marked `real_on_commit`, with
    a transactional database, see the real order."""
    if "real_on_commit" not in request.keywords:
        monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def pages(db):
    """The network's pages as seed_demo makes them, in both languages."""
    create_pages()
    return FlatPage.objects.order_by("pk")


def held_tokens(html):
    """The references to files the server holds for a form sent back, by input name."""
    return dict(re.findall(r'name="([\w-]+)-held" value="([^"]+)"', html))
