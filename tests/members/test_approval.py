import html
import re

import pytest
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from members.models import Application, CategoryChange, Member, MembershipCategory
from tests.factories import PASSWORD, ApplicationFactory, UserFactory, applicant_category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def applicants():
    """Where approved applicants start."""
    return applicant_category()


def test_staff_approve_in_the_admin_and_the_applicant_member_is_created(admin_client, mailoutbox):
    application = ApplicationFactory()

    response = admin_client.post(
        f"/admin/members/application/{application.pk}/decide/",
        {"decision": "approve", "publish": "on", "note": "Board meeting of 3 March"},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    member = application.member
    assert application.status == "approved"
    assert application.decided_by.username == "admin"
    assert member.category.slug == "applicant-member"
    assert member.published
    assert CategoryChange.objects.get(member=member).note == "Board meeting of 3 March"
    assert member.invitations.pending().get().email == "marie@lien.example"


def test_the_acceptance_email_carries_the_invitation(admin_client, client, mailoutbox):
    application = ApplicationFactory()

    admin_client.post(
        f"/admin/members/application/{application.pk}/decide/", {"decision": "approve"}
    )

    (message,) = mailoutbox
    assert message.to == ["marie@lien.example"]
    assert message.subject == (
        "[Children of Prisoners Europe] "
        "Candidature acceptée\u00a0: Lien Familial devient membre candidat"
    )
    assert "/fr/comptes/invitation/" in message.body
    assert "Choisissez ici votre mot de passe pour l’espace membre" in message.body
    assert "séparé" not in message.body

    # The new contact's link sets her password and makes her the representative.
    link = re.search(r"https?://\S+/fr/comptes/invitation/\S+/", message.body).group(0)
    client.post(
        "/fr/" + link.split("/fr/", 1)[1],
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    member = Member.objects.get()
    assert member.representatives.get().email == "marie@lien.example"
    assert member.representatives.get().first_name == "Marie Dupont"
    assert client.login(username=member.representatives.get().username, password=PASSWORD)


def test_an_application_naming_an_existing_account_does_not_attach_it(admin_client, mailoutbox):
    # Anyone may type any address as the contact's, the superuser's included.
    application = ApplicationFactory(contact_email="admin@example.com")

    admin_client.post(
        f"/admin/members/application/{application.pk}/decide/", {"decision": "approve"}
    )

    assert not Member.objects.get().representatives.exists()
    (message,) = mailoutbox
    assert "acceptez l’invitation" in message.body


def test_approval_follows_the_category_marked_for_approved_applicants(admin_client, applicants):
    MembershipCategory.objects.filter(pk=applicants.pk).update(
        slug="candidates", name_en="Candidates"
    )
    application = ApplicationFactory()

    response = admin_client.post(
        f"/admin/members/application/{application.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 302
    assert Member.objects.get().category.name_en == "Candidates"


def test_approval_without_a_category_for_approved_applicants_says_what_to_do(
    admin_client, applicants
):
    applicants.delete()
    application = ApplicationFactory()

    response = admin_client.post(
        f"/admin/members/application/{application.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 200
    assert "No membership category receives approved applicants" in response.text
    application.refresh_from_db()
    assert application.status == "submitted"
    assert not Member.objects.exists()


def test_staff_choose_not_to_publish_yet(admin_client):
    application = ApplicationFactory()

    admin_client.post(
        f"/admin/members/application/{application.pk}/decide/", {"decision": "approve"}
    )

    assert not Member.objects.get().published


def test_approving_twice_creates_one_member(db):
    application = ApplicationFactory()
    staff = UserFactory(email="staff@example.org", is_staff=True)

    first = application.approve(by=staff)
    second = Application.objects.get(pk=application.pk).approve(by=staff)

    assert first == second
    assert Member.objects.count() == 1


@pytest.mark.real_on_commit
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_staff_approving_at_the_same_moment_create_one_member(transactional_db, at_once):
    application = ApplicationFactory()
    staff = UserFactory(email="staff@example.org", is_staff=True)

    members = at_once(lambda: Application.objects.get(pk=application.pk).approve(by=staff).pk)

    assert Member.objects.count() == 1
    assert len(set(members)) == 1


def test_rejection_needs_a_reason_that_the_applicant_receives(admin_client, mailoutbox):
    application = ApplicationFactory()
    url = f"/admin/members/application/{application.pk}/decide/"

    refused = admin_client.post(url, {"decision": "reject"})
    admin_client.post(url, {"decision": "reject", "note": "Pas de rapports annuels."})

    assert "Tell the applicant why" in refused.text
    application.refresh_from_db()
    assert application.status == "rejected"
    assert "Motif\u00a0: Pas de rapports annuels." in mailoutbox[-1].body
    assert not Member.objects.exists()


def test_the_applicant_sees_the_decision_on_the_status_page(client, db):
    application = ApplicationFactory()
    application.reject(by=None, note="Hors du champ du réseau.")

    html = client.get(application.get_absolute_url()).text

    assert "Hors du champ du réseau." in html


@pytest.mark.parametrize(
    ("status", "step", "notice"),
    [
        ("submitted", "Received on", "Current status: received."),
        ("under_review", "Under review by the secretariat", "Current status: under review."),
        ("approved", "Decision", "Your application is accepted"),
        ("rejected", "Decision", "The board has not accepted your application."),
        ("withdrawn", "Decision", "This application has been withdrawn."),
    ],
)
def test_the_status_page_marks_the_current_step_and_says_what_it_means(
    client, db, status, step, notice
):
    application = ApplicationFactory(language="en", status=status)

    html = client.get(application.get_absolute_url()).text

    current = re.findall(r'<li aria-current="step">\s*([^<]+)', html)
    assert [text.startswith(step) for text in current] == [True]
    assert notice in html


def test_mark_under_review_action(admin_client):
    application = ApplicationFactory()

    admin_client.post(
        "/admin/members/application/",
        {"action": "mark_under_review", "_selected_action": [application.pk]},
    )

    application.refresh_from_db()
    assert application.status == "under_review"


def test_applications_list_filters_by_status(admin_client):
    ApplicationFactory(organisation="Waiting Org")
    ApplicationFactory(organisation="Decided Org", status="rejected")

    html = admin_client.get("/admin/members/application/?status__exact=submitted").text

    assert "Waiting Org" in html
    assert "Decided Org" not in html


def decision_page(admin_client, application):
    return html.unescape(
        admin_client.get(f"/admin/members/application/{application.pk}/decide/").text
    )


def test_the_decision_page_asks_for_the_reason_in_the_applicants_language(admin_client):
    french = ApplicationFactory(language="fr")
    english = ApplicationFactory(organisation="Family Links", language="en")

    page = decision_page(admin_client, french)

    assert "The applicant's language: French." in page
    assert "Reason, in French (the applicant's language)" in page
    assert 'lang="fr"' in page  # the browser checks the spelling in French
    assert "Reason, in English (the applicant's language)" in decision_page(admin_client, english)


def test_a_french_applicants_rejection_email_is_in_french_with_the_reason_typed(
    admin_client, mailoutbox
):
    application = ApplicationFactory(language="fr")

    admin_client.post(
        f"/admin/members/application/{application.pk}/decide/",
        {"decision": "reject", "note": "Aucun rapport annuel n’a été joint."},
    )

    with translation.override("fr"):
        subject = gettext("The decision on the application of %(name)s") % {"name": "Lien Familial"}
        reason = gettext("Reason:")
    assert mailoutbox[-1].subject.endswith(subject)
    assert reason != "Reason:"
    assert f"{reason} Aucun rapport annuel n’a été joint." in mailoutbox[-1].body


def test_an_english_applicants_rejection_email_is_in_english(admin_client, mailoutbox):
    application = ApplicationFactory(organisation="Family Links", language="en")

    admin_client.post(
        f"/admin/members/application/{application.pk}/decide/",
        {"decision": "reject", "note": "No annual reports."},
    )

    assert mailoutbox[-1].subject.endswith("The decision on the application of Family Links")
    assert "Reason: No annual reports." in mailoutbox[-1].body
