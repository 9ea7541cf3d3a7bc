"""The site search as a visitor uses it: the header's box (in the menu on a phone, in the
navigation bar on a wide screen), the results, "see all" to the kind's own list, and
"Did you mean …?"."""

from tests.factories import PostFactory

from .conftest import DESKTOP, PHONE, violations


def test_search_from_the_phone_menu_in_french_and_see_all_the_articles(visit, site_pages, members):
    for n in range(6):
        PostFactory(title_en=f"Visits news {n}", title_fr=f"Les parloirs, nouvelles {n}")
    v = visit(viewport=PHONE, bypass_csp=True)
    v.goto("/fr/")
    assert not v.page.locator("#site-search-q").is_visible()

    v.page.get_by_text("Menu", exact=True).click()
    box = v.page.get_by_role("searchbox", name="Chercher sur le site")
    box.fill("parloirs")
    box.press("Enter")
    v.page.wait_for_url("**/fr/recherche/?q=parloirs")

    news = v.page.get_by_role("region", name="Actualités (7)")
    assert news.locator(".search-hit").count() == 5
    assert news.locator("mark").first.inner_text() == "parloirs"
    assert violations(v.page) == []
    width = v.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]

    news.get_by_role("link", name="Voir les 7 articles").click()
    v.page.wait_for_url("**/fr/actualites/?q=parloirs")
    assert v.page.locator(".post-card").count() == 7
    assert v.page.get_by_role("searchbox", name="Rechercher").input_value() == "parloirs"


def test_search_from_the_navigation_bar_in_english_and_follow_the_suggestion(
    visit, site_pages, members
):
    PostFactory(title_en="Letters from prisioners")
    for n in range(3):
        PostFactory(title_en=f"Life in prison {n}")
    v = visit(viewport=DESKTOP, bypass_csp=True)
    v.goto("/en/news/")

    box = v.page.get_by_role("searchbox", name="Search the site")
    assert box.is_visible()
    box.fill("prisio")
    box.press("Enter")
    v.page.wait_for_url("**/en/search/?q=prisio")

    assert v.page.title().startswith("Search: prisio")
    assert v.page.get_by_role("region", name="News (1)").is_visible()
    assert violations(v.page) == []

    v.page.get_by_role("link", name="prison", exact=True).click()
    v.page.wait_for_url("**/en/search/?q=prison")
    assert v.page.get_by_role("searchbox", name="Search the site").input_value() == "prison"
    assert v.page.locator(".search-hit").count() > 3


def test_the_header_search_works_without_javascript_on_a_phone(visit, site_pages, members):
    v = visit(viewport=PHONE, java_script_enabled=False)
    v.goto("/en/members/")

    v.page.get_by_text("Menu", exact=True).click()
    v.page.get_by_role("searchbox", name="Search the site").fill("lyon")
    v.page.get_by_role("button", name="Search", exact=True).click()
    v.page.wait_for_url("**/en/search/?q=lyon")

    assert v.page.get_by_role("heading", name="Relais Lyon").is_visible()


def test_the_header_search_fits_the_narrowest_phone(visit, site_pages):
    v = visit(viewport={"width": 320, "height": 640})
    v.goto("/fr/")
    v.page.get_by_text("Menu", exact=True).click()

    button = v.page.get_by_role("button", name="Rechercher").bounding_box()
    assert button["x"] + button["width"] <= 320
    box = v.page.get_by_role("searchbox", name="Chercher sur le site").bounding_box()
    assert box["width"] >= 120
