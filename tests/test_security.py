import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import AffiliateFactory, ApplicationFactory, PostFactory

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
        ("CACHE_URL", "locmemcache://", "cpe_network.W003"),
        ("SERVE_MEDIA", "0", "cpe_network.W004"),
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
        "cpe_network.lib.cache.RedisCache",
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


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/membres/", "/en/no-such-page/", "/healthz"])
def test_every_response_turns_the_powerful_browser_features_off(client, path):
    policy = client.get(path)["Permissions-Policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))

    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen"):
        assert features[feature] == "()"


def assert_kept_by_no_cache(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


@pytest.mark.parametrize(
    "path",
    [
        "/en/portal/",
        "/fr/espace-membre/relais-lyon/profil/",
        "/en/portal/relais-lyon/representatives/",
        "/en/accounts/email/",
        "/fr/comptes/password/change/",
        "/en/accounts/2fa/",
        "/en/",  # a public page, seen signed in, shows who is signed in
    ],
)
def test_pages_seen_signed_in_are_kept_by_no_cache(rep_client, path):
    response = rep_client.get(path)

    assert response.status_code == 200
    assert_kept_by_no_cache(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/en/accounts/login/", "/fr/comptes/password/reset/", "/en/accounts/confirm-email/"],
)
def test_account_pages_are_kept_by_no_cache(client, path):
    response = client.get(path)

    assert response.status_code in (200, 302)
    assert_kept_by_no_cache(response)


@pytest.mark.django_db
def test_pages_opened_by_a_private_link_are_kept_by_no_cache(client, settings):
    application = ApplicationFactory()
    affiliate = AffiliateFactory(name="Ana", email="ana@example.org", country="PT")

    for url in (
        application.get_absolute_url(),
        affiliate.link("confirm"),
        affiliate.link("unsubscribe"),
    ):
        response = client.get(url.removeprefix(settings.SITE_URL))
        assert response.status_code == 200
        assert_kept_by_no_cache(response)


@pytest.mark.django_db
def test_a_preview_of_a_draft_is_kept_by_no_cache(admin_client):
    draft = PostFactory(status="draft")

    response = admin_client.get(f"/en/news/{draft.slug}/")

    assert response.status_code == 200
    assert_kept_by_no_cache(response)


@pytest.mark.django_db
def test_public_pages_seen_by_visitors_may_be_cached(client):
    response = client.get("/en/news/")

    assert "no-store" not in response.get("Cache-Control", "")
