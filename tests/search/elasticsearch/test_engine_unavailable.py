"""An Elasticsearch that is down, slow or not configured makes the engine raise
EngineUnavailable (the service then answers from the database) instead of hanging or
failing with a transport error. Real sockets on 127.0.0.1, no mocks."""

import time

import pytest

from search.engines.base import EngineUnavailable, SearchQuery
from search.engines.elasticsearch import ElasticsearchEngine
from tests.outages import closed_port, silent_server

QUERY = SearchQuery(text="Satzung", locale="de")
# The editors' synonyms (read for every query) live in the database.
pytestmark = pytest.mark.django_db


def test_timeout_defaults_to_two_seconds():
    from django.conf import settings

    assert settings.ELASTICSEARCH_TIMEOUT == 2


def test_not_configured(settings):
    settings.ELASTICSEARCH_URL = None
    with pytest.raises(EngineUnavailable, match="ELASTICSEARCH_URL is not set"):
        ElasticsearchEngine().search(QUERY)


@pytest.mark.parametrize("call", [
    lambda engine: engine.search(QUERY),
    lambda engine: engine.autocomplete("Sat", "de"),
    lambda engine: engine.remove_object("cms", "guidepage", 1),
])
def test_connection_refused(settings, call):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(EngineUnavailable, match="Connection"):
        call(ElasticsearchEngine())


def test_indexing_a_page_with_the_cluster_down(settings, guide):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(EngineUnavailable):
        ElasticsearchEngine().index_object("cms", "guidepage", guide.pk)


def test_a_silent_cluster_is_cut_off_after_the_timeout(settings):
    settings.ELASTICSEARCH_TIMEOUT = 1
    with silent_server() as url:
        settings.ELASTICSEARCH_URL = url
        started = time.monotonic()
        with pytest.raises(EngineUnavailable, match="Timeout"):
            ElasticsearchEngine().search(QUERY)
        waited = time.monotonic() - started
    # One attempt of one second, no retries (three would take three seconds or more).
    assert 0.9 <= waited < 2.5


def test_empty_autocomplete_prefix_asks_nobody(settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    assert ElasticsearchEngine().autocomplete("  ", "de") == []
