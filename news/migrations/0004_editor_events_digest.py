"""Editors also publish events (with their documents) and send the digest; they see
members (read only) to link items to them."""

from django.db import migrations

from cpe_network.lib.roles import grant

VERBS = ("add", "change", "delete", "view")


def grant_editor(apps, schema_editor):
    grant(
        apps,
        "Editor",
        {
            "news": [
                *(f"{verb}_event" for verb in VERBS),
                *(f"{verb}_eventdocument" for verb in VERBS),
                "view_digest",
                "send_digest",
            ],
            "members": ["view_member"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_events_submissions_digest"),
        ("members", "0005_user_receives_digest"),
    ]

    operations = [migrations.RunPython(grant_editor, migrations.RunPython.noop)]
