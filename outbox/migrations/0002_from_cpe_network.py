"""What else an installation made before the outbox app holds under the old name
(cpe_network): the emails' content type, to which the permissions staff hold and the
admin's history are attached, and the background tasks still waiting to send an email.
They are renamed in place, so nothing is lost; on a new database there is nothing to do."""

from django.conf import settings
from django.db import migrations

OLD_TASK = "cpe_network.tasks.send_email"
NEW_TASK = "outbox.tasks.send_email"


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    old = ContentType.objects.filter(app_label="cpe_network", model="outboundemail").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label="outbox", model="outboundemail").first()
    if new is None:
        old.app_label = "outbox"
        old.save(update_fields=["app_label"])
        return
    # A `migrate` of another app made the new one first (its permissions are made after
    # every migrate, or by a role's data migration): whoever held a permission on the
    # old one holds the same on the new one.
    for permission in Permission.objects.filter(content_type=old):
        same, _ = Permission.objects.get_or_create(
            content_type=new, codename=permission.codename, defaults={"name": permission.name}
        )
        same.group_set.add(*permission.group_set.all())
        same.user_set.add(*permission.user_set.all())
    LogEntry.objects.filter(content_type=old).update(content_type=new)
    old.delete()


def move_waiting_tasks(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=OLD_TASK).update(task_path=NEW_TASK)


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "__first__"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
        migrations.RunPython(move_waiting_tasks, migrations.RunPython.noop),
    ]
