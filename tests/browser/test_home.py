"""The home page's opening at the two widths: a picture above the fold on a desktop; on a
phone the words alone, short enough that what follows them (find help near you) shows
without scrolling."""

from pages.models import HomePage
from tests.factories import image_file

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


def test_a_phone_does_not_download_the_picture_it_hides(visit, site_pages):
    """The home page's picture is hidden on a phone (home.css): the phone fetches a
    pixel in its place, a desktop the picture."""
    home = HomePage.objects.get(pk=1)
    home.image = image_file("hero.png", size=(1200, 800))
    home.image_alt_en = "Children at a visit"
    home.save()
    fetched = {}
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        v = visit(viewport=viewport)
        asked = []
        v.page.on("request", lambda request, asked=asked: asked.append(request.url))
        v.goto("/en/")
        v.page.wait_for_load_state("load")
        fetched[name] = [url for url in asked if "/home/" in url or "blank" in url]

    assert [url.rsplit("/", 1)[1].split(".")[0] for url in fetched["phone"]] == ["blank"]
    assert len(fetched["desktop"]) == 1 and "/media/home/" in fetched["desktop"][0]
