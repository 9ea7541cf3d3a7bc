"""Staff export and erase what the site keeps about one email address (the admin's
"Personal data" page): everything of that address, nothing of anyone else's; erasing
keeps what was published and the members' history."""

import json
import re

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import authenticate
from django.contrib.auth.models import Permission
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse

from members.models import Affiliate, Application, User
from members.personal_data import SECTIONS, erase, export, reference
from news.models import Digest, DigestDelivery
from outbox.models import OutboundEmail
from pages.models import ContactMessage
from tests.factories import (
    PASSWORD,
    AffiliateFactory,
    ApplicationFactory,
    CallFactory,
    ContactMessageFactory,
    InvitationFactory,
    MemberMessageFactory,
    OutboundEmailFactory,
    PostFactory,
    ReplyFactory,
)

ADDRESS = "rep@example.org"
PAGE = "/admin/members/user/personal-data/"


@pytest.fixture
def person(rep, relais, other_member, editor):
    """Camille (rep@example.org, Relais Lyon's representative) with a row of each kind,
    and someone else's rows beside them (other@example.org)."""
    Authenticator.objects.create(user=rep, type=Authenticator.Type.RECOVERY_CODES, data={})
    relais.email = ADDRESS
    relais.save()
    InvitationFactory(member=other_member, email=ADDRESS)
    ApplicationFactory(contact_email=ADDRESS, contact_name="Camille Roux", status="rejected")
    ApplicationFactory(contact_email=ADDRESS, contact_name="Camille Roux", status="approved")
    AffiliateFactory(email="Rep@Example.org", name="Camille Roux")
    AffiliateFactory(email="other@example.org", name="Alex Other")
    digest = Digest.objects.create(number=1, until="2026-01-01T00:00Z")
    DigestDelivery.objects.create(
        digest=digest,
        email=ADDRESS,
        language="en",
        message=OutboundEmailFactory(to=ADDRESS, subject="Digest no. 1"),
    )
    OutboundEmailFactory(to="other@example.org", subject="For someone else")
    # A notice to staff that names the address, and a relayed message that replies to it.
    OutboundEmailFactory(to="staff@example.org", body=f"New application from {ADDRESS}")
    OutboundEmailFactory(to="staff@example.org", headers={"Reply-To": ADDRESS})
    ContactMessageFactory(reply_email=ADDRESS, subject="About my father")
    ContactMessageFactory(reply_email="other@example.org", subject="Not mine")
    MemberMessageFactory(sender=rep, sender_member=relais, reply_email=ADDRESS)
    call = CallFactory(member=other_member)
    ReplyFactory(call=call, member=relais, sent_by=rep, email=ADDRESS)
    mine = CallFactory(member=relais, posted_by=rep, title_en="Partners for a study")
    ReplyFactory(call=mine, member=other_member, email="other@example.org")
    PostFactory(
        author=rep,
        submitted_by=relais,
        status="published",
        title_en="Family days in Lyon",
        slug="family-days",
    )
    PostFactory(author=editor, status="published", title_en="Not theirs")
    return rep


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


# Export.


def test_the_export_has_each_kind_of_row_of_the_address(person):
    data = export(ADDRESS)
    assert [key for key, _title, _model in SECTIONS if not data[key]] == []


def test_the_export_finds_the_address_in_any_case(person):
    assert [row["name"] for row in export("REP@example.org")["subscriptions"]] == ["Camille Roux"]


def test_the_export_names_the_documents_of_an_application(person):
    application = Application.objects.filter(status="rejected").get()
    rows = export(ADDRESS)["applications"]
    assert application.reference_letter.name in [row["reference_letter"] for row in rows]


def test_the_export_holds_nothing_of_another_person(person):
    text = json.dumps(export(ADDRESS), default=str)
    for theirs in ("other@example.org", "Alex Other", "Not mine", "For someone else", "Not theirs"):
        assert theirs not in text


def test_the_export_of_an_unknown_address_is_empty(person):
    assert not any(export("nobody@example.org").values())


def test_staff_download_the_export_as_json(person, secretary_client):
    response = secretary_client.post(PAGE, {"email": ADDRESS, "do": "json"})
    data = json.loads(response.content)
    assert data["contact_messages"][0]["subject"] == "About my father"
    assert response["Content-Disposition"].startswith("attachment")


def test_staff_read_the_export_on_the_page(person, secretary_client):
    response = secretary_client.post(PAGE, {"email": ADDRESS, "do": "show"})
    assert "Family days in Lyon" in response.text


def test_the_page_names_statuses_and_languages_rather_than_their_codes(person, secretary_client):
    secretary_client.cookies["django_language"] = "fr"
    response = secretary_client.post(
        PAGE, {"email": ADDRESS, "do": "show"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    cells = re.findall(r"<td>([^<]*)</td>", response.text)
    assert "refusée" in cells  # the refused application
    assert "Anglais" in cells  # the language its contact writes in
    assert "rejected" not in cells
    assert "en" not in cells


def test_the_page_reads_in_french(person, secretary_client):
    secretary_client.cookies["django_language"] = "fr"
    response = secretary_client.post(
        PAGE, {"email": ADDRESS, "do": "show"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert "Ce que le site conserve sur rep@example.org" in response.text


@pytest.mark.parametrize("rows", [2, 20])
def test_the_export_runs_the_same_queries_however_many_rows(
    person, rows, django_assert_max_num_queries
):
    for number in range(rows):
        OutboundEmailFactory(to=ADDRESS)
        ContactMessageFactory(reply_email=ADDRESS)
        DigestDelivery.objects.create(
            digest=Digest.objects.create(number=number + 2, until="2026-01-01T00:00Z"),
            email=ADDRESS,
            language="en",
        )
    with django_assert_max_num_queries(len(SECTIONS) + 5):
        export(ADDRESS)


# Erasure.


def text_columns_holding(text):
    """Every table's text column that holds `text` (any case): [(model, field)]."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                rows = model._default_manager.filter(**{f"{field.name}__icontains": text})
            elif isinstance(field, models.JSONField):
                rows = model._default_manager.annotate(
                    as_text=Cast(field.name, models.TextField())
                ).filter(as_text__icontains=text)
            else:
                continue
            if rows.exists():
                found.append((model._meta.label, field.name))
    return found


def test_the_search_of_the_tables_finds_the_address_before(person):
    """The check below can fail: the address is in many places first."""
    assert len(text_columns_holding(ADDRESS)) > 5


def test_after_erasure_the_address_is_nowhere_in_the_database(person, secretary):
    erase(ADDRESS, by=secretary)
    assert text_columns_holding(ADDRESS) == []


def test_after_erasure_their_name_is_nowhere_in_the_database(person, secretary):
    erase(ADDRESS, by=secretary)
    assert text_columns_holding("Camille") == []


def test_after_erasure_another_persons_rows_stay(person, secretary):
    erase(ADDRESS, by=secretary)
    assert Affiliate.objects.get().email == "other@example.org"
    assert ContactMessage.objects.get().subject == "Not mine"
    assert OutboundEmail.objects.filter(to="other@example.org").exists()


def test_the_published_post_stays_readable(person, secretary, client):
    erase(ADDRESS, by=secretary)
    response = client.get("/en/news/family-days/")
    assert "Family days in Lyon" in response.text


def test_the_member_page_still_works(person, secretary, client, relais):
    erase(ADDRESS, by=secretary)
    assert client.get(relais.get_absolute_url()).status_code == 200


def test_the_author_is_shown_as_a_former_representative(person, secretary):
    erase(ADDRESS, by=secretary)
    assert str(User.objects.get(pk=person.pk)) == "a former representative"


def test_the_editors_review_page_names_a_former_representative(
    person, secretary, editor_client, relais
):
    PostFactory(author=person, submitted_by=relais, status="submitted", title_en="Waiting")
    erase(ADDRESS, by=secretary)
    response = editor_client.get(reverse("admin:news_review"))
    assert "(a former representative)" in response.text


def test_the_poster_reads_a_reply_sent_by_a_former_representative(
    person, secretary, client, other_member
):
    erase(ADDRESS, by=secretary)
    client.force_login(other_member.representatives.get())
    call = other_member.calls.get()
    response = client.get(
        reverse("collaboration:replies", kwargs={"slug": other_member.slug, "pk": call.pk})
    )
    assert "a former representative" in response.text


def test_they_can_no_longer_sign_in(person, secretary):
    erase(ADDRESS, by=secretary)
    assert authenticate(username=ADDRESS, password=PASSWORD) is None


def test_their_open_session_ends(person, secretary, rep_client):
    erase(ADDRESS, by=secretary)
    response = rep_client.get(reverse("members:portal"))
    assert response.status_code == 302


def test_they_no_longer_represent_their_member(person, secretary, relais):
    erase(ADDRESS, by=secretary)
    assert not relais.representatives.exists()


def test_an_approved_application_stays_without_its_contact(person, secretary):
    erase(ADDRESS, by=secretary)
    assert list(Application.objects.values_list("status", "contact_name")) == [("approved", "")]


def test_a_refused_applications_documents_are_deleted(person, secretary):
    refused = Application.objects.get(status="rejected")
    erase(ADDRESS, by=secretary)
    assert not refused.reference_letter.storage.exists(refused.reference_letter.name)


def test_staff_erase_from_the_page(person, secretary_client):
    response = secretary_client.post(
        PAGE, {"email": ADDRESS, "confirm": "on", "do": "erase"}, follow=True
    )
    assert "Erased" in response.text
    assert not Affiliate.objects.filter(email__iexact=ADDRESS).exists()


def test_erasing_asks_for_a_confirmation(person, secretary_client):
    secretary_client.post(PAGE, {"email": ADDRESS, "do": "erase"})
    assert Affiliate.objects.filter(email__iexact=ADDRESS).exists()


def test_staff_cannot_erase_themselves(person, secretary, secretary_client):
    secretary_client.post(PAGE, {"email": secretary.email, "confirm": "on", "do": "erase"})
    secretary.refresh_from_db()
    assert not secretary.is_erased


def test_the_history_says_who_exported_and_erased_without_the_address(
    person, secretary, secretary_client
):
    secretary_client.post(PAGE, {"email": ADDRESS, "do": "show"})
    secretary_client.post(PAGE, {"email": ADDRESS, "confirm": "on", "do": "erase"})
    entries = LogEntry.objects.filter(user=secretary, object_repr__contains=reference(ADDRESS))
    assert [entry.object_repr.split(" (")[0] for entry in entries.order_by("pk")] == [
        "Personal data exported",
        "Personal data erased",
    ]


# Who may.


def test_a_visitor_is_sent_to_sign_in(person, client):
    response = client.post(PAGE, {"email": ADDRESS, "confirm": "on", "do": "erase"})
    assert response.status_code == 302
    assert Affiliate.objects.filter(email__iexact=ADDRESS).exists()


def test_staff_without_the_permission_are_refused(person, editor_client):
    response = editor_client.post(PAGE, {"email": ADDRESS, "do": "json"})
    assert response.status_code == 403


def test_staff_without_the_permission_cannot_erase(person, editor_client):
    editor_client.post(PAGE, {"email": ADDRESS, "confirm": "on", "do": "erase"})
    assert Affiliate.objects.filter(email__iexact=ADDRESS).exists()


def test_the_users_list_leads_to_the_page_for_the_selected_person(person, secretary, client):
    secretary.user_permissions.add(Permission.objects.get(codename="view_user"))
    client.force_login(secretary)
    response = client.post(
        "/admin/members/user/",
        {"action": "personal_data", "_selected_action": [person.pk]},
        follow=True,
    )
    assert f'value="{ADDRESS}"' in response.text


def test_the_admins_home_page_leads_to_the_page(secretary_client):
    response = secretary_client.get("/admin/")
    assert PAGE in response.text


def test_the_admins_home_page_has_no_link_for_staff_without_the_permission(editor_client):
    response = editor_client.get("/admin/")
    assert PAGE not in response.text
