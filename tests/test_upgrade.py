"""An installation made before the outbox app, whose emails were the project package's
(cpe_network), upgrades with `migrate`: its emails, the permissions staff hold on them,
the admin's history and the tasks waiting to send them are all kept.

The test database is put back as such an installation has it: the same table (its name
never changed), cpe_network's migration recorded instead of the outbox app's, and the
content type under the old label. Then `migrate` runs, as after a deployment. It runs on
the suite's engine (SQLite, and PostgreSQL with `make test-postgres`)."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.models import OutboundEmail

pytestmark = pytest.mark.django_db(transaction=True)


def as_before_the_outbox_app():
    recorder = MigrationRecorder(connection)
    recorder.migration_qs.filter(app="outbox").delete()
    recorder.record_applied("cpe_network", "0001_outbound_email")
    ContentType.objects.filter(app_label="outbox").update(app_label="cpe_network")
    ContentType.objects.clear_cache()


def old_permission(codename):
    return Permission.objects.get(content_type__app_label="cpe_network", codename=codename)


@pytest.fixture
def old_installation():
    """An email, a group that may view emails, a clerk who may change them, the admin's
    record of a change, and a task waiting to send the email: all as made before."""
    email = OutboundEmail.objects.create(
        to="someone@example.org", subject="Sent before", body="Text", language="en"
    )
    as_before_the_outbox_app()
    auditors = Group.objects.create(name="Auditors")
    auditors.permissions.add(old_permission("view_outboundemail"))
    clerk = get_user_model().objects.create(
        username="clerk", email="clerk@example.org", is_staff=True
    )
    clerk.user_permissions.add(old_permission("change_outboundemail"))
    LogEntry.objects.create(
        user=clerk,
        content_type=ContentType.objects.get(app_label="cpe_network"),
        object_id=str(email.pk),
        object_repr=str(email),
        action_flag=CHANGE,
    )
    DBTaskResult.objects.create(
        task_path="cpe_network.tasks.send_email",
        args_kwargs={"args": [email.pk], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    return email


def upgrade(*args):
    call_command("migrate", *args, verbosity=0)
    ContentType.objects.clear_cache()


def group_permissions(name):
    return sorted(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def test_the_emails_are_kept(old_installation):
    upgrade()
    assert list(OutboundEmail.objects.values_list("pk", "subject")) == [
        (old_installation.pk, "Sent before")
    ]


def test_the_outbox_migrations_are_recorded_as_applied(old_installation):
    upgrade()
    applied = MigrationRecorder(connection).applied_migrations()
    assert {("outbox", "0001_initial"), ("outbox", "0002_from_cpe_network")} <= set(applied)


def test_a_group_keeps_its_permission_on_emails(old_installation):
    upgrade()
    assert group_permissions("Auditors") == [("outbox", "view_outboundemail")]


def test_a_person_keeps_their_permission_on_emails(old_installation):
    upgrade()
    clerk = get_user_model().objects.get(username="clerk")
    assert clerk.has_perm("outbox.change_outboundemail")


def test_no_content_type_is_left_under_the_old_label(old_installation):
    upgrade()
    assert not ContentType.objects.filter(app_label="cpe_network").exists()


def test_the_admin_history_still_points_at_the_email(old_installation):
    upgrade()
    assert LogEntry.objects.get().get_edited_object() == old_installation


def test_a_task_waiting_to_send_an_email_finds_it_at_its_new_address(old_installation):
    upgrade()
    assert DBTaskResult.objects.get().task_path == "outbox.tasks.send_email"


def test_permissions_made_by_an_earlier_partial_migrate_are_merged(old_installation):
    """`migrate news` alone makes the outbox's content type and permissions afresh (after
    every migrate), before the outbox's own migration has moved the old ones."""
    upgrade("news")
    assert ContentType.objects.filter(app_label="outbox").exists()
    upgrade()
    assert group_permissions("Auditors") == [("outbox", "view_outboundemail")]
    assert ContentType.objects.filter(model="outboundemail").count() == 1
    assert LogEntry.objects.get().get_edited_object() == old_installation
