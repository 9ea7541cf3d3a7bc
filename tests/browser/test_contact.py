"""A family writes to the network in French from the contact page: the membership
secretary is told in their own language, and the family gets an acknowledgement in French."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from pages.models import ContactMessage
from tests.factories import UserFactory

from .conftest import DESKTOP, PHONE, violations


@pytest.fixture
def writing(transactional_db, settings, site_pages):
    settings.STAFF_NOTIFICATION_EMAILS = []
    settings.FORM_MIN_SECONDS = 0
    group, _created = Group.objects.get_or_create(name="Membership secretary")
    group.permissions.add(
        Permission.objects.get(codename="view_contactmessage", content_type__app_label="pages")
    )
    return UserFactory(email="secretary@example.org", is_staff=True, language="en", groups=[group])


def test_a_family_writes_in_french_and_the_secretary_is_told_in_english(visit, writing):
    family = visit(viewport=DESKTOP)
    family.goto("/fr/contact/")
    page = family.page
    page.get_by_label("Une famille").check()
    page.get_by_label("Objet").fill("Parloir du samedi")
    page.get_by_label("Message").fill("Mes enfants peuvent-ils voir leur père samedi\u202f?")
    page.get_by_label("Votre adresse électronique, pour notre réponse").fill("famille@example.org")
    page.get_by_role("button", name="Envoyer le message").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Merci pour votre message"
    assert violations(page) == []
    assert ContactMessage.objects.get().language == "fr"
    notice = next(m for m in mail.outbox if m.to == ["secretary@example.org"])
    assert notice.subject.endswith("Message from the contact page (A family): Parloir du samedi")
    assert notice.extra_headers["Reply-To"] == "famille@example.org"
    acknowledgement = next(m for m in mail.outbox if m.to == ["famille@example.org"])
    assert acknowledgement.subject.endswith(
        "Nous avons reçu votre message\u00a0: Parloir du samedi"
    )


def test_a_message_without_its_text_shows_the_error_summary(visit, writing):
    family = visit(viewport=PHONE)
    family.goto("/fr/contact/")
    page = family.page
    page.get_by_label("Un ou une journaliste").check()
    page.get_by_label("Objet").fill("Un reportage")
    page.get_by_role("button", name="Envoyer le message").click()

    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "Message\u00a0: Ce champ est obligatoire." in summary.inner_text()
    assert page.get_by_label("Objet").input_value() == "Un reportage"
    assert violations(page) == []
    assert not ContactMessage.objects.exists()
