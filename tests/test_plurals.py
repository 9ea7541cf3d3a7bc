"""A count takes the form its number needs, in English and in French (where 0 and 1 take
the singular): "1 person", "2 people"; "1 personne", "2 personnes"."""

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from tests.factories import (
    AffiliateFactory,
    ApplicationFactory,
    MemberFactory,
    OutboundEmailFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


def in_language(client, language):
    client.cookies["django_language"] = language
    return client


def test_the_french_catalogue_says_how_french_counts():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po"))

    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"


@pytest.mark.parametrize(
    ("language", "people", "said"),
    [
        ("en", 1, "is on its way to 1 person."),
        ("en", 2, "is on its way to 2 people."),
        ("fr", 1, "est en cours d’envoi à 1 personne."),
        ("fr", 2, "est en cours d’envoi à 2 personnes."),
    ],
)
def test_sending_the_digest_says_to_how_many_people(admin_client, language, people, said):
    for n in range(people):
        AffiliateFactory(email=f"reader{n}@example.org", confirmed=True)
    PostFactory()

    response = in_language(admin_client, language).post("/admin/news/digest/send/", follow=True)

    assert said in response.text


@pytest.mark.parametrize(
    ("language", "applications", "said"),
    [
        ("en", 1, "1 application marked as under review."),
        ("en", 2, "2 applications marked as under review."),
        ("fr", 1, "1 candidature marquée comme en cours d’examen."),
        ("fr", 2, "2 candidatures marquées comme en cours d’examen."),
    ],
)
def test_marking_applications_under_review_says_how_many(
    admin_client, language, applications, said
):
    selected = [ApplicationFactory().pk for _ in range(applications)]

    response = in_language(admin_client, language).post(
        "/admin/members/application/",
        {"action": "mark_under_review", "_selected_action": selected},
        follow=True,
    )

    assert said in response.text


@pytest.mark.parametrize(
    ("language", "members", "said"),
    [("en", 1, "1 member"), ("en", 2, "2 members"), ("fr", 1, "1 membre"), ("fr", 2, "2 membres")],
)
def test_the_directory_counts_its_members(client, language, members, said):
    for _ in range(members):
        MemberFactory()
    with override(language):
        url = reverse("members:directory")

    html = client.get(url).text

    count = html.split('class="results__count">', 1)[1].split("</h2>", 1)[0]
    assert " ".join(count.split()) == said


@pytest.mark.parametrize(
    ("language", "emails", "said"),
    [
        ("en", 1, "1 email sent."),
        ("en", 2, "2 emails sent."),
        ("fr", 1, "1 courriel envoyé."),
        ("fr", 2, "2 courriels envoyés."),
    ],
)
def test_sending_stored_emails_again_says_how_many(admin_client, language, emails, said):
    selected = [OutboundEmailFactory(status="failed").pk for _ in range(emails)]

    response = in_language(admin_client, language).post(
        "/admin/outbox/outboundemail/",
        {"action": "send_now", "_selected_action": selected},
        follow=True,
    )

    assert said in response.text
