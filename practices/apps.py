from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported once the models are ready, as Django asks: it connects the receivers.
        from . import signals  # noqa: F401
