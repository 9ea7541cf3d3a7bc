import logging
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers
from django.views.defaults import bad_request

OVERSIZED = (TooManyFieldsSent, TooManyFilesSent, RequestDataTooBig)


def oversized_requests(get_response):
    """An address or a form with too many fields (DATA_UPLOAD_MAX_NUMBER_FIELDS), too
    many files or too much data answers 400 with the site's own page, in the visitor's
    language, in development as in production: left to Django, DEBUG shows its technical
    page instead. The query string and the form are read here, before any other
    middleware or view needs them. A body larger than MAX_REQUEST_BYTES answers 413
    before it is read, as the proxy would; so does a request the proxy marks as one it
    refused for its size (deploy/nginx.conf asks for this page without the body)."""

    def middleware(request):
        too_large = request.META.get("HTTP_X_BODY_TOO_LARGE") == "1"
        if too_large or _body_size(request) > settings.MAX_REQUEST_BYTES:
            limit = filesizeformat(settings.MAX_REQUEST_BYTES)
            return render(request, "413.html", {"limit": limit}, status=413)
        try:
            request.GET  # noqa: B018 (reading it is the check)
            if request.method == "POST":
                request.POST  # noqa: B018
        except OVERSIZED as error:
            logging.getLogger(f"django.security.{type(error).__name__}").error(
                str(error), extra={"status_code": 400, "request": request}
            )
            # The page's links to itself in the other language leave the refused query out.
            request.META["QUERY_STRING"] = ""
            request.GET = QueryDict()
            request._mark_post_parse_error()
            return bad_request(request, error)
        return get_response(request)

    return middleware


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def control_characters_in_paths(get_response):
    """An address with a control character in its path (NUL, a line break) is no address
    of the site: 404, in the visitor's language, before any view, ours or a library's,
    passes it on (PostgreSQL refuses a NUL in a query: that was a 500). Our own addresses
    also check the shape of each token (cpe_network/lib/converters.py)."""

    def middleware(request):
        if CONTROL_CHARACTERS.search(request.path_info):
            raise Http404
        return get_response(request)

    return middleware


# Powerful browser features that no page of the site uses: off for the site and for
# anything it could ever embed (ASVS 14.4). Chromium knows each name (it warns of any
# other in the console).
POWERFUL_FEATURES = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "storage-access",
    "usb",
    "window-management",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in POWERFUL_FEATURES)


def security_headers(get_response):
    """What Django's SecurityMiddleware does not send: a Permissions-Policy on every
    response, and `Cache-Control: private, no-store` on every page meant for one person,
    so that no shared cache or browser history keeps it: every page seen signed in (the
    portal, previews, account settings, the admin) and the account pages (django-allauth's:
    sign-in, password reset, confirmation). The pages that a private link opens without
    signing in (application status, invitation, unsubscribe) say so themselves
    (`never_cache`). A response that already says how to cache it (a media file) keeps
    what it says."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "Cache-Control" not in response and _is_personal(request):
            add_never_cache_headers(response)
        return response

    return middleware


def _is_personal(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.func.__module__.startswith("allauth.")


def _body_size(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # as Django reads it: no body


# The indentation templates leave at the start of each line, and blank lines; never
# inside <pre> or <textarea>, where it is content.
_KEPT_AS_WRITTEN = re.compile(
    r"(<(?:pre|textarea)\b.*?</(?:pre|textarea)>)", re.IGNORECASE | re.DOTALL
)
_INDENTATION = re.compile(r"\n\s+")


def trimmed_html(get_response):
    """HTML pages without the indentation and blank lines of their templates: a tenth
    to a fifth of their weight, with the same meaning (a line break still separates
    what it separated). Placed after the page cache in MIDDLEWARE, so that the cache
    keeps the trimmed page."""

    def middleware(request):
        response = get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return response
        parts = _KEPT_AS_WRITTEN.split(response.content.decode(response.charset))
        # Odd parts are the <pre> and <textarea> elements, kept as they are.
        response.content = "".join(
            part if index % 2 else _INDENTATION.sub("\n", part) for index, part in enumerate(parts)
        )
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response

    return middleware
