"""The site search finds calls (issue 18): public calls for everyone, members-only ones
for signed-in members only, hidden ones for nobody; closed calls are found and say so.
A member's results never reach the pages kept for visitors. On any database (run on
SQLite and on PostgreSQL)."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from collaboration.models import Call
from tests.factories import CallFactory, UserFactory

from .test_page import group_heading, more_links, page, section, titles

pytestmark = pytest.mark.django_db


def _days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


@pytest.fixture
def calls():
    return {
        "public": CallFactory(
            title_en="Partners for a lighthouse project",
            title_fr="Partenaires pour un projet phare",
            description_en="We look for partners to run seaside holidays for families.",
            description_fr="Nous cherchons des partenaires pour des vacances en famille.",
        ),
        "members_only": CallFactory(
            title_en="Countries for a study of seaside visits",
            title_fr="",
            description_fr="",
            description_en="A research study of seaside holidays, for members only.",
            kind="research",
            is_public=False,
        ),
        "hidden": CallFactory(
            title_en="A hidden seaside call",
            description_en="Hidden by staff: seaside holidays again.",
            is_hidden=True,
        ),
    }


# Who finds what


def test_a_visitor_finds_a_public_call_by_a_word_of_its_description(client, calls):
    assert titles(page(client, "seaside"), "call") == ["Partners for a lighthouse project"]


def test_a_visitor_never_finds_a_members_only_call_nor_a_word_of_it(client, calls):
    text = page(client, "research study")

    assert group_heading(text, "call") is None
    assert "seaside visits" not in text


def test_an_account_that_represents_no_member_finds_public_calls_only(client, calls):
    client.force_login(UserFactory())

    assert titles(page(client, "seaside"), "call") == ["Partners for a lighthouse project"]


def test_a_member_finds_public_and_members_only_calls(rep_client, calls):
    found = titles(page(rep_client, "seaside"), "call")

    assert sorted(found) == [
        "Countries for a study of seaside visits",
        "Partners for a lighthouse project",
    ]


def test_a_member_counts_what_they_find(rep_client, calls):
    text = page(rep_client, "seaside")

    assert group_heading(text, "call") == "Calls (2)"
    assert "2 results" in text


def test_nobody_finds_a_hidden_call(rep_client, admin_client, calls):
    for someone in (Client(), rep_client, admin_client):
        text = page(someone, "hidden")

        assert group_heading(text, "call") is None
        assert "A hidden seaside call" not in text


def test_a_call_hidden_by_staff_in_the_admin_is_no_longer_found_nor_counted(
    admin_client, client, calls
):
    admin_client.post(
        "/admin/collaboration/call/",
        {"action": "hide", "_selected_action": [calls["public"].pk]},
    )

    assert group_heading(page(client, "lighthouse"), "call") is None

    admin_client.post(
        "/admin/collaboration/call/",
        {"action": "show", "_selected_action": [calls["public"].pk]},
    )

    assert group_heading(page(client, "lighthouse"), "call") == "Calls (1)"


def test_a_call_made_members_only_leaves_the_visitors_search(client, calls):
    call = calls["public"]

    call.is_public = False
    call.save()

    assert group_heading(page(client, "lighthouse"), "call") is None


def test_a_deleted_call_is_no_longer_found(client, calls):
    calls["public"].delete()

    assert group_heading(page(client, "lighthouse"), "call") is None


# Languages


def test_a_french_search_finds_the_french_title(client, calls):
    text = page(client, "vacances", "fr")

    assert titles(text, "call") == ["Partenaires pour un projet phare"]
    assert group_heading(text, "call") == "Appels (1)"


def test_a_call_written_in_english_only_says_so_on_the_french_page(rep_client, calls):
    text = section(page(rep_client, "research", "fr"), "call")

    assert re.search(r'<h3 class="search-hit__title" lang="en">', text)


def test_a_call_is_found_by_what_it_seeks_in_either_language(client):
    CallFactory(
        title_en="Visits",
        title_fr="Visites",
        description_en="Families.",
        description_fr="Familles.",
        kind="exchange",
    )

    assert titles(page(client, "exchange"), "call") == ["Visits"]
    assert titles(page(client, "echange", "fr"), "call") == ["Visites"]


# Closed calls


def test_a_closed_call_is_found_and_says_it_is_closed(client):
    CallFactory(title_en="Lighthouse partners", deadline=_days(-3))

    text = page(client, "lighthouse")

    assert titles(text, "call") == ["Lighthouse partners"]
    assert re.search(
        r'class="search-hit__meta">.*?<strong>Closed</strong>', section(text, "call"), re.S
    )


def test_a_filled_call_says_it_is_filled(client):
    CallFactory(title_en="Lighthouse partners", filled_at=timezone.now())

    text = section(page(client, "lighthouse", "fr"), "call")

    assert re.search(r"<strong>Pourvu</strong>", text)


def test_each_call_found_says_what_it_seeks_and_its_deadline(client):
    CallFactory(title_en="Lighthouse partners", kind="exchange", deadline=_days(40))

    text = section(page(client, "lighthouse"), "call")

    assert "Exchange or study visit" in text
    assert f'<time datetime="{_days(40).isoformat()}">' in text


def test_open_calls_come_before_closed_ones(client):
    CallFactory(title_en="Lighthouse closed", deadline=_days(-10))
    CallFactory(title_en="Lighthouse open", deadline=_days(10))

    assert titles(page(client, "lighthouse"), "call") == ["Lighthouse open", "Lighthouse closed"]


def test_more_calls_than_shown_link_to_the_open_list_and_the_archive(client):
    for number in range(4):
        CallFactory(title_en=f"Lighthouse open {number}")
    for number in range(3):
        CallFactory(title_en=f"Lighthouse closed {number}", deadline=_days(-number - 1))

    links = more_links(page(client, "lighthouse"), "call")

    assert links == {
        "See all 4 open calls": "/en/collaborate/?q=lighthouse",
        "See all 3 closed calls": "/en/collaborate/archive/?q=lighthouse",
    }


# The page cache keeps what visitors see, never what a member sees


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 60 * 60


def test_a_members_search_is_not_kept_for_visitors(page_cache_on, client, rep, calls):
    member = Client()
    member.force_login(rep)
    assert len(titles(page(member, "seaside"), "call")) == 2

    assert titles(page(client, "seaside"), "call") == ["Partners for a lighthouse project"]


def test_a_visitors_kept_search_is_not_served_to_a_member(page_cache_on, client, rep, calls):
    assert len(titles(page(client, "seaside"), "call")) == 1  # kept for visitors
    member = Client()
    member.force_login(rep)

    assert len(titles(page(member, "seaside"), "call")) == 2


def test_a_visitors_search_is_kept_and_built_again_when_a_call_changes(
    page_cache_on, client, calls, django_assert_num_queries
):
    page(client, "lighthouse")
    with django_assert_num_queries(0):
        page(client, "lighthouse")  # from the cache

    Call.objects.get(pk=calls["public"].pk).delete()

    assert group_heading(page(client, "lighthouse"), "call") is None


def test_a_word_in_more_calls_than_read_at_once_counts_what_each_may_see(rep_client, monkeypatch):
    monkeypatch.setattr("search.query.BY_IDS", 3)  # a common word: more matches than this
    for number in range(4):
        CallFactory(title_en=f"Lighthouse public {number}", deadline=_days(10 + number))
    for number in range(2):
        CallFactory(title_en=f"Lighthouse members {number}", deadline=_days(20), is_public=False)
    CallFactory(title_en="Lighthouse hidden", is_hidden=True)

    assert group_heading(page(Client(), "lighthouse"), "call") == "Calls (4)"  # a visitor
    member_page = page(rep_client, "lighthouse")
    assert group_heading(member_page, "call") == "Calls (6)"
    assert titles(member_page, "call")[:2] == ["Lighthouse members 1", "Lighthouse members 0"]
