from django.db import migrations

from cpe_network.lib.uploads import rename_stored_files


def rename_files(apps, schema_editor):
    """Pictures (named after the item's slug) and event documents (named by their
    sender, extension included) move to names the site chooses."""
    for model in ("Post", "Event"):
        rename_stored_files(apps.get_model("news", model), ["image", "image_web"])
    rename_stored_files(apps.get_model("news", "EventDocument"), ["file"])


class Migration(migrations.Migration):
    # File by file: each row is updated as soon as its files are moved.
    atomic = False

    dependencies = [
        ("news", "0008_site_chosen_file_names"),
    ]

    operations = [migrations.RunPython(rename_files, migrations.RunPython.noop)]
