"""A text area with a limit counts the characters left as the person types."""

from playwright.sync_api import expect

from tests.factories import CategoryFactory

from .conftest import DESKTOP


def test_the_count_follows_the_typing_and_says_when_the_text_is_too_long(visit, site_pages):
    CategoryFactory()
    v = visit(viewport=DESKTOP)
    v.goto("/en/join/")
    work = v.page.get_by_label("Your work with children of imprisoned parents")
    count = v.page.locator(".field--work .character-count")
    spoken = v.page.locator(".field--work [aria-live=polite]")

    assert count.inner_text() == "5,000 characters left"
    work.fill("We visit 👪 families.\nEvery week.")
    assert count.inner_text() == "4,968 characters left"
    work.fill("x" * 5001)
    assert count.inner_text() == "1 character too many"
    assert "character-count--over" in count.get_attribute("class")
    expect(spoken).to_have_text("1 character too many")  # once the typing pauses


def test_the_count_speaks_french_on_french_pages(visit, site_pages):
    CategoryFactory()
    v = visit(viewport=DESKTOP)
    v.goto("/fr/adherer/")
    count = v.page.locator(".field--work .character-count")

    v.page.locator("#id_work").fill("x" * 5000)
    assert count.inner_text() == "0 caractère restant"
    v.page.locator("#id_work").fill("x" * 4998)
    assert count.inner_text() == "2 caractères restants"
