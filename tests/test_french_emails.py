"""Every email the site sends, in French: no "e-mail", the curly apostrophe, and no
English sentence left. Each is triggered as the site sends it (or, for allauth's emails
the site's settings do not send today, rendered from allauth's templates)."""

import datetime
import re
from html import unescape
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from django.utils.translation import override

from members.models import Member
from news.models import Digest
from outbox.models import OutboundEmail
from tests.factories import (
    PASSWORD,
    AdaptationFactory,
    AffiliateFactory,
    ApplicationFactory,
    CallFactory,
    EventFactory,
    InvitationFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    UserFactory,
    applicant_category,
)

pytestmark = pytest.mark.django_db

# Words and phrases of English sentences, none of which a French sentence has.
ENGLISH = (
    " the ",
    "The ",
    "Hello",
    "Thank",
    "You ",
    "Your ",
    " you ",
    " your ",
    " and ",
    " to ",
    " of ",
    " is ",
    " has been ",
    "please",
    "Please",
    "email",
    "Email",
    " link ",
    "Sign in",
)
ADDRESS_OR_LINK = re.compile(r"\S+@\S+|https?://\S+")


def french_problems(text):
    """What makes `text` not the site's French, with the text around it."""
    # The network's name is English in every language.
    text = text.replace(settings.SITE_NAME, "")
    prose = ADDRESS_OR_LINK.sub(" ", unescape(re.sub(r"<[^>]+>", " ", text)))
    problems = []
    if match := re.search(r".{0,30}e-?mail.{0,30}", prose, re.I):
        problems.append(f"e-mail: {match[0]!r}")
    if match := re.search(r".{0,30}'.{0,30}", prose):
        problems.append(f"straight apostrophe: {match[0]!r}")
    problems += [f"English {word!r}" for word in ENGLISH if word in prose]
    return problems


def assert_french(subject, body, html=""):
    for part, text in (("subject", subject), ("body", body), ("html", html)):
        assert not french_problems(text), f"{part}: {french_problems(text)}\n{text}"


def sent_in_french(to=None):
    emails = OutboundEmail.objects.filter(language="fr").order_by("pk")
    if to:
        emails = emails.filter(to=to)
    emails = list(emails)
    assert emails, "no email in French was sent"
    return emails


def check(emails):
    for email in emails:
        assert_french(email.subject, email.body, email.html)


def test_the_application_emails_in_french():
    applicant_category()
    application = ApplicationFactory(contact_email="marie@lien.example")
    application.send_acknowledgements()
    application.approve(by=UserFactory(is_staff=True))
    rejected = ApplicationFactory(contact_email="refus@lien.example")
    rejected.reject(by=None, note="Hors du champ du réseau.")

    received, approved = sent_in_french("marie@lien.example")
    assert "expire dans 14 jours" in approved.body
    check([received, approved, *sent_in_french("refus@lien.example")])


def test_the_subscription_emails_in_french():
    AffiliateFactory(email="nouveau@example.org", language="fr").ask_for_confirmation()
    AffiliateFactory(
        email="abonne@example.org", language="fr", confirmed=True
    ).answer_subscription()

    check(sent_in_french("nouveau@example.org") + sent_in_french("abonne@example.org"))


def test_the_invitation_emails_in_french():
    member = MemberFactory(name="Relais Lyon")
    UserFactory(email="deja@example.org")
    InvitationFactory(member=member, email="nouvelle@example.org", language="fr").send_email()
    InvitationFactory(member=member, email="deja@example.org", language="fr").send_email()

    (new,) = sent_in_french("nouvelle@example.org")
    assert "expire dans 14" in new.body
    check([new, *sent_in_french("deja@example.org")])


def test_the_profile_reminder_in_french():
    MemberFactory(
        name="Relais Lyon",
        profile_confirmed_on=datetime.date(2020, 1, 1),
        representatives=[UserFactory(email="rep@example.org", language="fr")],
    )

    assert Member.objects.send_reminders(timezone.localdate()) == 1
    check(sent_in_french("rep@example.org"))


@pytest.mark.parametrize(
    "make",
    [
        lambda **author: PostFactory(**author),
        lambda **author: EventFactory(**author),
        lambda **author: EventFactory(
            publish_at=timezone.now() + datetime.timedelta(days=3), **author
        ),
        lambda **author: PracticeFactory(**author),
        lambda **author: AdaptationFactory(**author),
    ],
    ids=["post", "event", "scheduled event", "practice", "adaptation"],
)
def test_the_published_and_submitted_emails_in_french(make, settings):
    settings.STAFF_NOTIFICATION_EMAILS = []
    UserFactory(
        email="editrice@example.org",
        language="fr",
        is_staff=True,
        groups=[Group.objects.get(name="Editor")],
    )
    author = UserFactory(email="auteur@example.org", language="fr")
    member = MemberFactory(name="Relais Lyon", representatives=[author])
    item = make(author=author, submitted_by=member)

    item.tell_editors()
    item.tell_sender()

    check(sent_in_french("editrice@example.org") + sent_in_french("auteur@example.org"))


def test_the_digest_in_french():
    AffiliateFactory(email="lecteur@example.org", language="fr", confirmed=True)
    PostFactory()
    EventFactory()
    PracticeFactory()
    CallFactory()
    CallFactory(is_public=False)
    MemberFactory(representatives=[UserFactory(email="rep-fr@example.org", language="fr")])

    Digest.send_new()

    check(sent_in_french("lecteur@example.org") + sent_in_french("rep-fr@example.org"))


def test_allauths_emails_the_site_sends_in_french(client, mailoutbox):
    UserFactory(email="oublie@example.org", language="fr")
    UserFactory(email="nouveau@example.org", language="fr", verified=False)

    client.post("/fr/comptes/password/reset/", {"email": "oublie@example.org"})
    client.post("/fr/comptes/login/", {"login": "nouveau@example.org", "password": PASSWORD})

    reset, confirmation = mailoutbox
    assert "courriel" in reset.body
    for message in (reset, confirmation):
        assert_french(message.subject, message.body)


ALLAUTH_EMAILS = sorted(
    f"{path.parent.parent.name}/email/{path.name.removesuffix('_subject.txt')}"
    for path in Path(allauth.__file__).parent.glob("templates/*/email/*_subject.txt")
)


@pytest.mark.parametrize("prefix", ALLAUTH_EMAILS)
def test_every_allauth_email_in_french(prefix):
    """Those the settings do not send today too (notifications of changes, codes, an
    unknown address), should a setting turn them on."""
    request = RequestFactory().get("/fr/")
    request.user = user = UserFactory(email="camille@example.org", language="fr")
    context = {
        "request": request,
        "user": user,
        "email": "camille@example.org",
        "current_site": Site.objects.get_current(),
        "password_reset_url": "https://example.org/fr/comptes/password/reset/key/x/",
        "activate_url": "https://example.org/fr/comptes/confirm-email/x/",
        "signup_url": "https://example.org/fr/comptes/signup/",
        "code": "ABC123",
        "key": "x",
        "from_email": "ancienne@example.org",
        "to_email": "camille@example.org",
        "deleted_email": "ancienne@example.org",
        "ip": "192.0.2.1",
        "user_agent": "Firefox",
        "timestamp": timezone.now(),
    }
    with override("fr"):
        subject = render_to_string(f"{prefix}_subject.txt", context)
        body = render_to_string(f"{prefix}_message.txt", context)

    assert_french(subject, body)
