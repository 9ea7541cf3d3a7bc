"""Emails in the recipient's language, each from a trio of templates:
<prefix>_subject.txt, <prefix>_body.txt and <prefix>_body.html. They are stored with the
change that causes them and sent by a background task once it is committed, so a mail
server that is down never loses a message."""

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import override

from cpe_network.lib.mail import message_id, one_line

from .models import OutboundEmail
from .tasks import send_email


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


def queue(*, to, subject, body, html="", language, headers=None, enqueue=True):
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
