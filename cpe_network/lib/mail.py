"""Emails in the recipient's language, each from a trio of templates:
<prefix>_subject.txt, <prefix>_body.txt and <prefix>_body.html. They are stored with the
change that causes them and sent by a background task once it is committed, so a mail
server that is down never loses a message."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override


def send_templated(prefix, *, to, language, context):
    with override(language):
        context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{prefix}_subject.txt", context).strip()
        text = render_to_string(f"{prefix}_body.txt", context)
        html = render_to_string(f"{prefix}_body.html", context)
    return queue(
        to=to,
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=text,
        html=html,
        language=language,
    )


def queue(*, to, subject, body, html="", language, headers=None):
    from cpe_network.models import OutboundEmail
    from cpe_network.tasks import send_email

    email = OutboundEmail.objects.create(
        to=to,
        subject=subject,
        body=body,
        html=html,
        language=language,
        headers={"Content-Language": language, **(headers or {})},
    )
    transaction.on_commit(lambda: send_email.enqueue(email.pk))
    return email
