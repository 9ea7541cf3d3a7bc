"""A practice's page in a browser: in French on a phone, without JavaScript, a reader
sees what the evidence says and where the practice has travelled, then follows the
member that adapted it to its page."""

from members.models import Member

from .conftest import DESKTOP, PHONE


def test_a_phone_reader_follows_an_adaptation_to_the_member_that_made_it(
    visit, site_pages, members
):
    reader = visit(viewport=PHONE, java_script_enabled=False)
    reader.goto("/fr/pratiques/visiting-rooms/")
    page = reader.page

    assert page.get_by_role("heading", name="Des parloirs adaptés aux enfants").is_visible()
    assert page.get_by_role("heading", name="Ce que disent les données probantes").is_visible()
    assert page.get_by_text("Des études rigoureuses ont comparé").is_visible()
    travelled = page.locator("#adaptations")
    assert travelled.get_by_role("img", name="Carte de l’Europe").is_visible()
    assert travelled.get_by_role("heading", name="Allemagne").is_visible()
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    travelled.get_by_role("link", name="Kinder Berlin").click()
    page.wait_for_load_state()

    kinder = Member.objects.get(name="Kinder Berlin")
    assert page.url.endswith(f"/fr/membres/{kinder.slug}/")
    adapted = page.get_by_role("region", name="Pratiques adaptées par ce membre")
    assert adapted.get_by_role("link", name="Des parloirs adaptés aux enfants").is_visible()


def test_the_map_and_adaptations_sit_in_the_column_on_a_desktop(visit, site_pages, members):
    reader = visit(viewport=DESKTOP)
    reader.goto("/en/practices/visiting-rooms/")
    box = reader.page.locator("#adaptations svg").bounding_box()

    assert 200 < box["width"] <= 32 * 18  # at most 32rem of the 18px desktop font
    assert reader.page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
