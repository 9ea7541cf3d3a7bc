"""Browser tests: Playwright drives Debian's Chromium against a live server.

Without /usr/bin/chromium they are skipped with the reason printed, unless
REQUIRE_BROWSER=1 (as in CI), when they fail.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from members.models import Member, User
from news.models import EventDocument
from pages.network import create_pages
from tests.factories import (
    EventFactory,
    MemberFactory,
    PostFactory,
    TopicFactory,
    applicant_category,
    image_file,
    pdf_file,
)

from .page_types import PASSWORD

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


@pytest.fixture
def members(transactional_db, settings, tmp_path):
    """A small directory with a logo, initials, fallback text and an applicant, and the
    news and events of page_types.PAGE_TYPES."""
    settings.MEDIA_ROOT = tmp_path
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    MemberFactory(
        name="Relais Lyon",
        slug="relais-lyon",
        country="FR",
        latitude=45.76,
        longitude=4.84,
        description_en="A visitor centre.",
        description_fr="",
        mission_en="Stay close.",
        website="https://relais.example",
        email="contact@relais.example",
        year_founded=1990,
        languages=["fr"],
        topics=[visits],
        profile_confirmed_on="2026-05-01",
        logo=image_file(),
    )
    MemberFactory(
        name="Kinder Berlin",
        country="DE",
        latitude=52.52,
        longitude=13.40,
        summary_fr="",
        topics=[visits],
    )
    MemberFactory(
        name="Ponte Roma", country="IT", category=applicant_category(), setting="community"
    )
    MemberFactory(name="Ana Ionescu", country="RO", kind="individual", setting="both")
    post = PostFactory(
        slug="visits-reopen",
        title_en="Visits reopen",
        title_fr="Les parloirs rouvrent",
        body_en="## What changes\n\n- Longer visits\n\n> Finally.",
        image=image_file(),
        image_alt="A visiting room with toys",
        countries=["FR"],
    )
    post.topics.add(visits)
    post.members.add(Member.objects.get(slug="relais-lyon"))
    PostFactory(slug="english-only", title_fr="", summary_fr="", body_fr="")
    event = EventFactory(
        slug="family-day",
        title_en="Family day",
        title_fr="Journée des familles",
        organiser=Member.objects.get(slug="relais-lyon"),
        online_url="https://meet.example.org/family-day",
        registration_url="https://register.example.org/",
        image=image_file(),
        image_alt="Children playing",
        countries=["FR"],
    )
    event.topics.add(visits)
    EventDocument.objects.create(
        event=event, title_en="Programme", title_fr="Programme", file=pdf_file()
    )
    EventFactory(
        slug="webinar",
        title_fr="",
        summary_fr="",
        body_fr="",
        venue="",
        city="",
        country="",
        all_day=True,
        online_url="https://meet.example.org/",
    )
    EventFactory(slug="last-year", start=timezone.now() - datetime.timedelta(days=300))


@pytest.fixture
def representative(members):
    """Relais Lyon's representative, who has sent items in each status and invited a
    colleague who has not answered yet."""
    person = User.objects.create_user("rep", "rep@example.org", PASSWORD)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    relais = Member.objects.get(slug="relais-lyon")
    relais.representatives.add(person)
    relais.invitations.create(email="lea@example.org", language="fr", invited_by=person)
    # What they sent, in each status, for the portal's table.
    PostFactory(title_en="Our open day", status="submitted", submitted_by=relais)
    PostFactory(title_en="Turned down", status="draft", submitted_by=relais)
    EventFactory(slug="sent", status="published", submitted_by=relais)
    return person
