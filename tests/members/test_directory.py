import re

import pytest

from cpe_network.lib import versions
from members.models import Member
from tests.factories import CategoryFactory, MemberFactory, TopicFactory, applicant_category

pytestmark = pytest.mark.django_db


def names(response):
    return re.findall(r'class="member-card__name"><a href="[^"]+">([^<]+)</a>', response.text)


@pytest.fixture
def network():
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    schools = TopicFactory(slug="schools", name_en="Schools", name_fr="Écoles")
    applicant = applicant_category()
    MemberFactory(name="Alpha Families", country="FR", setting="prison", topics=[visits])
    MemberFactory(
        name="Beta Kinder", country="DE", city="Berlin", setting="community", topics=[schools]
    )
    MemberFactory(
        name="Gamma Research",
        country="FR",
        kind="individual",
        category=applicant,
        topics=[visits, schools],
        summary_en="Studies school support.",
        summary_fr="Étudie le soutien scolaire.",
    )


def test_directory_lists_members_in_both_languages(client, network):
    assert names(client.get("/en/members/")) == ["Alpha Families", "Beta Kinder", "Gamma Research"]
    assert names(client.get("/fr/membres/")) == ["Alpha Families", "Beta Kinder", "Gamma Research"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=DE", ["Beta Kinder"]),
        ("country=FR&country=DE", ["Alpha Families", "Beta Kinder", "Gamma Research"]),
        ("category=applicant-member", ["Gamma Research"]),
        ("topic=schools", ["Beta Kinder", "Gamma Research"]),
        ("topic=schools&topic=prison-visits", ["Alpha Families", "Beta Kinder", "Gamma Research"]),
        ("kind=individual", ["Gamma Research"]),
        ("setting=community", ["Beta Kinder"]),
        ("q=berlin", ["Beta Kinder"]),
        ("q=BETA", ["Beta Kinder"]),
    ],
)
def test_each_filter_alone(client, network, query, expected):
    assert names(client.get(f"/en/members/?{query}")) == expected


def test_filters_combine(client, network):
    response = client.get("/en/members/?country=FR&topic=schools&kind=individual")

    assert names(response) == ["Gamma Research"]


def test_filters_that_match_nothing_show_an_empty_state_with_a_way_back(client, network):
    response = client.get("/en/members/?country=DE&kind=individual")

    assert names(response) == []
    assert "No member matches these filters." in response.text
    assert 'href="/en/members/">Show all members' in response.text


def test_search_reads_the_summary_in_english_on_either_page(client, network):
    assert names(client.get("/en/members/?q=school+support")) == ["Gamma Research"]
    assert names(client.get("/fr/membres/?q=school+support")) == ["Gamma Research"]


def test_search_reads_the_summary_in_french_on_either_page(client, network):
    assert names(client.get("/fr/membres/?q=soutien")) == ["Gamma Research"]
    assert names(client.get("/en/members/?q=soutien")) == ["Gamma Research"]


def test_search_needs_every_word(client, network):
    assert names(client.get("/en/members/?q=school+nowhere")) == []


def test_french_search_falls_back_to_the_english_summary_where_there_is_no_french(client, db):
    MemberFactory(name="Delta", summary_en="Mentoring for teenagers.", summary_fr="")

    assert names(client.get("/fr/membres/?q=mentoring")) == ["Delta"]


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "country=fr",
        "category=no-such-category",
        "topic=%3Cscript%3E",
        "kind=alien",
        "setting=moon",
        "page=abc",
        "page=-1",
        "page=99999",
        "q=" + "x" * 500,
        "q=%00",
        "country=FR&country=",
        "unknown=1",
    ],
)
def test_junk_parameters_never_cause_an_error(client, network, query):
    response = client.get(f"/en/members/?{query}")

    assert response.status_code == 200


def test_invalid_filter_is_ignored_and_the_valid_ones_kept(client, network):
    response = client.get("/en/members/?country=DE&kind=alien")

    assert names(response) == ["Beta Kinder"]


def test_hidden_members_are_not_listed(client, network):
    MemberFactory(name="Unpublished", published=False)
    MemberFactory(name="Former", status=Member.Status.FORMER)
    affiliates = CategoryFactory(slug="affiliate", name_en="Affiliate", listed=False)
    MemberFactory(name="Affiliate member", category=affiliates)

    listed = names(client.get("/en/members/"))

    assert listed == ["Alpha Families", "Beta Kinder", "Gamma Research"]


def test_names_are_ordered_ignoring_accents_and_case(client, db):
    for name in ["fable", "Éveil", "Douce", "Zèbre", "avenir"]:
        MemberFactory(name=name)

    assert names(client.get("/fr/membres/")) == ["avenir", "Douce", "Éveil", "fable", "Zèbre"]


def test_pages_of_twenty(client, db):
    for _ in range(25):
        MemberFactory()

    first = client.get("/en/members/")
    second = client.get("/en/members/?page=2")

    assert len(names(first)) == 20
    assert len(names(second)) == 5
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2<' in second.text


def test_page_links_keep_the_filters(client, db):
    for _ in range(25):
        MemberFactory(country="BE")

    response = client.get("/en/members/?country=BE")

    assert 'href="?country=BE&amp;page=2"' in response.text


def test_counts_per_filter_value_consider_the_other_filters(client, network):
    html = client.get("/en/members/?topic=schools").text

    assert re.search(r'for="country-FR">France <span class="count">\(1\)', html)
    assert re.search(r'for="country-DE">Germany <span class="count">\(1\)', html)
    # The topic's own counts ignore the topic filter, so other topics stay reachable.
    assert re.search(r'for="topic-prison-visits">Prison visits <span class="count">\(2\)', html)


def test_filter_labels_are_in_french_on_the_french_directory(client, network):
    html = client.get("/fr/membres/").text

    assert re.search(r'for="country-DE">Allemagne <span class="count">\(1\)', html)
    assert re.search(r'for="topic-schools">Écoles', html)


def test_each_french_filter_offers_an_all_that_agrees_with_its_noun(client, network):
    html = client.get("/fr/membres/").text

    assert '<label for="category-any">Toutes les catégories</label>' in html
    assert '<label for="kind-any">Tous les types</label>' in html
    assert '<label for="setting-any">Tous les lieux d’intervention</label>' in html


def test_active_filters_are_chips_that_remove_themselves(client, network):
    html = client.get("/en/members/?country=FR&country=DE&topic=schools").text

    assert 'href="?country=DE&amp;topic=schools"' in html  # France removed
    assert 'href="?country=FR&amp;country=DE"' in html  # the topic removed


def test_directory_query_count_does_not_grow_with_members(
    client, db, django_assert_max_num_queries
):
    category = CategoryFactory()
    topic = TopicFactory()

    def add(count, start):
        members = Member.objects.bulk_create(
            Member(
                name=f"M{n}",
                slug=f"m-{n}",
                sort_name=f"m{n}",
                category=category,
                country="FR" if n % 2 else "DE",
                published=True,
            )
            for n in range(start, start + count)
        )
        Member.topics.through.objects.bulk_create(
            Member.topics.through(member_id=m.pk, topic_id=topic.pk) for m in members
        )

    add(10, 0)
    # And, once while nothing changes, when the clock next changes a list (three).
    with django_assert_max_num_queries(15) as small:
        client.get(f"/en/members/?topic={topic.slug}&country=FR")
    add(990, 10)
    versions.bump("pages")  # as a save does (bulk_create does not): counted again
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/en/members/?topic={topic.slug}&country=FR&page=3")

    assert len(names(response)) == 20
