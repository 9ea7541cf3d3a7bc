"""Dates and times as each language writes them: "9 January 2027" and "14:30" in English,
"1er janvier 2027" and "14 h 30" in French, and an event's time zone in words."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from cpe_network.lib import dates
from news.models import Digest
from tests.factories import AffiliateFactory, EventFactory, PostFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
NBSP = "\u00a0"


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def meeting():
    """A meeting in Brussels on Monday 1 February 2027, 14:00 to 17:30, Paris time."""
    return EventFactory(
        slug="meeting",
        start=paris(2027, 2, 1, 14, 0),
        end=paris(2027, 2, 1, 17, 30),
        city="Brussels",
        country="BE",
    )


def test_a_french_event_page_writes_the_first_of_the_month_1er(client, meeting):
    assert "lundi 1er février 2027" in client.get("/fr/evenements/meeting/").text


def test_a_french_event_page_writes_hours_the_french_way(client, meeting):
    text = re.sub(r"<[^>]+>", "", client.get("/fr/evenements/meeting/").text)

    assert f"lundi 1er février 2027, 14{NBSP}h{NBSP}–\u2060{NBSP}17{NBSP}h{NBSP}30" in text


def test_a_french_event_page_leaves_out_zero_minutes(client, meeting):
    assert f"14{NBSP}h{NBSP}00" not in client.get("/fr/evenements/meeting/").text


def test_a_french_event_page_names_the_time_zone_in_words(client, meeting):
    assert "heure de Paris (UTC+1)" in client.get("/fr/evenements/meeting/").text


def test_an_english_event_page_names_the_time_zone_in_words(client, meeting):
    assert "Paris time (UTC+1)" in client.get("/en/events/meeting/").text


def test_an_english_event_page_writes_the_day_before_the_month(client):
    EventFactory(slug="visit", start=paris(2027, 1, 9, 14, 30), end=paris(2027, 1, 9, 16, 0))

    assert "Saturday 9 January 2027, 14:30" in client.get("/en/events/visit/").text


def test_the_french_event_list_shows_short_months_that_cannot_be_confused(client):
    EventFactory(start=paris(2027, 7, 9, 14, 0), end=paris(2027, 7, 9, 16, 0))

    assert ">juil.<" in client.get("/fr/evenements/").text


def test_the_french_event_list_writes_the_first_of_the_month_1er(client, meeting):
    assert ">1er<" in client.get("/fr/evenements/").text


def test_an_english_news_post_shows_day_month_year(client):
    PostFactory(slug="visits", publish_at=paris(2026, 1, 9, 10, 0))

    html = client.get("/en/news/visits/").text

    assert "9 January 2026" in html
    assert "Jan. 9, 2026" not in html


def test_a_french_news_post_writes_the_first_of_the_month_1er(client):
    PostFactory(slug="visits", publish_at=paris(2026, 1, 1, 10, 0))

    assert "1er janvier 2026" in client.get("/fr/actualites/visits/").text


@pytest.fixture
def digest_readers():
    AffiliateFactory(email="sam@example.org", language="en", country="FR", confirmed=True)
    AffiliateFactory(email="lea@example.org", language="fr", country="FR", confirmed=True)


def digest_line(address, title):
    """The line under the event's title in the digest sent to `address`."""
    (message,) = [message for message in mail.outbox if message.to == [address]]
    lines = message.body.splitlines()
    return lines[lines.index(f"* {title}") + 1].strip()


def test_the_english_digest_gives_the_date_and_city_on_one_line(digest_readers):
    EventFactory(
        title_en="Family day",
        start=paris(2027, 1, 9, 14, 0),
        end=paris(2027, 1, 9, 17, 0),
        city="Brussels",
    )

    Digest.send_new()

    line = digest_line("sam@example.org", "Family day")
    assert line == "9 January 2027, 14:00–17:00, Paris time (UTC+1), Brussels"


def test_the_french_digest_gives_the_date_and_city_on_one_line(digest_readers):
    EventFactory(
        title_fr="Journée des familles",
        start=paris(2027, 1, 1, 14, 0),
        end=paris(2027, 1, 1, 17, 30),
        city="Brussels",
    )

    Digest.send_new()

    line = digest_line("lea@example.org", "Journée des familles")
    assert line == (
        f"1er janvier 2027, 14{NBSP}h{NBSP}–\u2060{NBSP}17{NBSP}h{NBSP}30, heure de Paris (UTC+1), "
        "Bruxelles"
    )


def test_the_html_digest_gives_the_date_and_city_in_one_paragraph(digest_readers):
    EventFactory(start=paris(2027, 1, 9, 14, 0), end=paris(2027, 1, 9, 17, 0), city="Brussels")

    Digest.send_new()

    (message,) = [message for message in mail.outbox if message.to == ["sam@example.org"]]
    html = message.alternatives[0][0]
    assert "<p>9 January 2027, 14:00–17:00, Paris time (UTC+1), Brussels</p>" in html


def test_a_zone_whose_city_begins_with_a_vowel_is_elided_in_french(client):
    EventFactory(
        slug="athens",
        time_zone="Europe/Athens",
        start=datetime.datetime(2027, 5, 4, 10, 0, tzinfo=ZoneInfo("Europe/Athens")),
        end=datetime.datetime(2027, 5, 4, 12, 0, tzinfo=ZoneInfo("Europe/Athens")),
    )

    assert "heure d’Athènes (UTC+3)" in client.get("/fr/evenements/athens/").text


@pytest.mark.parametrize(
    ("language", "start", "end", "text"),
    [
        ("en", datetime.date(2026, 12, 4), datetime.date(2026, 12, 6), "4–6 December 2026"),
        (
            "en",
            datetime.date(2027, 1, 28),
            datetime.date(2027, 2, 3),
            "28 January – 3 February 2027",
        ),
        (
            "en",
            datetime.date(2026, 12, 28),
            datetime.date(2027, 1, 3),
            "28 December 2026 – 3 January 2027",
        ),
        ("fr", datetime.date(2027, 3, 1), datetime.date(2027, 3, 3), "du 1er au 3 mars 2027"),
        (
            "fr",
            datetime.date(2027, 1, 28),
            datetime.date(2027, 2, 3),
            "du 28 janvier au 3 février 2027",
        ),
        (
            "fr",
            datetime.date(2026, 12, 28),
            datetime.date(2027, 1, 3),
            "du 28 décembre 2026 au 3 janvier 2027",
        ),
    ],
)
def test_a_range_of_days_says_the_month_and_year_once(language, start, end, text):
    with translation.override(language):
        assert "".join(dates.day_range(start, end)) == text
