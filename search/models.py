from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Entry(models.Model):
    """What one member, practice, post or event says, as the search reads it: its
    titles and its text in each language. On PostgreSQL `vector` holds them as a
    weighted text-search vector (titles A, text B; each language with its own stemming,
    accents aside) under a GIN index; on SQLite an FTS5 table mirrors the rows
    (migration 0001). Rows come from `search.index`, never from a form.

    On SQLite, a migration that alters this table remakes it and loses the FTS5
    triggers: such a migration must create them again (0001's SQLITE statements)."""

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    title_en = models.TextField(blank=True)
    title_fr = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    text_fr = models.TextField(blank=True)
    date = models.DateTimeField()
    # From when a visitor may see it (a post's publication date; a listed member's,
    # long ago), None while they may not: the site search counts and ranks public
    # entries without joining each kind's table. What it shows is read through each
    # kind's own public queryset all the same.
    public_from = models.DateTimeField(null=True)
    # "tsvector" on PostgreSQL; an unused column elsewhere (SQLite takes any type name).
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [
            # A word found in thousands of rows: their latest first, read in this order
            # until enough are found, not all sorted (search.query.Query.best).
            models.Index(
                "kind",
                models.F("date").desc(),
                models.F("object_id").desc(),
                name="search_entry_kind_date",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class Word(models.Model):
    """Each word the index holds, once, for "Did you mean …?": `folded` without accents
    or capitals (what is compared), `word` as written (what is offered)."""

    folded = models.CharField(max_length=60, unique=True)
    word = models.CharField(max_length=60)

    def __str__(self):
        return self.word
