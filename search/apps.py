from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site's search: one index of what members, practices, news, events and calls
    say, in both languages (PostgreSQL's full-text search, or SQLite's FTS5), kept in
    step with every save, and the page that searches it all."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import index

        index.connect_signals()
        post_migrate.connect(index.index_missing, sender=self)
