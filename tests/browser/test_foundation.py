"""A visitor and a staff member use the foundation's pages in a real browser."""

from .conftest import DESKTOP, PHONE


def test_visitor_switches_language_and_stays_on_the_same_page(visit, site_pages):
    v = visit(viewport=DESKTOP)
    v.goto("/en/values/")

    v.page.get_by_role("link", name="Français").click()

    assert v.page.url.endswith("/fr/valeurs/")
    assert v.page.get_by_role("heading", level=1).inner_text() == "Nos valeurs"
    v.page.get_by_role("link", name="English").click()
    assert v.page.url.endswith("/en/values/")


def test_the_chosen_language_is_remembered_over_the_browsers(visit, site_pages):
    v = visit(viewport=DESKTOP, locale="en-GB")
    v.goto("/en/values/")
    v.page.get_by_role("link", name="Français").click()

    v.goto("/")
    assert v.page.url.endswith("/fr/")
    v.goto("/members/")
    assert v.page.url.endswith("/fr/membres/")


def test_root_address_sends_a_french_browser_to_french(visit, site_pages):
    v = visit(viewport=DESKTOP, locale="fr-FR")
    v.goto("/")

    assert v.page.url.endswith("/fr/")
    assert v.page.locator("html").get_attribute("lang") == "fr"


def test_keyboard_user_skips_to_the_content(visit, site_pages):
    v = visit(viewport=DESKTOP)
    v.goto("/en/about/")

    v.page.keyboard.press("Tab")
    skip = v.page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    assert skip.is_visible()
    v.page.keyboard.press("Enter")
    assert v.page.evaluate("document.activeElement.id") == "main"


def test_pages_work_without_javascript(visit, site_pages):
    v = visit(viewport=PHONE, java_script_enabled=False)
    v.goto("/fr/")

    v.page.get_by_role("link", name="Nos valeurs").first.click()
    assert v.page.get_by_role("heading", level=1).inner_text() == "Nos valeurs"


def test_narrowest_phone_needs_no_sideways_scrolling(visit, site_pages):
    v = visit(viewport={"width": 320, "height": 640})
    for path in ("/en/", "/fr/politique-de-protection-de-l-enfance/", "/fr/nowhere/"):
        v.goto(path)
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 320, path


def test_staff_edit_a_page_in_both_languages_with_translation_tabs(visit, site_pages, secretary):
    v = visit(viewport=DESKTOP)
    v.sign_in("secretary@example.org", admin=True)

    v.goto("/admin/flatpages/flatpage/")
    v.page.get_by_role("link", name="Our values").click()
    # Each translated field (address, title, content) has a tab per language.
    v.page.get_by_role("tablist", name="Title").get_by_role("tab", name="French").click()
    v.page.locator("#id_title_fr").fill("Nos valeurs communes")
    v.page.get_by_role("button", name="Save", exact=True).click()

    v.goto("/fr/valeurs/")
    assert v.page.get_by_role("heading", level=1).inner_text() == "Nos valeurs communes"


def test_narrowest_phone_needs_no_sideways_scrolling_with_cards(visit, site_pages, members):
    v = visit(viewport={"width": 320, "height": 640})
    for path in ("/en/", "/fr/evenements/", "/en/news/", "/fr/pratiques/", "/en/members/"):
        v.goto(path)
        assert v.page.evaluate("document.documentElement.scrollWidth") <= 320, path
