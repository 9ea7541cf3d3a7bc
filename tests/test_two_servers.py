"""Issue 19, several servers: two gunicorn processes of the site, on two loopback ports,
with one PostgreSQL database, one Redis and one object storage (moto's S3 server), behave
as one site. People are signed in on both, a change made on one shows on the other at
once (its page cache serves nothing stale), and a file sent to one is read from the other.

Production settings (DEBUG off, collected static files, the anonymous page cache on);
plain HTTP clients, as browsers: the cookies of 127.0.0.1 go to both ports, as they go
to every server behind one address."""

import os
import re
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import global_settings, settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from cpe_network import settings as production_settings
from members.models import Application
from tests.conftest import S3_KEYS, free_port, wait_for
from tests.factories import PASSWORD, CategoryFactory, MemberFactory, UserFactory
from tests.forms import application_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two servers share a PostgreSQL database (DATABASE_URL=postgres://...)",
    ),
]

REDIS = "redis://127.0.0.1:6379/6"
PROJECT = Path(__file__).resolve().parent.parent
# No control socket: both would take the same path (~/.gunicorn/gunicorn.ctl).
GUNICORN = [
    Path(sys.executable).parent / "gunicorn",
    "-c",
    "gunicorn.conf.py",
    "--no-control-socket",
]
GUNICORN += ["cpe_network.wsgi"]


@pytest.fixture
def redis_db():
    """The Redis database the servers share as their cache, emptied first."""
    import redis

    client = redis.Redis.from_url(REDIS)
    try:
        client.flushdb()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    yield client
    client.flushdb()


def database_url():
    """The test database (pytest-django's, with the rows this test commits)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def servers(tmp_path, redis_db, s3_server):
    """Two gunicorns of the site, A and B, started together; their addresses and the
    bucket. Both are killed at the end whatever happened, and their logs printed (pytest
    shows them when the test fails)."""
    import boto3

    bucket = boto3.resource(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
    ).Bucket(f"two-servers-{uuid.uuid4().hex}")
    bucket.create()
    environment = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "CACHE_URL": REDIS,
        "PAGE_CACHE": "1",
        "TASKS_BACKEND": "immediate",
        "EMAIL_URL": "consolemail://",
        "S3_BUCKET": bucket.name,
        "S3_ENDPOINT_URL": s3_server,
        "S3_REGION": "us-east-1",
        "WEB_CONCURRENCY": "1",
        **S3_KEYS,
    }
    collect_static(tmp_path / "static")
    processes = []
    try:
        for name in ("a", "b"):
            port = free_port(taken=[process.port for process in processes])
            log = (tmp_path / f"{name}.log").open("w")
            process = subprocess.Popen(
                GUNICORN,
                cwd=PROJECT,
                env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            process.port, process.log = port, log
            processes.append(process)
        for process in processes:
            wait_for(f"http://127.0.0.1:{process.port}/healthz", process)
        yield [f"http://127.0.0.1:{process.port}" for process in processes], bucket
    finally:
        for process in processes:
            # The master and its worker at once: nothing here needs a graceful stop.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            process.log.close()
            print(f"--- gunicorn on {process.port}:\n{Path(process.log.name).read_text()}")


def collect_static(folder):
    """collectstatic into `folder` with the production storage (minified, hashed, in a
    manifest: pages fail without it), but without the gzip and Brotli copies, two thirds
    of its time (8 s of 12 here), which no page of this test reads."""
    extensions = {
        Path(path).suffix.lstrip(".")
        for finder in finders.get_finders()
        for path, _storage in finder.list([])
    }
    with override_settings(
        STORAGES={**settings.STORAGES, "staticfiles": production_settings.STORAGES["staticfiles"]},
        STATIC_ROOT=folder,
        WHITENOISE_SKIP_COMPRESS_EXTENSIONS=sorted(extensions - {""}),
    ):
        call_command("collectstatic", interactive=False, verbosity=0)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_two_servers_behave_as_one_site(servers, redis_db, request):
    import requests

    (a, b), bucket = servers
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    member = MemberFactory(name="Brand New Network Member", published=False)
    category = CategoryFactory()
    visitor, staff_browser, applicant = sessions = [requests.Session() for _ in range(3)]
    request.addfinalizer(lambda: [session.close() for session in sessions])

    # B serves the directory to a visitor, and keeps the page (Redis, shared).
    assert "Brand New Network Member" not in visitor.get(f"{b}/en/members/").text
    assert list(redis_db.scan_iter("*:pages:*"))

    # Signed in on A, and so on B.
    login = staff_browser.get(f"{a}/en/accounts/login/")
    staff_browser.post(
        f"{a}/en/accounts/login/",
        {"csrfmiddlewaretoken": csrf_token(login.text), "login": staff.email, "password": PASSWORD},
    )
    admin_on_b = staff_browser.get(f"{b}/admin/", allow_redirects=False)
    assert admin_on_b.status_code == 200

    # Published on A (an action in the admin), seen at once on B, by the same visitor.
    changes = staff_browser.get(f"{a}/admin/members/member/")
    staff_browser.post(
        f"{a}/admin/members/member/",
        {
            "csrfmiddlewaretoken": csrf_token(changes.text),
            "action": "publish",
            "_selected_action": member.pk,
        },
    )
    assert "Brand New Network Member" in visitor.get(f"{b}/en/members/").text

    # An application's documents sent to A, read by staff on B.
    form = applicant.get(f"{a}/en/join/")
    data = application_data(category, csrfmiddlewaretoken=csrf_token(form.text))
    files = {
        name: (upload.name, upload.read(), "application/pdf")
        for name, upload in data.items()
        if hasattr(upload, "read")
    }
    fields = {name: value for name, value in data.items() if name not in files}
    sent = applicant.post(f"{a}/en/join/", data=fields, files=files, allow_redirects=False)
    assert sent.status_code == 302
    application = Application.objects.get()
    document = staff_browser.get(
        f"{b}/admin/members/application/{application.pk}/document/annual_report_1/"
    )
    assert document.status_code == 200
    assert document.content == files["annual_report_1"][1]
    assert f"private/{application.annual_report_1.name}" in [o.key for o in bucket.objects.all()]
