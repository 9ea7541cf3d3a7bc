"""Editors write and publish news."""

from django.db import migrations

from cpe_network.lib.roles import grant


def grant_editor(apps, schema_editor):
    grant(apps, "Editor", {"news": ["add_post", "change_post", "delete_post", "view_post"]})


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("members", "0002_staff_groups")]

    operations = [migrations.RunPython(grant_editor, migrations.RunPython.noop)]
