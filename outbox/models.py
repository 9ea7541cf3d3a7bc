from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cpe_network.lib.mail import Message


class OutboundEmail(models.Model):
    """An email the site sends: stored with the change that caused it, then sent by a
    background task, retried with back-off while the mail server fails."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RETRYING = "retrying", _("retrying")
        SENT = "sent", pgettext_lazy("email status", "sent")
        FAILED = "failed", _("failed")

    to = models.EmailField(pgettext_lazy("email recipient", "to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        # The table keeps the name it had in the project package (cpe_network), so that
        # installations keep their emails (migrations/0001_initial.py).
        db_table = "cpe_network_outboundemail"

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def message(self):
        message = Message(subject=self.subject, body=self.body, to=[self.to], headers=self.headers)
        if self.html:
            message.attach_alternative(self.html, "text/html")
        return message

    def send(self):
        """Try once; on failure record why and when to try again (or give up)."""
        try:
            self.message().send()
        except Exception as error:  # the mail server's failures come in many kinds
            self.attempts += 1
            self.last_error = f"{type(error).__name__}: {error}"[:2000]
            delays = settings.EMAIL_RETRY_DELAYS
            if self.attempts > len(delays):
                self.status = self.Status.FAILED
                self.next_attempt_at = None
            else:
                self.status = self.Status.RETRYING
                delay = timezone.timedelta(seconds=delays[self.attempts - 1])
                self.next_attempt_at = timezone.now() + delay
            self.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return False
        self.status = self.Status.SENT
        self.sent_at = timezone.now()
        self.attempts += 1
        self.next_attempt_at = None
        self.save(update_fields=["status", "sent_at", "attempts", "next_attempt_at"])
        return True
