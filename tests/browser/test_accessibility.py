"""axe-core finds no violation on each page type, in both languages, at phone and
desktop widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE

PAGE_TYPES = {
    "home": {"en": "/en/", "fr": "/fr/"},
    "page": {"en": "/en/about/", "fr": "/fr/a-propos/"},
    "not found": {"en": "/en/no-such-page/", "fr": "/fr/page-inexistante/"},
}
axe = Axe()


def violations(page):
    results = axe.run(
        page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]}
    )
    return [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_accessibility_violation(visit, site_pages, page_type, language, viewport):
    # axe is injected into the page, which our CSP (rightly) forbids: only here is it lifted.
    v = visit(viewport=viewport, bypass_csp=True)
    v.goto(PAGE_TYPES[page_type][language])

    assert v.page.locator("html").get_attribute("lang") == language
    assert violations(v.page) == []
