"""Public forms keep robots out without asking anyone else: a field people never see
(honeypot), a minimum time to fill the form in, and limits per client address (the
visitor's, also behind reverse proxies: see client_address)."""

import ipaddress
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

    limit = None  # the client address's SendingLimit, given by is_valid_within()
    rate_limited = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nickname"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.initial["started"] = signing.dumps(time.time(), salt=SALT)

    @property
    def is_robot(self):
        """A form sent by a robot: valid-looking, but to be dropped silently."""
        return bool(self.data.get("nickname"))

    def is_valid_within(self, limit):
        """Valid, and within the sending limit of the client address. Past the limit, the
        form comes back with what was typed (and its files, held) and says why."""
        self.limit = limit
        valid = self.is_valid()
        if not self.rate_limited:
            limit.count(accepted=valid and not self.is_robot)
        return valid

    def clean(self):
        """The limit and the timing are the whole form's concern, so they show in the
        error summary."""
        cleaned = super().clean()
        if self.limit is not None and self.limit.reached:
            self.rate_limited = True
            raise forms.ValidationError(
                _(
                    "This form has been sent from your network too often in the last hour. "
                    "What you typed is kept below: please send it again later."
                ),
                code="rate_limited",
            )
        try:
            started = signing.loads(self.data.get("started", ""), salt=SALT, max_age=86400)
        except (signing.BadSignature, TypeError):
            self.data = self.data.copy()  # the page sent back starts the clock again
            self.data["started"] = self.initial["started"]
            raise forms.ValidationError(
                _("This form has expired. Please check it and send it again."), code="expired"
            ) from None
        if time.time() - float(started) < settings.FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("This form was sent too quickly. Please check it and send it again."),
                code="too_fast",
            )
        return cleaned


def client_address(request):
    """The visitor's address. Directly, it is REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT
    reverse proxies, each of which appends the address it received the request from
    to X-Forwarded-For, it is the address that the outermost of them saw: counted from
    the right, since everything further left was written by the client and may be
    forged. A header with fewer entries than that (a request that did not come through
    every proxy, or a proxy that replaced the header) gives REMOTE_ADDR: such visitors
    then share one address, which errs towards limiting, never towards letting through."""
    remote = request.META.get("REMOTE_ADDR", "")
    remote = _ip_address(remote) or remote
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(hops) >= count and (address := _ip_address(hops[-count])):
            return address
    return remote


def _ip_address(text):
    """An address as a proxy writes it ("203.0.113.5", "203.0.113.5:4711",
    "[2001:db8::1]:443", "2001:db8::1"), normalised (an IPv4 client of a dual-stack
    server, "::ffff:203.0.113.5", is 203.0.113.5); None if it is not one."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return str(getattr(address, "ipv4_mapped", None) or address)


def limited_network(address):
    """What a limit counts: the address itself, or for IPv6 its /64 network, since one
    connection is given a whole /64 and could otherwise change address at every try."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


class SendingLimit:
    """How often one client address may send a public form in an hour: up to
    FORM_RATE_LIMIT_PER_HOUR accepted sendings, and five times as many refused ones, so
    that an office behind one address is not locked out by a colleague's typing
    mistakes, while a robot that keeps trying is stopped."""

    REFUSED_ALLOWANCE = 5

    def __init__(self, request, form_name):
        prefix = f"rate:{form_name}:{limited_network(client_address(request))}"
        self.keys = {True: f"{prefix}:accepted", False: f"{prefix}:refused"}

    @property
    def reached(self):
        counts = cache.get_many(self.keys.values())
        limit = settings.FORM_RATE_LIMIT_PER_HOUR
        return (
            counts.get(self.keys[True], 0) >= limit
            or counts.get(self.keys[False], 0) >= limit * self.REFUSED_ALLOWANCE
        )

    def count(self, *, accepted):
        key = self.keys[accepted]
        cache.add(key, 0, timeout=3600)
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=3600)
