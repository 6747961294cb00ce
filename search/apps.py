from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search import signals

        signals.connect()
        post_migrate.connect(_sync_language_index, sender=self,
                             dispatch_uid="search-sync-language-index")


def _sync_language_index(using, **kwargs):
    from django.db import connections

    from search import language_index

    language_index.sync(connections[using])
