"""With Elasticsearch configured but unreachable, readers still get results: the search
service answers from the database engine and logs why. Real closed and silent ports."""

import logging

import pytest

pytest.importorskip("search.service", reason="the search service (search/service.py) is "
                                              "built on the `search` branch")

from tests.outages import closed_port, silent_server  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture
def elasticsearch_down(settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"


def _fell_back(caplog):
    return any(record.levelno >= logging.WARNING and "elasticsearch" in
               record.getMessage().casefold() for record in caplog.records)


def test_html_search_page_answers_from_the_database(elasticsearch_down, client, guide, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.get("/de/search/", {"q": "Testleitfaden"})
    assert response.status_code == 200
    assert guide.title in response.content.decode()
    assert _fell_back(caplog)


def test_json_api_answers_from_the_database(elasticsearch_down, client, guide, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.get("/api/v1/search/", {"q": "Testleitfaden"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] >= 1
    assert "test-guide" in [result["slug"] for result in data["results"]]
    assert _fell_back(caplog)


def test_a_silent_cluster_is_cut_off_and_the_database_answers(settings, client, guide):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_TIMEOUT = 1
    with silent_server() as url:
        settings.ELASTICSEARCH_URL = url
        response = client.get("/api/v1/search/", {"q": "Testleitfaden"})
    assert response.status_code == 200
    assert "test-guide" in [result["slug"] for result in response.json()["results"]]


def test_the_service_itself_falls_back(elasticsearch_down, guide):
    from search import service
    from search.engines.base import SearchQuery

    results = service.search(SearchQuery(text="Testleitfaden", locale="de"))
    assert results.engine == "database"
    assert "test-guide" in [hit.slug for hit in results.hits]
