"""The site's logs: one line per request, and every other log line (warnings, errors with
their traceback) beside it, as JSON in production so that a log service can search them,
or as plain text in development (settings.LOGGING, LOG_FORMAT).

A request's line names the route (`en/members/<slug:slug>/`), never the address as asked:
no slug, token or query string, nor anything else that could name a person (no client
address, account, cookie or browser). Every line logged while a request is answered
carries its request id, so that an error's traceback is found beside its request.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

from django.db import connection
from django.http import HttpRequest

REQUEST_ID = contextvars.ContextVar("request_id", default=None)
# The id the proxy gave the request (nginx: `proxy_set_header X-Request-ID $request_id;`),
# so that its log and ours share it; anything else is replaced by one of our own.
GIVEN_ID = re.compile(r"[0-9a-fA-F-]{16,64}")
logger = logging.getLogger("cpe_network.requests")


def request_log(get_response):
    """One line per request, once the response is complete: for a streamed response
    (a download), once its last byte has been handed to the server. First in MIDDLEWARE,
    so that it times every other middleware too and counts the bytes as sent (compressed)."""

    def middleware(request):
        given = request.headers.get("X-Request-ID", "")
        token = REQUEST_ID.set(given if GIVEN_ID.fullmatch(given) else uuid.uuid4().hex)
        started = time.perf_counter()
        queries = QueryCount()
        try:
            with connection.execute_wrapper(queries):
                response = get_response(request)
            if not response.streaming:
                _log(request, response, started, queries.count, len(response.content))
            elif response.is_async or getattr(response, "file_to_stream", None) is not None:
                # A file the server sends itself (sendfile, left to it), or a stream read
                # by an event loop: logged now, with the length it announces.
                _log(request, response, started, queries.count, _announced(response))
            else:
                response.streaming_content = LoggedStream(
                    response.streaming_content, request, response, started, queries.count
                )
        finally:
            REQUEST_ID.reset(token)
        return response

    return middleware


class QueryCount:
    """Counts the database queries a request makes: a function call per query, nothing
    kept (Django's own count needs DEBUG, which keeps every query's text)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class LoggedStream:
    """A streamed response's content, counted as the server reads it (after the
    middleware has returned) and logged once it ends: read to its end, or closed by the
    server before (a client gone, a HEAD request), which a generator's `finally` would miss
    when not one chunk was read."""

    def __init__(self, content, request, response, started, queries):
        self.chunks = iter(content)
        self.log = (request, response, started, queries)
        self.request_id = REQUEST_ID.get()
        self.size = 0
        self.logged = False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            chunk = next(self.chunks)
        except StopIteration:
            self.close()
            raise
        self.size += len(chunk)
        return chunk

    def close(self):
        """Called by the server (through the response's close) when it is done."""
        if not self.logged:
            self.logged = True
            token = REQUEST_ID.set(self.request_id)
            _log(*self.log, self.size)
            REQUEST_ID.reset(token)


def _announced(response):
    length = response.get("Content-Length")
    return int(length) if length and length.isdigit() else None


def _log(request, response, started, queries, size):
    match = request.resolver_match
    fields = {
        "method": request.method,
        "route": match.route if match else None,
        "view": match.view_name if match else None,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "bytes": size,
        "queries": queries,
        "language": getattr(request, "LANGUAGE_CODE", None),
        "page_cache": getattr(request, "served_from_page_cache", False),
    }
    logger.info(
        "%s %s %s %s ms",
        fields["method"],
        fields["route"] or "(no route)",
        fields["status"],
        fields["duration_ms"],
        extra={"request_fields": fields},
    )


class WithoutAddresses(logging.Filter):
    """Django's messages about a request (`Internal Server Error: /en/…`,
    `Forbidden (CSRF token missing.): /admin/…`) name its address, which may hold a
    signed token with an email address in it (an unsubscribe link): the route takes its
    place. gunicorn's name the client's address and the request's address with its query
    string: both are left out."""

    def filter(self, record):
        request = getattr(record, "request", None)
        # (The address "/" names no one, and is a part of too much else.)
        if isinstance(request, HttpRequest) and request.path != "/":
            match = request.resolver_match
            message = record.getMessage().replace(request.path, match.route if match else "-")
            record.msg, record.args = message, ()
        elif record.name == "gunicorn.error" and isinstance(record.msg, str):
            if record.msg.startswith("Error handling request"):
                record.msg, record.args = "Error handling request", ()
            elif record.msg.startswith("Invalid request from ip="):
                # "Invalid request from ip=ADDRESS: ERROR"; the error may quote the request line.
                error = record.msg.split(": ", 1)[-1]
                record.msg, record.args = "Invalid request: " + error.split("'")[0].rstrip(" :"), ()
        return True


# An email address, as a message or a traceback may quote one: a database error names the
# row's values ("Key (email)=(…) already exists"), an SMTP error its recipient.
EMAIL_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def without_email_addresses(text):
    return EMAIL_ADDRESS.sub("[email address]", text)


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, the request id while
    a request is answered, a request line's fields, and an exception's traceback; no
    email address in the message, the traceback or the stack."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": without_email_addresses(record.getMessage()),
        }
        if request_id := REQUEST_ID.get():
            entry["request_id"] = request_id
        entry.update(getattr(record, "request_fields", {}))
        if record.exc_info:
            entry["exception"] = without_email_addresses(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = without_email_addresses(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """Plain lines (development, LOG_FORMAT=text), with no email address either."""

    def format(self, record):
        return without_email_addresses(super().format(record))


def configuration(text, level):
    """settings.LOGGING: every logger through one handler on standard error, as JSON
    or (`text`) as plain lines. Django's own warnings for 4xx responses are left out: the
    request's line already says 404; its errors (5xx, with their traceback) stay."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"without_addresses": {"()": WithoutAddresses}},
        "formatters": {
            "json": {"()": JSONFormatter},
            "text": {
                "()": TextFormatter,
                "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "text" if text else "json",
                "filters": ["without_addresses"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's defaults add a handler of their own (and email admins): one is enough.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"level": "ERROR"},
            # gunicorn's messages, when the site runs under it (gunicorn.conf.py).
            "gunicorn.error": {"handlers": ["console"], "propagate": False},
        },
    }
