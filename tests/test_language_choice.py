"""The language a visitor chooses with the switcher is remembered: addresses without a
language, the bare domain first, lead to it rather than to the browser's language."""

import re

import pytest

pytestmark = pytest.mark.django_db

FRENCH_BROWSER = {"accept-language": "fr-FR,fr;q=0.9"}
ENGLISH_BROWSER = {"accept-language": "en-GB,en;q=0.9"}


def switcher_href(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.search(r'href="([^"]+)"', nav).group(1).replace("&amp;", "&")


def test_the_switcher_leads_to_the_twin_page_and_remembers_the_choice(client):
    href = switcher_href(client.get("/en/members/?country=FR", headers=ENGLISH_BROWSER).text)

    response = client.get(href, headers=ENGLISH_BROWSER)

    assert response.status_code == 302
    assert response["Location"] == "/fr/membres/?country=FR"
    assert response.cookies["django_language"].value == "fr"
    assert response.cookies["django_language"]["max-age"] == 365 * 24 * 60 * 60
    assert client.get(response["Location"]).status_code == 200


def test_after_choosing_french_the_bare_domain_leads_to_french_whatever_the_browser(client):
    client.get(switcher_href(client.get("/en/").text))

    assert client.get("/", headers=ENGLISH_BROWSER)["Location"] == "/fr/"


def test_after_choosing_english_the_bare_domain_leads_to_english_for_a_french_browser(client):
    client.get(switcher_href(client.get("/fr/", headers=FRENCH_BROWSER).text))

    assert client.get("/", headers=FRENCH_BROWSER)["Location"] == "/en/"


@pytest.mark.parametrize("written", ["/members/?page=2", "/membres/?page=2"])
def test_an_address_without_language_leads_to_the_chosen_language_in_its_words(client, written):
    client.get(switcher_href(client.get("/en/").text))

    response = client.get(written, headers=ENGLISH_BROWSER)

    assert response.status_code == 302
    assert response["Location"] == "/fr/membres/?page=2"


def test_without_a_choice_an_address_without_language_follows_the_browser(client):
    assert client.get("/membres/", headers=ENGLISH_BROWSER)["Location"] == "/en/members/"
    assert client.get("/members/", headers=FRENCH_BROWSER)["Location"] == "/fr/membres/"


def test_a_page_of_the_network_without_language_leads_to_its_address_in_the_chosen_one(
    client, pages
):
    client.get(switcher_href(client.get("/en/").text))

    assert client.get("/about/", headers=ENGLISH_BROWSER)["Location"] == "/fr/a-propos/"


def test_an_unknown_address_without_language_is_still_not_found(client):
    assert client.get("/nothing-here/", follow=True).status_code == 404


@pytest.mark.parametrize(
    "next_url", ["https://elsewhere.example/", "//elsewhere.example/", "/en/members/", ""]
)
def test_the_switcher_never_leads_off_the_site_or_to_the_other_language(client, next_url):
    response = client.get("/language/fr/", {"next": next_url})

    assert response["Location"] == "/fr/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/language/de/", follow=True).status_code == 404
