from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The emails the site sends: stored with the change that causes them, sent by a
    background task, retried while the mail server fails, listed in the admin."""

    name = "outbox"
    verbose_name = _("Outbox")
    default_auto_field = "django.db.models.BigAutoField"
