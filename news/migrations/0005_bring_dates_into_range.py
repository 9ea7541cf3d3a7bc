"""Rows kept before the dates had a range, with a year no page could show (as 9999),
are brought to the nearest end of it, so that the next migration can add the database's
check and editors can open the rows and put them right. (On its own: PostgreSQL does not
alter a table in the transaction that has just updated it.)"""

import datetime

from django.db import migrations

EARLIEST = datetime.datetime(1899, 12, 31, tzinfo=datetime.UTC)
LATEST = datetime.datetime(2101, 1, 2, tzinfo=datetime.UTC)
FIRST = datetime.datetime(1900, 1, 1, 12, tzinfo=datetime.UTC)
LAST = datetime.datetime(2100, 12, 31, 12, tzinfo=datetime.UTC)


def bring_into_range(apps, schema_editor):
    for model_name, fields in (("Post", ["publish_at"]), ("Event", ["publish_at", "start", "end"])):
        model = apps.get_model("news", model_name)
        for field in fields:
            model.objects.filter(**{f"{field}__lt": EARLIEST}).update(**{field: FIRST})
            model.objects.filter(**{f"{field}__gte": LATEST}).update(**{field: LAST})


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_editor_events_digest"),
    ]

    operations = [
        migrations.RunPython(bring_into_range, migrations.RunPython.noop),
    ]
