"""Slugs that are part of public addresses (members, news, events, practices)."""

import re
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.utils.text import slugify

# French elides with an apostrophe ("d’un", "l’enfant"): two words in an address,
# "d-un", where slugify would glue them together ("dun").
APOSTROPHES = re.compile(r"['’ʼ]")


def slug_from(text, language=None):
    """An address's last part from a title, accents removed (slugify folds them to
    ASCII); in French an apostrophe separates words."""
    if language == "fr":
        text = APOSTROPHES.sub(" ", text)
    return slugify(text)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def unique_in_each_language(prefix):
    """Each language's slug column unique, for a model whose slug is translated."""
    return [
        models.UniqueConstraint(fields=[f"slug_{code}"], name=f"{prefix}_slug_{code}_unique")
        for code in language_codes()
    ]


class UniqueSlugMixin:
    """For a model whose `slug` makes its address: a free slug from a name, never one of
    the addresses the app's own pages take (`RESERVED_SLUGS`)."""

    RESERVED_SLUGS = frozenset()

    @classmethod
    def unique_slug(cls, text, language=None, exclude=None):
        """A slug from `text` that no other row has. With `language`, for a model with
        a slug in each language (`slug_en`, `slug_fr`): free in every language's
        column, so that an address in one language never leads to another row than
        the same address in the other (an old address keeps leading to its row).
        `exclude`: the row's own primary key."""
        base = slug_from(text, language)[:180] or cls._meta.model_name
        columns = [f"slug_{code}" for code in language_codes()] if language else ["slug"]
        rows = cls.objects.exclude(pk=exclude) if exclude else cls.objects.all()
        slug, number = base, 1
        while (
            slug in cls.RESERVED_SLUGS
            or rows.filter(reduce(or_, (models.Q(**{column: slug}) for column in columns))).exists()
        ):
            number += 1
            slug = f"{base}-{number}"
        return slug
