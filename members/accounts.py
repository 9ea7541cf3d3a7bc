"""Accounts (django-allauth): nobody signs up (people are invited: see
members/models/invitations.py), allauth's emails go through the site's queue and count
the same client address as the site's limits. Staff's second factor."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language

from cpe_network.lib.antispam import client_address
from outbox.mail import queue


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
    (members/middleware.py for the admin, public_or_preview for previews)."""
    return not settings.STAFF_REQUIRE_MFA or has_second_factor(request)


def by_slug(queryset, slug):
    """The item whose address in the current language ends with `slug`; otherwise the
    one whose address in another language does; otherwise 404. (A translated slug:
    `slug_en`, `slug_fr`.)"""
    current = get_language()
    codes = [code for code, _name in settings.LANGUAGES]
    for code in sorted(codes, key=lambda code: code != current):
        item = queryset.filter(**{f"slug_{code}": slug}).first()
        if item is not None:
            return item
    raise Http404


def public_or_preview(request, queryset, slug):
    """A published item's page (a post, an event, a practice); staff who may see
    unpublished ones get a preview, under the admin's rule: with STAFF_REQUIRE_MFA, only
    once they have a second factor (without one they are told so in the admin, where
    previews are linked from). Anyone else: 404.

    `slug` is the item's address in the current language or, failing that, in another
    (an old address, or one from a page in the other language): the view then sends
    the reader on to the item's own address (`item.slug != slug`)."""
    item = by_slug(queryset, slug)
    if item.is_public:
        return item
    permission = queryset.model.view_permission()
    if not (request.user.has_perm(permission) and staff_access_allowed(request)):
        raise Http404
    return item


def moved(item):
    """To the item's own address in the current language, from another language's:
    for good once it is public, for now while it is a preview (it may still change)."""
    return redirect(item, permanent=item.is_public)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """allauth's limits count the same client address as the site's own."""
        return client_address(request) or super().get_client_ip(request)

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
