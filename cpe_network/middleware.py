import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import QueryDict
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views.defaults import bad_request

OVERSIZED = (TooManyFieldsSent, TooManyFilesSent, RequestDataTooBig)


def oversized_requests(get_response):
    """An address or a form with too many fields (DATA_UPLOAD_MAX_NUMBER_FIELDS), too
    many files or too much data answers 400 with the site's own page, in the visitor's
    language, in development as in production: left to Django, DEBUG shows its technical
    page instead. The query string and the form are read here, before any other
    middleware or view needs them. A body larger than MAX_REQUEST_BYTES answers 413
    before it is read, as the proxy would."""

    def middleware(request):
        if _body_size(request) > settings.MAX_REQUEST_BYTES:
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


def _body_size(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # as Django reads it: no body
