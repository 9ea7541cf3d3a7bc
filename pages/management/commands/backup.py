"""A backup of the site, in a new folder named after the time (UTC):

    manage.py backup /srv/backups   ->  /srv/backups/2026-11-30T060000Z/
        database.dump   the database (pg_dump's custom format)
        media.tar       MEDIA_ROOT (logos, pictures, published documents)
        private.tar     PRIVATE_MEDIA_ROOT (applications' documents)

`manage.py restore FOLDER` puts one back. The folder holds personal data: it is readable
by its owner only; keep copies elsewhere, as safe as the database itself."""

import datetime
import os
import subprocess  # nosec B404 (pg_dump and pg_restore, with arguments of our own)
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DATABASE = "database.dump"
# Each archive and the setting naming the folder it holds.
ARCHIVES = {"media.tar": "MEDIA_ROOT", "private.tar": "PRIVATE_MEDIA_ROOT"}


def require_postgresql():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError(
            "Backups need PostgreSQL (DATABASE_URL=postgres://…). With SQLite, copy the "
            "database file and the media folders while the site is stopped."
        )


def postgresql(program, *arguments):
    """Run pg_dump or pg_restore on the site's database (DATABASE_URL), its password in
    the environment rather than on a command line that others can read."""
    require_postgresql()
    database = settings.DATABASES["default"]
    environment = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if database[key]:
            environment[variable] = str(database[key])
    if database["PASSWORD"]:
        environment["PGPASSWORD"] = database["PASSWORD"]
    if sslmode := database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    command = [program, f"--dbname={database['NAME']}", *arguments]
    try:
        subprocess.run(command, env=environment, check=True)  # nosec B603
    except FileNotFoundError as error:
        raise CommandError(f"{program} not found: install PostgreSQL's client programs.") from error
    except subprocess.CalledProcessError as error:
        raise CommandError(f"{program} failed (exit status {error.returncode}).") from error


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new dated folder."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, help="the folder that receives backups")

    def handle(self, *args, destination, **options):
        require_postgresql()
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%SZ")
        folder = destination / stamp
        folder.mkdir(mode=0o700, parents=True)
        postgresql("pg_dump", "--format=custom", f"--file={folder / DATABASE}")
        for archive, setting in ARCHIVES.items():
            with tarfile.open(folder / archive, "w") as tar:
                root = Path(getattr(settings, setting))
                if root.is_dir():
                    tar.add(root, arcname=".")
        self.stdout.write(str(folder))
