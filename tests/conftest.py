import threading

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import connections, transaction
from django.test import override_settings
from django.utils import translation

from pages.network import create_home_page, create_pages

from .factories import MemberFactory, UserFactory
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


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashing():
    """Production hashes a password in a third of a second, on purpose; the suite makes
    and checks thousands. Tests of sign-in behaviour are the same with a quick hasher."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _default_language_between_tests():
    """A request to a French page leaves French active in this thread; each test starts
    in the default language whatever ran before it."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _uploads_in_a_folder_of_the_test(settings, tmp_path):
    """Pictures and documents a test stores go to its own folders, never the project's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


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
    """Work queued for "after commit" runs at once, where it is queued.

    Why it stays: with the `db` fixture each test runs inside a transaction that is
    rolled back, never committed, so no `transaction.on_commit` callback would run, and
    every email (`cpe_network.lib.mail.queue`), invitation and digest batch is queued
    that way. Without this patch some eighty tests (a trial run without it) that check
    what was sent after a request, a command or a workflow method would find nothing.
    pytest-django's `django_capture_on_commit_callbacks(execute=True)` runs callbacks
    only where its block ends, so each of those actions would have to be wrapped in it.

    Where the real order matters, the patch is off: in a test that asks for
    `django_capture_on_commit_callbacks` (it captures the callbacks itself, to hold
    them or run them when it says), and in tests marked `real_on_commit`, with a
    transactional database that commits."""
    if "real_on_commit" in request.keywords:
        return
    if "django_capture_on_commit_callbacks" in request.fixturenames:
        return
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def pages(db):
    """The network's pages and home page as setup_network makes them, in both languages."""
    create_pages()
    create_home_page()
    return FlatPage.objects.order_by("pk")


# People.


@pytest.fixture
def relais(db):
    """Relais Lyon, a member organisation, at /en/members/relais-lyon/."""
    return MemberFactory(name="Relais Lyon", slug="relais-lyon")


@pytest.fixture
def rep(relais):
    """Camille (rep@example.org), who represents Relais Lyon."""
    person = UserFactory(email="rep@example.org", first_name="Camille")
    relais.representatives.add(person)
    return person


@pytest.fixture
def rep_client(client, rep):
    """`client`, signed in as Relais Lyon's representative."""
    client.force_login(rep)
    return client


@pytest.fixture
def other_member(db):
    """Kinder Berlin, another member, with its own representative (other@example.org)."""
    return MemberFactory(
        name="Kinder Berlin",
        slug="kinder-berlin",
        country="DE",
        representatives=[UserFactory(email="other@example.org")],
    )


@pytest.fixture
def editor(db):
    """Staff in the Editor group (editor@example.org): they publish news and events."""
    return UserFactory(
        email="editor@example.org", is_staff=True, groups=[Group.objects.get(name="Editor")]
    )


@pytest.fixture
def editor_client(client, editor):
    """`client`, signed in as the editor."""
    client.force_login(editor)
    return client


@pytest.fixture
def at_once():
    """Run a function in two threads released at the same moment, as two people who
    click together, and return what each returned (needs a transactional database)."""

    def run(work):
        barrier = threading.Barrier(2)
        results = []

        def one():
            barrier.wait()
            try:
                results.append(work())
            finally:
                connections.close_all()

        threads = [threading.Thread(target=one) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    return run


@pytest.fixture
def secretary(db):
    """Staff in the Membership secretary group (secretary@example.org): they handle
    applications and the contact page's messages."""
    return UserFactory(
        email="secretary@example.org",
        is_staff=True,
        groups=[Group.objects.get(name="Membership secretary")],
    )
