"""Members finding each other: a signed-in member writes, from a member's page, to one of
its contact persons (a representative who agreed to be shown: User.shown_to_members).
The message is stored, for staff to see any abuse, and relayed by email in the
recipient's language, with the address the sender chose to share to reply to; no page
shows a contact person's address."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from cpe_network.lib.antispam import EmailLimit, UserLimit
from cpe_network.lib.text import CleanTextField
from outbox.mail import send_templated

from .directory import Member

MESSAGE_LENGTH = 2000
# How many messages one person may send in an hour, and one contact person receive in a
# day (whoever writes): the directory cannot be used to flood anyone.
MESSAGES_PER_HOUR = 10
MESSAGES_PER_RECIPIENT_PER_DAY = 10
# The same message to the same person within this many minutes is a repeat (a double
# click, a form sent again from the browser's history): stored and sent once.
REPEAT_MINUTES = 10


def sender_limit(user):
    """How many messages `user` sent in the last hour."""
    return UserLimit("member-message", user, MESSAGES_PER_HOUR)


def recipient_takes_one_more(recipient):
    """Whether `recipient` may receive one more message today (and, if so, it is
    counted): their daily cap, whoever writes."""
    limit = EmailLimit("member-message", recipient.email)
    return limit.take(allowed=MESSAGES_PER_RECIPIENT_PER_DAY)


class MemberMessageQuerySet(models.QuerySet):
    def repeated(self, message):
        """The message stored in the last REPEAT_MINUTES with the same sender, recipient
        and text as the unsaved `message`, if any."""
        since = timezone.now() - timezone.timedelta(minutes=REPEAT_MINUTES)
        return (
            self.filter(
                sender=message.sender,
                recipient=message.recipient,
                message=message.message,
                created_at__gte=since,
            )
            .order_by("-created_at", "-pk")
            .first()
        )


class MemberMessage(models.Model):
    """A message from a member to another member's contact person, relayed by email."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="sent_member_messages",
        verbose_name=_("sender"),
    )
    sender_member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_messages",
        verbose_name=_("on behalf of"),
        help_text=_("Empty: the network’s staff."),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="received_member_messages",
        verbose_name=_("recipient"),
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        related_name="received_messages",
        verbose_name=_("sent from the page of"),
    )
    message = CleanTextField(_("message"), max_length=MESSAGE_LENGTH)
    reply_email = models.EmailField(_("reply address"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = MemberMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message between members")
        verbose_name_plural = _("messages between members")
        indexes = [models.Index(fields=["-created_at"])]

    def __str__(self):
        return f"{self.sender} → {self.recipient} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        """Its page in the admin: a message is seen by staff only, never on the site."""
        return reverse("admin:members_membermessage_change", args=[self.pk])

    def relay(self):
        """Queue the email to the recipient, in their language, with the sender's
        organisation, name and chosen address (to which a reply goes)."""
        recipient = self.recipient
        with override(recipient.language):
            settings_link = settings.SITE_URL + reverse("members:contact_details")
            organisation = (
                self.sender_member.name if self.sender_member else gettext("the network’s staff")
            )
        send_templated(
            "members/email/contact_message",
            to=recipient.email,
            language=recipient.language,
            context={
                "contact": self,
                "sender_name": self.sender.get_full_name() or self.reply_email,
                "organisation": organisation,
                "recipient": recipient,
                "settings_link": settings_link,
            },
            headers={"Reply-To": self.reply_email},
        )
