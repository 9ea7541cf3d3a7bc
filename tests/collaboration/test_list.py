"""The calls list and its archive: open calls the soonest deadline first, closed ones the
latest first, their filters and counts, what visitors see of members-only calls (that
they exist, and how many), and a call leaving the list the day after its deadline."""

import contextlib
import datetime
import re
import time
from unittest import mock
from urllib.parse import parse_qsl, urlencode
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from pages import pagecache
from tests.factories import CallFactory, MemberFactory, TopicFactory, UserFactory, bulk_calls

pytestmark = pytest.mark.django_db


def _days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


def titles(response):
    return re.findall(
        r'class="call-card__title"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', response.text
    )


def result_count(response):
    return int(re.search(r'class="results__count">\s*(\d+)', response.text).group(1))


def facet_links(response):
    """(name, value, count) of each option of the filter panel."""
    return [
        (name, value, int(count))
        for name, value, count in re.findall(
            r'<input type="(?:checkbox|radio)" name="(\w+)" value="([^"]+)"[^>]*>\s*'
            r'<label[^>]*>[^<]*<span class="count">\((\d+)\)</span>',
            response.text,
        )
    ]


@pytest.fixture
def member_client():
    person = UserFactory(email="member@example.org")
    MemberFactory(name="Kinder Berlin", representatives=[person])
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def board():
    """Four open calls (one members-only), two closed (one past, one filled), one hidden."""
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    schools = TopicFactory(slug="schools", name_en="Schools", name_fr="Écoles")
    secret = TopicFactory(slug="secret-topic", name_en="Secret topic", name_fr="Sujet secret")
    CallFactory(
        title_en="Family days",
        kind="partners",
        topics=[visits],
        countries=["FR", "BE"],
        languages=["fr"],
        deadline=_days(40),
    )
    CallFactory(
        title_en="Reading study",
        kind="research",
        topics=[schools],
        countries=["DE"],
        languages=["de", "en"],
        deadline=_days(5),
    )
    CallFactory(
        title_en="Visit to Lisbon",
        kind="exchange",
        topics=[visits, schools],
        countries=[],  # any country
        languages=["en"],
        deadline=_days(20),
    )
    CallFactory(
        title_en="Members study",
        kind="research",
        topics=[secret],
        countries=["IS"],
        languages=["is"],
        deadline=_days(10),
        is_public=False,
    )
    CallFactory(title_en="Past call", kind="partners", deadline=_days(-3), countries=["FR"])
    CallFactory(
        title_en="Filled call", kind="expertise", deadline=_days(9), filled_at=timezone.now()
    )
    CallFactory(title_en="Hidden call", is_hidden=True, deadline=_days(8))


# What is listed, and in which order.


def test_the_list_shows_open_calls_the_soonest_deadline_first(member_client, board):
    response = member_client.get("/en/collaborate/")

    assert titles(response) == ["Reading study", "Members study", "Visit to Lisbon", "Family days"]


def test_the_archive_shows_closed_calls_the_latest_deadline_first(member_client, board):
    response = member_client.get("/en/collaborate/archive/")

    assert titles(response) == ["Filled call", "Past call"]


def test_the_archive_says_each_call_s_status(client, board):
    html = client.get("/fr/collaborer/archives/").text

    assert ">Pourvu</span>" in html
    assert ">Clos</span>" in html


def test_a_hidden_call_is_listed_nowhere(admin_client, board):
    assert "Hidden call" not in admin_client.get("/en/collaborate/").text
    assert "Hidden call" not in admin_client.get("/en/collaborate/archive/").text


def test_a_card_says_when_the_call_closes_in_french(client):
    CallFactory(deadline=_days(2))
    call = CallFactory(deadline=_days(400))
    call.deadline = datetime.date(call.deadline.year, 3, 1)
    call.save()

    html = client.get("/fr/collaborer/").text

    assert f"Clos le 1er mars {call.deadline.year}" in html
    assert ">Bientôt clos</span>" in html


def test_a_card_says_any_country_when_none_is_sought(client, board):
    assert "Any country" in client.get("/en/collaborate/?kind=exchange").text


def test_the_list_has_twenty_calls_a_page(client):
    bulk_calls(25, member=MemberFactory())

    assert len(titles(client.get("/en/collaborate/"))) == 20
    assert len(titles(client.get("/en/collaborate/?page=2"))) == 5


def test_the_list_links_to_the_archive_and_back(client):
    assert 'href="/fr/collaborer/archives/"' in client.get("/fr/collaborer/").text
    assert 'href="/fr/collaborer/"' in client.get("/fr/collaborer/archives/").text


def test_the_footer_leads_to_the_calls(client):
    assert 'href="/fr/collaborer/">Travailler ensemble</a>' in client.get("/fr/").text


# Members-only calls: members see them; anyone else, only how many there are.


def test_members_see_members_only_calls_marked_so(member_client, board):
    html = member_client.get("/en/collaborate/").text

    assert "Members study" in html
    assert ">Members only</span>" in html


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "non-member"])
def test_others_see_only_public_calls(client, board, signed_in):
    if signed_in:
        client.force_login(UserFactory())

    response = client.get("/en/collaborate/")

    assert titles(response) == ["Reading study", "Visit to Lisbon", "Family days"]
    assert result_count(response) == 3


def test_a_visitor_is_told_how_many_calls_are_for_members_and_asked_to_sign_in(client, board):
    CallFactory(is_public=False, kind="partners")

    html = client.get("/en/collaborate/?page=1").text

    assert "2 calls are for members only." in html
    assert 'href="/en/accounts/login/?next=/en/collaborate/%3Fpage%3D1"' in html


def test_the_members_only_count_follows_only_the_kind_filter(client, board):
    assert "1 call is for members only." in client.get("/en/collaborate/?kind=research").text
    assert "for members only" not in client.get("/en/collaborate/?kind=exchange").text
    # The other filters are about content a visitor may not know: not counted.
    assert "1 call is for members only." in client.get("/en/collaborate/?country=FR").text


def test_the_members_only_count_is_said_in_french(client, board):
    CallFactory(is_public=False)

    assert "2 appels sont réservés aux membres." in client.get("/fr/collaborer/").text


def test_the_archive_counts_closed_members_only_calls(client, board):
    CallFactory(is_public=False, deadline=_days(-2))

    assert "1 call is for members only." in client.get("/en/collaborate/archive/").text


def test_the_filters_offer_visitors_nothing_only_members_only_calls_have(client, board):
    html = client.get("/en/collaborate/").text

    assert "Secret topic" not in html
    assert 'value="IS"' not in html
    assert 'value="is"' not in html


def test_the_counts_find_no_members_only_call_for_visitors(client, board):
    offered = facet_links(client.get("/en/collaborate/?topic=secret-topic&country=IS"))

    assert ("topic", "secret-topic", 0) in offered
    assert ("country", "IS", 0) in offered  # chosen: the visit to Lisbon has no such topic
    assert [option for option in offered if option[0] == "kind"] == []


def test_members_are_offered_what_members_only_calls_seek(member_client, board):
    offered = facet_links(member_client.get("/en/collaborate/"))

    assert ("topic", "secret-topic", 1) in offered
    assert ("language", "is", 1) in offered


def test_a_topic_only_members_only_calls_have_finds_nothing_for_a_visitor(client, board):
    response = client.get("/en/collaborate/?topic=secret-topic")

    assert titles(response) == []
    assert result_count(response) == 0


def test_members_may_post_a_call_from_the_empty_list(member_client):
    assert 'href="/en/portal/calls/"' in member_client.get("/en/collaborate/").text


def test_visitors_are_not_offered_to_post_a_call(client):
    assert "/portal/calls/" not in client.get("/en/collaborate/").text


# Filters.


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=research", ["Reading study"]),
        ("topic=schools", ["Reading study", "Visit to Lisbon"]),
        ("topic=schools&topic=prison-visits", ["Reading study", "Visit to Lisbon", "Family days"]),
        ("country=DE", ["Reading study", "Visit to Lisbon"]),  # Lisbon: any country
        ("country=BE&country=DE", ["Reading study", "Visit to Lisbon", "Family days"]),
        ("language=en", ["Reading study", "Visit to Lisbon"]),
        ("language=fr&language=de", ["Reading study", "Family days"]),
        ("soon=yes", ["Reading study"]),
        ("kind=exchange&country=PL", ["Visit to Lisbon"]),
        ("topic=schools&language=fr", []),
    ],
)
def test_each_filter(client, board, query, expected):
    assert titles(client.get(f"/en/collaborate/?{query}")) == expected


def test_words_find_calls_by_their_title_or_description(client, board):
    assert titles(client.get("/en/collaborate/?q=lisbon")) == ["Visit to Lisbon"]


def test_words_and_filters_work_together(client, board):
    assert titles(client.get("/en/collaborate/?q=lisbon&kind=research")) == []


def test_words_never_find_a_members_only_call_for_a_visitor(client, board):
    html = client.get("/en/collaborate/?q=members+study").text

    assert "Members study" not in html


def test_words_do_not_change_the_number_of_members_only_calls_a_visitor_is_told(client, board):
    plain = client.get("/en/collaborate/").context["members_only_count"]

    assert client.get("/en/collaborate/?q=nothing+like+this").context["members_only_count"] == plain


def test_members_find_members_only_calls_by_their_words(member_client, board):
    assert titles(member_client.get("/en/collaborate/?q=members+study")) == ["Members study"]


def test_the_words_show_as_a_chip(client, board):
    assert "“lisbon”" in client.get("/en/collaborate/?q=lisbon").text


def test_the_archive_is_filtered_too(client, board):
    assert titles(client.get("/en/collaborate/archive/?country=FR")) == ["Filled call", "Past call"]
    assert titles(client.get("/en/collaborate/archive/?kind=expertise")) == ["Filled call"]


def test_the_archive_has_no_closing_soon_filter(client, board):
    html = client.get("/en/collaborate/archive/?soon=yes").text

    assert 'name="soon"' not in html
    assert titles(client.get("/en/collaborate/archive/?soon=yes")) == ["Filled call", "Past call"]


@pytest.mark.parametrize(
    "query",
    [
        "kind=nothing",
        "topic=<script>",
        "country=ZZ",
        "language=klingon",
        "soon=maybe",
        "page=x",
        "page=999",
        "country=",
    ],
)
def test_bad_values_are_ignored(client, board, query):
    response = client.get(f"/en/collaborate/?{query}")

    assert response.status_code == 200
    assert titles(response) == ["Reading study", "Visit to Lisbon", "Family days"]


def test_a_bad_value_beside_good_ones_drops_only_itself(client, board):
    response = client.get("/en/collaborate/?country=ZZ&country=BE&topic=nope&topic=prison-visits")

    assert titles(response) == ["Visit to Lisbon", "Family days"]


@pytest.mark.parametrize(
    "query", ["", "kind=research", "country=DE", "topic=schools&language=en", "soon=yes"]
)
def test_each_count_is_the_number_of_calls_its_filter_leads_to(client, board, query):
    response = client.get(f"/en/collaborate/?{query}")
    chosen = parse_qsl(query)
    offered = facet_links(response)

    assert len(offered) > 3  # the panel was read
    for name, value, count in offered:
        if (name, value) in chosen:
            continue
        others = [(n, v) for n, v in chosen if n != name]
        led_to = client.get(f"/en/collaborate/?{urlencode([*others, (name, value)])}")
        assert len(titles(led_to)) == count, (name, value)


def test_the_number_of_results_is_the_heading(client, board):
    response = client.get("/fr/collaborer/?topic=schools")

    assert re.search(r'class="results__count">\s*2 appels ouverts', response.text)


def test_a_country_that_no_call_names_is_not_offered(client, board):
    assert 'value="PL"' not in client.get("/en/collaborate/").text


def test_a_chosen_country_stays_offered_with_the_calls_open_to_any(client, board):
    offered = facet_links(client.get("/en/collaborate/?country=PL"))

    assert ("country", "PL", 1) in offered  # the visit to Lisbon, open to any country


def test_facets_name_values_in_french(client, board):
    html = client.get("/fr/collaborer/").text

    assert "Parloirs" in html
    assert "Allemagne" in html
    assert "Allemand" in html


def test_chips_remove_their_filter(client, board):
    html = client.get("/en/collaborate/?kind=research&topic=schools").text

    assert 'href="?topic=schools"' in html
    assert 'href="?kind=research"' in html


def test_an_empty_result_says_how_to_find_more(client, board):
    html = client.get("/en/collaborate/?topic=schools&language=fr").text

    assert "No call matches these filters." in html
    assert "Remove the filter:" in html


# The clock: a call leaves the list the day after its deadline, even from a cached page.

BRUSSELS = ZoneInfo("Europe/Brussels")  # the site's time zone


@contextlib.contextmanager
def at(*moment):
    """The clock at `moment` (the site's time): Django's, and the in-process cache's,
    whose entries expire by it."""
    now = datetime.datetime(*moment, tzinfo=BRUSSELS).astimezone(datetime.UTC)
    with (
        mock.patch("django.utils.timezone.now", return_value=now),
        mock.patch("time.time", return_value=now.timestamp()),
    ):
        yield


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 60 * 60  # as with a shared cache (Redis)


def test_a_call_passing_its_deadline_moves_to_the_archive(client, page_cache):
    with at(2027, 3, 1, 23, 30):
        CallFactory(title_en="Last day", slug="last-day", deadline=datetime.date(2027, 3, 1))
        assert titles(client.get("/en/collaborate/")) == ["Last day"]
        assert titles(client.get("/en/collaborate/archive/")) == []

    # The pages kept for visitors at 23:30 are not served after midnight.
    with at(2027, 3, 2, 0, 0, 1):
        assert titles(client.get("/en/collaborate/")) == []
        assert titles(client.get("/en/collaborate/archive/")) == ["Last day"]
        assert "This call is closed" in client.get("/en/collaborate/last-day/").text


def test_a_cached_list_is_kept_only_until_midnight(client, page_cache):
    with at(2027, 3, 1, 23, 30):
        CallFactory(deadline=datetime.date(2027, 3, 20))
        client.get("/en/collaborate/")

        assert 1790 <= pagecache.seconds_to_keep() <= 1801


def test_the_page_cache_serves_the_list_again_before_midnight(
    client, page_cache, django_assert_num_queries
):
    with at(2027, 3, 1, 23, 30):
        CallFactory(title_en="Last day", deadline=datetime.date(2027, 3, 1))
        client.get("/en/collaborate/")
    with at(2027, 3, 1, 23, 59), django_assert_num_queries(0):
        assert titles(client.get("/en/collaborate/")) == ["Last day"]


def test_a_member_s_list_is_never_served_to_visitors_nor_theirs_to_members(
    client, member_client, board, page_cache
):
    assert "Members study" in member_client.get("/en/collaborate/").text
    assert "Members study" not in client.get("/en/collaborate/").text
    assert "Members study" in member_client.get("/en/collaborate/").text


def test_a_call_starts_closing_soon_at_midnight(client, page_cache):
    with at(2027, 3, 1, 23, 0):
        CallFactory(deadline=datetime.date(2027, 3, 16))
        assert ">Closing soon</span>" not in client.get("/en/collaborate/").text
    with at(2027, 3, 2, 0, 1):
        assert ">Closing soon</span>" in client.get("/en/collaborate/").text


# At a thousand calls: as many queries as at ten, and quick.


@pytest.mark.parametrize(
    "path",
    [
        "/en/collaborate/",
        "/en/collaborate/?topic=visits&country=FR&language=en&soon=yes&page=2",
        "/en/collaborate/archive/",
    ],
)
@pytest.mark.parametrize("reader", ["visitor", "member"])
def test_the_list_s_queries_do_not_grow_with_calls(
    client, member_client, django_assert_max_num_queries, path, reader
):
    reader = member_client if reader == "member" else client
    member = MemberFactory()
    topic = TopicFactory(slug="visits")
    bulk_calls(10, member=member, topics=[topic], countries=["FR"])
    bulk_calls(10, member=member, start=10, deadline=_days(-5))
    with django_assert_max_num_queries(20) as few:
        reader.get(path)
    bulk_calls(990, member=member, start=20, topics=[topic], countries=["FR", "DE"])
    bulk_calls(990, member=member, start=1010, is_public=False, deadline=_days(-2))
    pagecache.changed()  # as a save would

    with django_assert_max_num_queries(len(few.captured_queries)):
        reader.get(path)


def test_the_list_of_a_thousand_calls_is_quick(client):
    member = MemberFactory()
    topics = [TopicFactory() for _ in range(5)]
    client.get("/en/collaborate/")  # the code and templates loaded first, as on a server
    bulk_calls(1000, member=member, topics=topics, countries=["FR", "DE", "BE"])
    times = []
    for _ in range(3):  # the quickest of three, each as for the first visitor after a change
        pagecache.changed()
        started = time.perf_counter()
        response = client.get("/en/collaborate/?page=3")
        times.append(time.perf_counter() - started)
    took = min(times)

    assert len(titles(response)) == 20
    assert took < 1  # about 0.2 s on an idle machine, SQLite or PostgreSQL
