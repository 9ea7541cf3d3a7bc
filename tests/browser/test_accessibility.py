"""axe-core finds no violation on each page type, in both languages, at phone and
desktop widths."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from members.models import Member
from news.models import EventDocument
from tests.factories import (
    EventFactory,
    MemberFactory,
    PostFactory,
    TopicFactory,
    applicant_category,
    image_file,
    pdf_file,
)

from .conftest import DESKTOP, PHONE

PAGE_TYPES = {
    "home": {"en": "/en/", "fr": "/fr/"},
    "page": {"en": "/en/about/", "fr": "/fr/a-propos/"},
    "not found": {"en": "/en/no-such-page/", "fr": "/fr/page-inexistante/"},
    "directory": {"en": "/en/members/", "fr": "/fr/membres/"},
    "filtered directory": {
        "en": "/en/members/?country=FR&topic=prison-visits",
        "fr": "/fr/membres/?country=FR&topic=prison-visits",
    },
    "empty directory": {"en": "/en/members/?q=nothing-matches", "fr": "/fr/membres/?q=rien"},
    "member": {"en": "/en/members/relais-lyon/", "fr": "/fr/membres/relais-lyon/"},
    "membership": {"en": "/en/membership/", "fr": "/fr/adhesion/"},
    "map": {"en": "/en/members/map/", "fr": "/fr/membres/carte/"},
    "news": {"en": "/en/news/", "fr": "/fr/actualites/"},
    "news filtered": {"en": "/en/news/?topic=prison-visits", "fr": "/fr/actualites/?country=ZZ"},
    "news post": {"en": "/en/news/visits-reopen/", "fr": "/fr/actualites/visits-reopen/"},
    "english-only post": {"en": "/en/news/english-only/", "fr": "/fr/actualites/english-only/"},
    "events": {"en": "/en/events/", "fr": "/fr/evenements/"},
    "past events": {"en": "/en/events/?when=past", "fr": "/fr/evenements/?when=past"},
    "no events": {
        "en": "/en/events/?country=IS",
        "fr": "/fr/evenements/?topic=prison-visits&when=past",
    },
    "event": {"en": "/en/events/family-day/", "fr": "/fr/evenements/family-day/"},
    "english-only event": {"en": "/en/events/webinar/", "fr": "/fr/evenements/webinar/"},
}
RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]}
axe = Axe()


@pytest.fixture
def members(transactional_db, settings, tmp_path):
    """A small directory with a logo, initials, fallback text and an applicant."""
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


def violations(page):
    results = axe.run(page, options=RULES)
    return [
        f"{v['id']}: {v['help']} {[node['target'] for node in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_accessibility_violation(visit, site_pages, members, page_type):
    found = {}
    for viewport, width_name in [(PHONE, "phone"), (DESKTOP, "desktop")]:
        # axe is injected into the page, which our CSP (rightly) forbids: only here is
        # the policy lifted.
        v = visit(viewport=viewport, bypass_csp=True)
        for language, path in PAGE_TYPES[page_type].items():
            v.goto(path)
            assert v.page.locator("html").get_attribute("lang") == language
            if problems := violations(v.page):
                found[f"{language} {width_name} {path}"] = problems

    assert found == {}


ACCOUNT_PAGES = {
    "application form": {"en": "/en/join/", "fr": "/fr/adherer/"},
    "affiliate sign-up": {"en": "/en/subscribe/", "fr": "/fr/abonnement/"},
    "sign in": {"en": "/en/accounts/login/", "fr": "/fr/comptes/login/"},
    "password reset": {"en": "/en/accounts/password/reset/", "fr": "/fr/comptes/password/reset/"},
    "portal": {"en": "/en/portal/", "fr": "/fr/espace-membre/"},
    "profile form": {
        "en": "/en/portal/relais-lyon/profile/",
        "fr": "/fr/espace-membre/relais-lyon/profil/",
    },
    "representatives": {
        "en": "/en/portal/relais-lyon/representatives/",
        "fr": "/fr/espace-membre/relais-lyon/representants/",
    },
    "send news": {
        "en": "/en/portal/relais-lyon/news/new/",
        "fr": "/fr/espace-membre/relais-lyon/actualites/nouvelle/",
    },
    "send an event": {
        "en": "/en/portal/relais-lyon/events/new/",
        "fr": "/fr/espace-membre/relais-lyon/evenements/nouveau/",
    },
    "second factor": {"en": "/en/accounts/2fa/", "fr": "/fr/comptes/2fa/"},
    "second factor set-up": {
        "en": "/en/accounts/2fa/totp/activate/",
        "fr": "/fr/comptes/2fa/totp/activate/",
    },
}


ANONYMOUS = {"sign in", "password reset", "application form", "affiliate sign-up"}
ERRORS = {
    "application form": {"#id_organisation": "Lien Familial"},
    "affiliate sign-up": {"#id_name": "Sam"},
    "sign in": {"#id_login": "rep@example.org", "#id_password": "wrong"},
    "profile form": {"#id_latitude": "200"},
    "send news": {"#id_body_en": "A text without a title"},
    "send an event": {
        "#id_title_fr": "Journée",
        "#id_city": "Lyon",
        "#id_start": "2031-06-14T10:00",
        "#id_end": "2031-06-13T10:00",
    },
}


@pytest.fixture
def representative(members):
    from allauth.account.models import EmailAddress

    from members.models import Member, User

    person = User.objects.create_user("rep", "rep@example.org", "a-long-passphrase-here")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    relais = Member.objects.get(slug="relais-lyon")
    relais.representatives.add(person)
    # What they sent, in each status, for the portal's table.
    PostFactory(title_en="Our open day", status="submitted", submitted_by=relais)
    PostFactory(title_en="Turned down", status="draft", submitted_by=relais)
    EventFactory(slug="sent", status="published", submitted_by=relais)
    return person


@pytest.mark.parametrize("page_type", ACCOUNT_PAGES)
def test_account_page_has_no_accessibility_violation(visit, site_pages, representative, page_type):
    found = {}
    for viewport, width_name in [(PHONE, "phone"), (DESKTOP, "desktop")]:
        v = visit(viewport=viewport, bypass_csp=True)
        if page_type not in ANONYMOUS:
            v.goto("/en/accounts/login/")
            v.page.locator("#id_login").fill("rep@example.org")
            v.page.locator("#id_password").fill("a-long-passphrase-here")
            v.page.locator("main button[type=submit]").click()
            v.page.wait_for_url("**/portal/")
        for language, path in ACCOUNT_PAGES[page_type].items():
            v.goto(path)
            if "/reauthenticate/" in v.page.url:
                v.page.locator("#id_password").fill("a-long-passphrase-here")
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
