"""The home page's opening at the two widths: a picture above the fold on a desktop; on a
phone the words alone, short enough that what follows them (find help near you) shows
without scrolling."""

from .conftest import DESKTOP, PHONE


def test_desktop_home_shows_the_illustration_above_the_fold(visit, site_pages):
    v = visit(viewport=DESKTOP)
    v.goto("/en/")
    picture = v.page.locator(".home-hero__picture img")

    box = picture.bounding_box()

    assert picture.is_visible()
    assert box["y"] + box["height"] / 2 < DESKTOP["height"]


def test_phone_home_opening_leaves_room_for_what_follows(visit, site_pages):
    v = visit(viewport=PHONE)
    for path in ("/en/", "/fr/"):
        v.goto(path)
        hero = v.page.locator(".home-hero").bounding_box()

        assert not v.page.locator(".home-hero__picture img").is_visible()
        assert hero["y"] + hero["height"] < PHONE["height"] - 120


def test_phone_home_shows_the_find_help_choice_aligned_with_the_opening(visit, site_pages, members):
    v = visit(viewport=PHONE)
    for path in ("/en/", "/fr/"):
        v.goto(path)
        opening = v.page.locator("#hero-title").bounding_box()
        heading = v.page.locator("#find-help-title").bounding_box()
        choice = v.page.locator("#find-help-country").bounding_box()

        assert heading["x"] == opening["x"]  # inside the page's margins, not at the edge
        assert heading["y"] + heading["height"] < PHONE["height"]
        assert choice["y"] + choice["height"] < PHONE["height"]
