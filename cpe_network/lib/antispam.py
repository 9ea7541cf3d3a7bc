"""Public forms keep robots out without asking anyone else: a field people never see
(honeypot), a one-time token per display of the form (which also says when it was shown,
so a form sent faster than a person could is refused, and which makes a double click
store one sending), limits per client address, and limits per email address.

Counters and used tokens live in the cache: with several application processes or
servers, the cache must be shared (Redis), or each process counts on its own."""

import hashlib
import ipaddress
import json
import secrets
import time
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "antispam.started"
TOKEN_MAX_AGE = 24 * 60 * 60  # seconds a displayed form may wait before it is sent
# While its first sending is being stored, a token is claimed for this long at most (a
# process that dies mid-way frees it then); a second click waits this long for the result.
CLAIM_SECONDS = 120
REPLAY_WAIT_SECONDS = 10


def form_token(issued_at=None):
    """A token for one display of a form: when it was shown, and a random number that
    names it once it is used."""
    issued_at = time.time() if issued_at is None else issued_at
    return signing.dumps({"t": issued_at, "n": secrets.token_urlsafe(16)}, salt=SALT)


def read_form_token(token):
    """(shown at, name) of a genuine token less than a day old; None otherwise."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=TOKEN_MAX_AGE)
        return float(data["t"]), str(data["n"])
    except (signing.BadSignature, TypeError, KeyError, ValueError):
        return None


class HumanCheckMixin(forms.Form):
    """A public form: a honeypot, a one-time token (`started`), and the sending limits.

    The view calls `is_valid_within(limit)`, then, when it is valid, stores the sending
    inside `with form.sending() as sent:` and sets `sent.result` (what a second click
    is shown); `form.already_sent` says the post repeats one already stored, whose
    result is `form.first_result`."""

    # Hidden from people by CSS and from screen readers; robots fill it in.
    nickname = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    limit = None  # the client address's SendingLimit, given by is_valid_within()
    rate_limited = False
    already_sent = False  # the same sending as one already stored (a double click)
    first_result = None  # what that first sending stored for its result page
    _in_progress = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nickname"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.initial["started"] = form_token()

    @property
    def is_robot(self):
        """A form sent by a robot: valid-looking, but to be dropped silently."""
        return bool(self.data.get("nickname"))

    def is_valid_within(self, limit):
        """Valid, within the sending limit of the client address, and the first sending
        of its token. Past the limit, the form comes back with what was typed (and its
        files, held) and says why. The same sending again (a double click) is not valid:
        `already_sent` is then true, and nothing is counted."""
        self.limit = limit
        if self._repeats_a_sending():
            return False
        valid = self.is_valid()
        if self.rate_limited or (valid and not self.is_robot and not self._claim()):
            # Another post of the same sending (a double click) may have been accepted
            # meanwhile: its result, rather than the limit it reached or the token it took.
            if self._repeats_a_sending():
                return False
            if valid:
                self.add_error(None, self._token_taken_error())
                valid = False
        if not self.rate_limited:
            limit.count(accepted=valid and not self.is_robot)
        return valid

    def clean(self):
        """The limit, the timing and the token are the whole form's concern, so they
        show in the error summary."""
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
        token = read_form_token(self.data.get("started"))
        if token is None:
            self._renew_token()  # the page sent back starts the clock again
            raise forms.ValidationError(
                _("This form has expired. Please check it and send it again."), code="expired"
            )
        shown_at, name = token
        taken = cache.get(self._sent_key(name))
        if taken is not None and (self._in_progress or taken["digest"] != self._digest()):
            raise self._token_taken_error()
        if time.time() - shown_at < settings.FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("This form was sent too quickly. Please check it and send it again."),
                code="too_fast",
            )
        return cleaned

    @contextmanager
    def sending(self):
        """Around storing a valid sending: its token is then used, and a second click
        is shown `sent.result`. If storing fails, the token is freed for a new try."""
        sent = Sent()
        try:
            yield sent
        except BaseException:
            cache.delete(self._claimed_key)
            raise
        cache.set(
            self._claimed_key,
            {"digest": self._digest(), "result": sent.result, "done": True},
            TOKEN_MAX_AGE,
        )

    # The one-time token. A token is "used" once a valid sending claims it; the cache
    # remembers for a day (as long as a token lives) the sending's digest and result.

    def _sent_key(self, name):
        return f"form-token:{name}"

    def _token_taken_error(self):
        """The token was used by another sending, or its first sending is taking long."""
        if self._in_progress:
            return forms.ValidationError(
                _(
                    "This form is still being sent. Wait a moment, then reload this page "
                    "to see the result."
                ),
                code="in_progress",
            )
        self._renew_token()
        return forms.ValidationError(
            _(
                "This form has already been sent once (perhaps you went back to it). "
                "If you mean to send another, check what is below and send it again."
            ),
            code="already_sent",
        )

    def _renew_token(self):
        """The page sent back is a new display of the form, with a token of its own."""
        self.data = self.data.copy()
        self.data["started"] = self.initial["started"]

    def _repeats_a_sending(self):
        """The same sending as one that claimed the token: wait for it to be stored, and
        keep its result."""
        token = read_form_token(self.data.get("started"))
        if token is None:
            return False
        entry = cache.get(self._sent_key(token[1]))
        if entry is None or entry["digest"] != self._digest():
            return False
        deadline = time.monotonic() + REPLAY_WAIT_SECONDS
        while not entry.get("done") and time.monotonic() < deadline:
            time.sleep(0.1)  # the first click is still being stored: wait for its result
            entry = cache.get(self._sent_key(token[1])) or {"digest": None, "done": True}
        if not entry.get("done"):
            self._in_progress = True  # still being stored after all that time: say so
            return False
        if entry["digest"] != self._digest():
            return False  # the first try failed and freed the token: this one goes on
        self.already_sent = True
        self.first_result = entry.get("result")
        return True

    def _claim(self):
        """Take the token for this sending, atomically, so two posts at once cannot both
        store it (cache.add is atomic in Redis and in the in-process cache)."""
        _shown_at, name = read_form_token(self.data.get("started"))
        self._claimed_key = self._sent_key(name)
        return cache.add(self._claimed_key, {"digest": self._digest()}, CLAIM_SECONDS)

    def _digest(self):
        """What identifies a sending: every field as posted (not the CSRF token, which
        may change between two clicks) and each file's name and content."""
        if not hasattr(self, "_digest_value"):
            fields = {
                key: self.data.getlist(key) if hasattr(self.data, "getlist") else self.data[key]
                for key in sorted(self.data)
                if key not in ("csrfmiddlewaretoken", "started")
            }
            digest = hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode())
            for key in sorted(self.files):
                for upload in self.files.getlist(key):
                    digest.update(f"\0{key}\0{upload.name}\0{upload.size}\0".encode())
                    upload.seek(0)
                    for chunk in upload.chunks():
                        digest.update(chunk)
                    upload.seek(0)
            self._digest_value = digest.hexdigest()
        return self._digest_value


class Sent:
    """What the view stored for a sending, shown again to a second click."""

    result = None


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
        _increment(self.keys[accepted], 3600)


class UserLimit:
    """How often one signed-in person may do something that sends email to others (a
    message to a contact person, a reply to a call): `allowed` times an hour, counted
    in the cache under `purpose`."""

    def __init__(self, purpose, user, allowed):
        self.key = f"rate:{purpose}:user:{user.pk}"
        self.allowed = allowed

    @property
    def reached(self):
        return cache.get(self.key, 0) >= self.allowed

    def count(self):
        _increment(self.key, 3600)


class EmailLimit:
    """How many emails a public form may have the site send to one address in a day,
    whoever asks and from wherever: a form cannot be used to flood someone's inbox. The
    address is kept in the cache only as a hash."""

    def __init__(self, purpose, address):
        hashed = hashlib.sha256(address.strip().lower().encode()).hexdigest()
        self.key = f"emails:{purpose}:{hashed}"

    def take(self, allowed):
        """True, and counted, if fewer than `allowed` emails went to the address today."""
        return _increment(self.key, 24 * 60 * 60) <= allowed


def _increment(key, timeout):
    """Add one to a counter that lives `timeout` seconds from its first count."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=timeout)
        return 1
