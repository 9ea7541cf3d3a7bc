"""The site's log, as an operator reads it: one JSON line per request, with its route and
timing and nothing that names a person; errors as JSON lines with their traceback."""

import io
import json
import logging
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import signing
from django.db import IntegrityError
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client, override_settings
from django.urls import path

from cpe_network.lib.logs import JSONFormatter, TextFormatter
from members.models import Invitation

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def streamed(request):
    return StreamingHttpResponse(b"x" * 1000 for _ in range(5))


def file(request):
    return FileResponse(io.BytesIO(b"x" * 3000))


urlpatterns = [path("download/", streamed), path("file/", file)]


@pytest.fixture
def log_lines():
    """What the site's log handler (configured by settings.LOGGING) writes, as a list of
    lines, read as the test goes."""
    (handler,) = [h for h in logging.getLogger().handlers if isinstance(h.formatter, JSONFormatter)]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: stream.getvalue().splitlines()
    handler.setStream(previous)


def test_a_request_is_one_json_line_with_its_route_and_timing(client, log_lines, relais):
    response = client.get("/fr/membres/relais-lyon/")

    (line,) = log_lines()
    entry = json.loads(line)
    assert response.status_code == 200
    assert entry["route"] == "fr/membres/<slug:slug>/"
    assert entry["view"] == "members:detail"
    assert entry["method"] == "GET"
    assert entry["status"] == 200
    assert entry["language"] == "fr"
    assert entry["bytes"] == len(response.content)
    assert entry["queries"] > 0
    assert 0 < entry["duration_ms"] < 10_000
    assert len(entry["request_id"]) == 32
    assert entry["level"] == "INFO"


def test_a_request_line_names_no_one(rep_client, rep, log_lines):
    rep_client.get(
        "/en/members/relais-lyon/?contact=rep@example.org",
        headers={"user-agent": "Mozilla/5.0 (Camille's laptop)"},
        REMOTE_ADDR="203.0.113.7",
    )

    (line,) = log_lines()
    session = rep_client.cookies["sessionid"].value
    for personal in ("rep@example.org", "relais-lyon", "203.0.113.7", "Camille", session):
        assert personal not in line
    assert not {"user", "ip", "query", "user_agent", "path"} & set(json.loads(line))


def test_the_proxys_request_id_is_kept_and_anything_else_replaced(client, log_lines):
    client.get("/en/", headers={"x-request-id": "0123456789abcdef0123456789abcdef"})
    client.get("/en/", headers={"x-request-id": "rep@example.org"})

    first, second = (json.loads(line)["request_id"] for line in log_lines())
    assert first == "0123456789abcdef0123456789abcdef"
    assert "@" not in second


def test_a_page_not_found_is_one_line_with_its_status(client, log_lines):
    client.get("/en/members/nobody-by-that-name/")

    (line,) = log_lines()
    assert json.loads(line)["status"] == 404
    assert json.loads(line)["route"] == "en/members/<slug:slug>/"


def test_an_address_that_matches_no_route_is_logged_without_it(client, log_lines):
    client.get("/en/no/such/page/at/all/?x=1")

    (line,) = log_lines()
    assert json.loads(line)["status"] == 404
    assert "such" not in line


@override_settings(ROOT_URLCONF="tests.urls_with_errors")
def test_an_error_is_logged_with_its_traceback_beside_its_request(log_lines):
    Client(raise_request_exception=False).get("/en/broken/")

    error, request = (json.loads(line) for line in log_lines())
    assert error["level"] == "ERROR"
    assert error["logger"] == "django.request"
    assert 'raise RuntimeError("a bug")' in error["exception"]
    assert request["status"] == 500
    assert error["request_id"] == request["request_id"]


def test_an_error_that_quotes_an_email_address_is_logged_without_it(log_lines):
    """A database error names the values of the row it refused, and a traceback shows
    them again."""
    try:
        raise IntegrityError("Key (email)=(camille.roux+cpe@relais-lyon.example.fr) exists")
    except IntegrityError:
        logging.getLogger("django.request").exception("Refused: %s", "camille@relais.example")

    (line,) = log_lines()
    error = json.loads(line)
    assert error["message"] == "Refused: [email address]"
    assert "Key (email)=([email address]) exists" in error["exception"]
    assert "@" not in line


def test_the_text_log_holds_no_email_address_either():
    formatter = TextFormatter("%(message)s")
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "To %s", ("a.b@c.example",), None)

    assert formatter.format(record) == "To [email address]"


def test_a_refused_form_is_logged_without_the_token_in_its_address(log_lines):
    """A refused form's warning names the request's address: an invitation's holds the
    invited person's email address, signed (readable by anyone)."""
    token = signing.dumps({"invitation": 1, "email": "invitee@example.org"}, salt=Invitation.SALT)

    response = Client(enforce_csrf_checks=True).post(f"/en/accounts/invitation/{token}/")

    warning, request = (json.loads(line) for line in log_lines())
    assert response.status_code == 403
    assert warning["logger"] == "django.security.csrf"
    assert warning["message"].endswith("en/accounts/invitation/<signed:token>/")
    assert request["status"] == 403
    assert token.split(":")[0] not in "\n".join(log_lines())


@override_settings(ROOT_URLCONF=__name__)
def test_a_streamed_response_is_logged_once_sent_with_its_size(client, log_lines):
    response = client.get("/download/")
    assert log_lines() == []

    b"".join(response.streaming_content)

    (line,) = log_lines()
    assert json.loads(line)["bytes"] == 5000
    assert json.loads(line)["route"] == "download/"


@override_settings(ROOT_URLCONF=__name__)
def test_a_file_the_server_sends_itself_is_logged_at_once_with_its_length(client, log_lines):
    """gunicorn sends a file with sendfile when it can: the site does not read it."""
    client.get("/file/")

    (line,) = log_lines()
    assert json.loads(line)["bytes"] == 3000


def test_a_page_served_from_the_page_cache_says_so(client, settings, log_lines):
    settings.PAGE_CACHE = True

    client.get("/en/")
    client.get("/en/")

    first, second = (json.loads(line)["page_cache"] for line in log_lines())
    assert (first, second) == (False, True)


@pytest.mark.parametrize(
    ("environment", "formatter"),
    [
        ({"DEBUG": "0"}, "json"),
        ({"DEBUG": "1"}, "text"),
        ({"DEBUG": "0", "LOG_FORMAT": "text"}, "text"),
    ],
)
def test_logs_are_json_in_production_and_text_in_development(environment, formatter):
    code = "from django.conf import settings; print(settings.LOGGING['handlers']['console'])"
    env = {name: value for name, value in os.environ.items() if name != "LOG_FORMAT"}
    env.update(environment, DJANGO_SETTINGS_MODULE="cpe_network.settings")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert f"'formatter': '{formatter}'" in result.stdout


def test_gunicorns_messages_about_bad_requests_name_neither_client_nor_address(log_lines):
    """As gunicorn words them (gunicorn/workers/base.py), through gunicorn.conf.py's
    logging, which is the site's."""
    gunicorn = logging.getLogger("gunicorn.error")
    gunicorn.warning(
        "Invalid request from ip=2001:db8::7: Invalid HTTP request line: 'GET /?to=rep@example.org'"
    )
    gunicorn.error("Error handling request %s %s", "GET", "/en/?to=rep@example.org")

    invalid, error = (json.loads(line) for line in log_lines())
    assert invalid["message"] == "Invalid request: Invalid HTTP request line"
    assert error["message"] == "Error handling request"
    assert "2001:db8" not in "".join(log_lines())
    assert "rep@example.org" not in "".join(log_lines())


def test_gunicorn_logs_as_the_site_does():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert config["accesslog"] is None
    assert config["logconfig_dict"]["handlers"]["console"]["formatter"] == "json"
    assert config["logconfig_dict"]["loggers"]["gunicorn.error"]["handlers"] == ["console"]


@override_settings(ROOT_URLCONF=__name__)
def test_a_streamed_response_closed_before_its_first_byte_is_logged(client, log_lines):
    """A client gone, or a HEAD request: the server closes the response unread."""
    client.get("/download/").close()

    (line,) = log_lines()
    assert json.loads(line)["bytes"] == 0
