"""Staff roles are groups made by data migrations; each app adds its own permissions."""

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions


def grant(apps, group_name, permissions):
    """Give `group_name` (made if missing) the permissions {app_label: [codename, …]}.

    Permissions are normally created after all migrations; a data migration that hands
    them out creates them first, as `migrate` does at its end: for each installed app,
    from the models as they are at this migration (`apps`)."""
    for app_config in installed_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, codenames in permissions.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
