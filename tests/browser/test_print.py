"""A member's, a practice's and an event's page print cleanly: no navigation, menu,
language switch or buttons on paper, black on white, and the addresses of outside links
written out after their text."""

import pytest

from .conftest import PHONE

MEMBER = "/en/members/relais-lyon/"
PRACTICE = "/fr/pratiques/visiting-rooms/"
EVENT = "/en/events/family-day/"


def after(locator):
    """What the print style sheet writes after an element."""
    return locator.evaluate("element => getComputedStyle(element, '::after').content")


def printed(visit, path, **options):
    v = visit(**options)
    v.goto(path)
    v.page.emulate_media(media="print")
    return v.page


@pytest.mark.parametrize("path", [MEMBER, PRACTICE, EVENT], ids=["member", "practice", "event"])
def test_printed_page_has_no_navigation(visit, members, path):
    page = printed(visit, path)

    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".main-menu summary").is_visible()
    assert not page.locator(".language-switcher").is_visible()
    assert not page.locator(".account-link").is_visible()
    assert not page.locator(".site-footer nav").is_visible()
    assert page.locator("h1").is_visible()


def test_printed_phone_page_has_no_menu_button(visit, members):
    page = printed(visit, MEMBER, viewport=PHONE)

    assert not page.locator(".main-menu summary").is_visible()


@pytest.mark.parametrize("path", [MEMBER, PRACTICE, EVENT], ids=["member", "practice", "event"])
def test_printed_page_is_black_on_white(visit, members, path):
    page = printed(visit, path, color_scheme="dark")

    body = page.locator("body")
    assert body.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert body.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"


def test_printed_member_page_keeps_its_contact_details_with_the_website_address(visit, members):
    page = printed(visit, MEMBER)

    website = page.locator(".member__facts a", has_text="Website")
    assert after(website) == '" (https://relais.example)"'
    assert page.get_by_text("contact@relais.example").is_visible()


def test_printed_event_keeps_its_date_place_and_the_address_to_join(visit, members):
    page = printed(visit, EVENT)

    assert page.locator(".event__facts").is_visible()
    join = page.get_by_role("link", name="the link to join")
    assert after(join) == '" (https://meet.example.org/family-day)"'


def test_printed_event_writes_out_where_to_register_but_not_the_calendar_button(visit, members):
    page = printed(visit, EVENT)

    register = page.locator("a.button", has_text="Register")
    assert after(register) == '" (https://register.example.org/)"'
    assert not page.locator("a[download]", has_text="Add to my calendar").is_visible()


def test_printed_practice_keeps_its_evidence_and_the_addresses_of_its_sources(visit, members):
    page = printed(visit, PRACTICE)

    assert page.locator("#evidence").is_visible()
    source = page.locator(".sources a").first
    assert after(source) == '" (https://example.org/report.pdf)"'


def test_printed_link_that_shows_its_address_does_not_repeat_it(visit, members):
    page = printed(visit, PRACTICE)

    assert after(page.locator(".practice__link a")) == "none"
