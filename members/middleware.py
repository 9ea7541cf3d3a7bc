from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .accounts import has_second_factor, staff_access_allowed


def staff_second_factor(get_response):
    """Staff without a second factor are asked, once a session, to set one up when they
    open the admin; with STAFF_REQUIRE_MFA the admin stays closed until they do (and so
    do previews: `staff_access_allowed`)."""

    def middleware(request):
        user = request.user
        if request.path.startswith("/admin/") and user.is_authenticated and user.is_staff:
            if not staff_access_allowed(request):
                messages.warning(
                    request,
                    _("Set up a second factor to protect staff access before using the admin."),
                )
                return redirect("mfa_activate_totp")
            asked = request.session.get("asked_for_second_factor")
            if not asked and not has_second_factor(request):
                request.session["asked_for_second_factor"] = True
                messages.warning(
                    request,
                    _(
                        "Your staff account has no second factor yet. Protect it with an "
                        "authenticator app: Account, then Two-factor authentication."
                    ),
                )
        return get_response(request)

    return middleware
