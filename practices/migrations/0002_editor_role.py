"""Editors publish practices and adaptations, with their sources, as they do news."""

from django.db import migrations

from cpe_network.lib.roles import grant

VERBS = ("add", "change", "delete", "view")


def grant_editor(apps, schema_editor):
    models = ("practice", "source", "adaptation")
    grant(
        apps,
        "Editor",
        {"practices": [f"{verb}_{model}" for verb in VERBS for model in models]},
    )


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(grant_editor, migrations.RunPython.noop)]
