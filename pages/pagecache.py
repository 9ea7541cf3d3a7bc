"""The anonymous page cache: a public page, as a visitor who is not signed in sees it, is
kept whole and served again until anything it may show changes.

- Only GET and HEAD requests without a cookie but the language's and the CSRF token's
  (a session means someone may be signed in, or has a message waiting), answered 200 by
  a view that did not use the CSRF token (no form that posts), set no cookie and did not
  ask not to be cached (`Cache-Control: private` or `no-store`, as every personal page
  does). Never the admin, whose visitors are signed in.
- One entry per host, path (which holds the language) and query string, its parameters
  sorted: `?b=2&a=1` and `?a=1&b=2` are one page.
- Under the "pages" version (cpe_network/lib/versions.py), which every save or delete of
  what the public sees bumps, and the admin's bulk actions too (`changed`); kept an hour
  at most (PAGE_CACHE_SECONDS), or until the next scheduled post, event or practice comes
  due, the next event starts or ends, or the next midnight (the lists change then
  without a save: a call closes after its deadline's day). With
  the in-process cache (no CACHE_URL) each server process has its own versions, and a
  change seen by one reaches the others only when their pages expire: 30 seconds then.
- The page keeps its Content Security Policy nonce fresh: stored with a placeholder, it
  gets the request's own nonce each time it is served.

PAGE_CACHE=0 in the environment turns it off (`make bench` measures both)."""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.utils import timezone

from cpe_network.lib import versions

VERSION = "pages"
MAX_PARAMETERS = 8
MAX_VALUE = 200
NONCE = "page-cache-nonce-placeholder"
# The models whose rows the public pages show; any save or delete of one bumps VERSION.
# (Accounts, applications, contact messages, digests, invitations and the search index
# are not shown as such: a sign-in, which saves the user, leaves the cache alone, and so
# does an application, which anyone may send, but its approval makes a member.)
SHOWN = {
    "members": {"Topic", "MembershipCategory", "Member", "CategoryChange"},
    "news": {"Post", "Event", "EventDocument"},
    "practices": {"Practice", "Source", "Adaptation"},
    "collaboration": {"Call"},
    "pages": {"HomePage"},
    "flatpages": {"FlatPage"},
    "sites": {"Site"},
}


def anonymous_page_cache(get_response):
    def middleware(request):
        if not settings.PAGE_CACHE or not _may_be_cached(request):
            return get_response(request)
        key = _key(request)
        if (stored := cache.get(key)) is not None:
            request.served_from_page_cache = True  # said in the request's log line
            return _served(request, stored)
        response = get_response(request)
        if _may_keep(request, response):
            cache.set(key, _stored(request, response), seconds_to_keep())
        return response

    return middleware


def changed():
    """What the public sees changed without a save (a bulk update in the admin): every
    cached page, part and sitemap is out of date."""
    versions.bump(VERSION)


def remembered(*parts, compute, timeless=False):
    """What `compute()` gives, kept with the cached pages: until anything the public sees
    changes, or the clock alone changes a list (the next such moment is in the key, so
    what was counted before it is never read after it; `timeless`: what the clock never
    changes, such as the site's menus, is kept PAGE_CACHE_SECONDS). For the costly parts
    of a page (counts over thousands of rows) that a page built for someone signed in,
    or for the first visitor after a change, would otherwise count again. `parts` name
    it: what it is and what it depends on (filters, language)."""
    if timeless:
        seconds = settings.PAGE_CACHE_SECONDS
    else:
        now = timezone.now()
        soonest = _soonest(now)
        parts = (*parts, soonest.isoformat())
        seconds = _seconds_until(soonest, now)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = versions.key(VERSION, "part", digest)
    if (found := cache.get(key)) is None:
        found = compute()
        cache.set(key, found, seconds)
    return found


def remembered_each(items, *parts, compute):
    """For each of `items`, what `compute(item)` gives, kept as `remembered` keeps things
    (until anything the public sees changes): one cache read for them all, one write for
    those not found. For what a list draws of each item alone (its card): `parts` name it
    and what else it depends on (template, language); the item's primary key tells the
    items apart. What is drawn of one item does not change with the clock (the list
    chooses which items are due), so it is kept PAGE_CACHE_SECONDS."""
    prefix = versions.key(VERSION, "part")
    keys = {}
    for item in items:
        digest = hashlib.sha256(repr((*parts, item.pk)).encode()).hexdigest()
        keys[f"{prefix}:{digest}"] = item
    found = cache.get_many(keys)
    missing = {key: compute(item) for key, item in keys.items() if key not in found}
    if missing:
        cache.set_many(missing, settings.PAGE_CACHE_SECONDS)
    return [found[key] if key in found else missing[key] for key in keys]


def seconds_to_keep():
    """How long a page (or a sitemap file) may be kept: PAGE_CACHE_SECONDS, or less when a
    scheduled post, event or practice comes due or an event starts or ends sooner."""
    now = timezone.now()
    return _seconds_until(_soonest(now), now)


def _soonest(now):
    """The next moment the clock alone changes what a page shows (or PAGE_CACHE_SECONDS
    from now): found once a version (three queries), and again once it has passed."""
    key = versions.key(VERSION, "next-change")
    soonest = cache.get(key)
    if soonest is None or soonest <= now:
        longest = datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS)
        soonest = _next_change(now) or now + longest
        cache.set(key, soonest, _seconds_until(soonest, now))
    return soonest


def _seconds_until(moment, now):
    return max(1, min(settings.PAGE_CACHE_SECONDS, int((moment - now).total_seconds()) + 1))


def _next_change(now):
    """When the clock alone next changes what a page shows: three queries (posts and
    practices along their (status, publish_at) index, and the few events), and the next
    local midnight (a call closes after its deadline's day, and starts closing soon, at
    midnight: knowing whether any call is open would cost a query, and a page rebuilt
    once a night costs less)."""
    from news.models import Event, Post
    from practices.models import Practice

    published = {"status": Post.Status.PUBLISHED}
    moments = [
        model.objects.filter(**published, publish_at__gt=now).aggregate(next=Min("publish_at"))[
            "next"
        ]
        for model in (Post, Practice)
    ]
    fields = ("publish_at", "start", "end")
    moments += (
        Event.objects.filter(**published)
        .aggregate(**{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields})
        .values()
    )
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    moments.append(
        datetime.datetime.combine(tomorrow, datetime.time(), timezone.get_current_timezone())
    )
    return min((moment for moment in moments if moment), default=None)


def _may_be_cached(request):
    if request.method not in ("GET", "HEAD"):
        return False
    # No list takes more parameters or longer values: an address made up to fill the
    # cache is served, not kept.
    values = [value for _name, values in request.GET.lists() for value in values]
    if len(values) > MAX_PARAMETERS or any(len(value) > MAX_VALUE for value in values):
        return False
    harmless = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    return not set(request.COOKIES) - harmless


def _key(request):
    query = sorted(request.GET.lists())
    address = f"{request.path}?{query!r}".encode()
    digest = hashlib.sha256(address).hexdigest()
    return versions.key(VERSION, request.scheme, request.get_host(), digest)


def _may_keep(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _stored(request, response):
    content = response.content
    nonce = get_nonce(request)
    if nonce:  # the page used it: keep a placeholder in its place
        content = content.replace(str(nonce).encode(), NONCE.encode())
    return content, list(response.items())


def _served(request, stored):
    content, headers = stored
    if NONCE.encode() in content:
        content = content.replace(NONCE.encode(), str(get_nonce(request)).encode())
    response = HttpResponse(content)
    for header, value in headers:
        if header.lower() != "content-length":
            response.headers[header] = value
    return response


def _is_shown(model):
    return model._meta.object_name in SHOWN.get(model._meta.app_label, ())


def _shown_changed(sender, **kwargs):
    if _is_shown(sender):
        versions.bump(VERSION)


def _relation_changed(sender, instance, model, **kwargs):
    """A member's topics, a page's sites: a relation of something shown (not, say, the
    groups of an account)."""
    if _is_shown(type(instance)) or _is_shown(model):
        versions.bump(VERSION)


post_save.connect(_shown_changed, dispatch_uid="page-cache-save")
post_delete.connect(_shown_changed, dispatch_uid="page-cache-delete")
m2m_changed.connect(_relation_changed, dispatch_uid="page-cache-m2m")
