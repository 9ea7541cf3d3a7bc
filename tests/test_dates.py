"""Dates far outside any sensible range (year 1, year 9999) are refused with a message in
the portal and the admin, and the database keeps out what would make a page fail."""

import datetime
from datetime import UTC

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client, override_settings

from members.models import Member
from news.models import Event, Post
from tests.factories import CategoryFactory, EventFactory, MemberFactory, PostFactory
from tests.forms import admin_event, admin_member, event_data

pytestmark = pytest.mark.django_db

YEAR_MESSAGE = "Give a year between 1900 and 2100."
# The earliest and latest moments the database keeps: the years 1900 to 2100 in any
# time zone, so a day's margin either side in UTC.
EARLIEST = datetime.datetime(1899, 12, 31, 0, 0, tzinfo=UTC)
LATEST = datetime.datetime(2101, 1, 1, 23, 59, tzinfo=UTC)


@pytest.fixture
def staff_client(admin_user):
    """Signed in as staff; a failing page answers 500 instead of raising in the test."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    ("start", "zone"),
    [
        ("9999-12-31T23:30", "Atlantic/Azores"),
        ("0001-01-01T00:00", "Europe/Istanbul"),
        ("9999-12-31T23:30", "UTC"),
        ("1899-12-31T12:00", "Europe/Paris"),
        ("2101-01-01T10:00", "Europe/Paris"),
    ],
)
def test_the_portal_refuses_a_year_out_of_range_with_a_message(rep_client, start, zone):
    response = rep_client.post(
        "/en/portal/relais-lyon/events/new/", event_data(start=start, end=start, time_zone=zone)
    )

    assert response.status_code == 200
    assert YEAR_MESSAGE in response.text
    assert not Event.objects.exists()


def test_the_portal_gives_the_message_in_french(rep_client):
    start = "9999-12-31T23:30"
    response = rep_client.post(
        "/fr/espace-membre/relais-lyon/evenements/nouveau/",
        event_data(start=start, end=start, time_zone="Atlantic/Azores"),
    )

    assert "Indiquez une année entre 1900 et 2100." in response.text


def test_the_first_and_last_years_are_accepted_in_the_portal(rep_client):
    first = rep_client.post(
        "/en/portal/relais-lyon/events/new/",
        event_data(start="1900-01-01T00:00", end="1900-01-01T01:00", time_zone="Europe/Istanbul"),
    )
    last = rep_client.post(
        "/en/portal/relais-lyon/events/new/",
        event_data(
            title_fr="Fin du siècle",
            start="2100-12-31T23:00",
            end="2100-12-31T23:59",
            time_zone="Atlantic/Azores",
        ),
    )

    assert (first.status_code, last.status_code) == (302, 302)
    assert Event.objects.count() == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"start_0": "9999-12-31", "start_1": "23:30:00", "end_0": "9999-12-31", "time_zone": "UTC"},
        {"start_0": "0001-01-01", "start_1": "00:00:00", "time_zone": "Europe/Istanbul"},
        {"end_0": "2101-01-01"},
        {"publish_at_0": "0001-01-01", "publish_at_1": "00:00:00"},
        {"publish_at_0": "9999-12-31", "publish_at_1": "23:59:00"},
    ],
)
def test_the_admin_refuses_an_event_date_out_of_range_with_a_message(staff_client, changes):
    response = staff_client.post("/admin/news/event/add/", admin_event(**changes))

    assert response.status_code == 200
    assert YEAR_MESSAGE in response.text
    assert not Event.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_the_admin_refuses_a_post_date_out_of_range_with_a_message(staff_client, day):
    response = staff_client.post(
        "/admin/news/post/add/",
        {
            "title_en": "Dated",
            "slug": "dated",
            "status": "draft",
            "publish_at_0": day,
            "publish_at_1": "23:59:00",
        },
    )

    assert response.status_code == 200
    assert YEAR_MESSAGE in response.text
    assert not Post.objects.exists()


def test_changing_an_event_keeps_refusing_until_its_year_is_right(staff_client):
    event = EventFactory(slug="meeting", time_zone="Europe/Paris")

    refused = staff_client.post(
        f"/admin/news/event/{event.pk}/change/",
        admin_event(title_en=event.title_en, start_0="9999-12-31", end_0="9999-12-31"),
    )

    assert YEAR_MESSAGE in refused.text
    assert Event.objects.get().start == event.start


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Event, "start", datetime.datetime(9999, 12, 31, 23, 30, tzinfo=UTC)),
        (Event, "end", datetime.datetime(1, 1, 1, 12, tzinfo=UTC)),
        (Event, "publish_at", datetime.datetime(2101, 1, 3, tzinfo=UTC)),
        (Post, "publish_at", datetime.datetime(1899, 12, 30, tzinfo=UTC)),
    ],
)
def test_the_database_keeps_no_date_out_of_range(model, field, value):
    item = EventFactory() if model is Event else PostFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=item.pk).update(**{field: value})


@pytest.mark.parametrize("editor_zone", ["Pacific/Kiritimati", "Etc/GMT+12", "Europe/Brussels"])
def test_rows_at_the_edges_of_the_range_show_everywhere(staff_client, editor_zone):
    """No date the database accepts can make a list, a form or a page fail, whatever
    the zone of the event and of the person reading."""
    for n, (when, zone) in enumerate(
        [
            (EARLIEST, "UTC"),
            (EARLIEST, "Atlantic/Azores"),
            (EARLIEST, "Europe/Istanbul"),
            (LATEST, "UTC"),
            (LATEST, "Atlantic/Azores"),
            (LATEST, "Europe/Istanbul"),
        ]
    ):
        EventFactory(slug=f"edge-{n}", start=when, end=when, time_zone=zone, publish_at=EARLIEST)
        PostFactory(slug=f"edge-{n}", publish_at=when)
    pages = [
        "/admin/news/event/",
        "/admin/news/post/",
        "/admin/news/event/?start__year=2101",
        "/admin/news/post/?publish_at__year=1899&publish_at__month=12",
        *(f"/admin/news/event/{pk}/change/" for pk in Event.objects.values_list("pk", flat=True)),
        *(f"/admin/news/post/{pk}/change/" for pk in Post.objects.values_list("pk", flat=True)),
        "/admin/news/digest/send/",
        "/en/events/",
        "/en/events/?when=past",
        "/en/events/calendar.ics",
        "/en/events/edge-5/",
        "/en/events/edge-5.ics",
        "/fr/actualites/",
        "/en/news/feed/",
        "/en/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/sitemap-events.xml",
    ]

    with override_settings(TIME_ZONE=editor_zone):
        statuses = {page: staff_client.get(page).status_code for page in pages}

    assert {page for page, status in statuses.items() if status != 200} == set()


def test_saving_a_row_at_the_edge_in_the_admin_works(staff_client):
    event = EventFactory(slug="edge", start=LATEST, end=LATEST, time_zone="UTC")
    form = staff_client.get(f"/admin/news/event/{event.pk}/change/")

    response = staff_client.post(
        f"/admin/news/event/{event.pk}/change/",
        admin_event(title_en=event.title_en, slug="edge", start_0="2100-12-31", end_0="2100-12-31"),
    )

    assert form.status_code == 200
    assert response.status_code == 302


@pytest.mark.parametrize(
    "address",
    [
        "/admin/news/post/?publish_at__year=9999",
        "/admin/news/post/?publish_at__year=1",
        "/admin/news/post/?publish_at__year=1&publish_at__month=1&publish_at__day=1",
        "/admin/news/event/?start__year=9999&start__month=12&start__day=31",
        "/admin/news/event/?start__year=99999999999999999999",
        "/admin/members/application/?submitted_at__year=9999",
    ],
)
def test_the_admins_date_drill_down_refuses_a_year_out_of_range(staff_client, address):
    response = staff_client.get(address)

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


@pytest.mark.parametrize("field", ["joined_on", "category_since"])
def test_the_admin_refuses_a_members_date_out_of_range(staff_client, field):
    member = MemberFactory(name="Relais", slug="relais")

    response = staff_client.post(
        f"/admin/members/member/{member.pk}/change/", admin_member(member, **{field: "0001-01-01"})
    )

    assert response.status_code == 200
    assert YEAR_MESSAGE in response.text
    assert getattr(Member.objects.get(), field) != datetime.date(1, 1, 1)


def test_the_member_model_refuses_a_year_out_of_range():
    member = MemberFactory.build(category=CategoryFactory(), joined_on=datetime.date(9999, 1, 1))

    with pytest.raises(ValidationError) as refused:
        member.full_clean()

    assert refused.value.message_dict["joined_on"] == [YEAR_MESSAGE]
