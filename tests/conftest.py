import re

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from cpe_network.network import create_pages

from .middleware import OTHER_HOSTS

# Static files are served from the source folders in tests: the hashed manifest only
# exists after collectstatic, which a deployment runs.
PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


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
def _no_page_loads_from_other_hosts(settings):
    """Every HTML page that a test fetches is checked: no script, style, font, image
    or frame may come from another host (see tests/middleware.py)."""
    settings.MIDDLEWARE = ["tests.middleware.no_other_hosts", *settings.MIDDLEWARE]
    OTHER_HOSTS.clear()
    yield
    assert not OTHER_HOSTS, f"pages load from other hosts: {OTHER_HOSTS}"


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
