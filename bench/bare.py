"""A bare Django application of one view answering "ok", the yardstick of `make bench`.

Served like the site (gunicorn, two sync workers, loopback): `gunicorn bench.bare`. Its
settings are made here, in code: no database, no middleware, no templates. What the site
adds to a request shows as its ratio to this view's requests per second."""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    # Nothing is signed: a fresh key per process will do.
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok)]

application = get_wsgi_application()
