import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from tests.factories import (
    AdaptationFactory,
    MemberFactory,
    PracticeFactory,
    TopicFactory,
    bulk_practices,
)

pytestmark = pytest.mark.django_db

COLUMNS = [
    "url",
    "title_en",
    "title_fr",
    "summary_en",
    "summary_fr",
    "kind",
    "countries",
    "country_names",
    "worldwide",
    "start_year",
    "end_year",
    "topics",
    "age_groups",
    "settings",
    "providers",
    "rating",
    "evaluation",
    "shared_by",
    "adaptations",
]


@pytest.fixture
def practices(settings):
    settings.SITE_URL = "https://cpe.example.org"
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    schools = TopicFactory(slug="schools")
    member = MemberFactory(name="Relais Enfants Parents Île-de-France")
    rooms = PracticeFactory(
        slug="visiting-rooms",
        title_en="Children’s visiting rooms",
        title_fr="Salles d’accueil des enfants, « café » été",
        summary_en="Rooms where children feel at ease.",
        summary_fr="Des salles où les enfants se sentent à l’aise ; déjà évaluées.",
        kind="programme",
        countries=["FR", "BE"],
        topics=[visits, schools],
        age_groups=["0-5", "6-11"],
        setting=["prison"],
        providers=["ngo", "prison-service"],
        rating="well-supported",
        evaluation="controlled",
        start_year=2012,
        end_year=2019,
        submitted_by=member,
        publish_at=timezone.now() - datetime.timedelta(days=2),
    )
    AdaptationFactory(practice=rooms, country="DE", year=2018)
    AdaptationFactory(practice=rooms, country="PT", year=2021)
    AdaptationFactory(practice=rooms, country="IT", year=2022, status="submitted")
    PracticeFactory(
        slug="helpline",
        title_en="Helpline",
        title_fr="",
        summary_fr="",
        kind="guidance",
        countries=[],
        worldwide=True,
        age_groups=["12-17"],
        setting=["online"],
        providers=["researchers"],
        rating="not-evaluated",
        evaluation="none",
        start_year=None,
        end_year=None,
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )
    PracticeFactory(slug="draft", status="draft")
    PracticeFactory(slug="scheduled", publish_at=timezone.now() + datetime.timedelta(days=1))
    return rooms


def read_csv(response):
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # the byte order mark spreadsheets read
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_has_one_row_per_published_practice_with_every_column(client, practices):
    response = client.get("/en/practices/practices.csv")
    rows = read_csv(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert list(rows[0]) == COLUMNS
    assert [row["url"] for row in rows] == [
        "https://cpe.example.org/en/practices/helpline/",
        "https://cpe.example.org/en/practices/visiting-rooms/",
    ]


def test_csv_cells_keep_accents_and_list_every_facet(client, practices):
    rooms = read_csv(client.get("/en/practices/practices.csv?sort=title"))[0]

    assert rooms == {
        "url": "https://cpe.example.org/en/practices/visiting-rooms/",
        "title_en": "Children’s visiting rooms",
        "title_fr": "Salles d’accueil des enfants, « café » été",
        "summary_en": "Rooms where children feel at ease.",
        "summary_fr": "Des salles où les enfants se sentent à l’aise ; déjà évaluées.",
        "kind": "programme",
        "countries": "BE; FR",
        "country_names": "Belgium; France",
        "worldwide": "no",
        "start_year": "2012",
        "end_year": "2019",
        "topics": "prison-visits; schools",
        "age_groups": "0-5; 6-11",
        "settings": "prison",
        "providers": "ngo; prison-service",
        "rating": "well-supported",
        "evaluation": "controlled",
        "shared_by": "Relais Enfants Parents Île-de-France",
        "adaptations": "DE:2018; PT:2021",  # published ones only
    }


def test_csv_leaves_empty_what_a_practice_does_not_have(client, practices):
    helpline = read_csv(client.get("/en/practices/practices.csv"))[0]

    assert (helpline["title_fr"], helpline["countries"], helpline["worldwide"]) == ("", "", "yes")
    assert (helpline["start_year"], helpline["shared_by"], helpline["adaptations"]) == ("", "", "")


def test_csv_from_the_french_list_names_countries_and_addresses_in_french(client, practices):
    rooms = read_csv(client.get("/fr/pratiques/pratiques.csv?rating=well-supported"))

    assert [row["country_names"] for row in rooms] == ["Belgique; France"]
    assert rooms[0]["url"] == "https://cpe.example.org/fr/pratiques/visiting-rooms/"


def test_csv_is_a_download_with_a_name(client, practices):
    response = client.get("/en/practices/practices.csv")

    assert response["Content-Disposition"].startswith('attachment; filename="practices-')
    assert response["Content-Disposition"].endswith('.csv"')


def test_json_has_the_same_content_as_a_list_of_objects(client, practices):
    response = client.get("/en/practices/practices.json?sort=title")
    data = json.loads(response.content.decode("utf-8"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    assert [list(item) for item in data] == [COLUMNS, COLUMNS]
    assert data[0]["title_fr"] == "Salles d’accueil des enfants, « café » été"
    assert data[0]["countries"] == ["BE", "FR"]
    assert data[0]["adaptations"] == ["DE:2018", "PT:2021"]
    assert data[0]["worldwide"] is False
    assert data[0]["start_year"] == 2012
    assert data[1]["end_year"] is None


def test_json_keeps_accents_as_characters(client, practices):
    content = client.get("/en/practices/practices.json").content.decode("utf-8")

    assert "« café » été" in content


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("country=DE", ["visiting-rooms"]),
        ("rating=not-evaluated", ["helpline"]),
        ("topic=schools&age=6-11", ["visiting-rooms"]),
        ("kind=guidance&country=FR", []),
        ("sort=title", ["visiting-rooms", "helpline"]),
        ("country=ZZZ&from=abc&sort=drop&page=x&topic=<script>", ["helpline", "visiting-rooms"]),
    ],
)
def test_exports_hold_what_the_filters_find(client, practices, query, slugs):
    csv_rows = read_csv(client.get(f"/en/practices/practices.csv?{query}"))
    json_rows = json.loads(client.get(f"/en/practices/practices.json?{query}").content)

    assert [row["url"].split("/")[-2] for row in csv_rows] == slugs
    assert [row["url"].split("/")[-2] for row in json_rows] == slugs


def test_exports_hold_every_practice_not_one_page(client, db):
    bulk_practices(45)

    assert len(read_csv(client.get("/en/practices/practices.csv?page=2"))) == 45


def test_export_query_count_does_not_grow_with_practices(client, db, django_assert_max_num_queries):
    topic = TopicFactory(slug="visits")
    bulk_practices(10, topics=[topic])
    with django_assert_max_num_queries(10) as small:
        read_csv(client.get("/en/practices/practices.csv"))
    bulk_practices(990, start=10, topics=[topic])

    with django_assert_max_num_queries(len(small.captured_queries)):
        rows = read_csv(client.get("/en/practices/practices.csv"))

    assert len(rows) == 1000
