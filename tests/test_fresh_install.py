"""A new installation, made only with the README's production steps (no demo data),
takes an application, approves it and serves every page of its footer, in both
languages. It runs in fresh processes on a fresh database: the same engine as the
rest of the suite (a new SQLite file, or a new PostgreSQL database)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import environ
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_database(tmp_path):
    """The address of an empty database on the suite's engine, dropped afterwards."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    import psycopg2

    url = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    name = f"cpe_fresh_{uuid.uuid4().hex[:8]}"
    server = {
        "host": url["HOST"] or None,
        "port": url["PORT"] or None,
        "user": url["USER"],
        "password": url["PASSWORD"] or None,
        "dbname": "postgres",
    }
    connection = psycopg2.connect(**server)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()


def test_a_fresh_install_takes_approves_and_serves_without_demo_data(fresh_database, tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cpe_network.settings",
        "DEBUG": "0",
        "SECRET_KEY": "fresh-install-secret-key-that-is-long-enough-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": "https://network.example.org",
        "DEFAULT_FROM_EMAIL": "network@example.org",
        "DATABASE_URL": fresh_database,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_SUPERUSER_USERNAME": "secretary",
        "DJANGO_SUPERUSER_EMAIL": "secretary@network.example.org",
        "DJANGO_SUPERUSER_PASSWORD": "a-long-and-unguessable-passphrase",
    }

    def run(*command):
        result = subprocess.run(
            [sys.executable, *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    # The README's production steps.
    run("manage.py", "collectstatic", "--no-input")
    run("manage.py", "migrate", "--no-input")
    run("manage.py", "setup_network")
    run("manage.py", "createsuperuser", "--no-input")

    found = json.loads(run("-m", "tests.fresh_install").strip().splitlines()[-1])

    assert found["join form"] == [200, "Organisation membre"]
    assert found["application sent"] == [302, "/fr/adherer/merci/"]
    assert found["approved"] == 302
    assert found["member"] == ["Lien Familial", "Applicant member", True]
    assert found["member pages"] == [200, 200]
    assert found["practices"] == [200] * 6
    assert found["representative"] == [302, 302, ["marie@lien.example"], True]
    assert found["footer /en/"] == {
        "/en/about/": 200,
        "/en/values/": 200,
        "/en/child-protection-policy/": 200,
        "/en/privacy/": 200,
        "/en/accessibility/": 200,
        "/en/find-help/": 200,
        "/en/collaborate/": 200,
    }
    assert sorted(found["footer /fr/"].values()) == [200] * 7
    assert found["emails"] == [["marie@lien.example", "fr"], ["marie@lien.example", "fr"]]
