"""The site's addresses plus two that fail on purpose, to see the error pages."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from cpe_network.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(path("broken/", broken), path("forbidden/", forbidden)),
    *site_urlpatterns,
]
