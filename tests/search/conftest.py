import datetime
import os

import pytest
from wagtail.models import Locale

from search import service, vocabulary
from search.engines.base import SearchQuery

ENGINES = ["database", "elasticsearch"]


@pytest.fixture(params=ENGINES)
def engine(request, db, settings):
    """Each engine the project has; Elasticsearch only where a cluster is reachable."""
    if request.param == "elasticsearch" and not os.environ.get("ELASTICSEARCH_URL"):
        pytest.skip("Elasticsearch behaviour tests need a cluster: set ELASTICSEARCH_URL "
                    "(e.g. http://127.0.0.1:9200) to run them.")
    settings.SEARCH_ENGINE = request.param
    vocabulary.reset()
    engine = service.get_engine(request.param)
    reindex(engine)
    return engine


@pytest.fixture
def database_engine(db, settings):
    """The embedded engine alone, with a fresh vocabulary and cross-language dictionary."""
    from search import crosslingual

    settings.SEARCH_ENGINE = "database"
    vocabulary.reset()
    crosslingual.mark_stale()
    yield service.get_engine("database")
    crosslingual.mark_stale()


def reindex(engine):
    """Bring an engine's own index in line with this test's database (a no-op for the database
    engine, whose index Wagtail keeps on save). An engine with its own indices gets them
    rebuilt from scratch: a cluster outlives the test's rolled-back transaction, so writing
    object by object would leave earlier tests' documents in the index."""
    rebuild = getattr(engine, "rebuild", None)
    if rebuild is not None:
        from search.elastic.indices import languages

        for language in languages():
            rebuild(language)  # a fresh index behind the alias; the previous one is deleted
    else:
        from django.apps import apps

        from search.registry import SEARCH_TYPES

        for search_type in SEARCH_TYPES:
            model = apps.get_model(search_type.model)
            for pk in model.objects.values_list("pk", flat=True):
                engine.index_object(model._meta.app_label, model._meta.model_name, pk)
    refresh = getattr(engine, "refresh", None)
    if refresh:
        refresh()


def ask(engine, text="", locale="de", **options):
    """A search; facet values are given by facet key (type=("funding",), region=(...))."""
    from cms.searchable import registry

    options.setdefault("today", datetime.date(2026, 12, 1))
    filters = {f.key: options.pop(f.key) for f in registry.facets if f.key in options}
    return engine.search(SearchQuery(text=text, locale=locale, filters=filters, **options))


def slugs(results):
    return [(h.type, h.slug) for h in results.hits]


@pytest.fixture
def german():
    return Locale.objects.get(language_code="de")
