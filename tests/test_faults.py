"""Faults the site must survive, made for real where it is cheap: the database behind a
proxy of the tests' own that closes (refusing new connections, cutting open ones) and
opens again; a Redis server of the tests' own that is killed and started again; the
site served by gunicorn as in production, and the task worker in its own process.

The tests with servers need PostgreSQL (processes cannot share an in-memory SQLite
database): they run in `make test-postgres` and are skipped on SQLite. The cache's own
tests run on both."""

import http.client
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from cpe_network.lib import cache as degrading_cache
from cpe_network.lib.cache import RedisCache
from outbox.mail import queue
from outbox.models import OutboundEmail
from tests.factories import PASSWORD, MemberFactory, UserFactory
from tests.forms import contact_data
from tests.proxy import Proxy, free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

needs_postgresql = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="processes of their own share the database only on PostgreSQL",
)


# A Redis server of the tests' own (never the machine's, which others use).


class RedisServer:
    def __init__(self, port):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        if shutil.which("redis-server") is None:
            pytest.skip("redis-server is not installed")
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        _wait_for(lambda: _answers("127.0.0.1", self.port), "redis-server")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def redis_server():
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _redis_taken_as_up(monkeypatch):
    """Each test starts as a fresh process would: Redis not yet known to be down."""
    monkeypatch.setattr(RedisCache, "down_until", 0.0)


def degrading_redis(url):
    return RedisCache(url, {})


# The cache alone, in this process.


def test_a_cache_with_redis_unreachable_holds_nothing_and_lets_callers_go_on():
    cache = degrading_redis(f"redis://127.0.0.1:{free_port()}/0")

    cache.set("key", "value")

    assert cache.get("key", "default") == "default"
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    assert cache.get_many(["key", "other"]) == {}
    assert cache.add("token", 1) is True
    with pytest.raises(ValueError, match="not found"):
        cache.incr("counter")


def test_an_unreachable_redis_costs_one_try_and_one_warning_every_few_seconds(caplog):
    cache = degrading_redis(f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()

    with caplog.at_level(logging.WARNING, logger="cpe_network.lib.cache"):
        for number in range(200):
            cache.get(f"key-{number}")

    assert time.monotonic() - started < 0.5
    assert len(caplog.records) == 1


def test_a_silent_redis_is_given_up_on_within_a_second():
    with _silent_listener() as port:
        cache = degrading_redis(f"redis://127.0.0.1:{port}/0")
        started = time.monotonic()

        assert cache.get("key", "default") == "default"
        assert time.monotonic() - started < 1


def test_the_cache_works_again_once_redis_is_back(redis_server, monkeypatch):
    monkeypatch.setattr(degrading_cache, "RETRY_SECONDS", 0.2)
    cache = degrading_redis(redis_server.url)
    cache.set("before", 1)
    redis_server.stop()
    assert cache.get("before") is None

    redis_server.start()
    time.sleep(0.3)

    assert cache.get("before") is None  # a restarted Redis without saving is empty
    cache.set("after", 2)
    assert cache.get("after") == 2


# The site with Redis unreachable, in this process.


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "cpe_network.lib.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }


@pytest.mark.django_db
@pytest.mark.parametrize("page_cache", [False, True])
def test_pages_answer_with_redis_down(cache_down, client, settings, page_cache):
    settings.PAGE_CACHE = page_cache
    MemberFactory(name="Relais Lyon", slug="relais-lyon")

    assert client.get("/en/").status_code == 200
    assert client.get("/fr/membres/relais-lyon/").status_code == 200


@pytest.mark.django_db
def test_people_stay_signed_in_with_redis_down(cache_down, client):
    user = UserFactory()
    MemberFactory(representatives=[user])
    client.force_login(user)

    assert client.get("/en/portal/").status_code == 200


@pytest.mark.django_db
def test_people_can_sign_in_with_redis_down(cache_down, client):
    user = UserFactory(email="camille@example.org")
    MemberFactory(representatives=[user])

    client.post("/en/accounts/login/", {"login": "camille@example.org", "password": PASSWORD})

    assert client.get("/en/portal/").status_code == 200


@pytest.mark.django_db
def test_forms_are_not_limited_while_redis_is_down(cache_down, client, settings):
    """The sending limits fail open: a few more robots for a while, rather than
    refusing everyone's forms."""
    settings.FORM_RATE_LIMIT_PER_HOUR = 1

    statuses = [
        client.post("/en/contact/", contact_data(subject=f"Question {number}")).status_code
        for number in range(3)
    ]

    assert statuses == [302, 302, 302]


# The site served by gunicorn, its database behind a proxy that closes, its cache in a
# Redis that dies.


@pytest.fixture(scope="module")
def database_proxy(django_db_setup, django_db_blocker):
    database = settings.DATABASES["default"]
    proxy = Proxy(database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432), free_port())
    yield proxy
    proxy.close()


def _database_url(proxy):
    database = connection.settings_dict
    user = database["USER"]
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return f"postgres://{user}{password}@127.0.0.1:{proxy.port}/{database['NAME']}"


def _environment(**values):
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DEBUG": "0",
        "SECRET_KEY": os.environ["SECRET_KEY"],  # the test's, so its sessions are valid
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PAGE_CACHE": "0",  # every page asks the database: none is served from the cache
        **values,
    }


@pytest.fixture(scope="module")
def site(database_proxy, tmp_path_factory):
    """gunicorn with the production settings (static files from the source folders)."""
    redis = RedisServer(free_port(first=database_proxy.port + 1))
    redis.start()
    port = free_port(first=redis.port + 1)
    log = tmp_path_factory.mktemp("gunicorn") / "log.txt"
    environment = _environment(
        DJANGO_SETTINGS_MODULE="tests.fault_settings",
        DATABASE_URL=_database_url(database_proxy),
        CACHE_URL=redis.url,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        PRIVATE_MEDIA_ROOT=str(tmp_path_factory.mktemp("private")),
    )
    with log.open("w") as output:
        server = subprocess.Popen(
            [BIN / "gunicorn", "-c", "gunicorn.conf.py", "cpe_network.wsgi"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(lambda: _answers("127.0.0.1", port), "gunicorn", log)
        yield Site(port, redis, log)
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # its workers too, at once: nothing to finish
        server.wait(timeout=10)
        redis.stop()


class Site:
    def __init__(self, port, redis, log):
        self.port = port
        self.redis = redis
        self.log = log

    def get(self, path, session=None):
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Cookie": f"sessionid={session}"} if session else {}
        client.request("GET", path, headers=headers)
        response = client.getresponse()
        response.text = response.read().decode()
        client.close()
        return response

    def health(self):
        response = self.get("/healthz")
        return response.status, json.loads(response.text)


def _session_of(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@needs_postgresql
def test_with_the_database_gone_pages_answer_503_and_come_back_alone(
    site, database_proxy, transactional_db
):
    staff = UserFactory(is_staff=True, is_superuser=True)
    session = _session_of(staff)
    assert site.get("/en/").status == 200

    database_proxy.close()
    try:
        english = site.get("/en/")
        french = site.get("/fr/")
        admin = site.get("/admin/", session=session)
        health = site.health()
    finally:
        database_proxy.open()

    assert english.status == 503
    assert "<h1>The site is briefly unavailable</h1>" in english.text
    assert english.getheader("Retry-After") == "30"
    assert "<h1>Le site est momentanément indisponible</h1>" in french.text
    assert admin.status == 503
    assert health == (503, {"status": "unavailable", "database": False, "cache": True})
    assert site.get("/en/").status == 200
    assert site.health() == (200, {"status": "ok", "database": True, "cache": True})


@needs_postgresql
def test_with_redis_gone_pages_answer_and_people_stay_signed_in(site, transactional_db):
    user = UserFactory()
    MemberFactory(representatives=[user])
    session = _session_of(user)
    assert site.get("/en/portal/", session=session).status == 200  # the session now in Redis

    site.redis.stop()
    try:
        home = site.get("/en/")
        portal = site.get("/en/portal/", session=session)
        health = site.health()
    finally:
        site.redis.start()

    assert home.status == 200
    assert portal.status == 200
    assert health == (200, {"status": "degraded", "database": True, "cache": False})
    _wait_for(lambda: site.health()[0] == 200 and site.health()[1]["cache"], "the cache", site.log)
    assert "Redis unreachable" in site.log.read_text()


# The task worker in its own process, its database behind the proxy.


@needs_postgresql
@pytest.mark.real_on_commit
def test_the_worker_outlives_a_database_outage(database_proxy, transactional_db, tmp_path):
    mail = tmp_path / "mail"
    log = tmp_path / "worker.txt"
    environment = _environment(
        DATABASE_URL=_database_url(database_proxy),
        TASKS_BACKEND="database",
        EMAIL_URL=f"filemail:///{mail}",  # django-environ drops one slash
    )
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.2"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(lambda: "Starting worker" in log.read_text(), "the worker", log)
        database_proxy.close()
        try:
            _wait_for(lambda: "Database still unreachable" in log.read_text(), "the outage", log)
        finally:
            database_proxy.open()
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            email = queue(to="a@example.org", subject="After the outage", body="…", language="en")

        _wait_for(lambda: _status(email) == OutboundEmail.Status.SENT, "the email", log)
        assert worker.poll() is None
        assert "After the outage" in "".join(path.read_text() for path in mail.iterdir())
        assert "Database reachable again" in log.read_text()
    finally:
        worker.terminate()
        worker.wait(timeout=10)


def _status(email):
    email.refresh_from_db()
    return email.status


# Helpers.


def _answers(host, port):
    try:
        socket.create_connection((host, port), timeout=0.2).close()
    except OSError:
        return False
    return True


def _wait_for(condition, what, log=None, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    details = log.read_text()[-3000:] if log else ""
    raise AssertionError(f"{what}: not ready within {seconds} s\n{details}")


class _silent_listener:
    """A port that accepts connections and never answers (a Redis that hangs)."""

    def __enter__(self):
        self.socket = socket.create_server(("127.0.0.1", free_port()))
        return self.socket.getsockname()[1]

    def __exit__(self, *exc):
        self.socket.close()
