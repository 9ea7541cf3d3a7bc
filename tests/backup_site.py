"""Run inside a site of its own (see test_backup.py), in two steps with the loss between:

- `backup FOLDER`: completes the database as the README's production steps do (migrate,
  setup_network), stores a member with its logo, an application with its documents and a
  news item, then runs `manage.py backup FOLDER`;
- `restore BACKUP`: runs `manage.py restore --no-input BACKUP`.

Each then prints, as JSON, what the site holds (rows of every model, every uploaded
file's digest) and what it answers (the member's page and logo, the news page), and the
backup's folder."""

import hashlib
import io
import json
import sys
from pathlib import Path

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from tests.factories import (  # noqa: E402
    ApplicationFactory,
    MemberFactory,
    PostFactory,
    UserFactory,
    image_file,
)

# Static files from the source folders, as in the suite (no collectstatic).
PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def backup(destination):
    call_command("migrate", verbosity=0)
    call_command("setup_network", verbosity=0)
    member = MemberFactory(name="Relais Lyon", slug="relais-lyon", logo=image_file())
    member.representatives.add(UserFactory(email="rep@example.org"))
    ApplicationFactory()
    PostFactory(title_en="Visits resume", slug="visits-resume")
    output = io.StringIO()
    call_command("backup", destination, stdout=output)
    return output.getvalue().strip()


def restore(folder):
    call_command("restore", folder, interactive=False, stdout=io.StringIO())
    return folder


@override_settings(STORAGES=PLAIN_STATIC)
def site():
    from members.models import Member

    client = Client()
    member = client.get("/en/members/relais-lyon/")
    logo = client.get(Member.objects.get(slug="relais-lyon").logo.url)
    news = client.get("/en/news/visits-resume/")
    return {
        "rows": {model._meta.label: model.objects.count() for model in apps.get_models()},
        "files": {
            str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT))
            for path in sorted(root.rglob("*"))
            if path.is_file()
        },
        "member page": [member.status_code, "Relais Lyon" in member.text],
        "logo": [logo.status_code, hashlib.sha256(b"".join(logo.streaming_content)).hexdigest()],
        "news page": [news.status_code, "Visits resume" in news.text],
    }


step, argument = sys.argv[1:3]
folder = {"backup": backup, "restore": restore}[step](argument)
print(json.dumps({"folder": folder, "site": site()}))
