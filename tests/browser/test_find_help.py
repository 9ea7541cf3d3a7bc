"""A parent or carer looks for support: from the home page to the members that offer it
in their country, then to one member's contact details, in three steps."""

import pytest
from playwright.sync_api import expect

from tests.factories import MemberFactory

from .conftest import DESKTOP, PHONE, trait_d_union


@pytest.fixture
def help_in_belgium(transactional_db):
    trait_d_union()
    MemberFactory(name="Verbonden", country="BE")  # works with prisons, not with families
    MemberFactory(name="Kinder Berlin", country="DE", supports_families=True)


@pytest.mark.parametrize(
    ("language", "viewport", "words"),
    [
        (
            "fr",
            PHONE,
            {
                "link": "Trouver de l’aide près de chez vous",
                "country": "Votre pays",
                "belgium": "Belgique (1 membre)",
                "button": "Trouver de l’aide",
            },
        ),
        (
            "en",
            DESKTOP,
            {
                "link": "Find help near you",
                "country": "Your country",
                "belgium": "Belgium (1 member)",
                "button": "Find help",
            },
        ),
    ],
)
def test_a_parent_finds_support_in_belgium_from_the_home_page(
    visit, help_in_belgium, language, viewport, words
):
    v = visit(viewport=viewport)
    v.goto(f"/{language}/")

    # 1. The footer's link, on every page.
    v.page.get_by_role("link", name=words["link"]).click()
    # 2. The country, and the button.
    v.page.get_by_label(words["country"]).select_option(label=words["belgium"])
    v.page.get_by_role("button", name=words["button"]).click()

    expect(v.page.locator(".member-card__name")).to_have_text(["Trait d’Union"])
    assert "support=families" in v.page.url
    assert "country=BE" in v.page.url
    # 3. The member, and how to reach it.
    v.page.get_by_role("link", name="Trait d’Union").click()
    expect(v.page.get_by_role("heading", level=1)).to_have_text("Trait d’Union")
    expect(v.page.get_by_role("link", name="familles@trait-d-union.example")).to_be_visible()
    expect(v.page.get_by_role("link", name="+32 2 000 00 00")).to_be_visible()


def test_the_choice_works_without_javascript_on_a_phone(visit, help_in_belgium):
    v = visit(viewport=PHONE, java_script_enabled=False)
    v.goto("/fr/page-inexistante/")

    v.page.get_by_label("Votre pays").select_option("BE")
    v.page.get_by_role("button", name="Trouver de l’aide").click()

    expect(v.page.locator(".member-card__name")).to_have_text(["Trait d’Union"])
    assert v.page.url.endswith("/fr/membres/?support=families&country=BE")
