"""Invitations to represent a member. Nobody is made a representative by someone else:
the invited person accepts from the emailed link (signed, expiring, single use). A person
with an account signs in and accepts; a new person chooses a password, which makes the
account and accepts."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.utils import generate_unique_username
from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from cpe_network.lib.text import CleanCharField
from outbox.mail import send_templated

from .directory import Member, User


class InvitationError(Exception):
    """The link is not one the site made, or its invitation is accepted or withdrawn."""


class InvitationExpired(InvitationError):
    pass


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at=None)

    def invite(self, member, *, email, first_name, last_name, language, invited_by, tell=True):
        """Invite `email` to represent `member` and tell them by email in their language
        (unless the caller's own email does: `tell`). Nothing changes for the person
        until they accept. Inviting an address again renews its pending invitation.
        Returns the invitation."""
        with transaction.atomic():
            invitation = (
                self.pending()
                .select_for_update()
                .filter(member=member, email__iexact=email)
                .first()
            ) or Invitation(member=member, email=email)
            invitation.first_name = first_name
            invitation.last_name = last_name
            invitation.language = language
            invitation.invited_by = invited_by
            invitation.sent_at = timezone.now()
            invitation.save()
            if tell:
                transaction.on_commit(invitation.send_email)
        return invitation


class Invitation(models.Model):
    """An invitation sent to an address to represent `member`, pending until accepted.
    The names and language are the inviter's, used only if the address has no account."""

    SALT = "members.invitation"

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("member")
    )
    email = models.EmailField(_("email address"))
    first_name = CleanCharField(_("first name"), max_length=150, blank=True)
    last_name = CleanCharField(_("last name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.member}"

    def get_absolute_url(self):
        with override(self.language):
            return reverse("members:invitation", kwargs={"token": self.token()})

    def link(self):
        return settings.SITE_URL + self.get_absolute_url()

    def token(self):
        return signing.dumps({"invitation": self.pk, "email": self.email.lower()}, salt=self.SALT)

    @property
    def expires_at(self):
        return self.sent_at + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @classmethod
    def from_token(cls, token):
        """The pending invitation a link carries; InvitationExpired or InvitationError."""
        max_age = timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
        try:
            data = signing.loads(token, salt=cls.SALT, max_age=max_age)
        except signing.SignatureExpired as error:
            raise InvitationExpired from error
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise InvitationError from error
        if not isinstance(data, dict) or not isinstance(data.get("invitation"), int):
            raise InvitationError
        invitation = (
            cls.objects.pending().select_related("member").filter(pk=data["invitation"]).first()
        )
        if invitation is None or invitation.email.lower() != data.get("email"):
            raise InvitationError
        return invitation

    def send_email(self):
        send_templated(
            "members/email/invitation",
            to=self.email,
            language=self.language,
            context={
                "invitation": self,
                "member": self.member,
                "invited_by": self.invited_by,
                "needs_password": self.needs_password,
                "link": self.link(),
                "days": settings.INVITATION_MAX_AGE_DAYS,
            },
        )

    def account(self):
        """The account that has the invited address, if any."""
        return User.objects.filter(email__iexact=self.email).first()

    @property
    def needs_password(self):
        """Accepted by choosing a password: the address has no account, or one that
        never had a password (made by an invitation before they had to be accepted)."""
        account = self.account()
        return account is None or not account.has_usable_password()

    def accept(self, user):
        """`user`, the account with the invited address, now represents the member.
        Done once: False if the invitation was accepted or withdrawn meanwhile."""
        if user.email.lower() != self.email.lower():
            raise InvitationError("the invitation is for another address")
        with transaction.atomic():
            pending = Invitation.objects.pending().select_for_update().filter(pk=self.pk)
            if not pending.exists():
                return False
            self.member.representatives.add(user)
            # Other invitations of the same address to the same member are done too.
            now = timezone.now()
            Invitation.objects.pending().filter(
                member=self.member_id, email__iexact=self.email
            ).update(accepted_at=now)
            self.accepted_at = now
        return True

    def accept_with_password(self, password):
        """Make the account (or give a password to one that has none), with the address
        verified, since the link reached it, and accept. Returns the account, or None if
        the invitation was accepted or withdrawn meanwhile."""
        with transaction.atomic():
            if not Invitation.objects.pending().select_for_update().filter(pk=self.pk).exists():
                return None
            user = self.account()
            if user is None:
                user = User(
                    username=generate_unique_username(
                        [self.first_name, self.last_name, self.email]
                    ),
                    email=self.email,
                    first_name=self.first_name,
                    last_name=self.last_name,
                    language=self.language,
                )
            elif user.has_usable_password():
                raise InvitationError("the account has a password: sign in to accept")
            user.set_password(password)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user,
                email__iexact=user.email,
                defaults={"email": user.email, "verified": True, "primary": True},
            )
            self.accept(user)
        return user
