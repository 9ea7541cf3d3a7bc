"""A member's city in the reader's language (Brussels, Bruxelles), and a directory search
that finds it by either name, accents and case aside, on SQLite and PostgreSQL."""

import json
import re
from pathlib import Path

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cpe_network.lib.places import city_name
from cpe_network.lib.text import fold
from members.models import Application, Member
from news.models import Event
from tests.factories import ApplicationFactory, EventFactory, MemberFactory, applicant_category
from tests.forms import event_data

pytestmark = pytest.mark.django_db


def names(response):
    return re.findall(r'class="member-card__name"><a href="[^"]+">([^<]+)</a>', response.text)


@pytest.fixture
def members():
    """A member in Brussels, one in Geneva (typed in French) and one in Warsaw, whose
    summary speaks of detention."""
    MemberFactory(name="Relais Enfants", slug="relais", country="BE", city="Brussels")
    MemberFactory(name="Lien Suisse", country="CH", city_en="", city_fr="Genève")
    MemberFactory(
        name="Dom Rodzin",
        country="PL",
        city="Warsaw",
        summary_en="Families of people in prison.",
        summary_fr="Familles de personnes en Détention.",
    )


def test_the_french_directory_shows_the_city_in_french(client, members):
    assert "Belgique, Bruxelles" in client.get("/fr/membres/").text


def test_the_english_directory_shows_the_city_in_english(client, members):
    assert "Belgium, Brussels" in client.get("/en/members/").text


def test_the_french_member_page_shows_the_city_in_french(client, members):
    assert "Bruxelles, Belgique" in client.get("/fr/membres/relais/").text


def test_the_english_member_page_shows_the_city_in_english(client, members):
    assert "Brussels, Belgium" in client.get("/en/members/relais/").text


def test_a_city_typed_in_french_only_is_shown_in_english(client, members):
    assert "Switzerland, Geneva" in client.get("/en/members/").text


def test_a_city_the_gazetteer_does_not_know_is_kept_in_both_languages(db):
    member = MemberFactory(city="Testville")

    assert (member.city_en, member.city_fr) == ("Testville", "Testville")


@pytest.mark.parametrize("path", ["/en/members/", "/fr/membres/"])
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Genève", ["Lien Suisse"]),
        ("Geneva", ["Lien Suisse"]),
        ("geneve", ["Lien Suisse"]),
        ("Varsovie", ["Dom Rodzin"]),
        ("Warsaw", ["Dom Rodzin"]),
        ("WARSAW", ["Dom Rodzin"]),
        ("Bruxelles", ["Relais Enfants"]),
        ("Brussels", ["Relais Enfants"]),
        ("detention", ["Dom Rodzin"]),
        ("DETENTION", ["Dom Rodzin"]),
        ("détention", ["Dom Rodzin"]),
        ("rodzin varsovie", ["Dom Rodzin"]),
        ("rodzin geneve", []),
    ],
)
def test_search_finds_the_city_and_summary_in_either_language_accents_and_case_aside(
    client, members, path, query, found
):
    assert names(client.get(path, {"q": query})) == found


def test_search_follows_a_change_of_city(client, members):
    member = Member.objects.get(slug="relais")
    member.city_en, member.city_fr = "Antwerp", "Anvers"
    member.save()

    assert names(client.get("/fr/membres/", {"q": "anvers"})) == ["Relais Enfants"]
    assert names(client.get("/fr/membres/", {"q": "bruxelles"})) == []


def test_search_follows_a_change_saved_with_update_fields(client, members):
    member = Member.objects.get(slug="relais")
    member.summary_fr = "Maison d’accueil des familles."
    member.save(update_fields=["summary_fr"])

    assert names(client.get("/en/members/", {"q": "accueil"})) == ["Relais Enfants"]


def test_an_approved_application_in_french_gives_the_member_its_city_in_both_languages(
    admin_user,
):
    applicant_category()
    application = ApplicationFactory(city="Bruxelles", language="fr")

    application.approve(by=admin_user)

    member = Application.objects.get(pk=application.pk).member
    assert (member.city_en, member.city_fr) == ("Brussels", "Bruxelles")


def test_an_event_sent_from_the_portal_in_french_has_its_city_in_both_languages(rep_client):
    rep_client.post("/fr/espace-membre/relais-lyon/evenements/nouveau/", event_data())

    event = Event.objects.get()
    assert (event.city_en, event.city_fr) == ("Lisbon", "Lisbonne")


def test_an_event_whose_city_staff_give_in_one_language_has_it_in_the_other(db):
    event = EventFactory(city_en="", city_fr="Varsovie")

    assert event.city_en == "Warsaw"


def test_the_event_page_shows_the_city_in_the_readers_language(client, db):
    EventFactory(slug="meeting", city="Geneva", country="CH")

    assert "Genève, Suisse" in client.get("/fr/evenements/meeting/").text
    assert "Geneva, Switzerland" in client.get("/en/events/meeting/").text


@pytest.mark.django_db(transaction=True)
def test_upgrading_gives_existing_members_their_city_in_both_languages_and_finds_them():
    before = [("members", "0012_rename_stored_files")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    category = old.get_model("members", "MembershipCategory").objects.create(
        name="Members", slug="members"
    )
    old.get_model("members", "Member").objects.create(
        name="Relais Enfants",
        slug="relais",
        sort_name="relais enfants",
        category=category,
        country="BE",
        city="Bruxelles",
        published=True,
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    emit_post_migrate_signal(0, False, connection.alias)  # as `manage.py migrate` does

    member = Member.objects.get(slug="relais")
    assert (member.city_en, member.city_fr) == ("Brussels", "Bruxelles")
    assert Member.objects.search("brussels").get() == member


def test_staff_find_a_member_in_the_admin_by_its_city_in_either_language(admin_client, members):
    listing = admin_client.get("/admin/members/member/", {"q": "geneve"}).text

    assert "Lien Suisse" in listing
    assert "Dom Rodzin" not in listing


def test_staff_give_a_members_city_in_both_languages_in_the_admin(admin_client, members):
    member = Member.objects.get(slug="relais")

    change = admin_client.get(f"/admin/members/member/{member.pk}/change/").text

    assert 'name="city_en" value="Brussels"' in change
    assert 'name="city_fr" value="Bruxelles"' in change


@pytest.mark.parametrize(
    ("typed", "language", "expected"),
    [
        ("Bruxelles", "en", "Brussels"),
        ("KRAKOW", "fr", "Cracovie"),
        ("aix la chapelle", "en", "Aachen"),
        ("Zaragoza", "fr", "Saragosse"),
        ("Den Haag", "en", "The Hague"),
        ("Lyon", "fr", "Lyon"),
        ("Testville", "fr", "Testville"),
    ],
)
def test_the_gazetteer_finds_a_city_by_any_of_its_names_accents_and_case_aside(
    typed, language, expected
):
    assert city_name(typed, language) == expected


def test_every_city_of_the_demo_data_is_in_the_gazetteer():
    root = Path(__file__).resolve().parents[2]

    def rows(path):
        return json.loads((root / path).read_text(encoding="utf-8"))

    gazetteer = rows("members/data/cities.json")["cities"]
    known = {
        fold(name) for city in gazetteer for name in [city["en"], city["fr"], *city.get("also", [])]
    }
    demo = [
        *rows("members/demo_data/members.json"),
        *rows("members/demo_data/applications.json"),
        *rows("news/demo_data/events.json"),
    ]
    assert {row["city"] for row in demo if row["city"] and fold(row["city"]) not in known} == set()


def test_searching_the_directory_by_city_takes_as_many_queries_with_many_members(
    client, db, django_assert_max_num_queries
):
    def add(count, start):
        for n in range(start, start + count):
            MemberFactory(name=f"Relais {n:03d}", city="Warsaw" if n % 2 else "Geneva")

    add(4, 0)
    # And, once while nothing changes, when the clock next changes a list (three).
    with django_assert_max_num_queries(16) as small:
        client.get("/fr/membres/", {"q": "varsovie"})
    add(40, 4)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/fr/membres/", {"q": "Warsaw"})  # not the page cached above

    assert len(names(response)) == 20  # a full page of the 22 in Warsaw
