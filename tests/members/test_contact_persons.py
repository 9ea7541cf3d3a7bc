"""Members finding each other: a member's contact persons on its page, for signed-in
members only, and messages to them relayed by email (members.models.contacts)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from members.models import Member, MemberMessage
from members.models import contacts as contact_rules
from outbox.models import OutboundEmail
from tests.factories import (
    ContactPersonFactory,
    MemberFactory,
    MemberMessageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PAGE = "/en/members/kinder-berlin/"
PAGE_FR = "/fr/membres/kinder-berlin/"


@pytest.fixture
def berlin(db):
    return MemberFactory(name="Kinder Berlin", slug="kinder-berlin", country="DE")


@pytest.fixture
def anna(berlin):
    """Kinder Berlin's contact person, shown to members, who reads her emails in English."""
    person = ContactPersonFactory(
        email="anna@kinder.example",
        first_name="Anna",
        last_name="Schmidt",
        role="Research lead",
        spoken_languages=["de", "en"],
        language="en",
    )
    berlin.representatives.add(person)
    return person


@pytest.fixture
def hans(berlin):
    """Kinder Berlin's other representative, who did not agree to be shown."""
    person = UserFactory(email="hans@kinder.example", first_name="Hans", last_name="Weber")
    berlin.representatives.add(person)
    return person


@pytest.fixture
def rep(rep):
    """Camille Durand, of Relais Lyon: the member who writes."""
    rep.last_name = "Durand"
    rep.save()
    return rep


def contact_url(person, language="en", slug="kinder-berlin"):
    if language == "fr":
        return f"/fr/membres/{slug}/contact/{person.pk}/"
    return f"/en/members/{slug}/contact/{person.pk}/"


def message_data(**values):
    return {
        "message": "We are starting a study of prison visits. Would you join us?",
        "reply_email": "camille.durand@relais.example",
        **values,
    }


# Who sees the contact persons.


def test_visitor_sees_no_contact_persons(client, anna):
    html = client.get(PAGE).text

    assert "Anna Schmidt" not in html
    assert 'id="member-contacts"' not in html


def test_visitor_is_sent_to_sign_in_from_the_message_page(client, anna):
    response = client.get(contact_url(anna))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 60 * 60


def test_cached_visitor_page_holds_no_contact_persons_after_a_member_visited(
    page_cache, rep_client, anna, django_assert_num_queries
):
    assert "Anna Schmidt" in rep_client.get(PAGE).text
    visitor = Client()
    visitor.get(PAGE)

    with django_assert_num_queries(0):  # served from the page cache
        html = visitor.get(PAGE).text

    assert "Anna Schmidt" not in html


def test_member_is_never_served_the_cached_visitor_page(page_cache, client, rep, anna):
    Client().get(PAGE)
    Client().get(PAGE)  # the visitor's page is cached now
    client.force_login(rep)

    assert "Anna Schmidt" in client.get(PAGE).text


def test_member_page_seen_by_a_member_is_kept_by_no_cache(rep_client, anna):
    response = rep_client.get(PAGE)

    assert "no-store" in response["Cache-Control"]


def test_signed_in_person_who_is_no_member_sees_no_contact_persons(client, anna):
    client.force_login(UserFactory(email="outsider@example.org"))

    assert "Anna Schmidt" not in client.get(PAGE).text


def test_signed_in_person_who_is_no_member_cannot_open_the_message_page(client, anna):
    client.force_login(UserFactory(email="outsider@example.org"))

    assert client.get(contact_url(anna)).status_code == 404


def test_signed_in_person_who_is_no_member_cannot_send(client, anna):
    client.force_login(UserFactory(email="outsider@example.org"))

    response = client.post(contact_url(anna), message_data())

    assert response.status_code == 404
    assert not MemberMessage.objects.exists()


def test_member_sees_the_contact_persons_who_agreed(rep_client, anna, hans):
    html = rep_client.get(PAGE).text

    assert '<h2 id="member-contacts">Contact persons</h2>' in html
    assert "<h3>Anna Schmidt</h3>" in html
    assert "Hans Weber" not in html


def test_member_sees_the_role_and_languages_of_a_contact_person(rep_client, anna):
    html = rep_client.get(PAGE).text

    assert "<dd>Research lead</dd>" in html
    assert "<dd>German, English</dd>" in html


def test_languages_are_named_in_the_pages_language(rep_client, anna):
    html = rep_client.get(PAGE_FR).text

    assert "<dd>Allemand, Anglais</dd>" in html


def test_member_page_links_to_the_message_page(rep_client, anna):
    html = rep_client.get(PAGE).text

    assert f'href="{contact_url(anna)}"' in html


def test_no_page_shows_a_contact_persons_address(rep_client, anna):
    pages = [rep_client.get(PAGE).text, rep_client.get(contact_url(anna)).text]

    assert all("kinder.example" not in html for html in pages)


def test_staff_see_the_contact_persons(client, anna):
    client.force_login(UserFactory(is_staff=True))

    assert "Anna Schmidt" in client.get(PAGE).text


def test_a_contact_person_without_a_name_is_not_listed(rep_client, berlin):
    berlin.representatives.add(
        ContactPersonFactory(email="noname@kinder.example", first_name="", last_name="")
    )

    html = rep_client.get(PAGE).text

    assert "noname" not in html
    assert "None of its representatives has chosen" in html


def test_a_deactivated_account_is_not_listed(rep_client, anna):
    anna.is_active = False
    anna.save()

    assert "Anna Schmidt" not in rep_client.get(PAGE).text


def test_representative_of_a_former_member_sees_no_contact_persons(client, anna):
    person = UserFactory()
    MemberFactory(status=Member.Status.FORMER, representatives=[person])
    client.force_login(person)

    assert "Anna Schmidt" not in client.get(PAGE).text


def test_contact_person_sees_this_is_you_rather_than_a_link(client, anna):
    client.force_login(anna)

    html = client.get(PAGE).text

    assert "This is you." in html
    assert f'href="{contact_url(anna)}"' not in html


def test_member_page_query_count_does_not_grow_with_contact_persons(
    rep_client, berlin, anna, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14) as one:
        rep_client.get(PAGE)
    for _number in range(9):
        berlin.representatives.add(ContactPersonFactory())

    with django_assert_max_num_queries(len(one.captured_queries)):
        html = rep_client.get(PAGE).text

    assert html.count('class="contact-person"') == 10


# Sending a message.


def test_message_is_stored(rep_client, rep, relais, berlin, anna):
    rep_client.post(contact_url(anna), message_data())

    message = MemberMessage.objects.get()
    assert (message.sender, message.sender_member, message.recipient, message.member) == (
        rep,
        relais,
        anna,
        berlin,
    )
    assert message.message == "We are starting a study of prison visits. Would you join us?"
    assert message.reply_email == "camille.durand@relais.example"


def test_after_sending_the_member_sees_the_member_page_with_a_confirmation(rep_client, anna):
    response = rep_client.post(contact_url(anna), message_data(), follow=True)

    assert response.redirect_chain[0][0] == PAGE
    assert "Your message was sent to Anna Schmidt." in response.text


def test_email_goes_to_the_contact_person_in_english(rep_client, anna, mailoutbox):
    rep_client.post(contact_url(anna), message_data())

    email = mailoutbox[0]
    assert email.to == ["anna@kinder.example"]
    assert "A message from Camille Durand (Relais Lyon)" in email.subject
    assert "Camille Durand (Relais Lyon) wrote to you" in email.body
    assert "Would you join us?" in email.body
    assert "your reply goes to camille.durand@relais.example" in email.body


def test_email_goes_to_the_contact_person_in_her_language_french(rep_client, anna, mailoutbox):
    anna.language = "fr"
    anna.save()

    rep_client.post(contact_url(anna), message_data())  # written from the English page

    email = mailoutbox[0]
    assert "Un message de Camille Durand (Relais Lyon)" in email.subject
    assert "Camille Durand (Relais Lyon) vous a écrit" in email.body
    assert "votre réponse ira à camille.durand@relais.example" in email.body
    assert "/fr/espace-membre/coordonnees/" in email.body


def test_a_reply_goes_to_the_address_the_sender_chose(rep_client, anna, mailoutbox):
    rep_client.post(contact_url(anna), message_data())

    assert mailoutbox[0].extra_headers["Reply-To"] == "camille.durand@relais.example"


def test_reply_address_is_the_senders_own_unless_changed(rep_client, anna):
    html = rep_client.get(contact_url(anna)).text

    assert 'value="rep@example.org"' in html


def test_email_is_queued_after_the_commit(
    rep_client, anna, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rep_client.post(contact_url(anna), message_data())
        stored_before_commit = OutboundEmail.objects.count()

    assert stored_before_commit == 0
    assert len(mailoutbox) == 1


def test_staff_without_an_organisation_write_for_the_networks_staff(client, anna, mailoutbox):
    client.force_login(UserFactory(first_name="Nora", last_name="Staff", is_staff=True))

    client.post(contact_url(anna), message_data())

    assert MemberMessage.objects.get().sender_member is None
    assert "Nora Staff (the network’s staff)" in mailoutbox[0].subject


def test_representative_of_two_members_chooses_which_one_writes(rep_client, rep, anna, mailoutbox):
    second = MemberFactory(name="Maison Grenoble", representatives=[rep])

    rep_client.post(contact_url(anna), message_data(sender_member=second.pk))

    assert MemberMessage.objects.get().sender_member == second
    assert "(Maison Grenoble)" in mailoutbox[0].subject


def test_representative_of_two_members_cannot_write_for_a_third(rep_client, rep, anna):
    MemberFactory(name="Maison Grenoble", representatives=[rep])
    stranger = MemberFactory(name="Someone else")

    response = rep_client.post(contact_url(anna), message_data(sender_member=stranger.pk))

    assert response.status_code == 200
    assert not MemberMessage.objects.exists()


def test_the_message_page_works_in_french(rep_client, anna):
    response = rep_client.get(contact_url(anna, "fr"))

    assert response.status_code == 200
    assert "<h1>Écrire à Anna Schmidt</h1>" in response.text


def test_sending_from_the_french_page(rep_client, anna):
    response = rep_client.post(contact_url(anna, "fr"), message_data(), follow=True)

    assert response.redirect_chain[0][0] == PAGE_FR
    assert "Votre message a été envoyé à Anna Schmidt." in response.text


# What is refused.


def test_empty_message_is_refused(rep_client, anna):
    response = rep_client.post(contact_url(anna), message_data(message="  "))

    assert response.status_code == 200
    assert 'href="#id_message"' in response.text  # the error summary leads to it
    assert not MemberMessage.objects.exists()


def test_bad_reply_address_is_refused(rep_client, anna):
    response = rep_client.post(contact_url(anna), message_data(reply_email="not an address"))

    assert 'href="#id_reply_email"' in response.text
    assert not MemberMessage.objects.exists()


def test_too_long_a_message_is_refused(rep_client, anna):
    rep_client.post(contact_url(anna), message_data(message="a" * 2001))

    assert not MemberMessage.objects.exists()


def test_sender_past_the_hourly_limit_is_refused(rep_client, anna, monkeypatch, mailoutbox):
    monkeypatch.setattr(contact_rules, "MESSAGES_PER_HOUR", 2)
    rep_client.post(contact_url(anna), message_data(message="A first one"))
    rep_client.post(contact_url(anna), message_data(message="A second one"))

    response = rep_client.post(contact_url(anna), message_data(message="A third one"))

    assert response.status_code == 429
    assert "You have sent many messages in the last hour." in response.text
    assert "A third one" in response.text  # what they typed is kept
    assert MemberMessage.objects.count() == 2
    assert len(mailoutbox) == 2


def test_the_same_message_sent_twice_is_stored_and_emailed_once(rep_client, anna, mailoutbox):
    first = rep_client.post(contact_url(anna), message_data(), follow=True)
    second = rep_client.post(contact_url(anna), message_data(), follow=True)  # a double click

    assert MemberMessage.objects.count() == 1
    assert len(mailoutbox) == 1
    for response in (first, second):
        assert response.redirect_chain[0][0] == PAGE
        assert "Your message was sent to Anna Schmidt." in response.text


def test_the_same_message_sent_twice_counts_once_against_the_recipients_limit(
    rep_client, anna, monkeypatch
):
    monkeypatch.setattr(contact_rules, "MESSAGES_PER_RECIPIENT_PER_DAY", 1)
    rep_client.post(contact_url(anna), message_data())

    again = rep_client.post(contact_url(anna), message_data())  # a double click

    assert again.status_code == 302
    assert MemberMessage.objects.count() == 1


def test_a_different_message_to_the_same_person_is_sent(rep_client, anna, mailoutbox):
    rep_client.post(contact_url(anna), message_data())
    rep_client.post(contact_url(anna), message_data(message="And one more thing."))

    assert MemberMessage.objects.count() == 2
    assert len(mailoutbox) == 2


def test_the_same_message_is_sent_again_after_a_while(rep_client, anna, mailoutbox):
    rep_client.post(contact_url(anna), message_data())
    MemberMessage.objects.update(
        created_at=timezone.now() - datetime.timedelta(minutes=contact_rules.REPEAT_MINUTES + 1)
    )

    rep_client.post(contact_url(anna), message_data())

    assert MemberMessage.objects.count() == 2
    assert len(mailoutbox) == 2


def test_contact_person_past_the_daily_limit_receives_no_more(rep_client, anna, monkeypatch):
    monkeypatch.setattr(contact_rules, "MESSAGES_PER_RECIPIENT_PER_DAY", 1)
    Client().post(contact_url(anna), message_data())  # a visitor's try counts for nothing
    rep_client.post(contact_url(anna), message_data())
    client = Client()
    client.force_login(MemberFactory(representatives=[UserFactory()]).representatives.get())

    response = client.post(contact_url(anna), message_data())

    assert response.status_code == 429
    assert "This person has received many messages through the site today." in response.text
    assert MemberMessage.objects.count() == 1


def test_a_person_cannot_write_to_themselves(client, anna):
    client.force_login(anna)

    response = client.post(contact_url(anna), message_data())

    assert response.status_code == 404
    assert not MemberMessage.objects.exists()


def test_a_representative_not_shown_cannot_be_written_to(rep_client, hans):
    assert rep_client.get(contact_url(hans)).status_code == 404


def test_a_contact_person_of_another_member_is_not_found_under_this_one(rep_client, anna):
    other = MemberFactory(slug="maison-grenoble")

    assert rep_client.get(contact_url(anna, slug=other.slug)).status_code == 404


def test_a_contact_person_of_an_unpublished_member_is_not_found(rep_client, berlin, anna):
    berlin.published = False
    berlin.save()

    assert rep_client.get(contact_url(anna)).status_code == 404


def test_an_account_that_represents_no_member_is_not_found(rep_client, berlin):
    stranger = ContactPersonFactory()

    assert rep_client.get(contact_url(stranger)).status_code == 404


def test_representative_of_a_former_member_cannot_send(client, anna):
    person = UserFactory()
    MemberFactory(status=Member.Status.FORMER, representatives=[person])
    client.force_login(person)

    response = client.post(contact_url(anna), message_data())

    assert response.status_code == 404
    assert not MemberMessage.objects.exists()


# A representative's choice to be shown.

SETTINGS = "/en/portal/contact-details/"
SETTINGS_FR = "/fr/espace-membre/coordonnees/"


def settings_data(**values):
    return {
        "shown_to_members": "on",
        "first_name": "Camille",
        "last_name": "Durand",
        "role": "Project coordinator",
        "spoken_languages": ["fr", "it"],
        **values,
    }


def test_portal_links_to_the_contact_details(rep_client):
    assert f'href="{SETTINGS}"' in rep_client.get("/en/portal/").text


def test_contact_details_page_in_both_languages(rep_client):
    assert rep_client.get(SETTINGS).status_code == 200
    assert "<h1>Vos coordonnées pour les autres membres</h1>" in rep_client.get(SETTINGS_FR).text


def test_representative_agrees_to_be_shown(rep_client, rep):
    response = rep_client.post(SETTINGS, settings_data())

    rep.refresh_from_db()
    assert response.status_code == 302
    assert rep.shown_to_members is True
    assert rep.role == "Project coordinator"
    assert rep.spoken_languages == ["fr", "it"]


def test_representative_who_agreed_is_shown_to_other_members(
    client, rep_client, relais, other_member
):
    rep_client.post(SETTINGS, settings_data())
    client.force_login(other_member.representatives.get())

    html = client.get("/en/members/relais-lyon/").text

    assert "<h3>Camille Durand</h3>" in html
    assert "<dd>French, Italian</dd>" in html


def test_an_unknown_language_is_refused(rep_client, rep):
    response = rep_client.post(SETTINGS, settings_data(spoken_languages=["fr", "xx"]))

    rep.refresh_from_db()
    assert 'href="#id_spoken_languages"' in response.text
    assert rep.shown_to_members is False


def test_being_shown_needs_a_name(rep_client, rep):
    response = rep_client.post(SETTINGS, settings_data(last_name=""))

    rep.refresh_from_db()
    assert "Give your name" in response.text
    assert rep.shown_to_members is False


def test_a_person_who_represents_no_member_has_no_contact_details_page(client):
    client.force_login(UserFactory())

    assert client.get(SETTINGS).status_code == 404


# Staff see the messages.


def test_membership_secretary_reads_the_messages_in_the_admin(client, secretary):
    MemberMessageFactory(message="Would you join our project on prison visits?")
    client.force_login(secretary)

    response = client.get("/admin/members/membermessage/")

    assert response.status_code == 200
    assert client.get("/admin/members/membermessage/add/").status_code == 403


def test_messages_cannot_be_changed_in_the_admin(admin_client):
    message = MemberMessageFactory()

    response = admin_client.get(f"/admin/members/membermessage/{message.pk}/change/")

    assert 'name="_save"' not in response.text


def test_editors_do_not_read_the_messages(editor_client):
    assert editor_client.get("/admin/members/membermessage/").status_code == 403


def test_secretary_group_has_the_permission():
    group = Group.objects.get(name="Membership secretary")

    assert group.permissions.filter(codename="view_membermessage").exists()
