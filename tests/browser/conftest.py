"""Browser tests: Playwright drives Debian's Chromium against a live server.

Without /usr/bin/chromium they are skipped with the reason printed, unless
REQUIRE_BROWSER=1 (as in CI), when they fail.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from cpe_network.network import create_pages

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser context that refuses to ask any host but the live server, and
    remembers what went wrong (requests elsewhere, console errors, CSP reports)."""

    def __init__(self, browser, live_server, **options):
        self.base = live_server.url
        self.problems = []
        self.context = browser.new_context(**options)
        self.context.route("**/*", self._only_our_host)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on("response", self._response)

    def _only_our_host(self, route):
        url = route.request.url
        if urlsplit(url).netloc == urlsplit(self.base).netloc or url.startswith("data:"):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()

    def _console(self, message):
        # A missing file is reported by _response; a 404 page itself is no problem.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.problems.append(f"console error: {message.text}")

    def _response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.problems.append(f"{response.status} for {response.url}")

    def goto(self, path, **kwargs):
        return self.page.goto(self.base + path, **kwargs)

    def close(self):
        self.page.close()
        self.context.close()


@pytest.fixture
def visit(browser, live_server):
    """Open pages with the site's own Content Security Policy enforced."""
    visits = []

    def open_visit(**options):
        visits.append(Visit(browser, live_server, **options))
        return visits[-1]

    yield open_visit
    problems = [problem for v in visits for problem in v.problems]
    for v in visits:
        v.close()
    assert problems == []


@pytest.fixture
def site_pages(transactional_db):
    create_pages()


@pytest.fixture
def pages_for_browser(transactional_db):
    create_pages()
