"""GET /api/v1/search/ and /api/v1/search/autocomplete/: the response the README documents,
and a clear 400 (never a 500) for bad input."""

import pytest

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


def get(client, **params):
    return client.get(API, params)


def test_response_shape_best_first(client):
    response = get(client, q="Testleitfaden Vereinsgründung", lang="de")
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"count", "results", "facets", "suggestion"}
    first = data["results"][0]
    assert set(first) >= {"title", "url", "slug", "type", "locale", "snippet"}
    assert (first["slug"], first["type"], first["locale"]) == ("test-guide", "guide", "de")
    assert first["url"] == "/de/verein-gruenden/test-guide/"
    assert data["count"] >= 1
    assert {f["value"] for f in data["facets"]["type"]} >= {"guide"}


def test_glossary_terms_carry_their_slug(client):
    results = get(client, q="Satzung", type="glossary").json()["results"]
    assert [(r["type"], r["slug"]) for r in results] == [("glossary", "satzung")]


def test_language_and_labels(client):
    data = get(client, q="الجمعية", lang="ar").json()
    assert data["results"] and all(r["locale"] == "ar" for r in data["results"][:1])
    labels = {f["value"]: f["label"] for f in data["facets"]["type"]}
    assert labels["guide"] != "Guide"  # labels come in the reader's language


def test_suggestion_for_a_typo(client):
    data = get(client, q="Satznug").json()
    assert data["suggestion"] == "satzung"
    assert "satzung" in {r["slug"] for r in data["results"]}


def test_funding_filters(client):
    data = get(client, q="Zuschüsse", region="berlin", eligible="verein",
               amount="upto-5000", own_share="upto10", deadline="open").json()
    assert [r["slug"] for r in data["results"]] == ["test-foerderung"]
    assert get(client, q="Zuschüsse", region="berlin", own_share="none").json()["count"] == 0


def test_empty_query_is_an_empty_answer(client):
    response = get(client, q="")
    assert response.status_code == 200
    assert response.json()["count"] == 0


@pytest.mark.parametrize("params, field", [
    ({"page": "-1"}, "page"), ({"page": "abc"}, "page"), ({"page": "0"}, "page"),
    ({"page": "99999999999999999999"}, "page"), ({"type": "spaceship"}, "type"),
    ({"region": "atlantis"}, "region"), ({"eligible": "cat"}, "eligible"),
    ({"deadline": "yesterday"}, "deadline"), ({"amount": "lots"}, "amount"),
    ({"own_share": "half"}, "own_share"), ({"sort": "random"}, "sort"),
    ({"topic": "no-such-topic"}, "topic"), ({"lang": "xx"}, "lang"),
    ({"q": "Satzung\x00"}, "q"),
])
def test_bad_parameters_are_a_clear_400(client, params, field):
    response = get(client, **{"q": "Satzung", **params})
    assert response.status_code == 400
    data = response.json()
    # One shape, whether the API's form or the request guard (NUL characters) refuses it.
    assert data["error"] == "invalid parameters"
    assert field in data["errors"]
    assert all(message for message in data["errors"][field])


def test_error_messages_in_the_requested_language(client):
    data = get(client, q="Satzung", page="abc", lang="de").json()
    assert data["errors"]["page"] == ["Bitte eine ganze Zahl eingeben."]


@pytest.mark.parametrize("q", [
    "x" * 2000, '" * : ( ) ~ ^ \\ /', "'; DROP TABLE wagtailcore_page; --",
    "نظام Satzung", "مرحبا\u200f test \u202e", "Satzung " * 300,
])
def test_odd_queries_are_answered(client, q):
    response = get(client, q=q)
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_page_beyond_the_last_is_empty_not_an_error(client):
    response = get(client, q="Satzung", page="50")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_autocomplete(client):
    response = client.get(f"{API}autocomplete/", {"q": "Satz", "lang": "de"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert {"title": "Satzung", "type": "glossary"}.items() <= results[-1].items() or any(
        r["title"] == "Satzung" and r["type"] == "glossary" for r in results)
    assert client.get(f"{API}autocomplete/", {"q": "", "lang": "de"}).json() == {"results": []}
    assert client.get(f"{API}autocomplete/", {"q": "x", "lang": "zz"}).status_code == 400
    assert client.get(f"{API}autocomplete/", {"q": "(*^"}).status_code == 200


def test_searches_are_logged_per_language(client):
    from wagtail.contrib.search_promotions.models import Query

    from search.models import SearchLogEntry

    get(client, q="Satzung", lang="de")
    get(client, q="Satzung", lang="de", page="1")
    get(client, q="Quatschwortxyz", lang="uk")
    get(client, q="Satzung", page="2")  # later pages are not a new search
    assert Query.get("satzung").hits == 2
    entry = SearchLogEntry.objects.get(query_string="satzung", locale="de")
    assert (entry.searches, entry.no_results) == (2, 0)
    empty = SearchLogEntry.objects.get(query_string="quatschwortxyz", locale="uk")
    assert (empty.searches, empty.no_results) == (1, 1)
