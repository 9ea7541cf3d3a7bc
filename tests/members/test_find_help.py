"""A parent or carer looking for support: "Find help near you" leads them from a country to
the members that offer support to children and families there."""

import re

import pytest

from members.models import Member
from tests.factories import MemberFactory
from tests.forms import profile_data

pytestmark = pytest.mark.django_db


def names(response):
    return re.findall(r'class="member-card__name"><a href="[^"]+">([^<]+)</a>', response.text)


def choices(response):
    """The options of the find-help country choice, as shown: (value, label)."""
    select = re.search(r'<select id="find-help-country".*?</select>', response.text, re.S)
    return [
        (value, " ".join(label.split()))
        for value, label in re.findall(r'<option value="([^"]*)">(.*?)</option>', select[0], re.S)
        if value
    ]


@pytest.fixture
def families():
    MemberFactory(name="Trait d’Union", slug="trait-d-union", country="BE", supports_families=True)
    MemberFactory(name="Maison Passage", country="BE", supports_families=True)
    MemberFactory(name="Verbonden", country="BE")  # works with prisons, not with families
    MemberFactory(name="Kinder Berlin", country="DE", supports_families=True)
    MemberFactory(name="Hidden Helpers", country="AT", supports_families=True, published=False)
    MemberFactory(name="Old Friends", country="CH", supports_families=True, status="former")
    MemberFactory(
        name="Lanterns Helpline",
        slug="lanterns",
        country="GB",
        supports_families=True,
        works_across_borders=True,
    )
    MemberFactory(name="Samfylgd", country="IS")


def test_the_choice_lists_countries_with_family_support_and_their_counts(client, families):
    assert choices(client.get("/en/find-help/")) == [
        ("BE", "Belgium (2 members)"),
        ("DE", "Germany (1 member)"),
        ("GB", "United Kingdom (1 member)"),
    ]


def test_the_choice_is_sorted_by_name_in_french(client, families):
    assert choices(client.get("/fr/trouver-de-l-aide/")) == [
        ("DE", "Allemagne (1 membre)"),
        ("BE", "Belgique (2 membres)"),
        ("GB", "Royaume-Uni (1 membre)"),
    ]


def test_the_choice_leads_to_the_directory_in_the_visitors_language(client, families):
    html = client.get("/fr/trouver-de-l-aide/").text

    assert '<form method="get" action="/fr/membres/"' in html
    assert '<input type="hidden" name="support" value="families">' in html
    assert "Vous cherchez du soutien pour un enfant ou une famille\u202f?" in html


def test_submitting_the_choice_lists_the_family_support_members_of_the_country(client, families):
    response = client.get("/fr/membres/", {"support": "families", "country": "BE"})

    assert names(response) == ["Maison Passage", "Trait d’Union"]


def test_the_directory_offers_the_family_support_filter_with_its_count(client, families):
    html = client.get("/en/members/?country=BE").text

    assert re.search(
        r'name="support" value="families".*?Offers support to children and families '
        r'<span class="count">\(2\)</span>',
        html,
        re.S,
    )


def test_the_family_support_filter_shows_as_a_chip_that_removes_it(client, families):
    html = client.get("/en/members/?support=families&country=BE").text

    assert 'href="?country=BE"><span class="visually-hidden">Remove filter: </span>' in html
    assert "Offers support to children and families" in html


def test_without_the_filter_every_member_of_the_country_is_listed(client, families):
    names_in_belgium = names(client.get("/en/members/?country=BE"))

    assert names_in_belgium == ["Maison Passage", "Trait d’Union", "Verbonden"]


def test_a_country_without_family_support_says_so_and_points_across_borders(client, families):
    html = client.get("/en/members/?support=families&country=IS").text

    assert "No member offers family support in Iceland yet." in html
    assert '<a href="/en/members/lanterns/">Lanterns Helpline</a>' in html


def test_the_kind_empty_state_speaks_french(client, families):
    html = client.get("/fr/membres/?support=families&country=IS").text

    assert "Aucun membre ne propose encore de soutien aux familles dans ce pays (Islande)." in html
    assert '<a href="/fr/membres/lanterns/">Lanterns Helpline</a>' in html


def test_an_empty_search_without_the_filter_keeps_the_usual_empty_state(client, families):
    html = client.get("/en/members/?country=IS&q=nothing").text

    assert "No member matches these filters." in html
    assert "Lanterns Helpline" not in html


def test_the_404_page_offers_the_choice(client, families):
    response = client.get("/fr/page-inexistante/")

    assert response.status_code == 404
    assert ("BE", "Belgique (2 membres)") in choices(response)


def test_the_footer_links_to_the_choice_in_each_language(client, families):
    assert 'href="/en/find-help/">Find help near you</a>' in client.get("/en/members/").text
    french = client.get("/fr/membres/").text
    assert 'href="/fr/trouver-de-l-aide/">Trouver de l’aide près de chez vous</a>' in french


def test_the_choice_sees_a_member_that_starts_offering_support(client, families):
    client.get("/en/find-help/")  # counted and cached
    verbonden = Member.objects.get(name="Verbonden")
    verbonden.supports_families = True
    verbonden.save()

    assert ("BE", "Belgium (3 members)") in choices(client.get("/en/find-help/"))


def test_the_choice_costs_one_query_once_counted(client, families, django_assert_max_num_queries):
    client.get("/en/find-help/")
    with django_assert_max_num_queries(1):
        client.get("/en/find-help/")


def test_the_404_page_query_count_stays_flat(client, families, django_assert_max_num_queries):
    # The page's own lookup, and the state of the family-support members.
    client.get("/en/no-such-page/")
    with django_assert_max_num_queries(2):
        client.get("/en/no-such-page/")
    for number in range(50):
        MemberFactory(country=["FR", "PT", "PL"][number % 3], supports_families=True)
    client.get("/en/no-such-page/")  # counted again, once
    with django_assert_max_num_queries(2):
        response = client.get("/en/no-such-page/")
    assert ("PT", "Portugal (17 members)") in choices(response)


def test_the_representative_says_the_member_supports_families(rep_client, relais):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(relais, supports_families="on", works_across_borders="on"),
    )

    assert response.status_code == 302
    relais.refresh_from_db()
    assert relais.supports_families
    assert relais.works_across_borders


def test_the_representative_can_untick_family_support(rep_client, relais):
    relais.supports_families = True
    relais.save()
    data = profile_data(relais)
    del data["supports_families"]

    rep_client.post("/fr/espace-membre/relais-lyon/profil/", data)

    relais.refresh_from_db()
    assert not relais.supports_families


def test_the_profile_form_explains_the_new_fields_in_french(rep_client, relais):
    html = rep_client.get("/fr/espace-membre/relais-lyon/profil/").text

    assert "Soutient les enfants et les familles" in html or "soutient les enfants" in html
    assert "agit au-delà des frontières" in html.lower()
