"""axe-core finds no violation on each page type, in both languages, at phone and
desktop widths (English on a desktop, French on a phone: conftest.AXE_RUNS)."""

import pytest

from tests.factories import PASSWORD, pdf_bytes

from .conftest import AXE_RUNS, DESKTOP, PHONE, violations
from .page_types import ACCOUNT_PAGES, ANONYMOUS, ERRORS, PAGE_TYPES


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_accessibility_violation(visit, site_pages, members, page_type):
    found = {}
    for language, path in PAGE_TYPES[page_type].items():
        viewport, width_name = AXE_RUNS[language]
        # axe is injected into the page, which our CSP (rightly) forbids: only here is
        # the policy lifted.
        v = visit(viewport=viewport, bypass_csp=True)
        v.goto(path)
        assert v.page.locator("html").get_attribute("lang") == language
        if problems := violations(v.page):
            found[f"{language} {width_name} {path}"] = problems

    assert found == {}


@pytest.mark.parametrize("page_type", ACCOUNT_PAGES)
def test_account_page_has_no_accessibility_violation(visit, site_pages, representative, page_type):
    found = {}
    v = visit(viewport=DESKTOP, bypass_csp=True)
    if page_type not in ANONYMOUS:
        v.sign_in("rep@example.org")
    for language, path in ACCOUNT_PAGES[page_type].items():
        viewport, width_name = AXE_RUNS[language]
        v.page.set_viewport_size(viewport)
        v.goto(path)
        if "/reauthenticate/" in v.page.url:
            v.page.locator("#id_password").fill(PASSWORD)
            v.page.locator("main button[type=submit]").click()
            v.page.wait_for_load_state()
        assert v.page.locator("html").get_attribute("lang") == language
        if problems := violations(v.page):
            found[f"{language} {width_name} {v.page.url}"] = problems
        if page_type in ERRORS:
            # The same form sent back with errors, and its error summary.
            for selector, value in ERRORS[page_type].items():
                v.page.locator(selector).fill(value)
            v.page.locator("main form.form button[type=submit]").first.click()
            v.page.wait_for_load_state()
            assert v.page.locator(".error-summary").is_visible()
            if problems := violations(v.page):
                found[f"{language} {width_name} {path} (errors)"] = problems

    assert found == {}


def test_documents_kept_for_an_application_sent_back_are_announced(visit, site_pages, members):
    pdf = pdf_bytes()
    for viewport in (PHONE, DESKTOP):
        v = visit(viewport=viewport, bypass_csp=True)
        v.goto("/fr/adherer/")
        v.page.locator("#id_annual_report_1").set_input_files(
            {"name": "rapport-2024.pdf", "mimeType": "application/pdf", "buffer": pdf}
        )
        v.page.locator("main form.form button[type=submit]").click()  # empty: sent back
        v.page.wait_for_load_state("load")

        kept = v.page.locator(".field--annual_report_1 .upload-kept")
        assert "rapport-2024.pdf" in kept.inner_text()
        assert violations(v.page) == []
