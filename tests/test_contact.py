"""The contact page: the secretariat's details, and a form whose messages are stored and
relayed to the staff who answer them; the details at the foot of every page; About and
Contact in the main navigation."""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.contrib.auth.models import Group

from pages.demo import seed_contact_details
from pages.models import ContactMessage, HomePage
from tests.factories import ContactMessageFactory, UserFactory
from tests.forms import contact_data, started

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]
    settings.FORM_RATE_LIMIT_PER_HOUR = 3


@pytest.fixture
def details():
    """The secretariat's contact details, as staff enter them in the admin."""
    page = HomePage(
        address_en="Rue de la Loi 42\n1040 Brussels",
        address_fr="Rue de la Loi 42\n1040 Bruxelles",
        email="contact@cpe.example",
        phone="+32 2 555 01 23",
    )
    page.save()
    return page


@pytest.fixture
def secretary(secretary):
    """The membership secretary, whose emails are in French."""
    secretary.language = "fr"
    secretary.save()
    return secretary


# The page.


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/contact/", "Contact the network"), ("/fr/contact/", "Contacter le réseau")],
)
def test_the_contact_page_is_in_each_language(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.text


def test_the_contact_page_shows_the_secretariats_details(client, details):
    response = client.get("/fr/contact/")

    assert "1040 Bruxelles" in response.text
    assert 'href="mailto:contact@cpe.example"' in response.text
    assert 'href="tel:+3225550123"' in response.text


def test_without_details_the_page_shows_only_the_form(client):
    response = client.get("/en/contact/")

    assert "mailto:" not in response.text
    assert "The secretariat</h2>" not in response.text
    assert 'name="message"' in response.text


def test_only_the_details_that_are_filled_are_shown(client):
    HomePage(email="contact@cpe.example").save()

    response = client.get("/en/contact/")

    assert 'href="mailto:contact@cpe.example"' in response.text
    assert "Phone:" not in response.text


def test_families_are_pointed_to_help_near_them_before_they_write(client):
    response = client.get("/en/contact/")

    assert "find help near you" in response.text
    assert response.text.index("find help near you") < response.text.index('name="message"')


def test_the_form_says_no_reply_can_be_sent_without_an_address(client):
    response = client.get("/en/contact/")

    assert "Without an address, we can read your message but cannot answer it." in response.text


# Sending a message.


def test_a_message_is_stored_in_the_language_of_the_page(client):
    response = client.post("/fr/contact/", contact_data())

    assert response.status_code == 302
    assert response["Location"] == "/fr/contact/merci/"
    message = ContactMessage.objects.get()
    assert (message.kind, message.subject, message.language, message.handled) == (
        "family",
        "Visiting my father",
        "fr",
        False,
    )


def test_the_thank_you_page_says_an_acknowledgement_follows(client):
    response = client.post("/en/contact/", contact_data(), follow=True)

    assert "You will receive an acknowledgement by email." in response.text


def test_the_thank_you_page_says_no_answer_can_come_without_an_address(client):
    response = client.post("/en/contact/", contact_data(reply_email=""), follow=True)

    assert "You gave no email address, so we cannot answer you." in response.text


def test_staff_receive_the_message_each_in_their_language(client, secretary, mailoutbox):
    client.post("/fr/contact/", contact_data(kind="journalist", subject="Un reportage"))

    notices = {message.to[0]: message for message in mailoutbox}
    assert set(notices) == {
        "secretary@example.org",
        "secretariat@example.org",
        "famille@example.org",
    }
    assert notices["secretary@example.org"].subject == (
        "[Children of Prisoners Europe] Message de la page de contact "
        "(Un ou une journaliste)\u00a0: Un reportage"
    )
    assert notices["secretary@example.org"].extra_headers["Content-Language"] == "fr"
    assert notices["secretariat@example.org"].subject == (
        "[Children of Prisoners Europe] Message from the contact page (A journalist): Un reportage"
    )


def test_staff_can_reply_to_the_sender_directly(client, secretary, mailoutbox):
    client.post("/fr/contact/", contact_data())

    notice = next(message for message in mailoutbox if message.to == ["secretary@example.org"])
    assert notice.extra_headers["Reply-To"] == "famille@example.org"
    assert "How can my children visit their father in prison?" in notice.body
    assert "/admin/pages/contactmessage/" in notice.body


def test_a_message_without_an_address_tells_staff_no_answer_can_be_sent(
    client, secretary, mailoutbox
):
    client.post("/en/contact/", contact_data(reply_email=""))

    notice = next(message for message in mailoutbox if message.to == ["secretary@example.org"])
    assert "Reply-To" not in notice.extra_headers
    assert "L’expéditeur n’a indiqué aucune adresse électronique" in notice.body
    assert [message.to for message in mailoutbox if message.to == ["famille@example.org"]] == []


def test_the_secretariats_address_is_written_to_in_a_staff_members_language(
    client, mailoutbox, settings
):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretary@example.org"]
    UserFactory(email="secretary@example.org", is_staff=True, language="fr")

    client.post("/en/contact/", contact_data())

    notice = next(message for message in mailoutbox if message.to == ["secretary@example.org"])
    assert notice.extra_headers["Content-Language"] == "fr"


def test_staff_without_the_permission_are_not_sent_messages(client, editor, mailoutbox):
    client.post("/en/contact/", contact_data())

    assert "editor@example.org" not in [message.to[0] for message in mailoutbox]


def test_the_sender_gets_an_acknowledgement_in_the_pages_language(client, mailoutbox):
    client.post("/fr/contact/", contact_data())

    acknowledgement = next(
        message for message in mailoutbox if message.to == ["famille@example.org"]
    )
    assert acknowledgement.subject == (
        "[Children of Prisoners Europe] Nous avons reçu votre message\u00a0: Visiting my father"
    )
    assert acknowledgement.extra_headers["Content-Language"] == "fr"
    assert "Le secrétariat a bien reçu votre message" in acknowledgement.body


# Robots and mistakes.


def test_honeypot_drops_the_sending_silently(client, mailoutbox):
    response = client.post("/en/contact/", contact_data(nickname="buy now"))

    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert mailoutbox == []


def test_a_form_sent_faster_than_a_person_could_is_refused(client):
    response = client.post("/en/contact/", contact_data(started=started(0)))

    assert "sent too quickly" in response.text
    assert not ContactMessage.objects.exists()


def test_sendings_are_limited_per_client_address_and_what_was_typed_is_kept(client):
    for number in range(3):
        client.post("/en/contact/", contact_data(subject=f"Question {number}"))

    response = client.post("/en/contact/", contact_data(subject="Fourth question"))

    assert response.status_code == 429
    assert "sent from your network too often" in response.text
    assert 'value="Fourth question"' in response.text
    assert ContactMessage.objects.count() == 3


def test_a_double_click_stores_one_message(client, mailoutbox):
    data = contact_data()

    client.post("/en/contact/", data)
    second = client.post("/en/contact/", data)

    assert second.status_code == 302
    assert ContactMessage.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"kind": ""}, "You are: This field is required."),
        ({"kind": "robot"}, "Select a valid choice. robot is not one of the available choices."),
        ({"subject": ""}, "Subject: This field is required."),
        ({"message": "   "}, "Message: This field is required."),
        ({"reply_email": "not an address"}, "Enter a valid email address."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_stored(
    client, mailoutbox, changes, error
):
    response = client.post("/en/contact/", contact_data(**changes))

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert error in response.text
    assert not ContactMessage.objects.exists()
    assert mailoutbox == []


def test_a_5000_character_message_is_refused_with_a_message(client):
    response = client.post("/en/contact/", contact_data(message="a" * 5000))

    assert response.status_code == 200
    assert "at most 4000 characters (it has 5000)" in response.text
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"subject": "x" * 10_000},
        {"message": "\x00\U0001f600 <script>alert(1)</script> \u202e"},
        {"subject": "é" * 250, "reply_email": "a" * 300 + "@example.org"},
        {"kind": ["family", "other"]},
    ],
)
def test_odd_input_never_breaks_the_page(client, changes):
    response = client.post("/en/contact/", contact_data(**changes))

    assert response.status_code in (200, 302)
    assert "<script>alert(1)</script>" not in response.text


# The admin.


def test_the_secretary_reads_messages_and_marks_them_handled(client, secretary):
    message = ContactMessageFactory()
    client.force_login(secretary)

    listing = client.get("/admin/pages/contactmessage/")
    response = client.post(
        "/admin/pages/contactmessage/",
        {"action": "mark_handled", "_selected_action": [message.pk]},
    )

    assert listing.status_code == 200
    assert "Visiting my father" in listing.text
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.handled


def test_the_message_cannot_be_edited_in_the_admin(client, secretary):
    message = ContactMessageFactory()
    client.force_login(secretary)

    client.post(
        f"/admin/pages/contactmessage/{message.pk}/change/", {"message": "Changed", "handled": "on"}
    )

    message.refresh_from_db()
    assert message.message == "How can my children visit their father in prison?"
    assert message.handled


def test_the_membership_secretary_role_may_read_messages():
    group = Group.objects.get(name="Membership secretary")

    assert group.permissions.filter(codename="view_contactmessage").exists()


def test_messages_are_registered_in_the_admin():
    assert ContactMessage in admin_site._registry


# The footer and the navigation.


def test_the_footer_shows_the_secretariats_details_on_every_page(client, details):
    response = client.get("/en/news/")

    footer = response.text[response.text.index('<footer class="site-footer">') :]
    assert "1040 Brussels" in footer
    assert 'href="mailto:contact@cpe.example"' in footer
    assert "+32 2 555 01 23" in footer


def test_the_footer_shows_no_details_before_staff_enter_them(client):
    response = client.get("/en/news/")

    assert "Secretariat</h2>" not in response.text


def test_the_footer_shows_new_details_once_staff_save_them(client, details):
    client.get("/en/")
    details.phone = "+32 2 555 99 99"
    details.save()

    assert "+32 2 555 99 99" in client.get("/en/").text


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("/en/contact/", '<a href="/en/contact/" aria-current="page">Contact</a>'),
        ("/fr/contact/", '<a href="/fr/contact/" aria-current="page">Contact</a>'),
        ("/en/about/", '<a href="/en/about/" aria-current="page">About</a>'),
        ("/fr/a-propos/", '<a href="/fr/a-propos/" aria-current="page">À propos</a>'),
    ],
)
def test_about_and_contact_are_in_the_navigation_marked_when_current(client, pages, path, link):
    response = client.get(path)

    nav = response.text[
        response.text.index('class="main-nav"') : response.text.index(
            "</nav>", response.text.index('class="main-nav"')
        )
    ]
    assert link in nav


def test_about_and_contact_are_linked_from_other_pages(client, pages):
    response = client.get("/fr/")

    assert '<a href="/fr/a-propos/">À propos</a>' in response.text
    assert '<a href="/fr/contact/">Contact</a>' in response.text


def test_without_an_about_page_the_navigation_has_no_about_link(client):
    response = client.get("/en/")

    assert ">About</a>" not in response.text


# The demo.


def test_the_demo_fills_empty_contact_details_and_keeps_those_staff_entered():
    HomePage(email="real@cpe.example").save()

    seed_contact_details()

    page = HomePage.objects.get()
    assert page.email == "real@cpe.example"
    assert page.address_fr.endswith("Bruxelles\nBelgique")
    assert page.phone.startswith("+32 ")


def test_the_acknowledgement_does_not_repeat_the_message(client, mailoutbox):
    client.post("/en/contact/", contact_data(message="Visit cheap-pills.example now"))

    acknowledgement = next(m for m in mailoutbox if m.to == ["famille@example.org"])
    assert "cheap-pills" not in acknowledgement.body


def test_one_address_gets_at_most_three_acknowledgements_a_day(client, mailoutbox, settings):
    settings.FORM_RATE_LIMIT_PER_HOUR = 10
    for number in range(5):
        client.post("/en/contact/", contact_data(subject=f"Question {number}"))

    acknowledgements = [m for m in mailoutbox if m.to == ["famille@example.org"]]
    assert len(acknowledgements) == 3
    assert ContactMessage.objects.count() == 5
