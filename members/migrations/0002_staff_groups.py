"""The two staff roles, with exactly the permissions their work needs. Later apps add
their own models' permissions to these groups in their own migrations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

ROLES = {
    "Membership secretary": {
        "members": {"member": ALL, "membershipcategory": ALL, "topic": ALL,
                    "categorychange": ("view",)},
    },
    "Editor": {
        "flatpages": {"flatpage": ALL},
        "members": {"topic": ALL},
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, actions_by_model in models.items():
            for model, actions in actions_by_model.items():
                codenames = [f"{action}_{model}" for action in actions]
                group.permissions.add(
                    *Permission.objects.filter(
                        content_type__app_label=app_label, codename__in=codenames
                    )
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("flatpages", "0002_translations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
