"""Accounts: nobody signs up; staff or a representative invite a person by email, with a
signed link that expires and works once."""

from datetime import timedelta

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from allauth.utils import generate_unique_username
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language, override

from cpe_network.lib.mail import queue, send_templated

from .models import User

SALT = "members.invitation"


def display_name(user):
    """How the site names a person in messages: their name, else their address."""
    return user.get_full_name() or user.email


def has_second_factor(request):
    """Whether the signed-in person has set up a second factor (an authenticator app);
    remembered for the session once it is found."""
    if request.session.get("has_second_factor"):
        return True
    if Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
        request.session["has_second_factor"] = True
        return True
    return False


def staff_access_allowed(request):
    """Whether signed-in staff may use what only staff may: the admin, and previews of
    what is not published. With STAFF_REQUIRE_MFA, only once they have a second factor
    (members/middleware.py for the admin, news/views.py for previews)."""
    return not settings.STAFF_REQUIRE_MFA or has_second_factor(request)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """allauth's emails go through the site's queue, like every other email (with the
        context allauth's own send_mail gives its templates)."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, kind in getattr(message, "alternatives", [])
                if kind == "text/html"
            ),
            "",
        )
        queue(
            to=email,
            subject=message.subject,
            body=message.body,
            html=html,
            language=get_language(),
            headers=message.extra_headers,
        )


class InvitationError(Exception):
    pass


class InvitationExpired(InvitationError):
    pass


def _state(user):
    """Changes once the invited person sets a password or signs in: a link works once."""
    state = f"{user.pk}{user.password}{user.last_login}"
    return salted_hmac(SALT, state, algorithm="sha256").hexdigest()[:20]


def invitation_token(user):
    return signing.dumps({"user": user.pk, "state": _state(user)}, salt=SALT)


def invited_user(token):
    """The person a token invites; InvitationExpired or InvitationError otherwise."""
    max_age = timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise InvitationExpired from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise InvitationError from error
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or data.get("state") != _state(user):
        raise InvitationError
    return user


def accept_invitation(user, password):
    """Set the password; the address the invitation went to is now verified."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user,
            email__iexact=user.email,
            defaults={"email": user.email, "verified": True, "primary": True},
        )


def invite_representative(member, *, email, first_name, last_name, language, invited_by, tell=True):
    """Make `email` a representative of `member`, creating the account if needed, and
    tell them by email in their language (unless the caller's own email does: `tell`).
    Returns the user."""
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(
                username=generate_unique_username([first_name, last_name, email]),
                email=email,
                first_name=first_name,
                last_name=last_name,
                language=language,
            )
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        member.representatives.add(user)
        if tell:
            transaction.on_commit(lambda: _tell(user, member, invited_by))
    return user


def portal_link(user):
    """Where a representative goes next, in their language: a link to choose a password
    when they have none yet, else the sign-in page."""
    with override(user.language):
        if user.has_usable_password():
            path = reverse("account_login")
        else:
            path = reverse("members:invitation", kwargs={"token": invitation_token(user)})
    return f"{settings.SITE_URL}{path}"


def _tell(user, member, invited_by):
    template = "members/email/added" if user.has_usable_password() else "members/email/invitation"
    send_templated(
        template,
        to=user.email,
        language=user.language,
        context={
            "user": user,
            "member": member,
            "invited_by": invited_by,
            "link": portal_link(user),
            "days": settings.INVITATION_MAX_AGE_DAYS,
        },
    )
