from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Site-wide pieces: home, pages, health, errors, the base template's context."""

    name = "pages"
    verbose_name = _("Website")

    def ready(self):
        from cpe_network.lib import (
            checks,  # noqa: F401  (registers the deploy checks)
            lookups,  # noqa: F401  (registers `in` for numbers)
        )

        from . import (
            flatpages,  # noqa: F401  (connects the footer's signals)
            pagecache,  # noqa: F401  (connects the signals that renew cached pages and sitemaps)
        )
