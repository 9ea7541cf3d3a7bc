import xml.etree.ElementTree as ET

import pytest

from tests.factories import MemberFactory, PracticeFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_the_home_page_in_both_languages(client, pages):
    entries = sitemap_entries(client)

    assert entries["http://testserver/en/"] == {
        "en": "http://testserver/en/",
        "fr": "http://testserver/fr/",
    }
    assert "http://testserver/fr/" in entries


def test_sitemap_lists_each_page_under_its_address_in_each_language(client, pages):
    entries = sitemap_entries(client)

    assert entries["http://testserver/fr/valeurs/"] == {
        "en": "http://testserver/en/values/",
        "fr": "http://testserver/fr/valeurs/",
    }
    assert len(entries) == 28  # home, seven sections, contact and five pages, in two languages


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in response.text
    assert "Disallow: /language/" in response.text  # the switcher's redirects
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_sitemap_lists_listed_members_only(client, pages):
    MemberFactory(slug="listed-one")
    MemberFactory(slug="hidden-one", published=False)

    entries = sitemap_entries(client)

    assert entries["http://testserver/fr/membres/listed-one/"]["en"] == (
        "http://testserver/en/members/listed-one/"
    )
    assert "http://testserver/en/members/hidden-one/" not in entries


def test_sitemap_lists_published_practices_in_both_languages(client, pages):
    PracticeFactory(slug="visiting-rooms")
    PracticeFactory(slug="draft-one", status="draft")

    entries = sitemap_entries(client)

    assert entries["http://testserver/en/practices/visiting-rooms/"] == {
        "en": "http://testserver/en/practices/visiting-rooms/",
        "fr": "http://testserver/fr/pratiques/visiting-rooms/",
    }
    assert "http://testserver/fr/pratiques/visiting-rooms/" in entries
    assert "http://testserver/en/practices/draft-one/" not in entries


def test_sitemap_lists_the_practices_and_the_evidence_overview(client, pages):
    entries = sitemap_entries(client)

    assert entries["http://testserver/fr/pratiques/donnees-probantes/"] == {
        "en": "http://testserver/en/practices/evidence/",
        "fr": "http://testserver/fr/pratiques/donnees-probantes/",
    }
    assert "http://testserver/en/practices/" in entries


def test_sitemap_lists_the_contact_page_in_both_languages(client, pages):
    entries = sitemap_entries(client)

    assert entries["http://testserver/en/contact/"] == {
        "en": "http://testserver/en/contact/",
        "fr": "http://testserver/fr/contact/",
    }
