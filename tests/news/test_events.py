import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from cpe_network.lib import versions
from news.models import Event
from tests.factories import (
    EventDocumentFactory,
    EventFactory,
    MemberFactory,
    TopicFactory,
    image_file,
    pdf_file,
)
from tests.forms import admin_event, held_tokens, programme

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def titles(response):
    return re.findall(r'class="event-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.text)


def days_from_now(days, hour=14, zone=PARIS):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def test_events_list_shows_upcoming_events_soonest_first_in_both_languages(client):
    EventFactory(title_en="Later", title_fr="Plus tard", start=days_from_now(20))
    EventFactory(title_en="Sooner", title_fr="Bientôt", start=days_from_now(3))
    EventFactory(title_en="Over", start=days_from_now(-3))
    EventFactory(title_en="Draft", status="draft")
    EventFactory(title_en="Sent by a member", status="submitted")

    assert titles(client.get("/en/events/")) == ["Sooner", "Later"]
    assert titles(client.get("/fr/evenements/")) == ["Bientôt", "Plus tard"]


def test_past_events_are_one_link_away_most_recent_first(client):
    EventFactory(title_en="Long ago", start=days_from_now(-30))
    EventFactory(title_en="Last week", start=days_from_now(-7))
    EventFactory(title_en="Upcoming", start=days_from_now(7))

    listing = client.get("/en/events/")
    past = client.get("/en/events/?when=past")

    assert 'href="/en/events/?when=past"' in listing.text
    assert titles(past) == ["Last week", "Long ago"]


def test_an_event_under_way_is_still_upcoming(client):
    now = timezone.now()
    EventFactory(
        title_en="Right now",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )

    assert titles(client.get("/en/events/")) == ["Right now"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=schools", ["About schools"]),
        ("country=IT", ["In Italy"]),
        ("member=relais", ["With Relais"]),
        ("when=past&country=IT", ["Past in Italy"]),
    ],
)
def test_event_filters(client, query, expected):
    EventFactory(title_en="About schools").topics.add(TopicFactory(slug="schools"))
    EventFactory(title_en="In Italy", countries=["IT"])
    EventFactory(title_en="Past in Italy", countries=["IT"], start=days_from_now(-5))
    EventFactory(title_en="With Relais").members.add(MemberFactory(slug="relais"))

    assert titles(client.get(f"/en/events/?{query}")) == expected


def test_event_filters_offer_the_organisers_and_countries_of_upcoming_events(client):
    EventFactory(countries=["IT"], organiser=MemberFactory(slug="organiser", name="B organiser"))
    EventFactory().members.add(MemberFactory(slug="named", name="A named"))
    EventFactory(countries=["PT"], start=days_from_now(-5)).members.add(
        MemberFactory(slug="in-the-past")
    )

    html = client.get("/en/events/").text

    assert re.findall(r'<option value="([^"]+)"', html.split('id="filter-member"')[1]) == [
        "named",
        "organiser",
    ]
    assert '<option value="IT">Italy</option>' in html
    assert 'value="PT"' not in html


@pytest.mark.parametrize(
    ("zone", "start", "end", "path", "shown"),
    [
        pytest.param(
            "Europe/Lisbon",
            datetime.datetime(2031, 1, 15, 14, 0),
            datetime.datetime(2031, 1, 15, 17, 30),
            "/en/events/meeting/",
            [
                "Wednesday 15 January 2031, 14:00",
                "17:30",
                "Lisbon time (UTC)",
                "Europe/Lisbon (UTC)",
            ],
            id="winter in Lisbon",
        ),
        pytest.param(
            "Europe/Berlin",
            datetime.datetime(2031, 7, 1, 9, 0),
            datetime.datetime(2031, 7, 1, 12, 0),
            "/fr/evenements/meeting/",
            ["mardi 1er juillet 2031, 9\u00a0h", "12\u00a0h", "heure de Berlin (UTC+2)"],
            id="summer in Berlin, in French",
        ),
    ],
)
def test_event_page_shows_time_in_the_events_own_zone_with_its_name(
    client, zone, start, end, path, shown
):
    local = ZoneInfo(zone)
    EventFactory(
        slug="meeting",
        time_zone=zone,
        start=start.replace(tzinfo=local),
        end=end.replace(tzinfo=local),
    )

    html = client.get(path).text

    for text in shown:
        assert text in html


@pytest.fixture
def conference(db):
    """An event over whole days, 12 to 14 March 2031, in Lyon."""
    return EventFactory(
        slug="conference",
        all_day=True,
        start=datetime.datetime(2031, 3, 12, 9, 0, tzinfo=PARIS),
        end=datetime.datetime(2031, 3, 14, 12, 0, tzinfo=PARIS),
        venue="Palais",
        city="Lyon",
    )


def test_all_day_multi_day_event_shows_dates_only(client, conference):
    event = Event.objects.get(slug="conference")
    html = client.get("/en/events/conference/").text

    assert event.local_start == datetime.datetime(2031, 3, 12, 0, 0, tzinfo=PARIS)
    assert event.local_end == datetime.datetime(2031, 3, 14, 23, 59, 59, tzinfo=PARIS)
    assert (
        '<time datetime="2031-03-12">12</time>–<time datetime="2031-03-14">14 March 2031</time>'
    ) in html
    assert "00:00" not in html


def test_a_range_of_days_says_its_month_and_year_once_in_each_language(client, conference):
    french = client.get("/fr/evenements/conference/").text

    assert (
        'du <time datetime="2031-03-12">12</time> au '
        '<time datetime="2031-03-14">14 mars 2031</time>'
    ) in french


def test_event_page_gives_place_online_link_registration_organiser_and_documents(client):
    organiser = MemberFactory(name="Relais Lyon", slug="relais")
    event = EventFactory(
        slug="meeting",
        venue="Maison des familles",
        online_url="https://meet.example.org/room",
        registration_url="https://register.example.org/",
        organiser=organiser,
    )
    EventDocumentFactory(event=event)

    html = client.get("/en/events/meeting/").text

    assert "Maison des familles" in html
    assert 'href="https://meet.example.org/room"' in html
    assert 'href="https://register.example.org/"' in html
    assert '<a href="/en/members/relais/">Relais Lyon</a>' in html
    assert re.search(r'<a href="/media/events/documents/[0-9a-f]{32}\.pdf">Programme</a>', html)
    assert 'href="/en/events/meeting.ics"' in html


def test_an_unlisted_organiser_is_not_linked(client):
    EventFactory(slug="meeting", organiser=MemberFactory(name="Hidden", published=False))

    assert "Hidden" not in client.get("/en/events/meeting/").text


def test_online_only_event_says_online(client):
    EventFactory(
        title_en="Webinar", venue="", city="", country="", online_url="https://meet.example.org/"
    )

    assert "Online" in client.get("/en/events/").text


def test_draft_events_are_hidden_from_visitors_and_previewed_by_staff(client, admin_client):
    EventFactory(slug="draft", status="draft")

    assert client.get("/en/events/draft/").status_code == 404
    assert client.get("/en/events/draft.ics").status_code == 404
    preview = admin_client.get("/en/events/draft/")
    assert "Preview: this event is not public yet." in preview.text


def test_end_before_start_is_refused_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/news/event/add/",
        admin_event(title_en="Backwards", slug="backwards", end_0="2031-05-01", end_1="10:00:00"),
    )

    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.text
    assert not Event.objects.filter(slug="backwards").exists()


def test_admin_reads_times_in_the_events_zone_not_the_editors(admin_client):
    response = admin_client.post(
        "/admin/news/event/add/",
        admin_event(
            title_en="In Helsinki", slug="helsinki", status="published", time_zone="Europe/Helsinki"
        ),
    )

    assert response.status_code == 302
    event = Event.objects.get(slug="helsinki")
    assert event.start == datetime.datetime(2031, 5, 2, 7, 0, tzinfo=datetime.UTC)
    change = admin_client.get(f"/admin/news/event/{event.pk}/change/").text
    assert 'name="start_1" value="10:00:00"' in change


def test_the_admin_keeps_an_events_picture_and_document_while_a_mistake_is_put_right(admin_client):
    document = programme()
    first = admin_client.post(
        "/admin/news/event/add/",
        admin_event(
            end_0="2031-05-01",
            image=image_file("poster.png"),
            **document,
            **{"documents-0-file": pdf_file("programme.pdf")},
        ),
    )
    tokens = held_tokens(first.text)

    second = admin_client.post(
        "/admin/news/event/add/",
        admin_event(
            **document,
            **{"image-held": tokens["image"], "documents-0-file-held": tokens["documents-0-file"]},
        ),
    )

    assert "Received: poster.png" in first.text
    assert "Received: programme.pdf" in first.text
    assert second.status_code == 302
    event = Event.objects.get()
    assert event.image_web.name.endswith(".webp")
    assert event.documents.get().file.read().startswith(b"%PDF-")


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_calendar_of_upcoming_events_parses_with_uid_dtstamp_and_zone(client):
    EventFactory(
        title_en="Helsinki meeting",
        title_fr="Réunion à Helsinki",
        time_zone="Europe/Helsinki",
        start=datetime.datetime(2031, 5, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki")),
        end=datetime.datetime(2031, 5, 2, 12, 0, tzinfo=ZoneInfo("Europe/Helsinki")),
    )
    EventFactory(title_en="Over", start=days_from_now(-2))
    EventFactory(title_en="Draft", status="draft")

    english = parse(client.get("/en/events/calendar.ics"))
    french = parse(client.get("/fr/evenements/calendrier.ics"))

    (event,) = english.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Helsinki meeting"
    assert str(event["UID"]).startswith("event-")
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert event["DTSTART"].dt == datetime.datetime(
        2031, 5, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki")
    )
    assert [tz["TZID"] for tz in english.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert str(french.walk("VEVENT")[0]["SUMMARY"]) == "Réunion à Helsinki"
    assert str(event["UID"]) == str(french.walk("VEVENT")[0]["UID"])


def test_calendar_file_of_one_all_day_event_uses_dates(client, conference):
    (event,) = parse(client.get("/fr/evenements/conference.ics")).walk("VEVENT")

    assert event["DTSTART"].dt == datetime.date(2031, 3, 12)
    assert event["DTEND"].dt == datetime.date(2031, 3, 15)  # the day after the last
    assert str(event["LOCATION"]) == "Palais, Lyon, France"
    assert str(event["URL"]) == "http://127.0.0.1:8000/fr/evenements/conference/"


def test_home_and_member_pages_show_the_events(client):
    member = MemberFactory(slug="relais")
    EventFactory(title_en="Organised by Relais", organiser=member)
    EventFactory(title_en="With Relais").members.add(member)
    EventFactory(title_en="Over with Relais", start=days_from_now(-3)).members.add(member)

    home = client.get("/en/").text
    page = client.get("/en/members/relais/").text

    assert "Organised by Relais" in home
    assert "Organised by Relais" in page
    assert "With Relais" in page
    assert "Over with Relais" not in page


def test_a_member_with_only_past_events_shows_them(client):
    member = MemberFactory(slug="relais")
    EventFactory(title_en="Over", start=days_from_now(-3), organiser=member)

    assert "Over" in client.get("/en/members/relais/").text


def test_events_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    topic = TopicFactory(slug="schools")
    member = MemberFactory(slug="relais")

    def add(count, first):
        events = Event.objects.bulk_create(
            Event(
                slug=f"e-{n}",
                title_en=f"E{n}",
                status="published",
                start=days_from_now(1 + n % 300),
                end=days_from_now(1 + n % 300, hour=18),
                time_zone=["Europe/Paris", "Europe/Lisbon", "Europe/Athens"][n % 3],
                organiser=member,
            )
            for n in range(first, first + count)
        )
        Event.topics.through.objects.bulk_create(
            Event.topics.through(event_id=e.pk, topic_id=topic.pk) for e in events
        )
        Event.members.through.objects.bulk_create(
            Event.members.through(event_id=e.pk, member_id=member.pk) for e in events
        )

    add(10, 0)
    # Six, and the secretariat's contact details in the footer (then cached).
    with django_assert_max_num_queries(10) as small:
        client.get("/en/events/?topic=schools")
    add(990, 10)
    versions.bump("pages")  # as a save does (bulk_create does not): counted again
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/events/?topic=schools&page=5")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/fr/evenements/calendrier.ics")

    assert len(titles(response)) == 12


def test_calendar_query_count_does_not_grow(client, django_assert_max_num_queries):
    EventFactory.create_batch(3)
    # One, and, once while nothing changes, when the clock next changes a list (three):
    # the file is then kept until an event changes, starts or ends.
    with django_assert_max_num_queries(4) as small:
        client.get("/en/events/calendar.ics")
    EventFactory.create_batch(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/en/events/calendar.ics")
    with django_assert_max_num_queries(0):
        client.get("/en/events/calendar.ics")


def test_event_page_query_count_does_not_grow_with_documents_and_members(
    client, django_assert_max_num_queries
):
    event = EventFactory(slug="meeting", organiser=MemberFactory())

    def add(count):
        for _ in range(count):
            event.members.add(MemberFactory())
            event.topics.add(TopicFactory())
            EventDocumentFactory(event=event, title_en="Slides")

    add(1)
    with django_assert_max_num_queries(8) as small:
        client.get("/en/events/meeting/")
    add(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/events/meeting/")

    assert response.text.count(">Slides</a>") == 11


def test_sitemap_lists_published_events_in_both_languages(client):
    EventFactory(slug="conference")
    EventFactory(slug="draft", status="draft")

    xml = client.get("/sitemap-events.xml").text

    assert "http://testserver/fr/evenements/conference/" in xml
    assert "http://testserver/en/events/conference/" in xml
    assert "/draft/" not in xml


def test_the_member_filter_includes_the_events_a_member_organises(client):
    member = MemberFactory(slug="relais")
    EventFactory(title_en="Organised by Relais", organiser=member)
    EventFactory(title_en="Someone else's")

    assert titles(client.get("/en/events/?member=relais")) == ["Organised by Relais"]


def test_calendar_is_not_a_slug_an_event_can_take(admin_client):
    assert Event.unique_slug("Calendar") == "calendar-2"
    response = admin_client.post(
        "/admin/news/event/add/",
        admin_event(title_en="Calendar", slug="calendar"),
    )

    assert "This address is taken; choose another." in response.text


def test_a_french_title_over_english_text_is_shown_with_the_note(client):
    EventFactory(slug="half", title_fr="Demi-traduit", summary_fr="", body_fr="")

    html = client.get("/fr/evenements/half/").text

    assert "pas encore présenté dans votre langue" in html
    assert "aussi présenté en français" not in client.get("/en/events/half/").text


def test_the_calendar_file_shows_a_new_event_at_once(client):
    EventFactory(title_en="First")
    client.get("/en/events/calendar.ics")

    EventFactory(title_en="Second")

    assert b"SUMMARY:Second" in client.get("/en/events/calendar.ics").content
