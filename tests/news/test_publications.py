"""What news posts and events share: lists that take junk in their query string, and
a note for readers of an item not written in their language."""

import pytest

from tests.factories import EventFactory, PostFactory

pytestmark = pytest.mark.django_db

KINDS = {
    "news": {
        "factory": PostFactory,
        "list": "/en/news/",
        "page": {"en": "/en/news/{}/", "fr": "/fr/actualites/{}/"},
        "not in French yet": "pas encore disponible dans votre langue",
        "also in French": "Cet article existe aussi en français.",
        "junk": ["topic=nope", "country=ZZ", "member=%3C", "page=abc", "page=999"],
    },
    "events": {
        "factory": EventFactory,
        "list": "/en/events/",
        "page": {"en": "/en/events/{}/", "fr": "/fr/evenements/{}/"},
        "not in French yet": "pas encore présenté dans votre langue",
        "also in French": "Cet événement est aussi présenté en français.",
        "junk": ["topic=nope", "country=ZZ", "member=%3C", "page=abc", "page=999", "when=x"],
    },
}


@pytest.mark.parametrize(
    ("kind", "query"),
    [
        pytest.param(kind, query, id=f"{kind}-{query}")
        for kind, details in KINDS.items()
        for query in details["junk"]
    ],
)
def test_junk_parameters_never_cause_an_error(client, kind, query):
    KINDS[kind]["factory"]()

    assert client.get(f"{KINDS[kind]['list']}?{query}").status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_a_french_reader_of_an_english_only_item_sees_a_note(client, kind):
    KINDS[kind]["factory"](slug="english-only", title_fr="", summary_fr="", body_fr="")

    html = client.get(KINDS[kind]["page"]["fr"].format("english-only")).text

    assert KINDS[kind]["not in French yet"] in html
    assert '<div class="prose" lang="en">' in html


@pytest.mark.parametrize("kind", KINDS)
def test_an_item_in_both_languages_says_it_is_also_in_the_other(client, kind):
    KINDS[kind]["factory"](slug="both")

    html = client.get(KINDS[kind]["page"]["en"].format("both")).text

    assert KINDS[kind]["also in French"] in html
