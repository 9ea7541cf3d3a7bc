import datetime
import re

import pytest

from members.models import Member
from tests.factories import (
    AdaptationFactory,
    MemberFactory,
    PracticeFactory,
    TopicFactory,
    applicant_category,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    topic = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    return MemberFactory(
        name="Relais Enfants Parents Lyon",
        acronym="REP",
        slug="relais-enfants-parents-lyon",
        city="Lyon",
        website="https://relais.example",
        email="contact@relais.example",
        phone="+33 4 00 00 00 00",
        description_en="We run a visitor centre.",
        description_fr="Nous gérons une maison d’accueil.",
        mission_en="No child should lose a parent to prison.",
        mission_fr="",
        year_founded=1995,
        legal_status="association",
        setting="both",
        languages=["fr", "ar"],
        funding_sources_en="Regional grants",
        funding_sources_fr="Subventions régionales",
        profile_confirmed_on=datetime.date(2026, 3, 14),
        topics=[topic],
    )


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        pytest.param(
            "/en/members/relais-enfants-parents-lyon/",
            [
                "Relais Enfants Parents Lyon",
                "(REP)",
                "Lyon, France",
                "We run a visitor centre.",
                "https://relais.example",
                "mailto:contact@relais.example",
                "1995",
                "Association or NGO",
                "Prison and community",
                "French, Arabic",
                "Regional grants",
                "Profile last confirmed by the member on 14 March 2026.",
            ],
            id="en",
        ),
        pytest.param(
            "/fr/membres/relais-enfants-parents-lyon/",
            [
                "Nous gérons une maison d’accueil.",
                "Lyon, France",
                "Français, Arabe",
                "Subventions régionales",
                "Organisation membre",
                "14 mars 2026",
            ],
            id="fr",
        ),
    ],
)
def test_member_page_shows_the_public_profile_in_each_language(client, member, path, shown):
    html = client.get(path).text

    for text in shown:
        assert text in html


def test_missing_french_text_falls_back_to_english_marked_as_english(client, member):
    html = client.get("/fr/membres/relais-enfants-parents-lyon/").text

    assert '<div class="prose" lang="en"><p>No child should lose a parent to prison.</p>' in html
    assert "pas encore disponible dans votre langue" in html


def test_fully_translated_profile_has_no_fallback_note(client, member):
    Member.objects.filter(pk=member.pk).update(mission_fr="Aucun enfant ne doit perdre un parent.")

    html = client.get("/fr/membres/relais-enfants-parents-lyon/").text

    assert "pas encore disponible" not in html


def test_topics_link_to_the_directory_filtered_by_them(client, member):
    html = client.get("/fr/membres/relais-enfants-parents-lyon/").text

    assert '<a class="tag" href="/fr/membres/?topic=prison-visits">Parloirs</a>' in html


def test_applicant_shows_since_when(client, db):
    MemberFactory(
        slug="new-one", category=applicant_category(), category_since=datetime.date(2025, 6, 1)
    )

    html = client.get("/en/members/new-one/").text

    assert "Applicant member" in html
    assert "Applicant since June 2025" in html


def test_unconfirmed_profile_says_so(client, db):
    MemberFactory(slug="unconfirmed", profile_confirmed_on=None)

    assert "has not yet been confirmed" in client.get("/en/members/unconfirmed/").text


@pytest.mark.parametrize("hidden", [{"published": False}, {"status": Member.Status.FORMER}])
def test_hidden_member_page_is_not_found(client, db, hidden):
    MemberFactory(slug="hidden", **hidden)

    assert client.get("/en/members/hidden/").status_code == 404


def test_switcher_leads_to_the_same_member_in_french(client, member):
    html = client.get("/en/members/relais-enfants-parents-lyon/").text

    assert 'href="/language/fr/?next=/fr/membres/relais-enfants-parents-lyon/" lang="fr"' in html


def test_member_page_query_count_is_fixed(client, member, django_assert_max_num_queries):
    # The member, its topics, footer pages and contact details, its news, its upcoming
    # events, else its past ones, its practices and those it adapted.
    with django_assert_max_num_queries(9):
        client.get("/en/members/relais-enfants-parents-lyon/")


def test_member_page_lists_the_practices_it_shared_or_is_named_in(client, member):
    PracticeFactory(title_en="Shared by them", submitted_by=member)
    PracticeFactory(title_en="Named in it").members.add(member)
    PracticeFactory(title_en="Not published", status="draft").members.add(member)
    PracticeFactory(title_en="Someone else's")

    html = client.get("/en/members/relais-enfants-parents-lyon/").text

    assert '<h2 id="member-practices">Practices</h2>' in html
    assert "Shared by them" in html
    assert "Named in it" in html
    assert "Not published" not in html
    assert "Someone else" not in html


def test_member_page_lists_the_practices_it_adapted(client, member):
    AdaptationFactory(member=member, practice=PracticeFactory(title_fr="Adaptée par eux"))
    AdaptationFactory(
        member=member, status="submitted", practice=PracticeFactory(title_fr="Pas encore")
    )
    AdaptationFactory(member=member, practice=PracticeFactory(title_fr="Brouillon", status="draft"))

    html = client.get("/fr/membres/relais-enfants-parents-lyon/").text
    section = html[html.index('id="member-adapted"') :]

    assert "Pratiques adaptées par ce membre" in section
    assert "Adaptée par eux" in section
    assert "Pas encore" not in html
    assert "Brouillon" not in html


def test_member_page_query_count_does_not_grow_with_its_practices(
    client, member, django_assert_max_num_queries
):
    PracticeFactory().members.add(member)
    AdaptationFactory(member=member)
    with django_assert_max_num_queries(9) as one:
        client.get("/en/members/relais-enfants-parents-lyon/")
    for _ in range(10):
        practice = PracticeFactory()
        practice.members.add(member)
        practice.topics.add(TopicFactory())
        AdaptationFactory(member=member)

    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get("/en/members/relais-enfants-parents-lyon/").text

    assert html.count('class="practice-card"') == 12  # six of each


def test_member_page_leads_to_all_its_practices_when_it_shows_only_some(client, member):
    for number in range(7):
        PracticeFactory(title_en=f"Practice {number}", submitted_by=member)
    PracticeFactory(title_en="Named in it").members.add(member)
    PracticeFactory(title_en="Draft", status="draft", submitted_by=member)

    html = client.get("/fr/membres/relais-enfants-parents-lyon/").text
    section = html[html.index('id="member-practices"') :]

    assert section.count('class="practice-card"') == 6
    assert re.search(
        r'<a href="/fr/pratiques/\?member=relais-enfants-parents-lyon">\s*'
        r"Les 8 pratiques de ce membre</a>",
        section,
    )


def test_member_page_showing_all_its_practices_has_no_link_to_more(client, member):
    for number in range(6):
        PracticeFactory(title_en=f"Practice {number}", submitted_by=member)

    html = client.get("/en/members/relais-enfants-parents-lyon/").text

    assert "?member=relais-enfants-parents-lyon" not in html
    assert "practices of this member" not in html


def test_the_link_to_all_its_practices_leads_to_them(client, member):
    for number in range(8):
        PracticeFactory(title_en=f"Practice {number}", submitted_by=member)
    PracticeFactory(title_en="Someone else's")

    response = client.get("/en/practices/?member=relais-enfants-parents-lyon")

    assert (
        "All 8 practices of this member"
        in client.get("/en/members/relais-enfants-parents-lyon/").text
    )
    assert response.text.count('class="practice-card"') == 8
    assert "Someone else" not in response.text
