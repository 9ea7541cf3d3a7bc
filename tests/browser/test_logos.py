"""A page asks for a logo about the size it shows it, on ordinary and sharp screens."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

LOGOS = {
    "directory card": ("/en/members/", ".member-card__logo img"),
    "member page": ("/fr/membres/relais-lyon/", ".member__logo img"),
}


@pytest.mark.parametrize(("path", "selector"), LOGOS.values(), ids=LOGOS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("density", [1, 2])
def test_page_asks_for_a_logo_close_to_the_size_it_shows(
    visit, members, viewport, density, path, selector
):
    v = visit(viewport=viewport, device_scale_factor=density)
    v.goto(path)
    logo = v.page.locator(selector)
    logo.scroll_into_view_if_needed()
    # Wait for the file. Not with wait_for_function("…"): when its first check fails, it
    # checks again with eval(), which the site's script-src 'self' refuses (EvalError).
    expect(logo).not_to_have_js_property("naturalWidth", 0)

    shown = logo.evaluate("img => img.getBoundingClientRect().width") * density
    # The width of the file the browser chose (naturalWidth is scaled by srcset's "w").
    sent = logo.evaluate(
        "img => { const file = new Image(); file.src = img.currentSrc;"
        " return file.decode().then(() => file.naturalWidth); }"
    )

    # Sharp enough, and never more than half as many pixels again as the screen shows.
    assert shown <= sent <= 1.5 * shown, f"{sent} px sent for {shown:.0f} px shown"
