"""Keeping the search index (search.models.Entry, Word) in step with what it indexes.

Each indexed model says what the search reads with `search_document()`: its titles and
text in each language, a date, and from when the public may see it. Saving or deleting
a row updates its entry (signals), and so does changing whether a membership category
is listed;
`rebuild()` remakes a whole kind after bulk changes (seed_demo), and after `migrate`
`index_missing()` indexes rows that have no entry yet, so a site upgraded to this
version is searchable without a manual step. A bulk `update()` of indexed text skips the
signals: run `manage.py rebuild_search_index` after one."""

import re

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from cpe_network.lib.text import fold

from .models import Entry, Word

# The text-search configurations (migration 0001): each language's stemming, accents
# aside.
CONFIGS = {"en": "english_unaccent", "fr": "french_unaccent"}

DOCUMENT_FIELDS = ("title_en", "title_fr", "text_en", "text_fr", "date", "public_from")

# What search_document() reads besides the row itself, by kind.
RELATED = {"member": ["category"]}

WORD = re.compile(r"[^\W_]{3,40}")


def indexed_models():
    from collaboration.models import Call
    from members.models import Member
    from news.models import Event, Post
    from practices.models import Practice

    return {"member": Member, "practice": Practice, "post": Post, "event": Event, "call": Call}


def kind_of(model):
    return {model: kind for kind, model in indexed_models().items()}.get(model)


def vector():
    """The weighted vector of an entry, made by PostgreSQL: titles A, text B, each
    language by its own configuration."""
    parts = [
        SearchVector(f"{field}_{code}", config=config, weight=weight)
        for code, config in CONFIGS.items()
        for field, weight in (("title", "A"), ("text", "B"))
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + part
    return combined


def _entry(kind, row):
    return Entry(kind=kind, object_id=row.pk, **row.search_document())


def _words(entries):
    """The words of `entries`, each once by its folded form (the first spelling met)."""
    words = {}
    for entry in entries:
        for field in ("title_en", "title_fr", "text_en", "text_fr"):
            for word in WORD.findall(getattr(entry, field).casefold()):
                words.setdefault(fold(word), word)
    return words


def _add_words(entries):
    Word.objects.bulk_create(
        [Word(folded=folded, word=word) for folded, word in _words(entries).items()],
        ignore_conflicts=True,
        batch_size=1000,
    )


def _fill_vectors(entries):
    if connection.vendor == "postgresql":
        entries.update(vector=vector())


def update(row):
    _forget()
    kind = kind_of(type(row))
    entry = _entry(kind, row)
    fields = {name: getattr(entry, name) for name in DOCUMENT_FIELDS}
    with transaction.atomic():
        Entry.objects.update_or_create(kind=kind, object_id=row.pk, defaults=fields)
        _fill_vectors(Entry.objects.filter(kind=kind, object_id=row.pk))
        _add_words([entry])


def reindex(rows):
    """Index `rows` (a queryset) again: after a bulk `update()` of a few, such as the
    admin's publish and unpublish actions. Rows of a kind the search does not index
    (adaptations) are left alone."""
    kind = kind_of(rows.model)
    if kind is None:
        return
    for row in _with_related(kind, rows):
        update(row)


def _with_related(kind, rows):
    related = RELATED.get(kind)
    return rows.select_related(*related) if related else rows


def remove(row):
    _forget()
    Entry.objects.filter(kind=kind_of(type(row)), object_id=row.pk).delete()


def rebuild(kinds=None, *, only_missing=False, batch=2000):
    """Index every row of `kinds` (all by default) again, or only those without an entry."""
    for kind, model in indexed_models().items():
        if kinds is not None and kind not in kinds:
            continue
        with transaction.atomic():
            rows = _with_related(kind, model.objects.order_by("pk"))
            if only_missing:
                have = Entry.objects.filter(kind=kind).values("object_id")
                rows = rows.exclude(pk__in=have)
            else:
                Entry.objects.filter(kind=kind).delete()
            chunk = []
            for row in rows.iterator(chunk_size=batch):
                chunk.append(_entry(kind, row))
                if len(chunk) == batch:
                    _store(chunk)
                    chunk = []
            _store(chunk)
            _fill_vectors(Entry.objects.filter(kind=kind, vector__isnull=True))
    _analyze()


def _analyze():
    """Tell the database's planner what the index now holds. Without statistics SQLite
    takes `kind = 'post'` for a rare value and reads all 100,000 posts' entries to find
    the few that FTS5 matched (70 ms for a word found nowhere) instead of fetching
    those by rowid; PostgreSQL's autovacuum would get there, but later."""
    with connection.cursor() as cursor:
        for table in (Entry._meta.db_table, Word._meta.db_table):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def _forget():
    from .query import forget

    forget()


def _store(entries):
    _forget()
    Entry.objects.bulk_create(entries, batch_size=len(entries) or 1)
    _add_words(entries)


def index_missing(**kwargs):
    """After `migrate`: index the rows that have no entry (none, on a new site)."""
    behind = []
    for kind, model in indexed_models().items():
        if model.objects.count() != Entry.objects.filter(kind=kind).count():
            Entry.objects.filter(kind=kind).exclude(
                object_id__in=model.objects.values("pk")
            ).delete()
            behind.append(kind)
    if behind:
        rebuild(behind, only_missing=True)


def _category_saved(sender, instance, raw=False, **kwargs):
    """A category listed or unlisted lists or unlists its members: their entries say so
    (two updates, however many members)."""
    if raw:
        return
    from members.models import LISTED_SINCE, Member

    members = Member.objects.filter(category=instance).values("pk")
    listed = Member.objects.listed().filter(category=instance).values("pk")
    entries = Entry.objects.filter(kind="member", object_id__in=members)
    entries.exclude(object_id__in=listed).update(public_from=None)
    entries.filter(object_id__in=listed, public_from__isnull=True).update(public_from=LISTED_SINCE)


# Saving only other fields than these and the model's SEARCHED (a date stamped, a
# status) leaves the entry as it is.
INDEXED_FIELDS = {
    *("name", "acronym", "title", "country", "publish_at", "start"),
    *("status", "published", "category"),  # whether the public may see it
    *("is_public", "is_hidden", "deadline"),  # a call's: who may find it, and its date
}


def _indexed(model, field):
    base = re.sub(r"_(en|fr)$", "", field)
    return base in INDEXED_FIELDS or base in model.SEARCHED


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is None or any(_indexed(sender, field) for field in update_fields):
        update(instance)


def _deleted(sender, instance, **kwargs):
    remove(instance)


def connect_signals():
    from members.models import MembershipCategory

    post_save.connect(_category_saved, sender=MembershipCategory, dispatch_uid="search-category")
    for kind, model in indexed_models().items():
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-{kind}-saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-{kind}-deleted")
