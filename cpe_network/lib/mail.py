"""Emails in the recipient's language, each from a trio of templates:
<prefix>_subject.txt, <prefix>_body.txt and <prefix>_body.html. They are stored with the
change that causes them and sent by a background task once it is committed, so a mail
server that is down never loses a message."""

import re
from email.header import Header
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import override

from .text import clean_text

# The longest subject stored (OutboundEmail.subject): a longer one is cut.
SUBJECT_LENGTH = 300


def send_templated(prefix, *, to, language, context, headers=None, enqueue=True):
    """Render the trio in `language` and store the email; it is sent after the commit
    (or, with `enqueue=False`, by the caller: the digest's batches send their own)."""
    with override(language):
        context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
        subject = _plain(f"{prefix}_subject.txt", context).strip()
        text = _plain(f"{prefix}_body.txt", context)
        html = render_to_string(f"{prefix}_body.html", context)
    return queue(
        to=to,
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=text,
        html=html,
        language=language,
        headers=headers,
        enqueue=enqueue,
    )


def _plain(name, context):
    """A plain-text template: nothing HTML-escaped ("L'Enfant", not "L&#x27;Enfant")."""
    return get_template(name).template.render(Context(context, autoescape=False))


def one_line(subject):
    """A subject as one line whatever the data in it: a line break or other control
    character in a name would make the email unsendable ("Header values may not contain
    linefeed"), and staff would never hear of what it was about. Runs of spaces become
    one (no-break spaces, which French typography wants, are kept); too long a subject
    is cut."""
    subject = re.sub(" {2,}", " ", clean_text(str(subject), one_line=True)).strip()
    if len(subject) > SUBJECT_LENGTH:
        subject = subject[: SUBJECT_LENGTH - 1].rstrip() + "…"
    return subject


def queue(*, to, subject, body, html="", language, headers=None, enqueue=True):
    from outbox.models import OutboundEmail
    from outbox.tasks import send_email

    email = OutboundEmail.objects.create(
        to=to,
        subject=one_line(subject),
        body=body,
        html=html,
        language=language,
        # The Message-ID is made once, so a retried email keeps it.
        headers={"Content-Language": language, "Message-ID": message_id(), **(headers or {})},
    )
    if enqueue:
        transaction.on_commit(lambda: send_email.enqueue(email.pk))
    return email


def message_id():
    """A Message-ID in the site's own domain (Django's default names the machine, often
    "localhost", which spam filters hold against a message)."""
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "localhost")


class Message(EmailMultiAlternatives):
    """An email whose subject reads the same in every mail program, whatever the version
    of Python. The email package's folding of long subjects is wrong in two ways: in
    Python 3.12.1 it drops the space between two accented words ("invitéà"), and in every
    version it breaks a long plain-ASCII subject right after "Subject:", so that it reads
    with a leading space. The subject is folded here with the package's older, correct
    `Header` class (encoded where it is not ASCII) and stored as is."""

    def message(self, **kwargs):
        if not any(name.lower() == "message-id" for name in self.extra_headers):
            self.extra_headers["Message-ID"] = message_id()
        self.subject = one_line(self.subject)  # also for an email stored before the rule
        message = super().message(**kwargs)
        subject = self.subject
        charset = "us-ascii" if subject.isascii() else "utf-8"
        del message["Subject"]
        message.set_raw("Subject", Header(subject, charset, header_name="Subject").encode())
        return message
