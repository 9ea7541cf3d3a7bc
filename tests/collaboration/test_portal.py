"""Representatives post calls from the portal, change them while they are open, and
see their calls and their replies on one portal page."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from collaboration.models import Call, Reply
from members.models import Member
from tests.factories import (
    CallFactory,
    MemberFactory,
    ReplyFactory,
    TopicFactory,
    UserFactory,
    image_file,
    pdf_file,
)
from tests.forms import call_data, held_tokens

pytestmark = pytest.mark.django_db

NEW_EN = "/en/portal/relais-lyon/calls/new/"
NEW_FR = "/fr/espace-membre/relais-lyon/appels/nouveau/"
PORTAL_EN = "/en/portal/calls/"
PORTAL_FR = "/fr/espace-membre/appels/"


def _days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


def _errors(response):
    return response.context["form"].errors


# Posting a call.


def test_a_representative_posts_a_call_published_at_once(rep_client, rep, relais):
    topic = TopicFactory()
    response = rep_client.post(
        NEW_EN, call_data(topics=[topic.pk], countries=["BE", "DE"], languages=["en", "de"])
    )

    call = Call.objects.get()
    assert response.status_code == 302
    assert response.url == call.get_absolute_url()
    assert (call.member, call.posted_by) == (relais, rep)
    assert [str(code) for code in call.countries] == ["BE", "DE"]
    assert call.languages == ["en", "de"]
    assert list(call.topics.all()) == [topic]
    assert call.is_public
    assert call.is_open


def test_the_editors_are_told_of_a_new_call_each_in_their_language(
    rep_client, editor, mailoutbox, settings
):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]
    UserFactory(
        email="redaction@example.org",
        language="fr",
        is_staff=True,
        groups=[Group.objects.get(name="Editor")],
    )

    rep_client.post(
        NEW_EN,
        call_data(
            title_en="Partners for visits",
            title_fr="Partenaires pour les parloirs",
            description_fr="Nous cherchons deux organisations.",
        ),
    )

    call = Call.objects.get()
    emails = {email.to[0]: email for email in mailoutbox}
    assert set(emails) == {"editor@example.org", "redaction@example.org", "secretariat@example.org"}
    english, french = emails["editor@example.org"], emails["redaction@example.org"]
    assert english.subject.endswith("] A call from Relais Lyon is published")
    assert "rep@example.org posted this call on behalf of Relais Lyon." in english.body
    assert "Partners for visits" in english.body
    assert f"/admin/collaboration/call/{call.pk}/change/" in english.body
    assert french.subject.endswith("] Un appel de Relais Lyon est publié")
    assert "Partenaires pour les parloirs" in french.body


def test_the_editors_are_not_told_again_when_a_call_is_changed(
    rep_client, relais, editor, mailoutbox
):
    call = CallFactory(member=relais)

    rep_client.post(f"/en/portal/relais-lyon/calls/{call.pk}/", call_data(title_en="Better"))

    assert mailoutbox == []


def test_a_call_posted_in_french_only_is_stored_in_french(rep_client):
    rep_client.post(
        NEW_FR,
        call_data(
            title_en="",
            description_en="",
            title_fr="Partenaires pour des visites",
            description_fr="Nous cherchons deux organisations.",
        ),
    )

    call = Call.objects.get()
    assert call.title_fr == "Partenaires pour des visites"
    assert not call.title_en


def test_the_posting_page_says_either_or_both_languages(rep_client):
    response = rep_client.get(NEW_EN)

    assert "Write in either or both languages" in response.content.decode()


def test_the_kinds_each_have_a_hint(rep_client):
    page = rep_client.get(NEW_EN).content.decode()

    assert "Organisations to run a project with you." in page
    assert 'aria-describedby="id_kind_0_hint"' in page


def test_a_new_call_is_for_members_only_unless_said(rep_client):
    page = rep_client.get(NEW_EN).content.decode()

    assert re.search(r'name="is_public" value="False"[^>]*checked', page)


def test_a_members_only_call_is_stored_so(rep_client):
    rep_client.post(NEW_EN, call_data(is_public="False"))

    assert not Call.objects.get().is_public


def test_a_call_with_a_pdf_keeps_it(rep_client):
    rep_client.post(NEW_EN, call_data(file=pdf_file("details.pdf")))

    assert Call.objects.get().file


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_en": ""}, "title_en"),
        ({"description_en": ""}, "description_en"),
        ({"title_fr": "Des partenaires", "description_fr": ""}, "description_fr"),
        ({"deadline": "2020-01-01"}, "deadline"),
        ({"kind": ""}, "kind"),
    ],
    ids=["no-title", "no-description", "no-french-description", "past-deadline", "no-kind"],
)
def test_a_call_is_refused_with_what_is_missing(rep_client, changes, field):
    response = rep_client.post(NEW_EN, call_data(**changes))

    assert response.status_code == 200
    assert field in _errors(response)
    assert not Call.objects.exists()


def test_a_deadline_of_today_is_refused_with_a_clear_message(rep_client):
    response = rep_client.post(NEW_EN, call_data(deadline=_days(0).isoformat()))

    assert "The deadline must be after today." in response.content.decode()


def test_a_deadline_more_than_two_years_ahead_is_refused(rep_client):
    response = rep_client.post(NEW_EN, call_data(deadline=_days(800).isoformat()))

    assert "two years ahead at most" in response.content.decode()


def test_a_png_named_pdf_is_refused_by_its_content(rep_client):
    fake = image_file("details.pdf")
    response = rep_client.post(NEW_EN, call_data(file=fake))

    assert "file" in _errors(response)
    assert not Call.objects.exists()


def test_a_valid_pdf_is_kept_when_the_page_comes_back(rep_client):
    response = rep_client.post(NEW_EN, call_data(title_en="", file=pdf_file("details.pdf")))
    token = held_tokens(response.content.decode())["file"]

    rep_client.post(NEW_EN, call_data(**{"file-held": token}))

    assert Call.objects.get().file


def test_someone_who_represents_no_member_cannot_post(client):
    client.force_login(UserFactory())
    MemberFactory(slug="relais-lyon")

    assert client.get(NEW_EN).status_code == 404


def test_a_former_member_cannot_post(rep_client, relais):
    relais.status = Member.Status.FORMER
    relais.save()

    assert rep_client.get(NEW_EN).status_code == 404


def test_a_representative_cannot_post_for_another_member(rep_client, other_member):
    response = rep_client.post("/en/portal/kinder-berlin/calls/new/", call_data())

    assert response.status_code == 404
    assert not Call.objects.exists()


def test_staff_who_represent_no_member_cannot_post(admin_client):
    MemberFactory(slug="relais-lyon")

    assert admin_client.get(NEW_EN).status_code == 404


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(NEW_EN)

    assert response.status_code == 302
    assert "/accounts/" in response.url


# Changing a call.


def test_a_representative_changes_their_open_call(rep_client, relais):
    call = CallFactory(member=relais)
    url = f"/en/portal/relais-lyon/calls/{call.pk}/"

    response = rep_client.post(url, call_data(title_en="A better title", title_fr=""))

    call.refresh_from_db()
    assert response.status_code == 302
    assert call.title_en == "A better title"


def test_a_public_call_made_members_only_leaves_its_old_address(rep_client, relais):
    call = CallFactory(member=relais, is_public=True, title_en="Partners for visits")
    old_address = call.get_absolute_url()
    url = f"/en/portal/relais-lyon/calls/{call.pk}/"

    response = rep_client.post(url, call_data(title_en="Partners for visits", is_public="False"))

    call.refresh_from_db()
    assert response["Location"] == call.get_absolute_url() != old_address
    assert "visits" not in call.slug
    visitor = Client()
    assert visitor.get(old_address).status_code == 404
    members_only = visitor.get(call.get_absolute_url())
    assert "Partners for visits" not in members_only.text


def test_the_change_page_shows_what_is_saved(rep_client, relais):
    call = CallFactory(member=relais, title_en="Partners for visits")

    page = rep_client.get(f"/en/portal/relais-lyon/calls/{call.pk}/").content.decode()

    assert 'value="Partners for visits"' in page


def test_an_open_call_whose_deadline_is_today_keeps_it_when_changed(rep_client, relais):
    call = CallFactory(member=relais, deadline=_days(0))
    url = f"/en/portal/relais-lyon/calls/{call.pk}/"

    rep_client.post(url, call_data(title_en="Changed", deadline=_days(0).isoformat()))

    call.refresh_from_db()
    assert call.title_en == "Changed"


def test_another_member_s_call_cannot_be_changed(rep_client, relais, other_member):
    call = CallFactory(member=other_member)

    assert rep_client.get(f"/en/portal/relais-lyon/calls/{call.pk}/").status_code == 404
    assert rep_client.get(f"/en/portal/kinder-berlin/calls/{call.pk}/").status_code == 404


def test_a_filled_call_cannot_be_changed(rep_client, relais):
    call = CallFactory(member=relais, filled_at=timezone.now(), title_en="Old")
    url = f"/en/portal/relais-lyon/calls/{call.pk}/"

    response = rep_client.post(url, call_data(title_en="New"), follow=True)

    call.refresh_from_db()
    assert call.title_en == "Old"
    assert "cannot be changed any more" in response.content.decode()


def test_a_hidden_call_cannot_be_changed(rep_client, relais):
    call = CallFactory(member=relais, is_hidden=True)

    response = rep_client.get(f"/en/portal/relais-lyon/calls/{call.pk}/")

    assert response.status_code == 302


def test_a_change_with_a_missing_field_saves_nothing(rep_client, relais):
    call = CallFactory(member=relais, title_en="Kept")
    data = call_data(title_en="Lost")
    del data["description_en"]

    rep_client.post(f"/en/portal/relais-lyon/calls/{call.pk}/", data)

    call.refresh_from_db()
    assert call.title_en == "Kept"


# The portal page.


def test_the_portal_page_lists_the_members_calls_with_their_replies(rep_client, relais):
    call = CallFactory(member=relais, title_en="Partners for visits")
    ReplyFactory.create_batch(2, call=call)

    response = rep_client.get(PORTAL_EN)
    page = response.content.decode()

    assert "Partners for visits" in page
    assert response.context["calls"][0].reply_count == 2
    assert f"/en/portal/relais-lyon/calls/{call.pk}/replies/" in page


def test_the_portal_page_offers_to_change_only_open_calls(rep_client, relais):
    open_call = CallFactory(member=relais)
    filled = CallFactory(member=relais, filled_at=timezone.now())

    page = rep_client.get(PORTAL_EN).content.decode()

    assert f'/en/portal/relais-lyon/calls/{open_call.pk}/"' in page
    assert f'/en/portal/relais-lyon/calls/{filled.pk}/"' not in page


def test_the_portal_page_shows_a_hidden_call_with_its_status(rep_client, relais):
    CallFactory(member=relais, is_hidden=True, title_en="Hidden one")

    page = rep_client.get(PORTAL_EN).content.decode()

    assert "Hidden one" in page
    assert "Hidden by staff" in page


def test_the_portal_page_lists_the_replies_the_members_sent(rep_client, relais, other_member):
    call = CallFactory(member=other_member, title_en="Research on visits")
    ReplyFactory(call=call, member=relais, thanked_at=timezone.now())

    page = rep_client.get(PORTAL_EN).content.decode()

    assert "Research on visits" in page
    assert "Not yet" not in page


def test_the_portal_page_says_what_to_do_when_empty(rep_client):
    page = rep_client.get(PORTAL_EN).content.decode()

    assert "You have not posted a call yet." in page
    assert "Your organisation has not replied to a call yet." in page


def test_the_portal_page_in_french(rep_client):
    response = rep_client.get(PORTAL_FR)

    assert "Vos appels et vos réponses" in response.content.decode()


def test_the_portal_page_is_not_found_for_someone_who_is_no_member(client):
    client.force_login(UserFactory())

    assert client.get(PORTAL_EN).status_code == 404


def test_the_portal_page_is_not_found_for_a_former_member(rep_client, relais):
    relais.status = Member.Status.FORMER
    relais.save()

    assert rep_client.get(PORTAL_EN).status_code == 404


def test_the_dashboard_links_to_working_together(rep_client):
    page = rep_client.get("/en/portal/").content.decode()

    assert 'href="/en/portal/relais-lyon/calls/new/"' in page
    assert 'href="/en/portal/calls/"' in page


def test_the_dashboard_of_a_former_member_does_not_offer_calls(rep_client, relais):
    relais.status = Member.Status.FORMER
    relais.save()

    page = rep_client.get("/en/portal/").content.decode()

    assert "/en/portal/calls/" not in page


def _calls_and_replies(relais, count, start=0):
    """`count` calls of Relais Lyon with a reply each, and `count` replies of Relais
    Lyon to another member's calls."""
    other = MemberFactory()
    today = timezone.localdate()
    ours = Call.objects.bulk_create(
        Call(member=relais, kind="partners", title_en=f"Ours {n}", slug=f"ours-{n}", deadline=today)
        for n in range(start, start + count)
    )
    theirs = Call.objects.bulk_create(
        Call(
            member=other,
            kind="research",
            title_en=f"Theirs {n}",
            slug=f"theirs-{n}",
            deadline=today,
        )
        for n in range(start, start + count)
    )
    Reply.objects.bulk_create(
        [Reply(call=call, member=other, message="Yes", email="a@example.org") for call in ours]
        + [Reply(call=call, member=relais, message="Yes", email="b@example.org") for call in theirs]
    )


def _portal_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PORTAL_EN).status_code == 200
    return len(queries)


def test_the_portal_page_s_queries_do_not_grow_with_calls_and_replies(rep_client, relais):
    _calls_and_replies(relais, 10)
    rep_client.get(PORTAL_EN)  # the session and the account, read once and kept
    few = _portal_queries(rep_client)
    _calls_and_replies(relais, 990, start=10)

    assert _portal_queries(rep_client) == few
