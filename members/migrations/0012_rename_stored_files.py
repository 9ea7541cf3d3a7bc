import json

from django.db import migrations

from cpe_network.lib.uploads import rename_stored_files

LOGOS = ["logo", "logo_small", "logo_medium", "logo_large"]
DOCUMENTS = ["annual_report_1", "annual_report_2", "reference_letter"]


def rename_files(apps, schema_editor):
    """Logos (named after the member's slug) and application documents (named by their
    sender) move to names the site chooses; the history of each member's profile
    (django-reversion) follows, so restoring an earlier version finds its logo."""
    rename_stored_files(apps.get_model("members", "Application"), DOCUMENTS)
    renamed = rename_stored_files(apps.get_model("members", "Member"), LOGOS)
    content_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="members", model="member")
        .first()
    )
    if content_type is None:
        return
    Version = apps.get_model("reversion", "Version")
    for pk, moves in renamed.items():
        for version in Version.objects.filter(content_type=content_type, object_id=str(pk)):
            data = version.serialized_data
            for old, new in moves.items():
                data = data.replace(json.dumps(old), json.dumps(new))
            if data != version.serialized_data:
                version.serialized_data = data
                version.save(update_fields=["serialized_data"])


class Migration(migrations.Migration):
    # File by file: each row is updated as soon as its files are moved.
    atomic = False

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("members", "0011_site_chosen_file_names"),
    ]

    operations = [migrations.RunPython(rename_files, migrations.RunPython.noop)]
