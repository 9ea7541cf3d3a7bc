"""The pages' JSON-LD: parsed from each page type, each @type and property checked
against schema.org's own vocabulary (tests/schemaorg.py), and what each says."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    EventFactory,
    HomePageFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    SourceFactory,
    TopicFactory,
    image_file,
)
from tests.schemaorg import json_ld, problems

pytestmark = pytest.mark.django_db

SITE = "https://network.example.org"
WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


def the_json_ld(client, path):
    """The page's one JSON-LD object, checked against schema.org."""
    response = client.get(path)
    assert response.status_code == 200
    found = json_ld(response.text)
    assert len(found) == 1, found
    assert problems(found[0]) == []
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


def test_checker_finds_what_schema_org_does_not_define():
    """The check itself: an unknown type, a property of another type, a value out of
    the property's range."""
    assert problems({"@type": "Organisation"}) != []
    assert problems({"@type": "Event", "headline": "Family day"}) != []
    assert problems({"@type": "Event", "eventAttendanceMode": "https://schema.org/Online"}) != []
    assert problems({"@type": "Event", "location": {"@type": "NewsArticle"}}) != []


# The network, on the home page.


def test_home_describes_the_network(client):
    HomePageFactory(email="secretariat@network.example", address="Rue 1\n1000 Brussels")

    data = the_json_ld(client, "/en/")

    assert data["@type"] == "Organization"
    assert data["url"] == f"{SITE}/en/"
    assert data["logo"].startswith(f"{SITE}/static/img/logo")
    assert data["email"] == "secretariat@network.example"
    assert data["address"] == "Rue 1, 1000 Brussels"


def test_home_leaves_out_contact_details_staff_did_not_give(client):
    HomePageFactory(email="", address="", phone="")

    data = the_json_ld(client, "/fr/")

    assert "email" not in data
    assert "address" not in data


# Members.


def test_member_page_describes_the_organisation(client):
    member = MemberFactory(
        slug="kinder-berlin",
        name="Kinder Berlin",
        country="DE",
        city="Berlin",
        website="https://kinder.example",
        logo=image_file(),
    )

    data = the_json_ld(client, "/fr/membres/kinder-berlin/")

    assert data["@type"] == "Organization"
    assert data["name"] == "Kinder Berlin"
    assert data["url"] == f"{SITE}/fr/membres/kinder-berlin/"
    assert data["address"]["addressCountry"] == "DE"
    assert data["address"]["addressLocality"] == "Berlin"
    assert data["logo"] == SITE + member.logo_large.url
    assert data["sameAs"] == ["https://kinder.example"]
    assert data["description"] == member.summary_fr
    assert data["memberOf"]["@id"] == f"{SITE}/#organization"


def test_member_without_logo_or_website_says_neither(client):
    MemberFactory(slug="relais-lyon", website="")

    data = the_json_ld(client, "/en/members/relais-lyon/")

    assert "logo" not in data
    assert "sameAs" not in data


# News.


def test_post_is_a_news_article(client):
    relais = MemberFactory(name="Relais Lyon")
    post = PostFactory(
        slug="visits-reopen",
        title_en="Visits reopen",
        image=image_file("photo.png"),
        submitted_by=relais,
        topics=[TopicFactory(name_en="Prison visits")],
        publish_at=datetime.datetime(2026, 7, 1, 9, 30, tzinfo=ZoneInfo("UTC")),
    )

    data = the_json_ld(client, "/en/news/visits-reopen/")

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Visits reopen"
    assert data["datePublished"] == "2026-07-01T11:30:00+02:00"
    assert WITH_OFFSET.match(data["dateModified"])
    assert data["image"] == SITE + post.image_web.url
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@id"] == f"{SITE}/#organization"
    assert data["author"]["name"] == "Relais Lyon"
    assert data["keywords"] == ["Prison visits"]


def test_post_in_french_says_its_french(client):
    PostFactory(slug="visits-reopen")

    assert the_json_ld(client, "/fr/actualites/visits-reopen/")["inLanguage"] == "fr"


def test_english_only_post_on_the_french_site_says_its_english(client):
    PostFactory(slug="english-only", title_fr="", summary_fr="", body_fr="")

    assert the_json_ld(client, "/fr/actualites/english-only/")["inLanguage"] == "en"


def test_post_by_the_network_names_the_network_as_author(client):
    PostFactory(slug="visits-reopen")

    assert the_json_ld(client, "/en/news/visits-reopen/")["author"]["@id"] == (
        f"{SITE}/#organization"
    )


def test_post_names_no_unlisted_member(client):
    hidden = MemberFactory(name="Hidden", published=False)
    PostFactory(slug="visits-reopen", submitted_by=hidden)

    data = the_json_ld(client, "/en/news/visits-reopen/")

    assert data["author"]["name"] != "Hidden"


def test_title_cannot_break_out_of_the_script(client):
    PostFactory(slug="visits-reopen", title_en="</script><script>alert(1)</script>")

    html = client.get("/en/news/visits-reopen/").text
    data = the_json_ld(client, "/en/news/visits-reopen/")

    assert "<script>alert(1)" not in html
    assert data["headline"] == "</script><script>alert(1)</script>"


# Events.


def test_event_in_a_place_is_held_offline(client):
    EventFactory(
        slug="family-day",
        title_en="Family day",
        venue="Maison des familles",
        city="Lyon",
        country="FR",
        online_url="",
        start=datetime.datetime(2031, 1, 15, 14, tzinfo=ZoneInfo("Europe/Paris")),
        end=datetime.datetime(2031, 1, 15, 17, tzinfo=ZoneInfo("Europe/Paris")),
    )

    data = the_json_ld(client, "/en/events/family-day/")

    assert data["@type"] == "Event"
    assert data["name"] == "Family day"
    assert data["startDate"] == "2031-01-15T14:00:00+01:00"
    assert data["endDate"] == "2031-01-15T17:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressCountry"] == "FR"
    assert data["location"]["address"]["addressLocality"] == "Lyon"


def test_online_event_gives_the_link_its_page_shows(client):
    EventFactory(
        slug="webinar",
        venue="",
        city="",
        country="",
        online_url="https://meet.example/webinar",
        time_zone="Europe/Lisbon",
        start=datetime.datetime(2031, 7, 1, 10, tzinfo=ZoneInfo("Europe/Lisbon")),
        end=datetime.datetime(2031, 7, 1, 11, tzinfo=ZoneInfo("Europe/Lisbon")),
    )

    data = the_json_ld(client, "/en/events/webinar/")

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/webinar"}
    assert data["startDate"] == "2031-07-01T10:00:00+01:00"


def test_event_in_a_place_and_online_is_mixed(client):
    EventFactory(slug="conference", online_url="https://meet.example/conference")

    data = the_json_ld(client, "/en/events/conference/")

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_all_day_event_gives_its_dates_alone(client):
    EventFactory(
        slug="summer-camp",
        all_day=True,
        start=datetime.datetime(2031, 3, 12, 9, tzinfo=ZoneInfo("Europe/Paris")),
        end=datetime.datetime(2031, 3, 14, 18, tzinfo=ZoneInfo("Europe/Paris")),
    )

    data = the_json_ld(client, "/en/events/summer-camp/")

    assert (data["startDate"], data["endDate"]) == ("2031-03-12", "2031-03-14")


def test_event_names_its_listed_organiser(client):
    EventFactory(slug="family-day", organiser=MemberFactory(name="Relais Lyon"))

    assert the_json_ld(client, "/en/events/family-day/")["organizer"]["name"] == "Relais Lyon"


# Practices.


def test_practice_is_an_article_citing_its_sources(client):
    practice = PracticeFactory(
        slug="visiting-rooms",
        title_fr="Parloirs",
        topics=[TopicFactory(name_en="Prison visits", name_fr="Visites en prison")],
    )
    SourceFactory(practice=practice, title="Evaluation 2019", year=2019)

    data = the_json_ld(client, "/fr/pratiques/visiting-rooms/")

    assert data["@type"] == "Article"
    assert data["headline"] == "Parloirs"
    assert data["inLanguage"] == "fr"
    assert WITH_OFFSET.match(data["dateModified"])
    assert data["about"] == [{"@type": "Thing", "name": "Visites en prison"}]
    assert "Visites en prison" in data["keywords"]
    assert data["citation"][0]["name"] == "Evaluation 2019"
    assert data["citation"][0]["url"] == "https://example.org/report.pdf"
    assert data["spatialCoverage"][0]["identifier"] == "FR"


# Lists.


@pytest.mark.parametrize(
    "path",
    ["/en/news/", "/fr/evenements/", "/en/practices/", "/fr/membres/", "/en/members/map/"],
)
def test_lists_have_no_structured_data(client, path):
    PostFactory()
    EventFactory()
    PracticeFactory()
    MemberFactory()

    assert json_ld(client.get(path).text) == []
