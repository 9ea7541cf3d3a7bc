"""A backup made with `manage.py backup` brings the whole site back with `manage.py
restore` after its database and files are lost: the same rows, the same files, the same
pages. On PostgreSQL only (pg_dump), on a database of its own, in fresh processes."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import environ
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection as db_connection

ROOT = Path(__file__).resolve().parent.parent

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# (On PostgreSQL, the suite's migrated test database is copied to make the test's own.)
pytestmark = pytest.mark.django_db


@pytest.fixture
def server():
    """The suite's PostgreSQL server, to create and drop databases beside its own test
    database, and how to reach it."""
    import psycopg2

    url = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    options = {
        "host": url["HOST"] or None,
        "port": url["PORT"] or None,
        "user": url["USER"],
        "password": url["PASSWORD"] or None,
    }
    connection = psycopg2.connect(**options, dbname="postgres")
    connection.autocommit = True
    yield connection, options
    connection.close()


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="backups use pg_dump and pg_restore: run on PostgreSQL (make test-postgres)",
)
def test_a_restored_backup_brings_back_the_same_rows_files_and_pages(server, tmp_path):
    connection, options = server
    libpq = {
        "PATH": os.environ["PATH"],
        **{f"PG{key.upper()}": str(value) for key, value in options.items() if value},
    }
    test_database = db_connection.settings_dict["NAME"]
    name = f"cpe_backup_test_{uuid.uuid4().hex[:8]}"
    media, private = tmp_path / "media", tmp_path / "private"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cpe_network.settings",
        "DEBUG": "0",
        "SECRET_KEY": "backup-test-secret-key-that-is-long-enough-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE": "0",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}",
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
    }

    def run(*command):
        result = subprocess.run(
            [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    def create_database():
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')

    def drop_database():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    create_database()
    try:
        # The suite's migrated test database, copied: running the migrations again takes
        # a minute of this machine's time.
        dump = subprocess.run(
            ["pg_dump", "--format=custom", f"--dbname={test_database}"],
            env=libpq,
            capture_output=True,
            check=True,
        )
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={name}"],
            input=dump.stdout,
            env=libpq,
            check=True,
        )
        before = json.loads(run("-m", "tests.backup_site", "backup", str(tmp_path / "backups")))
        folder = Path(before["folder"])
        drop_database()
        shutil.rmtree(media)
        shutil.rmtree(private)
        create_database()
        after = json.loads(run("-m", "tests.backup_site", "restore", str(folder)))
    finally:
        drop_database()

    assert sorted(path.name for path in folder.iterdir()) == [
        "database.dump",
        "media.tar",
        "private.tar",
    ]
    assert before["site"]["rows"]["members.Member"] >= 1
    assert before["site"]["rows"]["members.Application"] >= 1
    assert len(before["site"]["files"]) >= 6  # the logo, its copies, and three PDFs
    assert before["site"]["member page"] == [200, True]
    assert before["site"]["news page"] == [200, True]
    assert after["site"] == before["site"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="restore refuses SQLite before it reads the folder")
def test_a_folder_that_is_no_backup_is_refused_before_anything_changes(tmp_path):
    (tmp_path / "database.dump").write_bytes(b"")

    with pytest.raises(CommandError, match=r"media\.tar, private\.tar missing"):
        call_command("restore", tmp_path, interactive=False)


@pytest.mark.skipif(ON_POSTGRESQL, reason="what the commands say on SQLite")
def test_on_sqlite_backup_says_what_to_do_instead(tmp_path):
    with pytest.raises(CommandError, match="copy the database file"):
        call_command("backup", tmp_path)
    assert list(tmp_path.iterdir()) == []
