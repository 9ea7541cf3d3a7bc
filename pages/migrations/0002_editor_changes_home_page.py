"""Editors write the home page (its words, featured items and image) and the secretariat's
contact details; they may add the record if setup_network has not yet made it."""

from django.db import migrations

from cpe_network.lib.roles import grant


def grant_editor(apps, schema_editor):
    grant(apps, "Editor", {"pages": ["add_homepage", "change_homepage", "view_homepage"]})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_home_page"),
        ("news", "0004_editor_events_digest"),
    ]

    operations = [migrations.RunPython(grant_editor, migrations.RunPython.noop)]
