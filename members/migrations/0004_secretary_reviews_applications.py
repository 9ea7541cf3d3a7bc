"""The membership secretary reviews applications, keeps the list of affiliates and sees
which emails could not be delivered."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
MODELS = {"application": ("change", "view"), "affiliate": ALL}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Membership secretary")
    codenames = [f"{action}_{model}" for model, actions in MODELS.items() for action in actions]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="members", codename__in=codenames),
        *Permission.objects.filter(
            content_type__app_label="cpe_network",
            codename__in=["view_outboundemail", "change_outboundemail"],
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_applications_affiliates"),
        ("members", "0002_staff_groups"),
        ("cpe_network", "0001_outbound_email"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
