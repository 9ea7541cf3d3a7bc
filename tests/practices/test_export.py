import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from practices.models import Practice
from tests.factories import (
    AdaptationFactory,
    MemberFactory,
    PracticeFactory,
    SourceFactory,
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
    "link",
    "published",
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
    "findings_en",
    "findings_fr",
    "sources",
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
        findings_en="Children felt closer.",
        findings_fr="Les enfants se sentaient plus proches ; les visites ont doublé.",
        link="https://relais.example/parloirs",
        submitted_by=member,
        publish_at=datetime.datetime(2024, 3, 5, 9, tzinfo=datetime.UTC),
    )
    SourceFactory(practice=rooms, title="Evaluation", year=2019, url="https://ex.org/e.pdf")
    SourceFactory(practice=rooms, title="Interviews", year=None, url="")
    kinder = MemberFactory(name="Kinder Berlin")
    AdaptationFactory(practice=rooms, country="DE", year=2018, member=kinder)
    AdaptationFactory(practice=rooms, country="PT", year=2021)
    AdaptationFactory(practice=rooms, country="IT", year=2022, status="submitted")
    PracticeFactory(
        slug="helpline",
        title_en="Helpline",
        title_fr="",
        summary_fr="",
        findings_fr="",
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
        "findings_en": "Children felt closer.",
        "findings_fr": "Les enfants se sentaient plus proches ; les visites ont doublé.",
        "sources": "Evaluation (2019) <https://ex.org/e.pdf>; Interviews",
        "link": "https://relais.example/parloirs",
        "published": "2024-03-05",
        "shared_by": "Relais Enfants Parents Île-de-France",
        "adaptations": "DE:2018; PT:2021",  # published ones only
    }


def test_csv_leaves_empty_what_a_practice_does_not_have(client, practices):
    helpline = read_csv(client.get("/en/practices/practices.csv"))[0]

    assert (helpline["title_fr"], helpline["countries"], helpline["worldwide"]) == ("", "", "yes")
    assert (helpline["start_year"], helpline["shared_by"], helpline["adaptations"]) == ("", "", "")
    assert (helpline["sources"], helpline["link"], helpline["findings_fr"]) == ("", "", "")


def test_csv_from_the_french_list_names_countries_and_addresses_in_french(client, practices):
    rooms = read_csv(client.get("/fr/pratiques/pratiques.csv?rating=well-supported"))

    assert [row["country_names"] for row in rooms] == ["Belgique; France"]
    assert rooms[0]["url"] == "https://cpe.example.org/fr/pratiques/visiting-rooms/"


def test_csv_says_yes_or_no_in_every_language_for_machines(client, practices):
    english = read_csv(client.get("/en/practices/practices.csv"))
    french = read_csv(client.get("/fr/pratiques/pratiques.csv"))

    assert [row["worldwide"] for row in english] == ["yes", "no"]
    assert [row["worldwide"] for row in french] == ["yes", "no"]


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
    assert data[0]["adaptations"] == [
        {"country": "DE", "year": 2018, "member": "Kinder Berlin"},
        {"country": "PT", "year": 2021, "member": ""},
    ]
    assert data[0]["sources"] == [
        {"title": "Evaluation", "year": 2019, "url": "https://ex.org/e.pdf"},
        {"title": "Interviews", "year": None, "url": ""},
    ]
    assert data[0]["findings_fr"].endswith("; les visites ont doublé.")
    assert data[0]["link"] == "https://relais.example/parloirs"
    assert data[0]["published"] == "2024-03-05"
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


def with_sources_and_adaptations(practices, member):
    """A source and an adaptation by `member` for each of `practices`."""
    from practices.models import Adaptation, Source

    Source.objects.bulk_create(Source(practice=p, title="Study", year=2020) for p in practices)
    Adaptation.objects.bulk_create(
        Adaptation(practice=p, country="BE", year=2020, member=member, status="published")
        for p in practices
    )


@pytest.mark.parametrize("format", ["csv", "json"])
def test_export_query_count_does_not_grow_with_practices(
    client, db, django_assert_max_num_queries, format
):
    topic = TopicFactory(slug="visits")
    member = MemberFactory()
    with_sources_and_adaptations(bulk_practices(10, topics=[topic]), member)
    url = f"/en/practices/practices.{format}"
    with django_assert_max_num_queries(10) as small:
        b"".join(client.get(url))
    with_sources_and_adaptations(bulk_practices(990, start=10, topics=[topic]), member)

    with django_assert_max_num_queries(len(small.captured_queries)):
        content = b"".join(client.get(url)).decode("utf-8-sig")

    rows = json.loads(content) if format == "json" else list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 1000
    assert rows[-1]["sources"] in ("Study (2020)", [{"title": "Study", "year": 2020, "url": ""}])


@pytest.mark.parametrize(
    "hidden",
    [
        {"published": False},
        {"status": "former"},
        {"category__listed": False},
    ],
    ids=["unpublished", "former", "unlisted-category"],
)
def test_exports_name_only_members_the_public_sees(client, practices, hidden):
    """As the practice's page: a member that is not listed is not named, neither as
    the one that shared it nor as the one that adapted it."""
    from members.models import Member

    for name in ("Relais Enfants Parents Île-de-France", "Kinder Berlin"):
        member = Member.objects.get(name=name)
        for field, value in hidden.items():
            if field == "category__listed":
                member.category.listed = value
                member.category.save()
            else:
                setattr(member, field, value)
        member.save()

    rooms = read_csv(client.get("/en/practices/practices.csv?sort=title"))[0]
    data = json.loads(client.get("/en/practices/practices.json?sort=title").content)[0]

    assert rooms["shared_by"] == data["shared_by"] == ""
    assert [adaptation["member"] for adaptation in data["adaptations"]] == ["", ""]
    assert "Kinder" not in client.get("/en/practices/practices.json").text
    page = client.get("/en/practices/visiting-rooms/").text
    assert "Relais Enfants Parents" not in page and "Kinder Berlin" not in page


FORMULAS = ["=1+1", "+33 1 23", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_cells_that_begin_like_a_formula_are_quoted_but_not_in_json(client, db, text):
    PracticeFactory(
        slug="formula",
        title_en=text,
        summary_en=text + " summary",
        findings_fr=text,
        countries=[],
        worldwide=True,
    )
    SourceFactory(practice=Practice.objects.get(), title=text, year=None, url="")

    (row,) = read_csv(client.get("/en/practices/practices.csv"))
    (item,) = json.loads(client.get("/en/practices/practices.json").content)

    for column in ("title_en", "findings_fr", "sources"):
        assert row[column] == "'" + text, column
    assert row["summary_en"] == f"'{text} summary"
    assert (item["title_en"], item["findings_fr"]) == (text, text)
    assert item["sources"][0]["title"] == text


def test_csv_keeps_text_that_only_holds_a_formula_sign_further_on(client, db):
    PracticeFactory(slug="plain", title_en="Visits = contact", summary_en="A 2-step plan")

    (row,) = read_csv(client.get("/en/practices/practices.csv"))

    assert (row["title_en"], row["summary_en"]) == ("Visits = contact", "A 2-step plan")


@pytest.mark.parametrize("text", ["\tcmd", "\rcmd", "=cmd"])
def test_csv_cells_that_begin_with_a_tab_or_a_return_are_quoted(text):
    """Members' texts lose a leading tab or return when saved; the CSV quotes them anyway."""
    from practices.views import EXPORT_COLUMNS, _csv_lines

    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row |= {"title_en": text, "topics": [text], "adaptations": []}

    lines = "".join(_csv_lines([row], "en"))
    (parsed,) = csv.DictReader(io.StringIO(lines.removeprefix("\ufeff")))

    assert (parsed["title_en"], parsed["topics"]) == ("'" + text, "'" + text)
