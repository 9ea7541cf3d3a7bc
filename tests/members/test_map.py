import re

import pytest

from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    MemberFactory(
        name="Paris One", slug="paris-one", country="FR", latitude=48.8566, longitude=2.3522
    )
    MemberFactory(name="Lyon Two", slug="lyon-two", country="FR")
    MemberFactory(
        name="Berlin Three", slug="berlin-three", country="DE", latitude=52.52, longitude=13.405
    )
    MemberFactory(name="Hidden", country="IT", published=False, latitude=41.9, longitude=12.5)


def test_map_shades_countries_with_members_and_links_them_to_the_directory(client, members):
    html = client.get("/en/members/map/").text

    assert re.search(
        r'<a href="/en/members/\?country=FR" class="map__country shade-2">'
        r"<title>France: 2 members</title><path d=\"M",
        html,
    )
    assert "<title>Germany: 1 member</title>" in html
    assert "Italy" not in html  # the hidden member does not count


def test_map_has_a_pin_for_each_member_with_coordinates(client, members):
    html = client.get("/en/members/map/").text

    pins = re.findall(r'<a href="(/en/members/[\w-]+/)" class="pin"><title>([^<]+)</title>', html)
    assert pins == [
        ("/en/members/berlin-three/", "Berlin Three"),
        ("/en/members/paris-one/", "Paris One"),
    ]


def test_map_is_framed_on_the_countries_with_members(client, members):
    html = client.get("/en/members/map/").text

    _x, _y, width, height = map(int, re.search(r'viewBox="([-\d ]+)"', html).group(1).split())
    assert 900 <= width <= 3000
    assert 1 <= width / height <= 4 / 3


def test_map_has_a_table_of_countries_in_french(client, members):
    html = client.get("/fr/membres/carte/").text

    assert re.search(
        r'<a href="/fr/membres/\?country=DE">Allemagne</a></th><td class="numeric">1<', html
    )
    assert re.search(
        r'<a href="/fr/membres/\?country=FR">France</a></th><td class="numeric">2<', html
    )
    assert "<title>France\u00a0: 2 membres</title>" in html


def test_map_with_no_members_shows_europe_and_says_so(client, db):
    response = client.get("/en/members/map/")

    assert response.status_code == 200
    assert "No member is listed yet." in response.text


def test_home_page_shows_a_small_map_linking_to_the_full_one(client, members):
    html = client.get("/fr/").text

    assert re.search(
        r'<a class="map-link" href="/fr/membres/carte/">\s*<svg class="map map--small"', html
    )
    assert 'role="img" aria-label="Carte de l’Europe\u00a0: des membres dans 2 pays"' in html
    assert 'class="pin"' not in html


def test_map_page_query_count_is_fixed(client, members, django_assert_max_num_queries):
    # And the secretariat's contact details in the footer (then cached).
    with django_assert_max_num_queries(4):
        client.get("/en/members/map/")
