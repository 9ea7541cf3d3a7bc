"""Emails are stored with what caused them and sent by a background task; a mail server
that is down delays them, never loses them."""

import email
import email.policy
import io
import signal
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from members.models import Application
from outbox.mail import queue, send_templated
from outbox.models import OutboundEmail
from tests.factories import ApplicationFactory, CategoryFactory, OutboundEmailFactory
from tests.forms import application_data


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def smtp(port):
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }


WORKER = ["db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0"]
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def run_worker():
    """db_worker in this process until no task is ready, then its handlers of SIGINT,
    SIGTERM and SIGQUIT taken back: left in place, they made this test process shrug off
    the first SIGTERM (it logged "shutting down gracefully" and ran on)."""
    handlers = {number: signal.getsignal(number) for number in SIGNALS}
    try:
        call_command(*WORKER, stdout=io.StringIO(), stderr=io.StringIO())
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def mail_server():
    """A real SMTP server on this machine, started when the test says so."""
    inbox = Inbox()
    port = free_port()
    controllers = []

    def start():
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)

    yield port, start, inbox
    for controller in controllers:
        controller.stop()


def test_an_email_is_stored_and_sent(db, mailoutbox):
    email = queue(to="a@example.org", subject="Hello", body="Text", language="en")

    email.refresh_from_db()
    assert email.status == "sent"
    assert mailoutbox[0].subject == "Hello"


@override_settings(EMAIL_RETRY_DELAYS=[60, 300])
def test_a_failed_send_is_recorded_and_retried_later(db, mail_server):
    port, _start, _inbox = mail_server

    with override_settings(MAILERS=smtp(port)):
        email = queue(to="a@example.org", subject="Hello", body="Text", language="en")

    email.refresh_from_db()
    assert email.status == "retrying"
    assert email.attempts == 1
    assert "Connection refused" in email.last_error or "Errno" in email.last_error
    assert email.next_attempt_at is not None


@override_settings(EMAIL_RETRY_DELAYS=[0])
def test_send_queued_emails_delivers_once_the_server_is_back(db, mail_server):
    port, start, inbox = mail_server
    with override_settings(MAILERS=smtp(port)):
        email = queue(to="a@example.org", subject="Hello", body="Text", language="fr")
        start()
        call_command("send_queued_emails", stdout=io.StringIO())

    email.refresh_from_db()
    assert email.status == "sent"
    assert [message.rcpt_tos for message in inbox.messages] == [["a@example.org"]]


@override_settings(EMAIL_RETRY_DELAYS=[1])
def test_an_email_is_marked_failed_after_the_last_retry(db, mail_server):
    port, _start, _inbox = mail_server
    with override_settings(MAILERS=smtp(port)):
        email = queue(to="a@example.org", subject="Hello", body="Text", language="en")
        email.refresh_from_db()
        email.send()

    email.refresh_from_db()
    assert email.status == "failed"
    assert email.attempts == 2


@pytest.mark.real_on_commit
@override_settings(
    EMAIL_RETRY_DELAYS=[3600],
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_the_database_worker_sends_after_the_server_comes_back(transactional_db, mail_server):
    port, start, inbox = mail_server
    stops_at_sigterm = signal.getsignal(signal.SIGTERM)
    with override_settings(MAILERS=smtp(port)):
        email = queue(to="a@example.org", subject="Hello", body="Text", language="en")
        run_worker()
        assert signal.getsignal(signal.SIGTERM) == stops_at_sigterm
        email.refresh_from_db()
        assert email.status == "retrying"

        # An hour later, the server is back.
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        start()
        run_worker()

    email.refresh_from_db()
    assert email.status == "sent"
    assert len(inbox.messages) == 1


def test_staff_see_what_could_not_be_sent(admin_client, db):
    OutboundEmailFactory(subject="Lost?", status="failed", last_error="SMTPServerDisconnected")

    html = admin_client.get("/admin/outbox/outboundemail/?status__exact=failed").text

    assert "Lost?" in html


@pytest.mark.real_on_commit
@override_settings(
    EMAIL_RETRY_DELAYS=[3600],
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    STAFF_NOTIFICATION_EMAILS=["secretariat@example.org"],
    FORM_MIN_SECONDS=0,
)
def test_an_application_sent_while_mail_is_down_is_kept_and_acknowledged_later(
    transactional_db, client, mail_server
):
    port, start, inbox = mail_server
    with override_settings(MAILERS=smtp(port)):
        response = client.post("/en/join/", application_data(CategoryFactory()))
        run_worker()

        assert response.status_code == 302
        assert Application.objects.count() == 1
        assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"retrying"}

        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        start()
        run_worker()

    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    recipients = sorted(message.rcpt_tos[0] for message in inbox.messages)
    assert recipients == ["marie@lien.example", "secretariat@example.org"]


ACCENTED_NAMES = [
    "Éveil et Lien Familial",
    "Association Relais Enfants Parents Île-de-France",
    "Kinderbrücke Graz — Väter & Mütter",
    "Mosty Rodzinne Łódź",
    "Famílias Unidas à Coimbra, São João",
    "L’Enfant d’abord à Genève",
]


def test_subjects_with_accented_words_read_back_whole_from_the_wire(db, mail_server, settings):
    """Decoded by a mail program (Python's email package), each subject reads as it was
    written, spaces included, whatever Python's version folds it."""
    port, start, inbox = mail_server
    start()
    settings.SITE_URL = "https://network.example.org"
    with override_settings(MAILERS=smtp(port)):
        for name in ACCENTED_NAMES:
            send_templated(
                "members/email/invitation",
                to="a@example.org",
                language="fr",
                context={
                    "invitation": {"first_name": "Marie", "email": "a@example.org"},
                    "member": {"name": name},
                    "days": 14,
                },
            )

    received = [
        email.message_from_bytes(message.original_content, policy=email.policy.default)
        for message in inbox.messages
    ]
    assert [str(message["Subject"]) for message in received] == [
        f"[Children of Prisoners Europe] Invitation à représenter {name}" for name in ACCENTED_NAMES
    ]


def test_a_long_plain_subject_reads_back_without_a_leading_space(db, mail_server):
    port, start, inbox = mail_server
    start()
    subject = "[Children of Prisoners Europe] New application: Lien Familial (Belgium)"
    with override_settings(MAILERS=smtp(port)):
        queue(to="a@example.org", subject=subject, body="Text", language="en")

    (message,) = inbox.messages
    received = email.message_from_bytes(message.original_content, policy=email.policy.default)
    assert str(received["Subject"]) == subject


def test_message_ids_name_the_sites_domain_and_survive_a_retry(db, mail_server, settings):
    port, start, inbox = mail_server
    settings.SITE_URL = "https://network.example.org"
    with override_settings(MAILERS=smtp(port), EMAIL_RETRY_DELAYS=[0]):
        stored = queue(to="a@example.org", subject="Hello", body="Text", language="en")
        start()
        stored.refresh_from_db()
        stored.send()

    (message,) = inbox.messages
    received = email.message_from_bytes(message.original_content, policy=email.policy.default)
    assert received["Message-ID"].endswith("@network.example.org>")
    assert received["Message-ID"] == stored.headers["Message-ID"]


@override_settings(STAFF_NOTIFICATION_EMAILS=["secretariat@example.org"])
def test_an_application_with_line_breaks_in_its_names_is_still_acknowledged_and_notified(
    db, mail_server
):
    """Names stored before one-line fields cleaned them (or written by code that skips
    the model) hold line breaks: the acknowledgement and the staff notice still go."""
    port, start, inbox = mail_server
    start()
    application = ApplicationFactory(language="en")
    Application.objects.filter(pk=application.pk).update(
        organisation="Lien\r\nBcc: everyone@example.org\r\n\r\nFamilial\x00\x0b",
        contact_name="Marie\nDupont",
    )
    application.refresh_from_db()
    with override_settings(MAILERS=smtp(port)):
        application.send_acknowledgements()

    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    received = {
        message.rcpt_tos[0]: email.message_from_bytes(
            message.original_content, policy=email.policy.default
        )
        for message in inbox.messages
    }
    assert set(received) == {"marie@lien.example", "secretariat@example.org"}
    assert str(received["secretariat@example.org"]["Subject"]) == (
        "[Children of Prisoners Europe] New application: "
        "Lien Bcc: everyone@example.org Familial (Belgium)"
    )
    assert received["secretariat@example.org"]["Bcc"] is None


def test_a_subject_is_one_line_of_at_most_300_characters(db, mailoutbox):
    queue(to="a@example.org", subject="Ligne\u2028deux\t" + "x" * 400, body="", language="fr")

    (message,) = mailoutbox
    assert message.subject.startswith("Ligne deux xxx")
    assert len(message.subject) == 300
    assert message.subject.endswith("x…")


def test_a_subject_keeps_the_no_break_spaces_of_french_typography(db, mailoutbox):
    queue(
        to="a@example.org", subject="Bienvenue\u202f! Objet\u00a0: adhésion", body="", language="fr"
    )

    assert mailoutbox[0].subject == "Bienvenue\u202f! Objet\u00a0: adhésion"


@override_settings(STAFF_NOTIFICATION_EMAILS=["secretariat@example.org"])
def test_line_breaks_typed_in_the_join_form_leave_both_emails_sendable(client, db, mailoutbox):
    response = client.post(
        "/en/join/",
        application_data(
            CategoryFactory(),
            organisation="Lien\r\nBcc: everyone@example.org",
            contact_name="Marie\r\nDupont",
            city="Liège\x0b",
        ),
    )

    assert response.status_code == 302
    assert Application.objects.get().organisation == "Lien Bcc: everyone@example.org"
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert sorted(message.to[0] for message in mailoutbox) == [
        "marie@lien.example",
        "secretariat@example.org",
    ]
