"""An organisation applies in French; staff approve it; its contact person is invited."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import Application, Member, User
from members.network import create_categories
from tests.factories import PASSWORD, pdf_bytes

from .conftest import DESKTOP

PDF = pdf_bytes()


@pytest.fixture
def setting_up(transactional_db, settings, secretary):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]
    settings.FORM_MIN_SECONDS = 0
    create_categories()


def pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def test_an_organisation_applies_in_french_and_is_approved(visit, setting_up, site_pages):
    applicant = visit(viewport=DESKTOP)
    applicant.goto("/fr/adherer/")
    page = applicant.page
    page.get_by_label("Organisation").first.fill("Lien Familial")
    page.locator("#id_country").select_option("BE")
    page.get_by_label("Ville").fill("Liège")
    page.locator("#id_legal_status").select_option("association")
    page.get_by_label("Année de création").fill("2001")
    page.locator("#id_work").fill("Nous accompagnons les enfants lors des visites en prison.")
    page.get_by_label("Personne de contact").fill("Marie Dupont")
    page.get_by_label("Fonction").fill("Directrice")
    page.locator("#id_contact_email").fill("marie@lien.example")
    page.get_by_label("Français").check()
    page.locator("#id_annual_report_1").set_input_files(pdf("rapport-2024.pdf"))
    page.locator("#id_annual_report_2").set_input_files(pdf("rapport-2023.pdf"))
    page.locator("#id_reference_letter").set_input_files(pdf("soutien.pdf"))
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Envoyer la candidature").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Merci pour votre candidature"
    acknowledgement = next(m for m in mail.outbox if m.to == ["marie@lien.example"])
    assert "Nous avons reçu la candidature de Lien Familial" in acknowledgement.subject
    assert any(m.to == ["secretariat@example.org"] for m in mail.outbox)

    staff = visit(viewport=DESKTOP)
    staff.sign_in("secretary@example.org", admin=True)
    application = Application.objects.get()
    staff.goto(f"/admin/members/application/{application.pk}/change/")
    staff.page.get_by_role("link", name="Approve or reject").click()
    staff.page.get_by_label("Approve").check()
    staff.page.get_by_role("button", name="Record the decision").click()
    expect(staff.page.locator(".messagelist")).to_contain_text("applicant member")

    member = Member.objects.get()
    assert member.category.slug == "applicant-member"
    # One email tells the decision and invites the contact person to choose a password.
    (decision,) = (
        m for m in mail.outbox if m.to == ["marie@lien.example"] and m is not acknowledgement
    )
    assert "Candidature acceptée\u00a0: Lien Familial devient membre candidat" in decision.subject
    link = re.search(r"https?://\S+(/fr/comptes/invitation/\S+/)", decision.body).group(1)
    applicant.goto(link)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name="Enregistrer mon mot de passe").click()
    assert User.objects.get(email="marie@lien.example").check_password(PASSWORD)
