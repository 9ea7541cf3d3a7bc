"""Email messages as the site sends them: a subject on one line that reads the same in
every mail program, and a Message-ID in the site's own domain. The outbox app stores
and sends them (outbox/mail.py)."""

import re
from email.header import Header
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .text import clean_text

# The longest subject stored (OutboundEmail.subject): a longer one is cut.
SUBJECT_LENGTH = 300


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
