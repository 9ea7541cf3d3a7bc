"""Searching the index (search.models.Entry): what a query matches, in what order, the
excerpts that show why, and "Did you mean …?".

A query is its words: letters and digits only, so nothing typed reaches the database as
syntax (quotes, operators, SQL, HTML and punctuation are word breaks), at most
MAX_TERMS of them from the first MAX_LENGTH characters. Every word must match, as a
word or the start of one, in either language, accents and capitals aside. PostgreSQL
also stems each language ("visiting" finds "visits", "visites" finds "visite") with
the English and French configurations of migration 0001; SQLite's FTS5 matches the
starts of words, which covers most plurals.

Ranking (Query.best): a match in the title before a match in the text, then the most
recent first (a post's publication, an event's start, a practice's or member's entry in
the site)."""

import difflib
import functools
import json
import re
import threading
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, TrigramSimilarity
from django.core.signals import request_started
from django.db import connection
from django.db.models import BigIntegerField, BooleanField, ExpressionWrapper, F, Func, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.html import format_html, format_html_join, strip_tags

from cpe_network.lib.text import clean_text, fold

from .index import CONFIGS, kind_of
from .models import Entry, Word

MAX_LENGTH = 200
MAX_TERMS = 8
TERM = re.compile(r"[^\W_]+")
# Fewer results than this and the search looks for a likelier spelling.
FEW = 3
# Up to this many matching entries of one kind, the rows they stand for are looked up by
# their ids (see Query._matched).
BY_IDS = 2000


@functools.lru_cache(maxsize=8192)
def _folded(word):
    """A word of a text, as matched: most are plain ASCII, for which lower case is
    enough (folding each word of twenty excerpts cost 10 ms a page)."""
    lower = word.casefold()
    return lower if lower.isascii() else fold(lower)


def _holds(text, stems):
    return any(_folded(word).startswith(stem) for word in TERM.findall(text) for stem in stems)


# What a request has matched already (Query._matched), for this thread only.
_memo = threading.local()


def forget(**kwargs):
    """Drop what was matched: at each request's start, and when the index changes."""
    _memo.__dict__.pop("matched", None)


request_started.connect(forget, dispatch_uid="search-forget")


def _stem(term):
    """The start of a word that its other forms share, for highlighting: "visiting"
    and "visites" both start with "visit"."""
    folded = fold(term)
    return folded if len(folded) <= 5 else folded[: max(5, len(folded) - 3)]


class Query:
    def __init__(self, text):
        self.text = " ".join(clean_text(str(text or ""), one_line=True)[:MAX_LENGTH].split())
        self.terms = [
            term for term in TERM.findall(self.text.casefold()) if len(term) > 1 or term.isdigit()
        ][:MAX_TERMS]

    def __bool__(self):
        return bool(self.terms)

    def __str__(self):
        return self.text

    # Matching

    def _tsquery(self, weight=""):
        # Each term is letters and digits only: nothing in it is to_tsquery's syntax.
        string = " & ".join(f"'{term}':*{weight}" for term in self.terms)
        english, french = (
            SearchQuery(string, search_type="raw", config=config) for config in CONFIGS.values()
        )
        return english | french

    def _fts(self, columns=None):
        phrases = " ".join(f'"{term}"*' for term in self.terms)
        if columns:
            return f"{{{' '.join(columns)}}} : ({phrases})"
        return phrases

    def _matches(self, *, titles_only=False):
        """A condition on entries: they match (in their titles only, if asked)."""
        if connection.vendor == "postgresql":
            return Q(vector=self._tsquery("A" if titles_only else ""))
        columns = ("title_en", "title_fr") if titles_only else None
        found = RawSQL(
            "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s",
            [self._fts(columns)],
        )
        return Q(pk__in=found)

    def entries(self, kind):
        """The entries of `kind` that match (none for a query without words)."""
        if not self:
            return Entry.objects.none()
        return Entry.objects.filter(self._matches(), kind=kind)

    def matched(self, kind):
        """The matching entries of `kind`, as what ranks them: (object_id, title_hit,
        public, seconds) each, `public` true when the public may see the row now and
        `seconds` its date (as whole seconds, which sort as the dates do and read three
        times faster: 2,000 of them are read at a time)."""
        title_hit = ExpressionWrapper(self._matches(titles_only=True), BooleanField())
        public = ExpressionWrapper(Q(public_from__lte=timezone.now()), BooleanField())
        return (
            self.entries(kind)
            .annotate(title_hit=title_hit, public=public, seconds=Seconds("date"))
            .values_list("object_id", "title_hit", "public", "seconds")
        )

    def _matched(self, kind):
        """`matched(kind)` when there are at most BY_IDS, else None; read once.

        Why: the database cannot tell how many entries a word matches (PostgreSQL
        guesses thousands for a word in twenty), so joined with the public rows of a
        kind it reads the whole table (a hash join over 100,000 posts: 150 ms) where
        looking up the few matching ids by primary key takes a millisecond. Reading the
        matches first (from the GIN index) gives it the real number, and the search
        page ranks them without asking again.

        A list filters by the same words for each of its filters' counts: the matches
        are kept until the request ends or the index changes (`forget`)."""
        memo = _memo.__dict__.setdefault("matched", {})
        if (self.text, kind) not in memo:
            matched = list(self.matched(kind)[: BY_IDS + 1])
            memo[self.text, kind] = matched if len(matched) <= BY_IDS else None
        return memo[self.text, kind]

    def matching_ids(self, kind):
        """The ids of the `kind` rows that match, when there are at most BY_IDS of them;
        else None."""
        matched = self._matched(kind)
        return None if matched is None else [object_id for object_id, *_rest in matched]

    def filter(self, rows):
        """`rows` (a queryset of an indexed model) that match."""
        kind = kind_of(rows.model)
        if self and (ids := self.matching_ids(kind)) is not None:
            return rows.filter(pk__in=_listed(ids)) if ids else rows.none()
        return rows.filter(pk__in=self.entries(kind).values("object_id"))

    def best(self, rows, limit, *, public_only=True):
        """The ids of the `limit` best of `rows` that match, and how many match, from
        the index alone (the entries know from when each row is public; joining each
        kind's table cost PostgreSQL a read of 100,000 posts). The rows shown are read
        through `rows` all the same, so an entry behind its row shows nothing.

        Up to BY_IDS matches: titles first, then the latest, ranked from the matches
        read once (`_matched`). A word in more rows than that (found in thousands of
        posts): the latest first, read in date order until `limit` match, and a plain
        count; sorting every match by title took over a second for 100,000.

        `public_only=False`: the rows shown are those of `rows`, whether the public may
        see them or not (a member's search of the calls, members-only ones included)."""
        if not self:
            return [], 0
        kind = kind_of(rows.model)
        if not public_only:
            return self._best_of(rows, kind, limit)
        if (matched := self._matched(kind)) is None:
            public = self.entries(kind).filter(public_from__lte=timezone.now())
            latest = public.order_by(F("date").desc(), F("object_id").desc())
            return list(latest.values_list("object_id", flat=True)[:limit]), public.count()
        public = [match for match in matched if match[2]]
        public.sort(key=lambda match: (match[1], match[3], match[0]), reverse=True)
        return [match[0] for match in public[:limit]], len(public)

    def _best_of(self, rows, kind, limit):
        """`best` for someone who may see more than the public (a member, the
        members-only calls): which matches they may see is asked of `rows` itself, in
        one query, ranked as `best` ranks them."""
        if (matched := self._matched(kind)) is None:
            shown = self.entries(kind).filter(object_id__in=rows.order_by().values("pk"))
            latest = shown.order_by(F("date").desc(), F("object_id").desc())
            return list(latest.values_list("object_id", flat=True)[:limit]), shown.count()
        if not matched:
            return [], 0
        ids = [match[0] for match in matched]
        seen = set(rows.filter(pk__in=_listed(ids)).values_list("pk", flat=True))
        shown = [match for match in matched if match[0] in seen]
        shown.sort(key=lambda match: (match[1], match[3], match[0]), reverse=True)
        return [match[0] for match in shown[:limit]], len(shown)

    # Showing

    @functools.cached_property
    def _stems(self):
        return [_stem(term) for term in self.terms]

    def stems(self):
        return self._stems

    def highlight(self, text, *, width=None):
        """`text` as HTML with the words that match marked; with a `width`, only about
        that many characters of it around the first match (or its start)."""
        text = text or ""
        stems = self.stems()
        words = [
            match
            for match in TERM.finditer(text)
            if any(_folded(match.group()).startswith(stem) for stem in stems)
        ]
        start, end = 0, len(text)
        if width and len(text) > width:
            first = words[0].start() if words else 0
            start = 0 if first < width // 3 else text.rfind(" ", 0, first - width // 4) + 1
            end = text.find(" ", start + width)
            end = len(text) if end < 0 else end
        pieces, position = [], start
        for word in words:
            if word.start() < start or word.end() > end:
                continue
            pieces.append((text[position : word.start()], word.group()))
            position = word.end()
        marked = format_html_join("", "{}<mark>{}</mark>", pieces)
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return format_html("{}{}{}{}", prefix, marked, text[position:end], suffix)

    def excerpt(self, texts, *, width=220):
        """The first of `texts` that holds a match, around it, highlighted; else the first
        text there is: (HTML, the index of the text in `texts`, or None)."""
        texts = [(index, " ".join(strip_tags(text).split())) for index, text in enumerate(texts)]
        texts = [(index, text) for index, text in texts if text]
        if not texts:
            return "", None
        stems = self.stems()
        index, chosen = next(((i, text) for i, text in texts if _holds(text, stems)), texts[0])
        return self.highlight(chosen, width=width), index

    # Spelling

    def corrected(self):
        """The query with each word the index does not know replaced by the closest one
        it knows, or None when there is nothing to correct."""
        folded = [fold(term) for term in self.terms]
        known = set(Word.objects.filter(folded__in=folded).values_list("folded", flat=True))
        changed, words = False, []
        for term, plain in zip(self.terms, folded, strict=True):
            if plain in known or plain.isdigit() or len(plain) < 4:
                words.append(term)
                continue
            closest = _closest(plain)
            changed |= closest is not None
            words.append(closest or term)
        return Query(" ".join(words)) if changed else None


class Seconds(Func):
    """A date as whole seconds since 1970."""

    output_field = BigIntegerField()
    template = "CAST(EXTRACT(EPOCH FROM %(expressions)s) AS bigint)"

    def as_sqlite(self, compiler, connection, **extra):
        # %% is SQL's % for Django: "%%%%s" is written "%%s" in the SQL, read as %s.
        template = "CAST(strftime('%%%%s', %(expressions)s) AS integer)"
        return self.as_sql(compiler, connection, template=template, **extra)


def _listed(ids):
    """`ids` (integers) for an `__in` lookup as one parameter, not one each: Django
    takes about 10 ms to compile a query with 1,500 of them (a common word in the
    practices), PostgreSQL and SQLite no time to read one array."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def _closest(plain):
    if connection.vendor == "postgresql":
        word = (
            Word.objects.filter(folded__trigram_similar=plain)
            .exclude(folded__startswith=plain)  # found already: words match by their start
            .annotate(similarity=TrigramSimilarity("folded", plain))
            .order_by("-similarity", "folded")
            .values_list("word", flat=True)
            .first()
        )
        return word
    # SQLite: words of about the same length that start alike, compared in Python. The
    # first letter as a range reads the index on `folded` (SQLite's LIKE, which
    # `startswith` is, reads all 100,000 words: 50 ms).
    first = plain[0]
    candidates = dict(
        Word.objects.filter(folded__gte=first, folded__lt=chr(ord(first) + 1))
        .annotate(length=Length("folded"))
        .filter(length__range=(len(plain) - 2, len(plain) + 2))
        .values_list("folded", "word")
    )
    candidates = {
        folded: word for folded, word in candidates.items() if not folded.startswith(plain)
    }
    close = difflib.get_close_matches(plain, candidates, n=1, cutoff=0.75)
    return candidates[close[0]] if close else None


@dataclass
class Hit:
    row: object
    title: str
    excerpt: str
    excerpt_from: int | None = None  # which of the texts it was taken from


@dataclass
class Group:
    kind: str
    count: int
    hits: list = field(default_factory=list)


def search_rows(query, rows, *, limit, texts, public_only=True):
    """The `limit` best rows of `rows` for `query`, and how many match: (count, hits).
    `texts(row)` gives the texts an excerpt is taken from, in the shown language;
    `public_only`: as Query.best."""
    best, count = query.best(rows, limit, public_only=public_only)
    if not best:
        return 0, []
    found = rows.in_bulk(best)
    hits = [
        Hit(row, query.highlight(str(row)), *query.excerpt(texts(row)))
        for pk in best
        if (row := found.get(pk)) is not None
    ]
    return count, hits
