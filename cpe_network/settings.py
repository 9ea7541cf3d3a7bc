"""Settings for the network's website: one file, read from the environment.

Every variable is listed and explained in `.env.example` and the README. With nothing
set, the site runs on SQLite with an in-memory cache and prints emails to the console;
production sets DEBUG off, a SECRET_KEY, and real DATABASE_URL, CACHE_URL and EMAIL_URL.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from cpe_network.lib import logs

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

# Commands that only read the code (never sign anything) run without a secret key.
CODE_ONLY_COMMANDS = {"makemigrations", "makemessages", "compilemessages"}
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG and not set(sys.argv[1:2]) & CODE_ONLY_COMMANDS:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (a long random string), "
            "or set DEBUG=1 for local development."
        )
    # Reached only with DEBUG on (or to build messages and migrations): production stops above.
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # nosec B105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SITE_NAME = env.str("SITE_NAME", default="Children of Prisoners Europe")
# The site's public address, for links in emails (no trailing slash).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    # Form widgets' templates are looked up like any other (templates/forms/...).
    "django.forms",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    # PostgreSQL's trigram lookups for the search's "Did you mean …?" (inert on SQLite).
    "django.contrib.postgres",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "reversion",
    "django_tasks_db",
    "outbox",
    "pages",
    "members",
    "news",
    "practices",
    "collaboration",
    "search",
]

MIDDLEWARE = [
    # One log line per request, timing all that follows (cpe_network/lib/logs.py).
    "cpe_network.lib.logs.request_log",
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy everywhere; private, no-store on pages for one person.
    "cpe_network.lib.middleware.security_headers",
    # Pages carry the map as inline SVG: compressed, they are a quarter of the size.
    # (Django masks the CSRF token on each response, which guards against BREACH.)
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # An ETag on every page, and 304 when the browser has it already.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "pages.middleware.addresses_without_language",
    # A NUL or other control character in an address: 404, never a database error.
    "cpe_network.lib.middleware.control_characters_in_paths",
    # Too many fields in an address or a form: the site's 400 page, in its language.
    "cpe_network.lib.middleware.oversized_requests",
    # Public pages as an anonymous visitor sees them, kept until they change.
    "pages.pagecache.anonymous_page_cache",
    # HTML without its templates' indentation (and so kept by the page cache without it).
    "cpe_network.lib.middleware.trimmed_html",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.staff_second_factor",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cpe_network.urls"
WSGI_APPLICATION = "cpe_network.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
            ],
        },
    },
]
# Form widgets are drawn with the project's templates (templates/forms/...), and a value
# a form refuses comes back as typed, in a plain text box (see the module).
FORM_RENDERER = "cpe_network.lib.forms.FormRenderer"

# Database: SQLite beside manage.py unless DATABASE_URL names another.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process memory unless CACHE_URL names Redis (redis://127.0.0.1:6379/0).
# Sessions live in the database with the cache in front, so several application
# servers share them.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Redis through Django's own backend, made to degrade to no cache while Redis is down
# (cpe_network/lib/cache.py): pages still answer, only slower.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "cpe_network.lib.cache.RedisCache"
# Whole public pages kept for visitors who are not signed in (pages/pagecache.py), and
# the sitemap's files: an hour at most with a cache the server processes share; with
# each process's own, 30 seconds, as a change in one is not seen by the others.
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
_SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith("LocMemCache")
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600 if _SHARED_CACHE else 30)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Email: printed on the console unless EMAIL_URL names an SMTP server
# (smtp+tls://user:password@host:587). Django 6.1 reads MAILERS.
_email = env.email("EMAIL_URL", default="consolemail://")
_email_options = {
    "smtp": {
        "host": _email["EMAIL_HOST"],
        "port": _email["EMAIL_PORT"],
        "username": _email["EMAIL_HOST_USER"],
        "password": _email["EMAIL_HOST_PASSWORD"],
        "use_tls": _email.get("EMAIL_USE_TLS", False),
        "use_ssl": _email.get("EMAIL_USE_SSL", False),
        "timeout": 20,
    },
    "filebased": {"file_path": _email["EMAIL_FILE_PATH"]},
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": _email_options.get(_email["EMAIL_BACKEND"].split(".")[-2], {}),
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_NOTIFICATION_EMAILS = env.list("STAFF_NOTIFICATION_EMAILS", default=[])
# Seconds between attempts when the mail server fails; then the email is marked failed.
EMAIL_RETRY_DELAYS = [60, 300, 1800, 7200, 21600]

# Background tasks (emails): run at once in the web process by default; with
# TASKS_BACKEND=database they are queued in the database and run by
# `manage.py run_worker` (django-tasks-db's db_worker, which waits out a database
# outage; the email task retries a failing mail server with back-off).
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env.str("TASKS_BACKEND", default="immediate")]
    }
}

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:portal"

# Accounts (django-allauth): sign-in by email, verified addresses, no open sign-up
# (people are invited), allauth's rate limits, no telling whether an address exists.
ACCOUNT_ADAPTER = "members.accounts.AccountAdapter"
ACCOUNT_USER_DISPLAY = "members.accounts.display_name"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# A password reset for an address without an account sends nothing (the page says the
# same either way), and one address receives at most three reset emails a day.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# (bandit takes the rates for a password.)
ACCOUNT_RATE_LIMITS = {"reset_password": "20/m/ip,5/m/key,3/d/key"}  # nosec B105
# Links in account emails use SITE_URL's scheme (https in production).
ACCOUNT_DEFAULT_HTTP_PROTOCOL = urlsplit(SITE_URL).scheme or "https"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# Staff without a second factor are asked to set one up; with this on, the admin is
# closed to them until they do.
STAFF_REQUIRE_MFA = env.bool("STAFF_REQUIRE_MFA", default=False)
INVITATION_MAX_AGE_DAYS = 14

# How long personal data is kept, in days, before `manage.py purge_personal_data` (run
# daily) removes it; the privacy notice states the same periods.
# Rejected and withdrawn applications, with their documents: a year after the decision,
# so the secretariat can answer an appeal or a new application from the organisation
# (the board answers within six months) and no longer.
PURGE_APPLICATIONS_AFTER_DAYS = env.int("PURGE_APPLICATIONS_AFTER_DAYS", default=365)
# Subscriptions never confirmed, and invitations never accepted (after their link
# expired): a week is enough for anyone who wanted them; the rest are someone else's
# address typed in, or a mistake.
PURGE_UNCONFIRMED_AFTER_DAYS = env.int("PURGE_UNCONFIRMED_AFTER_DAYS", default=7)
# Emails sent (the outbox) and the digest's deliveries: a year, to answer "did you send
# me …?" and to see delivery failures; not longer, since they hold names and messages.
PURGE_EMAILS_AFTER_DAYS = env.int("PURGE_EMAILS_AFTER_DAYS", default=365)
# Messages from the contact page: six months. Staff answer them by email within days;
# they often come from families and say more about them than anything else stored.
PURGE_CONTACT_MESSAGES_AFTER_DAYS = env.int("PURGE_CONTACT_MESSAGES_AFTER_DAYS", default=180)
# Messages between members, kept so staff can see any abuse of the contact persons: a
# year.
PURGE_MEMBER_MESSAGES_AFTER_DAYS = env.int("PURGE_MEMBER_MESSAGES_AFTER_DAYS", default=365)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Two languages, both with a prefix in every public address.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language chosen with the switcher (pages.views.choose_language), kept a year.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
USE_I18N = True
# Dates in each language's house style: "9 January 2027", "9 janvier 2027".
FORMAT_MODULE_PATH = ["cpe_network.formats"]
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr")}

# Static files: hashed and compressed by whitenoise, served by the application.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Documents only staff may read (applications): outside MEDIA_ROOT, never served as is.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private")
# Public forms: at most this many sendings per client address per hour, and not
# faster than a person can fill them in.
FORM_RATE_LIMIT_PER_HOUR = env.int("FORM_RATE_LIMIT_PER_HOUR", default=10)
# How many reverse proxies in front of the application append the client's address to
# X-Forwarded-For. 0 (default): none is trusted, the client is REMOTE_ADDR. Every limit
# (the public forms', allauth's) counts the client address this gives
# (cpe_network.lib.antispam.client_address).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
FORM_MIN_SECONDS = 3
# Uploads are served at /media/ by the application, which checks who may see each file
# (pages.views.media). With MEDIA_SENDFILE the proxy sends the bytes once the
# application has said yes: "x-accel-redirect" (nginx, from MEDIA_ACCEL_PREFIX, an
# internal location) or "x-sendfile" (Apache's mod_xsendfile); see the README.
# SERVE_MEDIA=0 leaves /media/ to the proxy alone, without those checks.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
MEDIA_SENDFILE = env.str("MEDIA_SENDFILE", default="")
if MEDIA_SENDFILE not in ("", "x-accel-redirect", "x-sendfile"):
    raise ImproperlyConfigured(
        f"MEDIA_SENDFILE is {MEDIA_SENDFILE!r}: leave it empty, or set x-accel-redirect "
        "(nginx) or x-sendfile (Apache)."
    )
MEDIA_ACCEL_PREFIX = "/internal-media/"
# Request bodies. The largest form is the application: three PDFs of 10 MB at most. A
# larger body is refused before it is read (cpe_network.lib.middleware), as the proxy does
# (client_max_body_size, see the README). Text fields take a few hundred kilobytes at
# most; files over 1 MB wait on disk, not in a worker's memory.
MAX_REQUEST_BYTES = 32 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Applications', calls' and members' documents (cpe_network.lib.uploads.PrivateStorage).
    "private": {"BACKEND": "cpe_network.lib.uploads.PrivateFileStorage"},
    "staticfiles": {
        "BACKEND": "cpe_network.lib.staticfiles.MinifiedManifestStaticFilesStorage",
    },
}
# Object storage, for several application servers: with S3_BUCKET set, uploads live in
# that S3-compatible bucket (under media/, and private/ for documents only staff read, or
# in S3_PRIVATE_BUCKET) instead of MEDIA_ROOT and PRIVATE_MEDIA_ROOT. The buckets stay
# private: every file still goes through the views that check permissions. boto3 reads
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment.
S3_BUCKET = env.str("S3_BUCKET", default="")
S3_PRIVATE_BUCKET = env.str("S3_PRIVATE_BUCKET", default="")
S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="")
S3_REGION = env.str("S3_REGION", default="")
if S3_BUCKET:
    _s3 = {
        "endpoint_url": S3_ENDPOINT_URL or None,
        "region_name": S3_REGION or None,
        # Names are random, but a name taken is never written over, as on disk.
        "file_overwrite": False,
        # A file read from the bucket waits in memory up to this size, then on disk.
        "max_memory_size": FILE_UPLOAD_MAX_MEMORY_SIZE,
    }
    STORAGES["default"] = {
        "BACKEND": "cpe_network.lib.objectstorage.PublicObjectStorage",
        "OPTIONS": {**_s3, "bucket_name": S3_BUCKET, "location": "media"},
    }
    STORAGES["private"] = {
        "BACKEND": "cpe_network.lib.objectstorage.PrivateObjectStorage",
        "OPTIONS": {**_s3, "bucket_name": S3_PRIVATE_BUCKET or S3_BUCKET, "location": "private"},
    }

# Security. With DEBUG off, `manage.py check --deploy` reports nothing.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing inline and nothing from another host. The nonce lets the admin's own
# scripts and styles run; our templates need none.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# One JSON line per request and per message on standard error (cpe_network/lib/logs.py),
# without personal data; plain text with DEBUG on or LOG_FORMAT=text.
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT is {LOG_FORMAT!r}: set json or text.")
LOGGING = logs.configuration(text=LOG_FORMAT == "text", level=env.str("LOG_LEVEL", default="INFO"))

# Django's flatpages gain translated fields (modeltranslation), so their migrations
# live in the pages app: a copy of Django's first one, then ours.
MIGRATION_MODULES = {"flatpages": "pages.flatpages_migrations"}
