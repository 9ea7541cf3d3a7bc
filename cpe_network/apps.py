from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """Site-wide pieces: home, pages, health, errors, the base template's context."""

    name = "cpe_network"
    verbose_name = _("Website")

    def ready(self):
        from . import checks, pages  # noqa: F401  (registers the checks, the footer's signals)
