"""Parts of pages kept with the cached pages (pages/pagecache.py `remembered` and
`remembered_each`; the `cards`, `main_menu` and footer tags of pages/templatetags/site.py):
with the page cache off too, a list's cards and the site's menus are drawn once per
language and drawn again as soon as what they show changes."""

import re

import pytest

from pages.models import HomePage
from tests.factories import FlatPageFactory, MemberFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_a_card_shows_a_change_at_once(client):
    member = MemberFactory(name="Relais Lyon")
    assert "Relais Lyon" in client.get("/en/members/").text

    member.name = "Relais Enfants Parents Lyon"
    member.save()

    assert "Relais Enfants Parents Lyon" in client.get("/en/members/").text


def test_cards_are_drawn_in_each_language(client):
    PostFactory(title_en="Visits reopen", title_fr="Les visites reprennent")

    assert "Visits reopen" in client.get("/en/news/").text
    assert "Les visites reprennent" in client.get("/fr/actualites/").text


def test_a_card_on_two_pages_keeps_each_pages_heading(client):
    PostFactory(title_en="Visits reopen")

    client.get("/en/")  # the home page's cards have h3 titles
    html = client.get("/en/news/").text

    assert '<h2 class="post-card__title"' in html


def current_links(html):
    return re.findall(r'<a href="([^"]+)"\s*aria-current="(page|true)"', html)


@pytest.mark.parametrize(
    ("path", "marked"),
    [
        ("/en/news/", [("/en/news/", "page")]),
        ("/fr/actualites/", [("/fr/actualites/", "page")]),
        ("/en/members/map/", [("/en/members/", "true")]),
        ("/en/membership/", [("/en/membership/", "page")]),
        ("/fr/contact/", [("/fr/contact/", "page")]),
    ],
)
def test_the_main_menu_marks_the_page_and_its_section(client, path, marked):
    for other in ("/en/", "/en/news/", "/en/members/map/", "/fr/contact/"):
        client.get(other)  # the menu of other places is kept too

    menu = client.get(path).text.split('class="main-nav"')[1].split("</nav>")[0]

    assert current_links(menu) == marked


def test_a_new_page_shows_in_the_footer_at_once(client, pages):
    client.get("/en/news/")

    FlatPageFactory(url_en="/volunteering/", title_en="Volunteering")

    assert "Volunteering" in client.get("/en/news/").text


def test_the_footer_marks_the_page_it_is_on(client, pages):
    html = client.get("/en/about/").text
    footer = html.split('class="site-footer"')[1]

    assert current_links(footer) == [("/en/about/", "page")]


def test_the_secretariats_new_address_shows_in_the_footer_at_once(client, pages):
    client.get("/en/news/")

    home = HomePage.load()
    home.email = "hello@network.example"
    home.save()

    assert "hello@network.example" in client.get("/en/news/").text


def test_a_filter_panel_shows_a_new_members_country_at_once(client):
    MemberFactory(country="FR")
    assert 'value="PT"' not in client.get("/en/members/").text

    MemberFactory(country="PT")

    assert 'name="country" value="PT"' in client.get("/en/members/").text


def test_find_help_offers_a_new_country_at_once(client):
    MemberFactory(country="FR", supports_families=True)
    assert 'value="PT"' not in client.get("/en/").text

    MemberFactory(country="PT", supports_families=True)

    assert '<option value="PT">' in client.get("/en/").text


def test_a_search_result_shows_a_members_new_city_at_once(client):
    member = MemberFactory(name="Relais Lyon", city_en="Lyon", country="FR")
    assert "France, Lyon" in client.get("/en/search/?q=relais").text

    member.city_en = "Villeurbanne"
    member.save()

    assert "France, Villeurbanne" in client.get("/en/search/?q=relais").text


def figure(html, words):
    return re.search(r'key-figures__number">(\d+)</strong>\s*' + words, html).group(1)


def test_the_home_pages_figures_count_a_new_member_at_once(client):
    MemberFactory(country="FR")
    assert figure(client.get("/en/").text, "member") == "1"

    MemberFactory(country="BE")

    assert figure(client.get("/en/").text, "member") == "2"
