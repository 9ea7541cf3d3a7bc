import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789abcdef",
    "ALLOWED_HOSTS": "network.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://network.example.org",
    "DATABASE_URL": "postgres://cpe:secret@db.internal:5432/cpe",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "network@example.org",
    "SITE_URL": "https://network.example.org",
}


def manage(*args, **env):
    """Run manage.py in a fresh process with only the given environment."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deployment_check_is_silent_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("setting", "value", "warning"),
    [
        ("SITE_URL", "http://127.0.0.1:8000", "cpe_network.W001"),
        ("SITE_URL", "http://network.example.org", "cpe_network.W001"),
        ("DEFAULT_FROM_EMAIL", "webmaster@localhost", "cpe_network.W002"),
        ("SERVE_MEDIA", "0", "cpe_network.W003"),
    ],
)
def test_deployment_check_warns_of_a_forgotten_address(setting, value, warning):
    result = manage("check", "--deploy", **{**PRODUCTION, setting: value})

    assert warning in result.stderr + result.stdout


def test_production_settings_keep_cookies_secure_and_send_email_over_smtp():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.MAILERS['default']['BACKEND'], s.MAILERS['default']['OPTIONS']['host'],"
        " s.MAILERS['default']['OPTIONS']['use_tls'], s.CACHES['default']['BACKEND'])"
    )

    result = manage("shell", "--verbosity", "0", "-c", code, **PRODUCTION)

    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "True",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_start_up_without_a_secret_key_stops_with_a_clear_message():
    result = manage("check", **(PRODUCTION | {"SECRET_KEY": ""}))

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    csp = client.get("/en/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))

    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp
    assert "http" not in csp


@pytest.mark.django_db
def test_pages_carry_the_security_headers(client):
    response = client.get("/en/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_templates_contain_no_inline_script_or_style(client, pages):
    html = client.get("/en/about/").text

    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html


@pytest.mark.django_db
def test_pages_are_sent_compressed(client):
    response = client.get("/en/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
