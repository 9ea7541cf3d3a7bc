"""Members reply to each other's calls: the reply is relayed by email to the poster's
representatives, in each one's language, and shown to nobody else; the poster marks the
call filled and everyone who replied is thanked, once."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from collaboration.models import CALL_REPLIES_PER_HOUR, Call, Reply
from members.models import Member
from outbox.models import OutboundEmail
from tests.factories import CallFactory, MemberFactory, ReplyFactory, UserFactory
from tests.test_french_emails import assert_french

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def poster(db):
    """Familien Hamburg, which posted a call; Anna (in English) and Jean (in French)
    represent it."""
    return MemberFactory(
        name="Familien Hamburg",
        slug="familien-hamburg",
        representatives=[
            UserFactory(email="anna@example.org", language="en"),
            UserFactory(email="jean@example.org", language="fr"),
        ],
    )


@pytest.fixture
def call(poster):
    """Familien Hamburg's open call, in both languages, at /en/collaborate/family-visits/."""
    return CallFactory(
        member=poster,
        slug="family-visits",
        title_en="Partners for family visits",
        title_fr="Partenaires pour des visites en famille",
    )


def _url(call, language="en"):
    word = {"en": "collaborate", "fr": "collaborer"}[language]
    reply = {"en": "reply", "fr": "repondre"}[language]
    return f"/{language}/{word}/{call.slug}/{reply}/"


def _reply(client, call, **changes):
    data = {"message": "We run visits in two prisons.", "email": "team@relais.example"}
    return client.post(_url(call), data | changes)


def _days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


# Replying.


def test_a_member_replies_to_another_member_s_call(rep_client, rep, relais, call):
    response = _reply(rep_client, call)

    reply = Reply.objects.get()
    assert response.status_code == 302
    assert response.url == call.get_absolute_url()
    assert (reply.call, reply.member, reply.sent_by) == (call, relais, rep)
    assert reply.email == "team@relais.example"


def test_the_reply_form_offers_the_person_s_address(rep_client, call):
    page = rep_client.get(_url(call)).content.decode()

    assert 'value="rep@example.org"' in page
    assert "never shown" in page


def test_the_reply_page_in_french(rep_client, call):
    response = rep_client.get(_url(call, "fr"))

    assert response.status_code == 200
    assert "Répondre à" in response.content.decode()


def test_a_representative_of_several_members_chooses_which_replies(rep_client, rep, call):
    second = MemberFactory(name="Relais Paris", representatives=[rep])

    page = rep_client.get(_url(call)).content.decode()
    _reply(rep_client, call, member=second.pk)

    assert "Relais Paris" in page
    assert Reply.objects.get().member == second


def test_only_active_members_are_offered(rep_client, rep, call):
    MemberFactory(name="Old Partner", representatives=[rep], status=Member.Status.FORMER)

    page = rep_client.get(_url(call)).content.decode()

    assert "Old Partner" not in page


def test_a_member_does_not_reply_to_its_own_call(rep_client, relais):
    own = CallFactory(member=relais)

    response = _reply(rep_client, own)

    assert response.status_code == 403
    assert "your organisation’s call" in response.content.decode()
    assert not Reply.objects.exists()


def test_a_call_past_its_deadline_takes_no_reply(rep_client, call):
    call.deadline = _days(0)
    call.save()
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        response = _reply(rep_client, call)

    assert response.status_code == 403
    assert "closed on its deadline" in response.content.decode()
    assert not Reply.objects.exists()


def test_a_call_open_on_its_deadline_day_takes_a_reply(rep_client, call):
    call.deadline = _days(0)
    call.save()

    assert _reply(rep_client, call).status_code == 302


def test_a_filled_call_takes_no_reply(rep_client, call):
    call.filled_at = timezone.now()
    call.save()

    response = _reply(rep_client, call)

    assert response.status_code == 403
    assert "This call is filled" in response.content.decode()
    assert not Reply.objects.exists()


def test_a_former_member_s_call_takes_no_reply(rep_client, call, poster):
    poster.status = "former"
    poster.save()

    response = _reply(rep_client, call)

    assert response.status_code == 403
    assert not Reply.objects.exists()


def test_a_call_staff_hid_leaves_the_replier_s_list(rep_client, relais, call):
    ReplyFactory(call=call, member=relais)
    call.is_hidden = True
    call.save()

    assert "Partners for family visits" not in rep_client.get("/en/portal/calls/").text


def test_a_member_replies_once(rep_client, relais, call):
    ReplyFactory(call=call, member=relais)

    response = _reply(rep_client, call)

    assert response.status_code == 403
    assert "Your organisation replied on" in response.content.decode()
    assert Reply.objects.count() == 1


def test_the_other_member_of_a_representative_may_still_reply(rep_client, rep, relais, call):
    ReplyFactory(call=call, member=relais)
    second = MemberFactory(name="Relais Paris", representatives=[rep])

    response = _reply(rep_client, call)

    assert response.status_code == 302
    assert Reply.objects.filter(member=second).exists()


def test_a_reply_stored_meanwhile_makes_the_second_one_a_no(relais, call, rep):
    """Two clicks at once: the second reaches the database after the first stored its
    reply, and the constraint refuses it without an error."""
    ReplyFactory(call=call, member=relais)

    sent = call.receive_reply(member=relais, by=rep, message="Again", email="a@example.org")

    assert sent is None
    assert Reply.objects.count() == 1


def test_the_second_click_is_told_the_reply_is_sent_already(rep_client, call):
    with mock.patch.object(Call, "receive_reply", return_value=None):
        response = rep_client.post(
            _url(call), {"message": "We run visits.", "email": "a@example.org"}, follow=True
        )

    assert response.status_code == 200
    assert "replied to this call already" in response.content.decode()


def test_past_the_hourly_limit_a_reply_is_refused(rep_client, rep, poster):
    calls = CallFactory.create_batch(CALL_REPLIES_PER_HOUR + 1, member=poster)
    for each in calls[:-1]:
        assert _reply(rep_client, each).status_code == 302

    response = _reply(rep_client, calls[-1])

    assert response.status_code == 429
    assert "many replies in the last hour" in response.content.decode()
    assert Reply.objects.count() == CALL_REPLIES_PER_HOUR


def test_visitors_are_sent_to_sign_in(client, call):
    response = client.get(_url(call))

    assert response.status_code == 302
    assert "/accounts/" in response.url


def test_someone_who_represents_no_member_finds_nothing(client, call):
    client.force_login(UserFactory())

    assert client.get(_url(call)).status_code == 404


def test_staff_who_represent_no_member_cannot_reply(admin_client, call):
    assert admin_client.get(_url(call)).status_code == 404


def test_a_former_member_cannot_reply(rep_client, relais, call):
    relais.status = Member.Status.FORMER
    relais.save()

    assert rep_client.get(_url(call)).status_code == 404


def test_a_hidden_call_is_not_found(rep_client, call):
    call.is_hidden = True
    call.save()

    assert rep_client.get(_url(call)).status_code == 404


def test_a_hidden_members_only_call_is_not_found(rep_client, call):
    call.is_public = False
    call.is_hidden = True
    call.save()

    assert _reply(rep_client, call).status_code == 404
    assert not Reply.objects.exists()


# The email to the poster.


def _email_to(address):
    return OutboundEmail.objects.get(to=address)


def test_the_poster_s_representatives_each_receive_the_reply_in_their_language(rep_client, call):
    rep_client.post(_url(call), {"message": "We run visits.", "email": "team@relais.example"})

    english, french = _email_to("anna@example.org"), _email_to("jean@example.org")
    assert english.subject.endswith("Reply to your call: Partners for family visits")
    assert french.subject.endswith(
        f"Réponse à votre appel{NBSP}: Partenaires pour des visites en famille"
    )


def test_the_email_says_who_replied_and_where_to_answer(rep_client, rep, call):
    rep.first_name, rep.last_name = "Camille", "Martin"
    rep.save()

    _reply(rep_client, call, message="We run visits in two prisons.")

    email = _email_to("anna@example.org")
    assert "Relais Lyon" in email.body
    assert "Camille Martin" in email.body
    assert "team@relais.example" in email.body
    assert "We run visits in two prisons." in email.body
    assert email.headers["Reply-To"] == "team@relais.example"


def test_the_email_links_to_the_replies_in_the_reader_s_language(rep_client, call, settings):
    _reply(rep_client, call)

    link = f"/fr/espace-membre/familien-hamburg/appels/{call.pk}/reponses/"
    assert settings.SITE_URL + link in _email_to("jean@example.org").body


def test_the_email_in_french_is_french(rep_client, call):
    _reply(rep_client, call)

    email = _email_to("jean@example.org")
    assert_french(email.subject, email.body, email.html)


def test_an_inactive_representative_receives_nothing(rep_client, poster, call):
    UserFactory(email="gone@example.org", is_active=False).represented_members.add(poster)

    _reply(rep_client, call)

    assert not OutboundEmail.objects.filter(to="gone@example.org").exists()


# Replies are never public.


@pytest.mark.parametrize("who", ["visitor", "other member", "staff"])
def test_a_reply_is_not_on_the_call_s_page(client, who, call, other_member, admin_user):
    ReplyFactory(call=call, message="Our secret plan for visits", email="hidden@example.org")
    if who == "other member":
        client.force_login(other_member.representatives.get())
    elif who == "staff":
        client.force_login(admin_user)

    response = client.get(call.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Our secret plan for visits" not in page
    assert "hidden@example.org" not in page


def test_the_replier_sees_the_reply_in_the_portal(rep_client, call):
    _reply(rep_client, call)

    page = rep_client.get("/en/portal/calls/").content.decode()

    assert "Partners for family visits" in page


# The replies page, for the poster.


def _replies_url(call, language="en"):
    if language == "fr":
        return f"/fr/espace-membre/{call.member.slug}/appels/{call.pk}/reponses/"
    return f"/en/portal/{call.member.slug}/calls/{call.pk}/replies/"


@pytest.fixture
def anna_client(client, poster):
    client.force_login(poster.representatives.get(email="anna@example.org"))
    return client


def test_the_poster_reads_every_reply(anna_client, call, relais):
    ReplyFactory(call=call, member=relais, message="We run visits.", email="team@relais.example")

    page = anna_client.get(_replies_url(call)).content.decode()

    assert "Relais Lyon" in page
    assert "We run visits." in page


def test_the_shared_address_is_on_no_page_not_even_the_poster_s(anna_client, call, relais):
    """It travels in the email only (no address is shown on any page, says the issue);
    a representative who joins later cannot read old repliers' addresses."""
    ReplyFactory(call=call, member=relais, message="We run visits.", email="team@relais.example")

    assert "team@relais.example" not in anna_client.get(_replies_url(call)).content.decode()


def test_the_replies_page_in_french(anna_client, call):
    response = anna_client.get(_replies_url(call, "fr"))

    assert response.status_code == 200
    assert "Réponses à" in response.content.decode()


@pytest.mark.parametrize("who", ["replier", "other", "staff"])
def test_only_the_poster_reads_the_replies(client, who, call, rep, admin_user):
    ReplyFactory(call=call)
    client.force_login({"replier": rep, "other": UserFactory(), "staff": admin_user}[who])

    assert client.get(_replies_url(call)).status_code == 404


# Marking a call filled.


def _filled_url(call):
    return f"/en/portal/{call.member.slug}/calls/{call.pk}/filled/"


@pytest.fixture
def repliers(call):
    """Two replies: from a French-speaking representative, and an English-speaking one."""
    french = UserFactory(language="fr")
    english = UserFactory(language="en")
    return [
        ReplyFactory(call=call, sent_by=french, email="fr@replier.example"),
        ReplyFactory(call=call, sent_by=english, email="en@replier.example"),
    ]


def test_marking_filled_thanks_each_replier_in_their_language(anna_client, call, repliers):
    response = anna_client.post(_filled_url(call), {"thanks": "We chose three partners."})

    call.refresh_from_db()
    french, english = _email_to("fr@replier.example"), _email_to("en@replier.example")
    assert response.status_code == 302
    assert call.is_filled
    assert "Thank you for your reply." in english.body
    assert "We chose three partners." in english.body
    assert "Familien Hamburg" in english.body
    assert french.language == "fr"
    assert_french(french.subject, french.body.replace("We chose three partners.", ""))


def test_marking_filled_notes_when_each_replier_was_thanked(anna_client, call, repliers):
    anna_client.post(_filled_url(call), {"thanks": ""})

    assert not Reply.objects.filter(thanked_at=None).exists()


def test_marking_filled_twice_thanks_once(anna_client, call, repliers):
    anna_client.post(_filled_url(call), {"thanks": ""})
    response = anna_client.post(_filled_url(call), {"thanks": ""}, follow=True)

    assert OutboundEmail.objects.filter(to="fr@replier.example").count() == 1
    assert "marked filled already" in response.content.decode()


def test_a_replier_whose_account_is_gone_is_thanked_in_the_site_s_language(anna_client, call):
    ReplyFactory(call=call, sent_by=None, email="gone@replier.example")

    anna_client.post(_filled_url(call), {"thanks": ""})

    assert _email_to("gone@replier.example").language == "en"


def test_marking_filled_is_a_post(anna_client, call):
    assert anna_client.get(_filled_url(call)).status_code == 405


def test_only_the_poster_marks_a_call_filled(rep_client, call):
    assert rep_client.post(_filled_url(call), {"thanks": ""}).status_code == 404
    call.refresh_from_db()
    assert not call.is_filled


def test_a_thank_you_too_long_is_refused(anna_client, call):
    response = anna_client.post(_filled_url(call), {"thanks": "x" * 1001})

    call.refresh_from_db()
    assert response.status_code == 200
    assert not call.is_filled


def test_a_filled_call_no_longer_offers_to_be_marked_filled(anna_client, call):
    call.filled_at = timezone.now()
    call.save()

    page = anna_client.get(_replies_url(call)).content.decode()

    assert _filled_url(call) not in page
