"""A practice's page: every field in both languages, what the evidence says, where it has
travelled (with its map), the language fallback, previews, and a flat query count."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from practices.models import Practice
from tests.factories import (
    AdaptationFactory,
    MemberFactory,
    PracticeFactory,
    SourceFactory,
    TopicFactory,
    image_file,
    pdf_file,
)

pytestmark = pytest.mark.django_db

EN = "/en/practices/visiting-rooms/"
FR = "/fr/pratiques/visiting-rooms/"


@pytest.fixture
def practice(relais):
    partner = MemberFactory(name="Famille Plus", slug="famille-plus")
    hidden = MemberFactory(name="Hidden Partner", slug="hidden-partner", published=False)
    kinder = MemberFactory(name="Kinder Berlin", slug="kinder-berlin", country="DE")
    practice = PracticeFactory(
        slug="visiting-rooms",
        title_en="Child-friendly visiting rooms",
        title_fr="Des parloirs adaptés aux enfants",
        summary_en="Rooms where children play with their parent.",
        summary_fr="Des salles où les enfants jouent avec leur parent.",
        body_en="## How it works\n\n- Toys and books",
        body_fr="## Comment ça marche\n\n- Des jouets et des livres",
        kind="programme",
        countries=["FR", "IT"],
        start_year=2015,
        end_year=None,
        age_groups=["0-5", "6-11"],
        setting=["prison", "community"],
        providers=["ngo", "prison-service"],
        rating="well-supported",
        evaluation="controlled",
        findings_en="Children felt closer to their parent.",
        findings_fr="Les enfants se sentaient plus proches de leur parent.",
        image=image_file(),
        image_alt="A visiting room with a play corner",
        document=pdf_file(size=3000),
        link="https://relais.example/parloirs",
        submitted_by=relais,
    )
    practice.topics.add(
        TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    )
    practice.members.add(relais, partner, hidden)
    SourceFactory(
        practice=practice,
        title="Evaluation of the visiting rooms",
        year=2021,
        url="https://research.example/eval",
    )
    SourceFactory(practice=practice, title="A report without a link", year=2018, url="")
    AdaptationFactory(
        practice=practice,
        country="DE",
        year=2022,
        member=kinder,
        changes_en="Run by volunteers.",
        changes_fr="Animé par des bénévoles.",
        outcome_en="Families came back.",
        outcome_fr="Les familles sont revenues.",
    )
    AdaptationFactory(practice=practice, country="BE", year=2023, changes_fr="", outcome_fr="")
    AdaptationFactory(practice=practice, country="ES", status="submitted", changes_en="Waiting.")
    return practice


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        pytest.param(
            EN,
            [
                "<h1>Child-friendly visiting rooms</h1>",
                "Rooms where children play with their parent.",
                '<a href="/en/practices/?kind=programme">Programme</a>',
                "Since 2015 (ongoing)",
                '<a href="/en/practices/?country=FR">France</a>',
                '<a href="/en/practices/?country=IT">Italy</a>',
                '<a href="/en/members/?country=FR">France</a>',
                '<a class="tag" href="/en/practices/?topic=prison-visits">Prison visits</a>',
                '<a href="/en/practices/?age=0-5">0 to 5 years</a>',
                '<a href="/en/practices/?age=6-11">6 to 11 years</a>',
                '<a href="/en/practices/?setting=prison">Prison</a>',
                '<a href="/en/practices/?setting=community">Community</a>',
                "NGO, Prison service",
                '<a href="/en/members/relais-lyon/">Relais Lyon</a>',
                '<a href="/en/members/famille-plus/">Famille Plus</a>',
                'href="https://relais.example/parloirs"',
                "(PDF, 2.9\xa0KB)",
                'alt="A visiting room with a play corner"',
                "<h2>How it works</h2>",
                "Careful studies compared children who took part with similar children",
                "Randomised or controlled study",
                "Children felt closer to their parent.",
                '<a href="/en/practices/evidence/#scale">',
                'href="/en/practices/?rating=well-supported"',
            ],
            id="en",
        ),
        pytest.param(
            FR,
            [
                "<h1>Des parloirs adaptés aux enfants</h1>",
                "Des salles où les enfants jouent avec leur parent.",
                '<a href="/fr/pratiques/?kind=programme">Programme</a>',
                "Depuis 2015 (en cours)",
                '<a href="/fr/pratiques/?country=FR">France</a>',
                '<a href="/fr/pratiques/?country=IT">Italie</a>',
                '<a href="/fr/membres/?country=FR">France</a>',
                '<a class="tag" href="/fr/pratiques/?topic=prison-visits">Parloirs</a>',
                '<a href="/fr/pratiques/?age=0-5">0 à 5\u00a0ans</a>',
                '<a href="/fr/pratiques/?setting=prison">Prison</a>',
                "ONG, Administration pénitentiaire",
                '<a href="/fr/membres/relais-lyon/">Relais Lyon</a>',
                "(PDF, 2,9\xa0Ko)",  # as the site writes sizes in French ("10 Mo au plus")
                "<h2>Comment ça marche</h2>",
                "Des études rigoureuses ont comparé les enfants qui y ont participé",
                "Étude randomisée ou contrôlée",
                "Les enfants se sentaient plus proches de leur parent.",
                '<a href="/fr/pratiques/donnees-probantes/#scale">',
                'href="/fr/pratiques/?rating=well-supported"',
            ],
            id="fr",
        ),
    ],
)
def test_practice_page_shows_every_field_in_each_language(client, practice, path, shown):
    response = client.get(path)

    assert response.status_code == 200
    for text in shown:
        assert text in response.text, text


def test_members_that_are_not_listed_are_not_named(client, practice):
    assert "Hidden Partner" not in client.get(EN).text


def test_a_member_not_listed_is_not_named_as_the_one_who_shared_it(client, practice):
    practice.submitted_by.published = False
    practice.submitted_by.save()

    html = client.get(EN).text

    assert "Shared by" not in html
    assert "Relais Lyon" not in html


def test_sources_show_their_title_year_and_link(client, practice):
    html = client.get(EN).text

    assert (
        '<a href="https://research.example/eval" rel="external noopener">'
        "Evaluation of the visiting rooms</a>"
    ) in html
    assert '<cite lang="en">' not in html
    assert "(2021)" in html
    assert "A report without a link" in html


def test_a_source_keeps_its_title_in_its_own_language_marked_with_lang(client, practice):
    SourceFactory(practice=practice, title="Rapport d’évaluation", language="fr", url="")

    english, french = client.get(EN).text, client.get(FR).text

    assert '<cite lang="fr">\nRapport d’évaluation' in english
    assert "<cite>\nRapport d’évaluation" in french
    assert '<cite lang="en">\n<a href="https://research.example/eval"' in french


@pytest.mark.parametrize(
    ("rating", "sentence"),
    [
        ("well-supported", "Careful studies compared children who took part with similar"),
        ("promising", "but not yet from a study that compares it with doing without"),
        ("mixed", "helped in some ways or for some children and not for others."),
        ("did-not-work", "found no benefit for children, or found that it did harm."),
        ("not-evaluated", "This says nothing about whether it works."),
    ],
)
def test_the_page_says_in_a_sentence_what_its_rating_means(client, rating, sentence):
    PracticeFactory(slug="rated", rating=rating)

    html = client.get("/en/practices/rated/").text

    assert sentence in html
    assert f"rating--{rating}" in html


def test_each_rating_has_its_sentence():
    assert set(Practice.RATING_MEANINGS) == set(Practice.Rating)
    assert set(Practice.EVALUATION_MEANINGS) == set(Practice.Evaluation)


def test_members_named_lead_to_their_page_and_to_their_practices(client, practice):
    html = client.get(FR).text
    facts = html[: html.index('id="adaptations"')]
    adaptations = html[html.index('id="adaptations"') :]

    # Shared by Relais Lyon, named with Famille Plus, adapted by Kinder Berlin.
    for slug, section in (
        ("relais-lyon", facts),
        ("famille-plus", facts),
        ("kinder-berlin", adaptations),
    ):
        assert f'href="/fr/membres/{slug}/"' in section
        assert f'href="/fr/pratiques/?member={slug}">ses pratiques</a>' in section
    assert "member=hidden-partner" not in html


def test_published_adaptations_are_listed_and_submitted_ones_are_not(client, practice):
    html = client.get(EN).text
    section = html[html.index('id="adaptations"') :]

    assert "Germany" in section
    assert "2022" in section
    assert '<a href="/en/members/kinder-berlin/">Kinder Berlin</a>' in section
    assert "Run by volunteers." in section
    assert "Families came back." in section
    assert "Belgium" in section
    assert "Spain" not in section
    assert "Waiting." not in html


def test_adaptations_are_shown_in_french_and_fall_back_to_english_with_lang(client, practice):
    html = client.get(FR).text

    assert "Animé par des bénévoles." in html
    assert "Allemagne" in html
    assert '<dd lang="en"><p>Run by volunteers.</p></dd>' in html


def test_the_map_shows_where_it_began_and_where_it_was_adapted(client, practice):
    html = client.get(EN).text
    svg = html[html.index("<svg") : html.index("</svg>")]

    assert re.search(r'<path class="map__origin" d="[^"]+"/>', svg)
    assert len(re.findall(r'class="map__origin"', svg)) == 2  # France, Italy
    assert len(re.findall(r'class="map__adapted"', svg)) == 2  # Germany, Belgium
    assert 'aria-label="Map of Europe: where this practice is used, in 4 countries"' in svg
    assert "Where it began" in html
    assert "Where it was adapted" in html


def test_a_practice_nowhere_on_the_map_has_no_map(client):
    PracticeFactory(slug="worldwide", countries=[], worldwide=True)

    html = client.get("/en/practices/worldwide/").text

    assert "<svg" not in html
    assert "Worldwide" in html
    assert "No adaptation in another country is recorded yet." in html


def test_an_english_only_practice_falls_back_with_a_note_and_lang(client):
    PracticeFactory(slug="english-only", title_fr="", summary_fr="", body_fr="", findings_fr="")

    html = client.get("/fr/pratiques/english-only/").text

    assert "Cette pratique n’est pas encore présentée dans votre langue" in html
    assert '<h1 lang="en">' in html
    assert '<div class="prose" lang="en">' in html
    assert '<dd lang="en"><p>Children felt closer to their parent.</p></dd>' in html


def test_a_practice_in_both_languages_says_it_is_also_in_the_other(client, practice):
    assert "Cette pratique est aussi présentée en français." in client.get(EN).text


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": "draft"},
        {"status": "submitted"},
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "submitted", "scheduled"],
)
def test_unpublished_practices_are_hidden_from_visitors_and_previewed_by_editors(
    editor_client, hidden
):
    PracticeFactory(slug="not-yet", title_en="Not yet", **hidden)

    assert Client().get("/en/practices/not-yet/").status_code == 404
    preview = editor_client.get("/en/practices/not-yet/")
    assert preview.status_code == 200
    assert "Preview: this practice is not public yet." in preview.text


def test_a_representative_without_editing_rights_sees_no_preview(rep_client):
    PracticeFactory(slug="not-yet", status="draft")

    assert rep_client.get("/en/practices/not-yet/").status_code == 404


def test_representatives_are_invited_to_tell_of_an_adaptation(rep_client, practice):
    html = rep_client.get(EN).text

    assert 'href="/en/portal/adapted/visiting-rooms/"' in html
    assert "Has your organisation adapted this practice? Tell us" in html


def test_visitors_are_not_invited_to_tell_of_an_adaptation(client, practice):
    assert "/portal/adapted/" not in client.get(EN).text


def test_the_body_is_sanitised(client):
    PracticeFactory(
        slug="unsafe",
        body_en=(
            "Hello <script>alert(1)</script> **bold** <img src=x onerror=alert(2)> "
            '[click](javascript:alert(3)) <a href="https://ok.example" onclick="x()">ok</a>'
        ),
    )

    html = client.get("/en/practices/unsafe/").text
    body = html[html.index('<div class="prose"') :]
    body = body[: body.index("</div>")]

    for bad in ["<script", "onerror", "javascript:", "onclick"]:
        assert bad not in body
    assert "<strong>bold</strong>" in body
    assert 'href="https://ok.example"' in body


def test_an_unknown_practice_is_not_found(client, db):
    assert client.get("/en/practices/nothing-here/").status_code == 404


def test_the_switcher_leads_to_the_same_practice_in_french(client, practice):
    assert 'href="/language/fr/?next=/fr/pratiques/visiting-rooms/"' in client.get(EN).text


def _grow(practice, n):
    members = [MemberFactory() for _ in range(n)]
    for index in range(n):
        practice.topics.add(TopicFactory())
        SourceFactory(practice=practice)
        AdaptationFactory(
            practice=practice, country=["DE", "BE", "NL", "PL"][index % 4], member=members[index]
        )
    practice.members.add(*members)


def test_the_query_count_does_not_grow_with_adaptations_sources_and_topics(
    client, django_assert_max_num_queries
):
    small = PracticeFactory(slug="small")
    _grow(small, 1)
    large = PracticeFactory(slug="large")
    _grow(large, 20)

    # The practice with who shared it, its topics, members, sources and adaptations,
    # and the footer's pages and contact details.
    with django_assert_max_num_queries(7) as one:
        client.get("/en/practices/small/")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get("/en/practices/large/").status_code == 200


def test_an_adaptation_by_a_member_not_listed_does_not_name_it(client):
    hidden = MemberFactory(name="Quiet Org", published=False)
    AdaptationFactory(practice=PracticeFactory(slug="adapted"), member=hidden, country="DE")

    html = client.get("/en/practices/adapted/").text

    assert "Germany" in html
    assert "Quiet Org" not in html


def test_years_of_a_practice_that_ended_and_a_practice_worldwide_and_somewhere(client):
    PracticeFactory(slug="ended", start_year=2010, end_year=2014, worldwide=True, countries=["PT"])

    html = client.get("/en/practices/ended/").text

    assert "2010–2014" in html
    assert "ongoing" not in html
    assert "Worldwide" in html
    assert '<a href="/en/practices/?country=PT">Portugal</a>' in html


def test_the_legend_names_only_what_the_map_shows(client):
    practice = PracticeFactory(slug="from-far", countries=["US"])
    AdaptationFactory(practice=practice, country="FR")

    html = client.get("/en/practices/from-far/").text

    assert 'class="map__adapted"' in html
    assert "Where it was adapted" in html
    assert "Where it began" not in html
