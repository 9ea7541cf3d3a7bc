"""Public forms keep robots out without asking anyone else: a field people never see
(honeypot), a minimum time to fill the form in, and a limit per client address."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "antispam.started"


class HumanCheckMixin(forms.Form):
    # Hidden from people by CSS and from screen readers; robots fill it in.
    nickname = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nickname"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.initial["started"] = signing.dumps(time.time(), salt=SALT)

    @property
    def is_robot(self):
        """A form sent by a robot: valid-looking, but to be dropped silently."""
        return bool(self.data.get("nickname"))

    def clean(self):
        """The timing is the whole form's concern, so it shows in the error summary."""
        cleaned = super().clean()
        try:
            started = signing.loads(self.data.get("started", ""), salt=SALT, max_age=86400)
        except (signing.BadSignature, TypeError):
            self.data = self.data.copy()  # the page sent back starts the clock again
            self.data["started"] = self.initial["started"]
            raise forms.ValidationError(
                _("This form has expired. Please fill it in again."), code="expired"
            ) from None
        if time.time() - float(started) < settings.FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("This form was sent too quickly. Please check it and send it again."),
                code="too_fast",
            )
        return cleaned


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def too_many(request, form_name):
    """Count a sending of `form_name` from this client; True past the hourly limit."""
    key = f"rate:{form_name}:{client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > settings.FORM_RATE_LIMIT_PER_HOUR
