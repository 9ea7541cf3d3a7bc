"""The site search on PostgreSQL: each language's stemming, accents, typos, ranking,
stopwords, and that a search reads the GIN and trigram indexes rather than every row
(EXPLAIN on 100,000 seeded entries). Skipped on SQLite, whose search is FTS5's."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from members.models import Member
from news.models import Post
from practices.models import Practice
from search import index
from search.models import Entry, Word
from search.query import Query, _closest
from tests.factories import CallFactory, MemberFactory, PostFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's full-text search (SQLite has FTS5: test_sqlite.py)")


def found(text, rows):
    """The titles (English) of `rows` that the search for `text` finds, best first."""
    best, _count = Query(text).best(rows, limit=100)
    titles = dict(
        Entry.objects.filter(kind=index.kind_of(rows.model), object_id__in=best).values_list(
            "object_id", "title_en"
        )
    )
    return [titles[object_id] for object_id in best]


def titles(text, model=Post, field="title_en"):
    """The `field` of each `model` row that the search for `text` finds, sorted."""
    return sorted(Query(text).filter(model.objects.all()).values_list(field, flat=True))


def search(client, text, path="/en/search/"):
    response = client.get(path, {"q": text})
    assert response.status_code == 200
    return response


def hits(response, kind):
    group = next(group for group in response.context["groups"] if group.kind == kind)
    return [str(hit.row) for hit in group.hits]


# Stemming, each language by its own rules


def test_french_plural_finds_the_singular():
    PostFactory(title_en="Family day", title_fr="Une visite au parloir", body_fr="")
    PostFactory(title_en="Sports day", title_fr="Journée sportive")

    assert titles("visites") == ["Family day"]


def test_french_stemming_beyond_a_plural_s():
    """ "nationaux" is "national" only to the French stemmer: no prefix of it matches."""
    PostFactory(title_en="Meeting", title_fr="Réunion", body_fr="Le réseau national se réunit.")
    PostFactory(title_en="Other", title_fr="Autre", body_fr="Les réseaux régionaux.")

    assert titles("nationaux") == ["Meeting"]


def test_a_french_plural_finds_a_call_by_its_singular(client):
    CallFactory(title_en="A survey", title_fr="Une étude comparative", description_fr="Visites.")

    response = search(client, "études", "/fr/recherche/")

    group = next(group for group in response.context["groups"] if group.kind == "call")
    assert [hit.row.title_fr for hit in group.hits] == ["Une étude comparative"]


def test_english_stemming_finds_other_forms_of_the_word():
    PostFactory(title_en="Prison visits for families", title_fr="Autre chose")
    PostFactory(title_en="Open day", title_fr="Un centre")

    # No prefix of "visiting" is "visits": the English stemmer makes both "visit".
    assert titles("visiting") == ["Prison visits for families"]


def test_the_demo_programme_is_found_in_each_language_by_its_own_word(client):
    PracticeFactory(
        title_en="Child-friendly prison visits",
        title_fr="Des visites adaptées aux enfants",
        summary_en="Visiting a parent, made easier.",
        summary_fr="Rendre visite à un parent, plus simplement.",
    )
    PracticeFactory(title_en="Homework club", title_fr="Aide aux devoirs")

    english = hits(search(client, "visits"), "practice")
    french = hits(search(client, "visite", "/fr/recherche/"), "practice")

    assert english == ["Child-friendly prison visits"]
    assert french == ["Des visites adaptées aux enfants"]


# Accents


def test_a_word_typed_without_accents_finds_it_with_them():
    MemberFactory(name="Relais", summary_fr="Un éducateur accompagne chaque enfant.")
    MemberFactory(name="Autre", summary_fr="Une association de quartier.")

    assert titles("educateur", Member, "name") == ["Relais"]


def test_a_word_typed_with_accents_finds_it_without_them():
    MemberFactory(name="Relais", summary_en="Our educateur visits each family.")
    MemberFactory(name="Autre", summary_en="A neighbourhood group.")

    assert titles("éducateur", Member, "name") == ["Relais"]
    assert titles("ÉDUCATEURS", Member, "name") == ["Relais"]


# Typos


def test_a_misspelt_word_that_finds_nothing_shows_what_the_likely_word_finds(client):
    PostFactory(title_en="Visiting a parent in prison", title_fr="Visiter un parent en prison")
    PostFactory(title_en="Homework club", title_fr="Aide aux devoirs")

    response = search(client, "prision")

    assert response.context["replaced"].text == "prision"
    assert response.context["query"].text == "prison"
    assert hits(response, "post") == ["Visiting a parent in prison"]
    assert "prision" in response.text and "<mark>prison</mark>" in response.text


def test_a_misspelt_french_word_is_corrected_with_its_accents(client):
    MemberFactory(name="Relais", summary_fr="Un éducateur accompagne chaque enfant.")

    response = search(client, "educatuer", "/fr/recherche/")

    assert response.context["query"].text == "éducateur"
    assert hits(response, "member") == ["Relais"]
    assert "éducateur" in response.text


def test_did_you_mean_when_the_words_as_typed_find_little(client):
    # "prisonners" starts the stem of the French "prisonniers" (one post) and is
    # closest to "prisoners" (three posts).
    PostFactory(title_en="Children of inmates", title_fr="Enfants de prisonniers")
    for number in range(3):
        PostFactory(title_en=f"Prisoners' families {number}", title_fr=f"Familles {number}")

    response = search(client, "prisonners")

    assert response.context["total"] == 1
    assert response.context["suggestion"].text == "prisoners"
    assert response.context["suggestion_url"] == "?q=prisoners"
    assert 'href="?q=prisoners"' in response.text


def test_a_word_the_index_knows_is_not_corrected():
    PostFactory(title_en="Prison visits", title_fr="Visites")

    assert Query("prison visits").corrected() is None


# Indexing in bulk


def test_rows_indexed_in_bulk_are_found_with_their_stems_and_accents():
    PostFactory(title_en="Prison visits", title_fr="Les éducateurs au parloir")
    PostFactory(title_en="Homework", title_fr="Devoirs")
    Entry.objects.all().delete()  # As after rows made without their signals.
    assert titles("educateur") == []

    index.rebuild()

    assert titles("educateur") == titles("visiting") == ["Prison visits"]


def test_after_migrate_the_rows_without_an_entry_are_indexed():
    kept = PostFactory(title_en="Prison visits")
    PostFactory(title_en="Family days")
    Entry.objects.exclude(object_id=kept.pk).delete()

    index.index_missing()

    assert titles("families") == ["Family days"]
    assert Entry.objects.filter(kind="post").count() == 2


# Ranking


def test_a_title_match_comes_before_a_text_match():
    PracticeFactory(title_en="Mentoring for teenagers", publish_at=_days_ago(400))
    PracticeFactory(
        title_en="Family days",
        summary_en="Includes mentoring by volunteers, and mentoring again, mentoring.",
        publish_at=_days_ago(1),
    )

    assert found("mentoring", Practice.objects.all()) == ["Mentoring for teenagers", "Family days"]


def test_recent_news_before_old_among_equal_matches(client):
    PostFactory(title_en="Prison visits (2019)", publish_at=_days_ago(2000))
    PostFactory(title_en="Prison visits (this week)", publish_at=_days_ago(2))
    PostFactory(title_en="Prison visits (last year)", publish_at=_days_ago(300))
    PostFactory(
        title_en="Homework", summary_en="Homework help near the prison.", publish_at=_days_ago(1)
    )

    assert hits(search(client, "prison"), "post") == [
        "Prison visits (this week)",
        "Prison visits (last year)",
        "Prison visits (2019)",
        "Homework",
    ]


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# Stopwords


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("the prison", "/en/search/"),
        ("visits to the prison", "/en/search/"),
        ("le parloir de la prison", "/fr/recherche/"),
        ("de la prison", "/en/search/"),
        ("La Prison", "/fr/recherche/"),
    ],
)
def test_stopwords_in_either_language_do_not_break_a_query(client, text, path):
    PostFactory(
        title_en="Visits to the prison: the visiting room",
        title_fr="Le parloir de la prison",
        summary_en="Families wait in the visiting room.",
        summary_fr="Les familles attendent au parloir.",
    )

    assert len(hits(search(client, text, path), "post")) == 1


@pytest.mark.parametrize("text", ["the", "le", "de la", "the of and", "les des"])
def test_a_query_of_stopwords_alone_gives_a_page(client, text):
    PostFactory(title_en="The prison", title_fr="La prison")

    response = search(client, text)

    assert response.context["query"]


# The indexes


def _explain(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def hundred_thousand_posts():
    """100,000 published posts (copies of one, by PostgreSQL itself) and their entries,
    a few words from a small vocabulary each and "mentoring" in one in a thousand,
    analysed as after seed_demo: a few seconds on an idle machine."""
    PostFactory()
    columns = [field.column for field in Post._meta.concrete_fields if not field.primary_key]
    copied = [
        f"{column} || '-' || n" if column.startswith("slug_") else column for column in columns
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO news_post ({", ".join(columns)})
            SELECT {", ".join(copied)} FROM news_post, generate_series(1, 99999) AS n
            """  # nosec B608: column names of the model, no input
        )
        cursor.execute("DELETE FROM search_entry")
        # Rows spread as thinly as real entries (a post's text runs to hundreds of
        # characters), without the time it takes to parse that much text.
        cursor.execute("ALTER TABLE search_entry SET (fillfactor = 10)")
        # The vector as search.index.vector() makes it, in the same statement.
        cursor.execute(
            """
            INSERT INTO search_entry
              (kind, object_id, title_en, title_fr, text_en, text_fr, date, vector)
            SELECT *,
                   setweight(to_tsvector('english_unaccent', title_en), 'A')
                   || setweight(to_tsvector('english_unaccent', text_en), 'B')
                   || setweight(to_tsvector('french_unaccent', title_fr), 'A')
                   || setweight(to_tsvector('french_unaccent', text_fr), 'B')
            FROM (
            SELECT 'post' AS kind, id AS object_id,
                   (ARRAY['Family day', 'Annual report', 'New members', 'Training'])[id % 4 + 1]
                     || ' ' || id AS title_en,
                   (ARRAY['Journée des familles', 'Rapport annuel', 'Formation'])[id % 3 + 1]
                     AS title_fr,
                   (ARRAY['Children and parents meet.', 'The network grows.',
                          'Schools and teachers learn.'])[id % 3 + 1]
                     || CASE WHEN id % 1000 = 0 THEN ' Mentoring volunteers.' ELSE '' END
                     AS text_en,
                   (ARRAY['Les enfants et les parents.', 'Le réseau grandit.'])[id % 2 + 1]
                     AS text_fr,
                   now() - id * interval '1 hour' AS date
            FROM news_post) AS documents
            """
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE news_post")
        cursor.execute("ANALYZE search_entry")
    assert Entry.objects.count() == Post.objects.published().count() == 100_000


def test_searches_read_the_indexes_not_every_row(hundred_thousand_posts):
    """A word in a hundred posts of 100,000: the matching entries come from the GIN
    index; the page's ranked best and the news list's q then look up those few posts
    and entries by their keys, and neither table is read whole."""
    query = Query("mentoring")
    plans = {
        "matching": _explain(query.entries("post")),
        "ranked": _explain(query.matched("post")),
        "list": _explain(query.filter(Post.objects.published())),
    }

    assert "Bitmap Index Scan on search_entry_vector" in plans["matching"], plans["matching"]
    for name, plan in plans.items():
        assert "Seq Scan" not in plan, f"{name}:\n{plan}"
    assert Query("mentoring").entries("post").count() == 100
    # The seeded vectors are those the index makes.
    seeded = Entry.objects.filter(text_en__contains="Mentoring")[:1]
    before = list(seeded.values_list("vector", flat=True))
    Entry.objects.filter(pk__in=seeded.values("pk")).update(vector=index.vector())
    assert list(seeded.values_list("vector", flat=True)) == before


def test_suggestions_read_the_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO search_word (folded, word)
            SELECT left(md5(n::text), 10), 'w' || n FROM generate_series(1, 100000) AS n
            """
        )
    Word.objects.create(folded="prison", word="prison")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_word")
    closest = (
        Word.objects.filter(folded__trigram_similar="prision")
        .order_by("folded")
        .values_list("word", flat=True)
    )

    assert "Bitmap Index Scan on search_word_trigrams" in _explain(closest)
    assert _closest("prision") == "prison"
