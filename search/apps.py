from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from cms.health import register_check
        from search import registry, signals

        registry.autodiscover()
        signals.connect()
        register_check("search", _check_search)
        post_migrate.connect(_sync_language_index, sender=self,
                             dispatch_uid="search-sync-language-index")


def _sync_language_index(using, **kwargs):
    from django.db import connections

    from search import language_index

    language_index.sync(connections[using])


def _check_search():
    """Readiness (cms.health): the configured engine answers."""
    from django.conf import settings

    if settings.SEARCH_ENGINE != "elasticsearch":
        return "database"
    from search.service import get_engine

    if not get_engine("elasticsearch").client.ping():
        raise ConnectionError("Elasticsearch does not answer; the database engine answers")
    return "elasticsearch"
