"""The two staff roles, with exactly the permissions their work needs. Later apps add
their own models' permissions to these groups in their own migrations."""

from django.db import migrations

from cpe_network.lib.roles import grant

ALL = ("add", "change", "delete", "view")


def codenames(models):
    return [f"{action}_{model}" for model, actions in models.items() for action in actions]


def create_roles(apps, schema_editor):
    grant(apps, "Membership secretary", {"members": codenames({
        "member": ALL, "membershipcategory": ALL, "topic": ALL, "categorychange": ("view",),
    })})
    grant(apps, "Editor", {
        "flatpages": codenames({"flatpage": ALL}),
        "members": codenames({"topic": ALL}),
    })


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Membership secretary", "Editor"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("flatpages", "0002_translations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
