"""How pages present themselves to search engines and link previews: a canonical address
(the rule in pages/templatetags/previews.py), a title of their own, a description, and
Open Graph and Twitter card tags with absolute addresses."""

import datetime
import html as html_module
import re

import pytest
from django.utils import timezone

from tests.factories import (
    EventFactory,
    HomePageFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    TopicFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

SITE = "https://network.example.org"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def one_per_page(monkeypatch):
    """Lists of one item a page, so that two items make a page 2."""
    for module in ("news.views", "members.views", "practices.views"):
        monkeypatch.setattr(f"{module}.PER_PAGE", 1)


def _past(hours=0):
    return timezone.now() - datetime.timedelta(days=10, hours=-hours)


def canonical(html):
    found = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    assert len(found) <= 1, found
    return html_module.unescape(found[0]) if found else None


def meta(html, name):
    """The content of the page's <meta property|name="name">, or None."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return html_module.unescape(found.group(1)) if found else None


def title(html):
    return html_module.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


# Canonical addresses.


def test_home_names_itself_in_each_language(client):
    assert canonical(client.get("/en/").text) == f"{SITE}/en/"
    assert canonical(client.get("/fr/").text) == f"{SITE}/fr/"


def test_first_page_of_a_list_is_the_list_without_page_number(client, one_per_page):
    PostFactory.create_batch(2)

    assert canonical(client.get("/en/news/?page=1").text) == f"{SITE}/en/news/"


def test_second_page_of_a_list_names_itself(client, one_per_page):
    PostFactory.create_batch(2)

    assert canonical(client.get("/fr/actualites/?page=2").text) == f"{SITE}/fr/actualites/?page=2"


def test_a_page_beyond_the_last_names_the_last_page_shown(client, one_per_page):
    MemberFactory.create_batch(2)

    assert canonical(client.get("/en/members/?page=99").text) == f"{SITE}/en/members/?page=2"


def test_filtered_list_names_the_unfiltered_list(client, one_per_page):
    topic = TopicFactory()
    PostFactory.create_batch(3, topics=[topic])

    html = client.get(f"/en/news/?topic={topic.slug}&page=2").text

    assert canonical(html) == f"{SITE}/en/news/"


def test_searched_directory_names_the_directory(client):
    MemberFactory(name="Relais Lyon")

    assert canonical(client.get("/en/members/?q=relais").text) == f"{SITE}/en/members/"


def test_sorted_practices_name_the_list(client):
    PracticeFactory()

    assert canonical(client.get("/fr/pratiques/?sort=title").text) == f"{SITE}/fr/pratiques/"


def test_past_events_are_a_list_of_their_own(client, one_per_page):
    EventFactory.create_batch(2, start=_past(), end=_past(hours=2))

    html = client.get("/en/events/?when=past&page=2").text

    assert canonical(html) == f"{SITE}/en/events/?when=past&page=2"


def test_a_post_names_its_address_in_the_pages_language(client):
    PostFactory(slug_en="visits-reopen", slug_fr="les-visites-reprennent")

    html = client.get("/fr/actualites/les-visites-reprennent/?utm_source=mail").text

    assert canonical(html) == f"{SITE}/fr/actualites/les-visites-reprennent/"


def test_a_member_names_its_own_page(client):
    MemberFactory(slug="relais-lyon")

    assert canonical(client.get("/en/members/relais-lyon/").text) == (
        f"{SITE}/en/members/relais-lyon/"
    )


def test_error_pages_name_no_canonical_address(client):
    html = client.get("/en/no-such-page/").text

    assert canonical(html) is None


def test_error_pages_offer_no_preview(client):
    html = client.get("/en/no-such-page/").text

    assert meta(html, "og:title") is None


# Titles and descriptions.


def test_second_page_title_says_the_page_number(client, one_per_page):
    PostFactory.create_batch(2)

    assert title(client.get("/en/news/?page=2").text).startswith("News – page 2 – ")


def test_second_page_title_says_the_page_number_in_french(client, one_per_page):
    PracticeFactory.create_batch(2)

    assert title(client.get("/fr/pratiques/?page=2").text).startswith("Pratiques – page 2 – ")


def test_first_page_title_says_no_page_number(client, one_per_page):
    MemberFactory.create_batch(2)

    assert "page" not in title(client.get("/en/members/").text)


@pytest.fixture
def every_page_type(pages):
    """One of each page: {name: {language: path}}."""
    summaries = {
        "summary_en": "What it is about, in a sentence or two for the lists and previews.",
        "summary_fr": "De quoi il s’agit, en une phrase ou deux pour les listes et les aperçus.",
    }
    MemberFactory(name="Relais Lyon", slug="relais-lyon")
    PostFactory(
        slug="visits-reopen",
        title_en="Visits reopen",
        title_fr="Les visites reprennent",
        **summaries,
    )
    EventFactory(
        slug="family-day", title_en="Family day", title_fr="Journée des familles", **summaries
    )
    PracticeFactory(
        slug="visiting-rooms", title_en="Visiting rooms", title_fr="Parloirs", **summaries
    )
    return {
        "home": ("/en/", "/fr/"),
        "page": ("/en/about/", "/fr/a-propos/"),
        "directory": ("/en/members/", "/fr/membres/"),
        "map": ("/en/members/map/", "/fr/membres/carte/"),
        "member": ("/en/members/relais-lyon/", "/fr/membres/relais-lyon/"),
        "membership": ("/en/membership/", "/fr/adhesion/"),
        "find help": ("/en/find-help/", "/fr/trouver-de-l-aide/"),
        "news": ("/en/news/", "/fr/actualites/"),
        "post": ("/en/news/visits-reopen/", "/fr/actualites/visits-reopen/"),
        "events": ("/en/events/", "/fr/evenements/"),
        "past events": ("/en/events/?when=past", "/fr/evenements/?when=past"),
        "event": ("/en/events/family-day/", "/fr/evenements/family-day/"),
        "practices": ("/en/practices/", "/fr/pratiques/"),
        "practice": ("/en/practices/visiting-rooms/", "/fr/pratiques/visiting-rooms/"),
        "evidence": ("/en/practices/evidence/", "/fr/pratiques/donnees-probantes/"),
        "contact": ("/en/contact/", "/fr/contact/"),
        "join": ("/en/join/", "/fr/adherer/"),
        "subscribe": ("/en/subscribe/", "/fr/abonnement/"),
        "sign in": ("/en/accounts/login/", "/fr/comptes/connexion/"),
    }


def test_every_page_type_has_a_title_of_its_own_in_both_languages(client, every_page_type):
    titles = {}
    for paths in every_page_type.values():
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            titles[path] = title(response.text)

    same = {text for text in titles.values() if list(titles.values()).count(text) > 1}
    assert same == set()


def test_every_page_type_describes_itself(client, every_page_type):
    for name, paths in every_page_type.items():
        for path in paths:
            description = meta(client.get(path).text, "description")
            assert len(description) > 30, (name, path, description)


def test_a_list_describes_itself_not_the_network(client):
    html = client.get("/en/news/").text

    assert meta(html, "description") == "News from the network and its members."


def test_a_post_is_described_by_its_summary(client):
    PostFactory(slug="visits-reopen", summary_en="Visits reopen in Lyon.")

    assert meta(client.get("/en/news/visits-reopen/").text, "description") == (
        "Visits reopen in Lyon."
    )


# Open Graph and Twitter cards.


def test_page_offers_open_graph_tags_with_absolute_address(client):
    PostFactory(slug="visits-reopen", title_en="Visits reopen")

    html = client.get("/en/news/visits-reopen/").text

    assert meta(html, "og:title") == "Visits reopen"
    assert meta(html, "og:url") == f"{SITE}/en/news/visits-reopen/"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:site_name")
    assert meta(html, "og:description") == "In short."


def test_open_graph_says_the_pages_language_and_the_other(client):
    html = client.get("/fr/").text

    assert meta(html, "og:locale") == "fr_FR"
    assert meta(html, "og:locale:alternate") == "en_GB"


def test_post_with_a_picture_previews_it_large(client):
    post = PostFactory(slug="visits-reopen", image=image_file("photo.png", size=(1600, 900)))

    html = client.get("/en/news/visits-reopen/").text

    assert meta(html, "og:image") == SITE + post.image_web.url
    assert meta(html, "og:image:width") == str(post.image_width)
    assert meta(html, "twitter:card") == "summary_large_image"


def test_post_without_a_picture_has_no_preview_image(client):
    PostFactory(slug="visits-reopen")

    html = client.get("/en/news/visits-reopen/").text

    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"


def test_event_with_a_picture_previews_it(client):
    event = EventFactory(slug="family-day", image=image_file("poster.png"))

    html = client.get("/en/events/family-day/").text

    assert meta(html, "og:image") == SITE + event.image_web.url


def test_practice_with_a_picture_previews_it(client):
    practice = PracticeFactory(slug="visiting-rooms", image=image_file("room.png"))

    html = client.get("/fr/pratiques/visiting-rooms/").text

    assert meta(html, "og:image") == SITE + practice.image_web.url


def test_member_page_previews_its_logo_as_a_small_card(client):
    member = MemberFactory(slug="relais-lyon", name="Relais Lyon", logo=image_file())

    html = client.get("/en/members/relais-lyon/").text

    assert meta(html, "og:image") == SITE + member.logo_large.url
    assert meta(html, "og:image:alt") == "Logo of Relais Lyon"
    assert meta(html, "twitter:card") == "summary"


def test_home_page_previews_its_picture(client):
    home = HomePageFactory(image=image_file("home.png", size=(1200, 800)), image_alt_en="Hands")

    html = client.get("/en/").text

    assert meta(html, "og:image") == SITE + home.image_web.url
    assert meta(html, "og:image:alt") == "Hands"


def test_lists_have_no_preview_image_of_their_own(client):
    PostFactory(image=image_file("photo.png"))

    assert meta(client.get("/en/news/").text, "og:image") is None
