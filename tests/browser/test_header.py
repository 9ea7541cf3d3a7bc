"""The header on a phone and on a wide screen: short on a phone, with the main navigation
behind a "Menu" button that works with the keyboard and without JavaScript; the
navigation always shown on a wide screen, with or without JavaScript."""

import pytest

from .conftest import DESKTOP, PHONE

HOME = {"en": "/en/", "fr": "/fr/"}
SIGN_IN = {"en": "Sign in", "fr": "Se connecter"}
OTHER_LANGUAGE = {"en": "Français", "fr": "English"}
MAIN_NAV = {"en": "Main", "fr": "Navigation principale"}
MEMBERS = {"en": "Members", "fr": "Membres"}


def menu_button(page):
    return page.locator(".site-header summary", has_text="Menu")


def main_nav(page, language):
    return page.get_by_role("navigation", name=MAIN_NAV[language], include_hidden=True)


def members_link(page, language):
    return main_nav(page, language).get_by_role("link", name=MEMBERS[language], exact=True)


def menu_as_heard(page):
    """The menu button as Chromium tells screen readers: its role, name and whether
    it is expanded."""
    cdp = page.context.new_cdp_session(page)
    for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("name", {}).get("value") == "Menu" and not node.get("ignored"):
            properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            if "expanded" in properties:
                return node["role"]["value"], properties["expanded"]
    return None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_header_is_short_on_a_phone(visit, site_pages, language):
    v = visit(viewport=PHONE)
    v.goto(HOME[language])

    assert v.page.locator(".site-header").bounding_box()["height"] <= 125


@pytest.mark.parametrize("language", ["en", "fr"])
def test_header_of_a_signed_in_representative_is_short_on_a_phone(
    visit, site_pages, representative, language
):
    v = visit(viewport=PHONE)
    v.sign_in("rep@example.org", language=language)

    assert v.page.locator(".site-header").bounding_box()["height"] <= 125


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sign_in_and_language_show_on_a_phone_with_the_menu_closed(visit, site_pages, language):
    v = visit(viewport=PHONE)
    v.goto(HOME[language])

    assert not members_link(v.page, language).is_visible()
    assert v.page.get_by_role("link", name=SIGN_IN[language]).is_visible()
    assert v.page.get_by_role("link", name=OTHER_LANGUAGE[language]).is_visible()


def test_menu_opens_with_a_click_on_a_phone(visit, site_pages):
    v = visit(viewport=PHONE)
    v.goto("/fr/")

    menu_button(v.page).click()

    assert members_link(v.page, "fr").is_visible()


def test_menu_button_tells_screen_readers_whether_it_is_open(visit, site_pages):
    v = visit(viewport=PHONE)
    v.goto("/en/")
    assert menu_as_heard(v.page) == ("DisclosureTriangle", False)

    menu_button(v.page).click()

    assert menu_as_heard(v.page) == ("DisclosureTriangle", True)


@pytest.mark.parametrize("key", ["Enter", " "])
def test_menu_opens_and_closes_with_the_keyboard_on_a_phone(visit, site_pages, key):
    v = visit(viewport=PHONE)
    v.goto("/en/")

    # Skip link, brand, sign-in link, language, then the menu button.
    for _ in range(5):
        v.page.keyboard.press("Tab")
    assert v.page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    v.page.keyboard.press(key)
    assert members_link(v.page, "en").is_visible()
    v.page.keyboard.press("Tab")
    assert v.page.evaluate("document.activeElement.textContent.trim()") == "Home"
    v.page.keyboard.press("Shift+Tab")
    v.page.keyboard.press(key)
    assert not members_link(v.page, "en").is_visible()


def test_escape_closes_the_open_menu_and_returns_to_its_button(visit, site_pages):
    v = visit(viewport=PHONE)
    v.goto("/en/")
    menu_button(v.page).click()
    members_link(v.page, "en").focus()

    v.page.keyboard.press("Escape")

    assert not members_link(v.page, "en").is_visible()
    assert v.page.evaluate("document.activeElement.textContent.trim()") == "Menu"


def test_menu_works_without_javascript_on_a_phone(visit, site_pages):
    v = visit(viewport=PHONE, java_script_enabled=False)
    v.goto("/fr/")
    assert not members_link(v.page, "fr").is_visible()

    menu_button(v.page).click()
    members_link(v.page, "fr").click()

    assert v.page.url.endswith("/fr/membres/")


@pytest.mark.parametrize("javascript", [True, False], ids=["with script", "without script"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_navigation_shows_on_a_wide_screen_without_a_menu_button(
    visit, site_pages, language, javascript
):
    v = visit(viewport=DESKTOP, java_script_enabled=javascript)
    v.goto(HOME[language])

    assert members_link(v.page, language).is_visible()
    assert not menu_button(v.page).is_visible()


def test_navigation_on_a_wide_screen_is_in_the_keyboard_order_without_javascript(visit, site_pages):
    v = visit(viewport=DESKTOP, java_script_enabled=False)
    v.goto("/en/")

    # Skip link, brand, sign-in link, language, then the first item of the navigation.
    for _ in range(5):
        v.page.keyboard.press("Tab")

    assert v.page.evaluate("document.activeElement.textContent.trim()") == "Home"


def test_eight_items_fit_on_one_row_of_a_wide_screen_in_french(visit, site_pages):
    v = visit(viewport={"width": 960, "height": 800})
    v.goto("/fr/")
    items = v.page.locator(".main-nav__list > li")
    # Room for the items other pages add (À propos, Contact) up to eight.
    v.page.evaluate(
        """(count) => {
          const list = document.querySelector(".main-nav__list");
          for (let i = count; i < 8; i++) {
            const item = list.lastElementChild.cloneNode(true);
            item.querySelector("a").textContent = i % 2 ? "Contact" : "À propos";
            list.append(item);
          }
        }""",
        items.count(),
    )

    tops = {round(box["y"]) for box in (item.bounding_box() for item in items.all())}
    assert len(tops) == 1


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_header_does_not_move_after_it_is_shown(visit, site_pages, viewport):
    v = visit(viewport=viewport)
    v.goto("/fr/", wait_until="load")

    shift = v.page.evaluate(
        """() => new Promise((resolve) => {
          let total = 0;
          new PerformanceObserver((entries) => {
            for (const entry of entries.getEntries()) total += entry.value;
          }).observe({type: "layout-shift", buffered: true});
          setTimeout(() => resolve(total), 500);
        })"""
    )
    assert shift < 0.01
