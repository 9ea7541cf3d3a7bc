"""Browser tests: Playwright drives Debian's Chromium against a live server.

Without /usr/bin/chromium they are skipped with the reason printed, unless
REQUIRE_BROWSER=1 (as in CI), when they fail.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.flatpages.models import FlatPage
from django.utils import timezone

from members.models import Member, MembershipCategory
from pages.demo import seed_contact_details
from pages.network import create_home_page, create_pages
from practices.models import Practice
from tests.factories import (
    PASSWORD,
    AdaptationFactory,
    ApplicationFactory,
    CallFactory,
    ContactPersonFactory,
    EventDocumentFactory,
    EventFactory,
    InvitationFactory,
    MemberDocumentFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    ReplyFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
    applicant_category,
    image_file,
    pdf_file,
)

from .page_types import CALL, CONTACT_PERSON

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
# axe-core checks each page type in both languages and at both widths, as two runs:
# English on a desktop, and French, whose words are longer, on a phone. (Four runs a
# page took the browser tests past half of CI's thirty minutes for no finding the two
# missed.)
AXE_RUNS = {"en": (DESKTOP, "desktop"), "fr": (PHONE, "phone")}
# The site's sign-in form, its button, and where it leads, by language.
SIGN_IN = {"en": "/en/accounts/login/", "fr": "/fr/comptes/connexion/"}
SIGN_IN_BUTTON = {"en": "Sign in", "fr": "Se connecter"}
PORTAL = {"en": "/en/portal/", "fr": "/fr/espace-membre/"}
# What axe-core checks: WCAG 2.2 AA and its best practices.
RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]}
axe = Axe()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


def violations(page):
    """What axe-core finds wrong on the page, a line each, once the page and its
    style sheet have loaded (before that, unstyled links are too small to touch)."""
    page.wait_for_load_state("load")
    results = axe.run(page, options=RULES)
    return [
        f"{v['id']}: {v['help']} {[node['target'] for node in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]


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

    def sign_in(self, email, password=PASSWORD, *, language="en", admin=False):
        """Sign in with the site's form and wait for the page it leads to: the portal in
        `language`, or with `admin`, the admin, which sends staff to the form first. A
        refused sign-in stays on the form, and the wait fails."""
        self.goto("/admin/" if admin else SIGN_IN[language])
        self.page.locator("#id_login").fill(email)
        self.page.locator("#id_password").fill(password)
        self.page.get_by_role("button", name=SIGN_IN_BUTTON[language]).click()
        self.page.wait_for_url("**/admin/" if admin else f"**{PORTAL[language]}")

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
    """The network's pages, its home page and the secretariat's (demo) contact details,
    shown at the foot of every page, in a database the live server sees."""
    create_pages()
    create_home_page()
    seed_contact_details()


def prison_visits():
    return TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")


def relais_lyon(**details):
    """Relais Lyon, pinned on the map in Lyon, working on prison visits."""
    return MemberFactory(
        name="Relais Lyon",
        slug="relais-lyon",
        country="FR",
        latitude=45.76,
        longitude=4.84,
        topics=[prison_visits()],
        **details,
    )


def trait_d_union():
    """A Belgian member that offers support to children and families ("Find help near
    you" leads parents to it), and a helpline that works across borders."""
    MemberFactory(
        name="Lanterns Helpline",
        slug="lanterns-helpline",
        country="GB",
        supports_families=True,
        works_across_borders=True,
    )
    return MemberFactory(
        name="Trait d’Union",
        slug="trait-d-union",
        country="BE",
        city="Bruxelles",
        supports_families=True,
        email="familles@trait-d-union.example",
        phone="+32 2 000 00 00",
    )


@pytest.fixture
def members(transactional_db):
    """A small directory with a logo, initials, fallback text and an applicant, and the
    news, events and practices of page_types.PAGE_TYPES."""
    visits = prison_visits()
    relais = relais_lyon(
        description_en="A visitor centre.",
        description_fr="",
        mission_en="Stay close.",
        website="https://relais.example",
        email="contact@relais.example",
        year_founded=1990,
        languages=["fr"],
        profile_confirmed_on="2026-05-01",
        logo=image_file(),
    )
    kinder = MemberFactory(
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
    trait_d_union()
    MemberDocumentFactory(category="annual-report", year=2024)
    MemberDocumentFactory(
        title_en="Guidelines for sharing stories", title_fr="", category="guidelines"
    )
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
    post.members.add(relais)
    PostFactory(slug="english-only", title_fr="", summary_fr="", body_fr="")
    event = EventFactory(
        slug="family-day",
        title_en="Family day",
        title_fr="Journée des familles",
        organiser=relais,
        online_url="https://meet.example.org/family-day",
        registration_url="https://register.example.org/",
        image=image_file(),
        image_alt="Children playing",
        countries=["FR"],
    )
    event.topics.add(visits)
    EventDocumentFactory(event=event)
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
    practice = PracticeFactory(
        slug="visiting-rooms",
        title_en="Child-friendly visiting rooms",
        title_fr="Des parloirs adaptés aux enfants",
        body_en="## How it works\n\n- Toys and books\n- Trained staff",
        rating="well-supported",
        evaluation="controlled",
        image=image_file(),
        image_alt="A visiting room with a play corner",
        document=pdf_file(),
        link="https://relais.example/parloirs",
        submitted_by=relais,
    )
    practice.topics.add(visits)
    practice.members.add(relais)
    SourceFactory(practice=practice, title="Evaluation of the visiting rooms", year=2021)
    AdaptationFactory(practice=practice, country="DE", member=kinder, year=2022)
    AdaptationFactory(practice=practice, country="BE", year=2023)
    PracticeFactory(
        slug="english-only-practice",
        title_fr="",
        summary_fr="",
        body_fr="",
        findings_fr="",
        kind="guidance",
        countries=[],
        worldwide=True,
        rating="not-evaluated",
        evaluation="none",
    )
    # Calls: a public one, a members-only one (another member's, so that Relais Lyon's
    # representative may reply), one closing soon, one closed and one filled.
    CallFactory(
        pk=CALL,
        slug="family-days-partners",
        title_en="Partners for family days",
        title_fr="Des partenaires pour des journées des familles",
        description_en="We look for two partners.\n\nThe project lasts two years.",
        description_fr="Nous cherchons deux partenaires.\n\nLe projet dure deux ans.",
        member=relais,
        topics=[visits],
        countries=["FR", "BE"],
        languages=["fr", "en"],
        funding_programme="Erasmus+",
        file=pdf_file(),
    )
    CallFactory(
        slug="members-study",
        kind="research",
        title_en="A study of visits",
        title_fr="",
        description_fr="",
        member=kinder,
        is_public=False,
        topics=[visits],
    )
    # Kinder Berlin's interest in Relais Lyon's call (page_types: the replies' page).
    ReplyFactory(
        call_id=CALL,
        member=kinder,
        message="We run family days in Berlin.\n\nCould we talk next week?",
        email="team@kinder.example",
    )
    CallFactory(kind="expertise", deadline=timezone.localdate() + datetime.timedelta(days=3))
    CallFactory(kind="exchange", deadline=timezone.localdate() - datetime.timedelta(days=3))
    CallFactory(countries=["DE"], filled_at=timezone.now())


@pytest.fixture
def admin_data(site_pages):
    """A staff member, and a row of each kind that staff edit, by the names of the
    admin's addresses (test_admin_accessibility.ADMIN_PAGES)."""
    staff = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)
    topic = prison_visits()
    member = MemberFactory(
        name="Relais Lyon",
        slug="relais-lyon",
        logo=image_file(),
        topics=[topic],
        representatives=[staff],
    )
    post = PostFactory(title_en="Visits reopen", title_fr="Les parloirs rouvrent")
    post.topics.add(topic)
    PostFactory(title_en="Our open day", status="submitted", submitted_by=member)
    event = EventFactory(title_en="Family day", title_fr="Journée des familles", organiser=member)
    EventDocumentFactory(event=event)
    application = ApplicationFactory(category=applicant_category())
    practice = PracticeFactory(
        title_en="Visiting rooms", title_fr="Des parloirs adaptés", document=pdf_file()
    )
    practice.topics.add(topic)
    SourceFactory(practice=practice)
    adaptation = AdaptationFactory(practice=practice, country="DE", member=member)
    AdaptationFactory(practice=practice, country="PT", status="submitted", submitted_by=member)
    PracticeFactory(title_en="Mentors", status="submitted", submitted_by=member)
    return {
        "practice": practice.pk,
        "adaptation": adaptation.pk,
        "post": post.pk,
        "event": event.pk,
        "member": member.pk,
        "page": FlatPage.objects.get(url_en="/about/").pk,
        "category": MembershipCategory.objects.get(slug="member-organisation").pk,
        "topic": topic.pk,
        "application": application.pk,
        "user": staff.pk,
    }


@pytest.fixture
def secretary(transactional_db):
    """Staff with every right (secretary@example.org)."""
    return UserFactory(email="secretary@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def representative(members):
    """Relais Lyon's representative, who has sent items in each status and invited a
    colleague who has not answered yet."""
    person = UserFactory(email="rep@example.org")
    relais = Member.objects.get(slug="relais-lyon")
    relais.representatives.add(person)
    # A colleague shown to members as a contact person (page_types: the message form).
    relais.representatives.add(
        ContactPersonFactory(
            pk=CONTACT_PERSON, email="anna@relais.example", first_name="Anna", last_name="Roux"
        )
    )
    InvitationFactory(member=relais, email="lea@example.org", language="fr", invited_by=person)
    # What they sent, in each status, for the portal's table.
    PostFactory(title_en="Our open day", status="submitted", submitted_by=relais)
    PostFactory(title_en="Turned down", status="draft", submitted_by=relais)
    EventFactory(slug="sent", status="published", submitted_by=relais)
    PracticeFactory(
        title_en="",
        title_fr="Nos mentors",
        slug="nos-mentors",
        status="submitted",
        submitted_by=relais,
    )
    AdaptationFactory(
        practice=Practice.objects.get(slug="visiting-rooms"),
        country="PT",
        status="submitted",
        submitted_by=relais,
        member=relais,
    )
    return person
