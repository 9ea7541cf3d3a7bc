import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

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
    "private": {"BACKEND": "cpe_network.lib.uploads.PrivateFileStorage"},
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


# Servers of our own, on loopback: object storage (S3) for the uploads' tests, and the
# site itself for the two-server test.


def free_port(taken=()):
    """A loopback port that nothing listens on now, and not in `taken`: from 9200-9299
    (this suite's ports), a quarter of them for each xdist worker, so that two workers
    starting servers at once do not pick the same."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    first = 9200 + 25 * (worker % 4)
    for port in range(first, first + 25):
        with socket.socket() as probe:
            if port not in taken and probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {first}-{first + 24}")


def wait_for(address, process, seconds=30):
    """Wait until `address` answers (any status); fail early if `process` has exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with status {process.returncode}")
        try:
            urllib.request.urlopen(address, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{address} did not answer within {seconds} s")


@pytest.fixture(scope="session")
def s3_server():
    """An S3-compatible server (moto's standalone one) on a loopback port, for the whole
    session; its address. Credentials of its own, which it accepts whatever they are."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{address}/moto-api/", process)
        yield address
    finally:
        process.kill()
        process.wait()


S3_KEYS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}


@pytest.fixture
def object_storage(settings, monkeypatch, s3_server):
    """Uploads in object storage, as with S3_BUCKET set: a new empty bucket on the local
    S3 server for each test; the bucket as boto3 sees it (to read what is stored)."""
    import boto3  # only here: the rest of the suite does without its import time

    for name, value in S3_KEYS.items():
        monkeypatch.setenv(name, value)
    name = f"test-{uuid.uuid4().hex}"
    bucket = boto3.resource("s3", endpoint_url=s3_server, region_name="us-east-1").Bucket(name)
    bucket.create()
    options = {"endpoint_url": s3_server, "region_name": "us-east-1", "bucket_name": name}
    settings.S3_BUCKET = name
    settings.S3_ENDPOINT_URL = s3_server
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cpe_network.lib.objectstorage.PublicObjectStorage",
            "OPTIONS": {**options, "location": "media", "file_overwrite": False},
        },
        "private": {
            "BACKEND": "cpe_network.lib.objectstorage.PrivateObjectStorage",
            "OPTIONS": {**options, "location": "private", "file_overwrite": False},
        },
    }
    return bucket
