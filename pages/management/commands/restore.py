"""Put back a backup made by `manage.py backup`: the database as it was (every table
dropped and made again, in one transaction), and the uploaded files unpacked into
MEDIA_ROOT and PRIVATE_MEDIA_ROOT (files of the same name replaced, others left).

Stop the web servers and the worker first. The database must exist (createdb, empty or
not); the site's settings (DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT) say where."""

import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from .backup import ARCHIVES, DATABASE, postgresql, require_postgresql


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a backup folder."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a folder made by `manage.py backup`")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask to confirm"
        )

    def handle(self, *args, folder, interactive, **options):
        require_postgresql()
        missing = [name for name in (DATABASE, *ARCHIVES) if not (folder / name).is_file()]
        if missing:
            raise CommandError(f"{folder} is not a backup: {', '.join(missing)} missing.")
        name = settings.DATABASES["default"]["NAME"]
        if interactive:
            answer = input(
                f"This replaces everything in the database {name} and restores the files "
                f"into {settings.MEDIA_ROOT} and {settings.PRIVATE_MEDIA_ROOT}. Type 'yes': "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        postgresql(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            str(folder / DATABASE),
        )
        for archive, setting in ARCHIVES.items():
            root = Path(getattr(settings, setting))
            root.mkdir(parents=True, exist_ok=True)
            with tarfile.open(folder / archive) as tar:
                # "data": no absolute paths, links out of the folder or device files.
                tar.extractall(root, filter="data")
        self.stdout.write(f"Restored {folder} into the database {name} and the media folders.")
