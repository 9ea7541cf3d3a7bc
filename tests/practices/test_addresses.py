"""Each language's own address for a practice, and every link to it using it."""

import csv
import io
import json

import pytest

from practices.models import Practice
from tests.factories import PracticeFactory
from tests.read import alternates, switcher_link

pytestmark = pytest.mark.django_db

EN = "/en/practices/visiting-rooms-for-children/"
FR = "/fr/pratiques/des-parloirs-pour-l-enfant/"


@pytest.fixture
def practice(settings):
    settings.SITE_URL = "https://cpe.example.org"
    return PracticeFactory(
        title_en="Visiting rooms for children",
        title_fr="Des parloirs pour l’enfant",
        slug_en="",
        slug_fr="",
    )


def test_each_language_shows_the_practice_at_its_own_address(client, practice):
    english = client.get(EN)
    french = client.get(FR)

    assert english.status_code == 200
    assert "Visiting rooms for children" in english.text
    assert french.status_code == 200
    assert "Des parloirs pour l’enfant" in french.text


def test_the_english_address_under_fr_leads_to_the_french_one_for_good(client, practice):
    response = client.get("/fr/pratiques/visiting-rooms-for-children/")

    assert response.status_code == 301
    assert response["Location"] == FR


def test_the_switcher_on_a_practice_leads_to_its_french_address(client, practice):
    assert switcher_link(client.get(EN).text)[0] == f"http://testserver{FR}"


def test_the_alternates_of_a_practice_are_each_languages_address(client, practice):
    found = alternates(client.get(FR).text)

    assert (found["en"], found["fr"]) == (f"http://testserver{EN}", f"http://testserver{FR}")


def test_the_sitemap_lists_the_practices_french_address(client, practice):
    assert f"http://testserver{FR}" in client.get("/sitemap-practices.xml").text


def test_the_french_export_gives_the_french_page_address(client, practice):
    response = client.get("/fr/pratiques/pratiques.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index("url")

    assert rows[1][column] == f"https://cpe.example.org{FR}"


def test_the_english_export_gives_the_english_page_address(client, practice):
    data = json.loads(client.get("/en/practices/practices.json").content)

    assert data[0]["url"] == f"https://cpe.example.org{EN}"


def test_the_adaptation_form_answers_at_either_languages_address(rep_client, practice):
    response = rep_client.get("/fr/espace-membre/adaptee/visiting-rooms-for-children/")

    assert response.status_code == 200


def test_a_practice_with_only_a_french_title_gets_an_english_address_from_it():
    practice = PracticeFactory(title_en="", title_fr="Médiation familiale", slug_en="", slug_fr="")

    assert Practice.objects.get(pk=practice.pk).slug_en == "mediation-familiale"


def test_the_evidence_page_is_no_practices_french_address():
    practice = PracticeFactory(title_fr="Données probantes", slug_en="", slug_fr="")

    assert practice.slug_fr == "donnees-probantes-2"
