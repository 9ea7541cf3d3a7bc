"""A visitor finds an organisation: from the map to a country's members to one member."""

import pytest
from playwright.sync_api import expect

from tests.factories import MemberFactory, applicant_category

from .conftest import DESKTOP, PHONE, relais_lyon


@pytest.fixture
def directory(transactional_db):
    relais_lyon(summary_fr="Accueil des familles à la prison de Lyon.")
    MemberFactory(
        name="Kinder Berlin", slug="kinder-berlin", country="DE", latitude=52.52, longitude=13.40
    )
    MemberFactory(name="Ponte Roma", slug="ponte-roma", country="IT", category=applicant_category())


def test_visitor_goes_from_the_map_to_a_country_and_opens_a_member(visit, directory):
    v = visit(viewport=DESKTOP)
    v.goto("/fr/membres/carte/")

    v.page.locator('a.map__country[href="/fr/membres/?country=FR"]').click()

    assert v.page.url.endswith("/fr/membres/?country=FR")
    expect(v.page.locator(".member-card")).to_have_count(1)
    assert v.page.locator("#country-FR").is_checked()
    v.page.get_by_role("link", name="Relais Lyon").click()
    assert v.page.get_by_role("heading", level=1).inner_text() == "Relais Lyon"
    assert "Accueil des familles" in v.page.locator("main").inner_text()


def test_visitor_filters_on_a_phone_without_javascript(visit, directory):
    v = visit(viewport=PHONE, java_script_enabled=False)
    v.goto("/en/members/")

    # The results come first: the filters are folded until asked for.
    assert not v.page.get_by_label("Germany (1)").is_visible()
    v.page.get_by_text("Search and filter").click()
    v.page.get_by_label("Germany (1)").check()
    v.page.get_by_role("button", name="Apply").click()

    assert "country=DE" in v.page.url
    # The URL changes when the response starts; the list is read once it has arrived.
    expect(v.page.locator(".member-card__name")).to_have_text(["Kinder Berlin"])
    assert v.page.get_by_label("Germany (1)").is_visible()  # open while a filter is on
    v.page.get_by_role("link", name="Remove filter: Germany").click()
    expect(v.page.locator(".member-card")).to_have_count(3)


def test_filters_are_a_sidebar_on_a_wide_screen_without_javascript(visit, directory):
    v = visit(viewport=DESKTOP, java_script_enabled=False)
    v.goto("/fr/membres/")

    assert not v.page.get_by_text("Rechercher et filtrer").is_visible()
    v.page.get_by_label("Allemagne (1)").check()
    v.page.get_by_role("button", name="Appliquer").click()
    # The URL changes when the response starts; the list is read once it has arrived.
    expect(v.page.locator(".member-card__name")).to_have_text(["Kinder Berlin"])


def test_filter_panel_folds_away_on_a_phone_with_javascript(visit, directory):
    v = visit(viewport=PHONE)
    v.goto("/en/members/")

    assert v.page.locator(".filter-panel").get_attribute("open") is None
    v.page.get_by_text("Search and filter").click()
    assert v.page.get_by_label("Search", exact=True).is_visible()


def test_keyboard_user_sees_a_pin_label_on_focus(visit, directory):
    v = visit(viewport=DESKTOP)
    v.goto("/en/members/map/")

    pin = v.page.locator('a.pin[href="/en/members/kinder-berlin/"]')
    pin.focus()
    assert pin.locator("text").is_visible()
