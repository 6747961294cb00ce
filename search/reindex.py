"""Full rebuilds of the search indices, for `manage.py search_reindex`.

The database index (Wagtail's own, also the fallback when Elasticsearch is down) is always
rebuilt; Elasticsearch, when it is the configured engine, gets a new index per language
that replaces the old one through its alias.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

CHUNK = 500

# progress(label, total) returns a callable advancing the bar by n, and a callable closing it.
Progress = Callable[[str, int], tuple[Callable[[int], None], Callable[[], None]]]


@dataclass
class Rebuilt:
    engine: str
    target: str  # a model (database) or an index name (Elasticsearch)
    count: int


def rebuild_database(progress: Progress) -> list[Rebuilt]:
    backend = get_search_backend("default")
    done = []
    for index, models in group_models_by_index(backend, get_indexed_models()).items():
        # The plain database fallback (SQLite without FTS5) has nothing to rebuild.
        rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
        if rebuilder is None:
            continue
        index = rebuilder.start()
        for model in models:
            index.add_model(model)
        for model in models:
            queryset = model.get_indexed_objects().order_by("pk")
            label = f"{model._meta.app_label}.{model.__name__}"
            advance, close = progress(f"database {label}", queryset.count())
            count, chunk = 0, []
            for obj in queryset.iterator(chunk_size=CHUNK):
                chunk.append(obj)
                if len(chunk) == CHUNK:
                    index.add_items(model, chunk)
                    advance(len(chunk))
                    count, chunk = count + len(chunk), []
            if chunk:
                index.add_items(model, chunk)
                advance(len(chunk))
                count += len(chunk)
            close()
            done.append(Rebuilt("database", label, count))
        rebuilder.finish()
    return done


def rebuild_elasticsearch(progress: Progress) -> list[Rebuilt]:
    """Raises EngineUnavailable when the cluster cannot be reached."""
    from search.elastic.indices import languages, planned_documents
    from search.engines.elasticsearch import ElasticsearchEngine

    engine = ElasticsearchEngine()
    done = []
    for language in languages():
        advance, close = progress(f"elasticsearch {language}", planned_documents(language))
        try:
            report = engine.rebuild(language, advance)
        finally:
            close()
        done.append(Rebuilt("elasticsearch", report.index, report.documents))
    return done


def elasticsearch_configured() -> bool:
    return settings.SEARCH_ENGINE == "elasticsearch"
