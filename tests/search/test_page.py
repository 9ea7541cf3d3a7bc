"""The site search's page, /en/search/ and /fr/recherche/, on any database (run here on
SQLite): what a visitor finds, how it is grouped and counted, what leads on from it, and
that no query, however odd, breaks it."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import EventFactory, MemberFactory, PostFactory, PracticeFactory

pytestmark = pytest.mark.django_db

SEARCH = {"en": "/en/search/", "fr": "/fr/recherche/"}


def page(client, words, language="en"):
    response = client.get(SEARCH[language], {"q": words})
    assert response.status_code == 200
    return response.text


def section(text, kind):
    start = f'<section class="search-group" aria-labelledby="search-{kind}">'
    found = re.search(rf"{start}(.*?)</section>", text, re.S)
    return found.group(1) if found else ""


def titles(text, kind):
    """The titles of the hits shown for `kind`, as read (tags and marks aside)."""
    heads = re.findall(r'<h3 class="search-hit__title"[^>]*>(.*?)</h3>', section(text, kind), re.S)
    return [html.unescape(" ".join(re.sub(r"<[^>]+>", "", head).split())) for head in heads]


def more_links(text, kind):
    """The "see all" links of a kind: {text: href}."""
    block = re.search(r'<ul class="search-group__more">(.*?)</ul>', section(text, kind), re.S)
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', block.group(1), re.S) if block else []
    return {" ".join(label.split()): html.unescape(href) for href, label in links}


def group_heading(text, kind):
    heading = re.search(rf'<h2 id="search-{kind}">(.*?)</h2>', text, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", heading.group(1)).split()) if heading else None


# Words


def test_a_word_of_a_title_finds_the_post_in_both_languages(client):
    PostFactory(title_en="Holiday camps for children", title_fr="Des colonies de vacances")

    assert titles(page(client, "camps"), "post") == ["Holiday camps for children"]
    assert titles(page(client, "colonies", "fr"), "post") == ["Des colonies de vacances"]


def test_an_english_word_finds_the_french_title_on_a_french_page(client):
    PostFactory(title_en="Holiday camps for children", title_fr="Des colonies de vacances")

    assert titles(page(client, "holiday", "fr"), "post") == ["Des colonies de vacances"]


def test_words_without_accents_find_words_with_them(client):
    MemberFactory(name="Les Amis", summary_fr="Une équipe d’éducateurs de rue.")
    PostFactory(title_en="Detention centres", title_fr="Détention des mineurs")

    assert titles(page(client, "educateur", "fr"), "member") == ["Les Amis"]
    assert titles(page(client, "detention", "fr"), "post") == ["Détention des mineurs"]


def test_capitals_and_accents_typed_find_words_written_without(client):
    PostFactory(title_en="Prison visits", title_fr="Visites en prison")

    assert titles(page(client, "PRÍSON"), "post") == ["Prison visits"]


def test_every_word_must_match(client):
    PostFactory(title_en="Holiday camps")
    PostFactory(title_en="Holiday letters")

    assert titles(page(client, "holiday camps"), "post") == ["Holiday camps"]


# Groups, counts and what leads on


def test_results_are_grouped_by_kind_with_their_counts(client):
    MemberFactory(name="Lighthouse Families", summary_en="Lighthouse visits.")
    PracticeFactory(title_en="Lighthouse mentoring")
    PostFactory(title_en="Lighthouse opens")
    EventFactory(title_en="Lighthouse day")

    text = page(client, "lighthouse")

    assert group_heading(text, "member") == "Members (1)"
    assert group_heading(text, "practice") == "Practices (1)"
    assert group_heading(text, "post") == "News (1)"
    assert group_heading(text, "event") == "Events (1)"
    assert "4 results" in text


def test_a_kind_with_nothing_found_is_left_out(client):
    PostFactory(title_en="Lighthouse opens")

    text = page(client, "lighthouse")

    assert group_heading(text, "post") == "News (1)"
    assert group_heading(text, "member") is None


def test_a_kind_shows_its_best_five_and_links_to_its_list_searched_the_same_way(client):
    for n in range(7):
        PostFactory(title_en=f"Lighthouse news {n}")

    text = page(client, "lighthouse")

    assert len(titles(text, "post")) == 5
    assert more_links(text, "post") == {"See all 7 articles": "/en/news/?q=lighthouse"}


def test_the_list_linked_shows_as_many_as_the_search_counted(client):
    for n in range(7):
        PracticeFactory(title_en=f"Lighthouse programme {n}", title_fr=f"Programme phare {n}")
    MemberFactory(summary_en="Not a match.")

    link = more_links(page(client, "lighthouse", "fr"), "practice")

    assert link == {"Voir les 7 pratiques": "/fr/pratiques/?q=lighthouse"}
    assert client.get(link["Voir les 7 pratiques"]).text.count('class="practice-card"') == 7


def test_events_link_to_the_upcoming_and_the_past_lists_with_counts_that_add_up(client):
    for n in range(4):
        EventFactory(title_en=f"Lighthouse meeting {n}")
    for n in range(3):
        EventFactory(
            title_en=f"Lighthouse meeting of last year {n}",
            start=timezone.now() - datetime.timedelta(days=300 + n),
            end=timezone.now() - datetime.timedelta(days=299 + n),
        )

    text = page(client, "lighthouse")
    links = more_links(text, "event")

    assert group_heading(text, "event") == "Events (7)"
    assert links == {
        "See all 4 upcoming events": "/en/events/?q=lighthouse",
        "See all 3 past events": "/en/events/?when=past&q=lighthouse",
    }
    assert client.get(links["See all 4 upcoming events"]).text.count('class="event-card"') == 4
    assert client.get(links["See all 3 past events"]).text.count('class="event-card"') == 3


def test_each_hit_says_what_it_is(client):
    MemberFactory(name="Lighthouse", country="BE", city="Gent")
    PracticeFactory(title_en="Lighthouse mentoring", kind="training", rating="well-supported")
    published = timezone.make_aware(datetime.datetime(2026, 3, 9, 10))
    PostFactory(title_en="Lighthouse opens", publish_at=published)
    EventFactory(title_en="Lighthouse day", city="Gent", country="BE")

    text = page(client, "lighthouse")

    assert "Belgium, Gent" in section(text, "member")
    assert "Training" in section(text, "practice")
    assert "Well supported" in section(text, "practice")
    assert "9 March 2026" in section(text, "post")
    assert "Gent, Belgium" in section(text, "event")


def test_the_words_found_are_marked(client):
    PostFactory(title_en="Lighthouse opens", summary_en="The lighthouse keepers welcome families.")

    text = section(page(client, "lighthouse"), "post")

    assert "<mark>Lighthouse</mark> opens" in text
    assert "The <mark>lighthouse</mark> keepers" in text


def test_html_in_a_title_is_shown_as_text(client):
    PostFactory(title_en="Lighthouse <script>alert(1)</script>", summary_en="<b>Lighthouse</b> &")

    text = page(client, "lighthouse")

    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section(text, "post")


def test_text_in_the_other_language_says_its_language(client):
    PostFactory(
        title_en="Lighthouse opens", title_fr="", summary_en="Lighthouse news.", summary_fr=""
    )
    PostFactory(title_en="Lighthouse closes", title_fr="Le phare ferme", summary_fr="Le phare.")

    text = section(page(client, "lighthouse", "fr"), "post")

    english_title = (
        r'<h3 class="search-hit__title" lang="en">\s*<a[^>]*><mark>Lighthouse</mark> opens'
    )
    assert re.search(english_title, text)
    assert '<p class="search-hit__excerpt" lang="en"><mark>Lighthouse</mark> news.</p>' in text
    assert re.search(r'<h3 class="search-hit__title">\s*<a[^>]*>Le phare ferme', text)


def test_the_page_title_says_the_words(client):
    text = page(client, "lighthouse keepers")

    assert "<title>Search: lighthouse keepers – " in text


def test_the_number_of_queries_does_not_grow_with_the_hits(client, django_assert_max_num_queries):
    MemberFactory(name="Lighthouse 0")
    PracticeFactory(title_en="Lighthouse 0")
    PostFactory(title_en="Lighthouse 0")
    EventFactory(title_en="Lighthouse 0")
    with CaptureQueriesContext(connection) as few:
        page(client, "lighthouse")
    for n in range(1, 8):
        MemberFactory(name=f"Lighthouse {n}")
        PracticeFactory(title_en=f"Lighthouse {n}")
        PostFactory(title_en=f"Lighthouse {n}")
        EventFactory(title_en=f"Lighthouse {n}")
        EventFactory(
            title_en=f"Lighthouse past {n}",
            start=timezone.now() - datetime.timedelta(days=30),
            end=timezone.now() - datetime.timedelta(days=29),
        )

    # One more: the events' upcoming count, asked only when a "see all" link is shown.
    with django_assert_max_num_queries(len(few) + 1):
        page(client, "lighthouse")


# Nothing found, and "Did you mean …?"


def test_no_words_asks_for_some_and_offers_the_lists(client):
    text = page(client, "")

    assert "Type one or more words above to search the whole site." in text
    assert 'href="/en/members/"' in section_of_main(text)
    assert 'href="/en/practices/"' in section_of_main(text)


def section_of_main(text):
    return text[text.index("<main") : text.index("</main>")]


def test_nothing_found_says_so_and_suggests_fewer_words(client):
    text = page(client, "zyxwvut", "fr")

    assert "Aucun résultat pour «\u202fzyxwvut\u202f»." in text
    assert "Essayez avec moins de mots" in text
    assert 'href="/fr/membres/"' in section_of_main(text)
    assert "zyxwvut" in text.split("</title>")[0]


def test_a_misspelt_word_that_finds_nothing_shows_what_the_likely_word_finds(client):
    for n in range(3):
        PostFactory(title_en=f"Life in prison {n}")

    text = page(client, "prision")

    assert "Nothing was found for “prision”. Results for “prison”:" in text
    assert len(titles(text, "post")) == 3


def test_a_word_that_finds_little_is_offered_the_likelier_spelling(client):
    PostFactory(title_en="Letters from the prisioners")
    for n in range(3):
        PostFactory(title_en=f"Life in prison {n}")

    text = page(client, "prisio")

    assert titles(text, "post") == ["Letters from the prisioners"]
    assert 'Did you mean <a href="?q=prison">prison</a>?' in text


def test_the_likelier_spelling_is_searched_when_followed(client):
    for n in range(3):
        PostFactory(title_en=f"Life in prison {n}")

    assert len(titles(page(client, "prison"), "post")) == 3


# What is not public is never found, nor suggested


def test_drafts_unlisted_members_and_scheduled_posts_are_never_found(client):
    PostFactory(title_en="Zeppelin draft", status="draft")
    PostFactory(title_en="Zeppelin later", publish_at=timezone.now() + datetime.timedelta(days=3))
    PracticeFactory(title_en="Zeppelin submitted", status="submitted")
    EventFactory(title_en="Zeppelin event draft", status="draft")
    MemberFactory(name="Zeppelin Friends", published=False)

    text = page(client, "zeppelin")

    assert "Nothing was found for “zeppelin”." in text
    assert "Zeppelin" not in section_of_main(text)


def test_words_only_in_what_is_not_public_are_never_suggested(client):
    PostFactory(title_en="Zeppelins", status="draft")
    MemberFactory(name="Zeppelin Friends", published=False)

    text = page(client, "zeppelim")

    assert "Did you mean" not in text
    assert "Results for" not in text
    assert "Zeppelin" not in section_of_main(text)


# Whatever is typed

HOSTILE = [
    "",
    " ",
    "a" * 5000,
    "visit " * 1000,
    '"',
    "'",
    '" OR 1=1 --',
    "'; DROP TABLE search_entry; --",
    "<script>alert(1)</script>",
    "!!! ??? ... ---",
    "%00",
    "\x00",
    "visit\x00s",
    "AND OR NOT NEAR",
    "visit AND prison",
    "NOT visit",
    "visit NEAR prison",
    "* ^ :",
    "visit*",
    "^visit",
    "title_en:visit",
    "{title_en}: visit",
    "(visit",
    "visit)",
    "((( visit",
    "{visit",
    "visit}",
    "[visit]",
    '"visit',
    "visit\"'",
    "-visit",
    "+visit",
    "visit OR",
    "NEAR(visit prison, 2)",
    "\u202e\u200b",
    "😀 visit",
    "١٢٣",
]


@pytest.mark.parametrize("words", HOSTILE)
def test_any_query_gives_a_page(client, words):
    PostFactory(title_en="Prison visits")

    response = client.get(SEARCH["en"], {"q": words})

    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text


def test_a_nul_in_the_address_gives_a_page(client):
    response = client.get(SEARCH["fr"] + "?q=%00visite")

    assert response.status_code == 200


def test_operators_are_words_not_syntax(client):
    PostFactory(title_en="Visits or letters")
    PostFactory(title_en="Letters only")

    # "OR" is a word that must match, as "or" in the first title: not an operator that
    # would widen the search to the second.
    assert titles(page(client, "visits OR letters"), "post") == ["Visits or letters"]


def test_a_repeated_search_reads_the_first_words_only(client):
    PostFactory(title_en="Prison visits")

    text = page(client, "visits " * 1000)

    assert titles(text, "post") == ["Prison visits"]


def test_title_matches_come_first_then_the_latest(client):
    now = timezone.now()
    for title, summary, days in [
        ("Annual report", "The lighthouse project grew.", 1),
        ("Lighthouse, the start", "", 30),
        ("Spring news", "A lighthouse visit.", 3),
        ("Lighthouse open day", "", 2),
        ("Lighthouse tomorrow", "", -1),  # scheduled: not public yet
    ]:
        PostFactory(
            title_en=title, summary_en=summary, publish_at=now - datetime.timedelta(days=days)
        )

    text = page(client, "lighthouse")

    assert group_heading(text, "post") == "News (4)"
    assert titles(text, "post") == [
        "Lighthouse open day",
        "Lighthouse, the start",
        "Annual report",
        "Spring news",
    ]


def test_a_word_in_many_rows_shows_the_latest_and_counts_them_all(client, monkeypatch):
    monkeypatch.setattr("search.query.BY_IDS", 3)  # a common word: more matches than this
    now = timezone.now()
    for days in (3, 1, 4, 2, 5):
        PostFactory(title_en=f"Lighthouse {days}", publish_at=now - datetime.timedelta(days=days))
    PostFactory(title_en="Lighthouse draft", status="draft")

    text = page(client, "lighthouse")

    assert group_heading(text, "post") == "News (5)"
    assert titles(text, "post") == [f"Lighthouse {days}" for days in (1, 2, 3, 4, 5)]
