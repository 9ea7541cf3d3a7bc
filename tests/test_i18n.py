import pytest

from tests.read import alternates, switcher_link

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"), [("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"), ("en-GB,en", "/en/")]
)
def test_root_redirects_to_the_visitors_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_redirects_to_english_for_an_unknown_language(client):
    response = client.get("/", headers={"accept-language": "de-DE,de"})

    assert response["Location"] == "/en/"


def test_root_follows_the_language_cookie_when_the_browser_says_nothing(client):
    client.cookies["django_language"] = "fr"

    response = client.get("/")

    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(("path", "language"), [("/en/", "en"), ("/fr/", "fr")])
def test_page_declares_its_language(client, path, language):
    response = client.get(path)

    assert f'<html lang="{language}">' in response.text


def test_home_lists_both_languages_and_a_default_as_alternates(client):
    html = client.get("/fr/").text

    assert alternates(html) == {
        "en": "http://testserver/en/",
        "x-default": "http://testserver/en/",
        "fr": "http://testserver/fr/",
    }


def test_switcher_on_the_english_home_leads_to_the_french_home(client):
    url, lang, hreflang, name = switcher_link(client.get("/en/").text)

    assert (url, lang, hreflang, name) == ("http://testserver/fr/", "fr", "fr", "Français")


def test_switcher_on_the_french_home_leads_to_the_english_home(client):
    url, lang, _hreflang, name = switcher_link(client.get("/fr/").text)

    assert (url, lang, name) == ("http://testserver/en/", "en", "English")


def test_switcher_on_a_page_leads_to_the_same_page_under_its_french_address(client, pages):
    url, *_ = switcher_link(client.get("/en/about/").text)

    assert url == "http://testserver/fr/a-propos/"
    assert "À propos du réseau" in client.get(url).text


def test_switcher_on_a_french_page_leads_back_to_the_english_page(client, pages):
    url, *_ = switcher_link(client.get("/fr/valeurs/").text)

    assert url == "http://testserver/en/values/"


def test_page_alternates_give_each_language_its_own_address(client, pages):
    html = client.get("/en/privacy/").text

    assert alternates(html)["fr"] == "http://testserver/fr/confidentialite/"


def test_switcher_keeps_the_query_string(client):
    url, *_ = switcher_link(client.get("/en/?page=2").text)

    assert url == "http://testserver/fr/?page=2"


def test_interface_is_in_french_under_the_french_prefix(client):
    html = client.get("/fr/").text

    assert "Aller au contenu principal" in html
    assert "Skip to main content" not in html
