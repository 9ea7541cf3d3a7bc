"""The membership secretary reviews applications, keeps the list of affiliates and sees
which emails could not be delivered."""

from django.db import migrations

from cpe_network.lib.roles import grant


def grant_secretary(apps, schema_editor):
    grant(apps, "Membership secretary", {
        "members": ["change_application", "view_application", "add_affiliate",
                    "change_affiliate", "delete_affiliate", "view_affiliate"],
        "outbox": ["view_outboundemail", "change_outboundemail"],
    })


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_applications_affiliates"),
        ("members", "0002_staff_groups"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_secretary, migrations.RunPython.noop)]
