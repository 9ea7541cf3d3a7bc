"""Existing practices: the English address stays the one they had; the French
one is made from the French title (the English address when there is none). A French
address is taken by no other row in either language, so old links keep leading to
their row."""

from django.db import migrations
from django.utils.text import slugify

from cpe_network.lib.slugs import slug_from

RESERVED = {"Practice": {"evidence", "donnees-probantes"}}


def fill(apps, schema_editor):
    for name, reserved in RESERVED.items():
        model = apps.get_model("practices", name)
        rows = list(model.objects.order_by("pk"))
        taken = {row.slug for row in rows} | reserved
        for row in rows:
            row.slug_en = row.slug
            slug = row.slug
            if row.title_fr:
                base = slug_from(row.title_fr, "fr")[:180] or slugify(name)
                slug, number = base, 1
                while slug in taken and slug != row.slug:
                    number += 1
                    slug = f"{base}-{number}"
            row.slug_fr = slug
            taken.add(slug)
            model.objects.filter(pk=row.pk).update(slug_en=row.slug_en, slug_fr=row.slug_fr)


def back(apps, schema_editor):
    for name in RESERVED:
        model = apps.get_model("practices", name)
        for row in model.objects.all():
            model.objects.filter(pk=row.pk).update(slug=row.slug_en)


class Migration(migrations.Migration):
    dependencies = [("practices", "0008_slug_in_each_language")]

    operations = [migrations.RunPython(fill, back)]
