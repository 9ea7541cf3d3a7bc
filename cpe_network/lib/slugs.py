"""Slugs that are part of public addresses (members, news, events)."""

from django.utils.text import slugify


class UniqueSlugMixin:
    """For a model whose `slug` makes its address: a free slug from a name, never one of
    the addresses the app's own pages take (`RESERVED_SLUGS`)."""

    RESERVED_SLUGS = frozenset()

    @classmethod
    def unique_slug(cls, text):
        base = slugify(text)[:180] or cls._meta.model_name
        slug, number = base, 1
        while slug in cls.RESERVED_SLUGS or cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug
