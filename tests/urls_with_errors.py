"""The site's addresses plus a few that fail on purpose, to see the error pages."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.urls import path

from cpe_network.urls import handler500  # noqa: F401 (the site's, as Django looks for it here)
from cpe_network.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


def database_down(request):
    raise OperationalError("connection refused")


def database_down_in_a_template(request):
    """A template's error raised from the database's (the first one is the cause)."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError as error:
        raise ValueError("while drawing the footer") from error


urlpatterns = [
    *i18n_patterns(
        path("broken/", broken),
        path("forbidden/", forbidden),
        path("database-down/", database_down),
        path("database-down-in-a-template/", database_down_in_a_template),
    ),
    *site_urlpatterns,
]
