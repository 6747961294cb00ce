"""Request bodies for Elasticsearch, built from the engine contract's SearchQuery.

Facet counts follow the results: every filter the reader chose applies to them. One
exception keeps the deadline facet useful: past deadlines are hidden from the results by a
`post_filter`, and every aggregation except the deadline one repeats that filter, so the
deadline facet can say how many programmes have passed while the other counts agree with
the visible results.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from cms.models.funding import DEADLINE_SOON_DAYS
from search.engines.base import SearchQuery

from .analyzers import uses_ngrams

# Elasticsearch refuses from + size beyond index.max_result_window.
MAX_RESULT_WINDOW = 10_000
SNIPPET_LENGTH = 180
TEXT_FIELDS = ["title^4", "summary^2", "body", "funder"]
PHRASE_FIELDS = ["title^8", "summary^3", "body^2"]
HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",  # escapes the text around the marks: snippets are HTML-safe
    "fields": {
        "body": {"fragment_size": SNIPPET_LENGTH, "number_of_fragments": 1},
        "summary": {"fragment_size": SNIPPET_LENGTH, "number_of_fragments": 1,
                    "no_match_size": SNIPPET_LENGTH},
    },
}
TERMS_FACETS = {"type": "type", "topic": "topic", "region": "regions", "eligible": "eligible",
                "amount": "amount", "own_share": "own_share"}


def _today(query: SearchQuery) -> datetime.date:
    return query.today or timezone.localdate()


def deadline_filters(today: datetime.date) -> dict[str, dict]:
    """One filter per deadline state, matching FundingProgrammePage.deadline_state()."""
    soon = today + datetime.timedelta(days=DEADLINE_SOON_DAYS)
    return {
        "open": {"range": {"deadline": {"gt": soon.isoformat()}}},
        "soon": {"range": {"deadline": {"gte": today.isoformat(), "lte": soon.isoformat()}}},
        "rolling": {"bool": {"filter": [{"term": {"type": "funding"}}],
                             "must_not": [{"exists": {"field": "deadline"}}]}},
        "past": {"range": {"deadline": {"lt": today.isoformat()}}},
    }


def text_query(query: SearchQuery) -> dict:
    if not query.text:
        return {"match_all": {}}
    should = [
        # Typos: "gemeinützigkeit" still finds "Gemeinnützigkeit".
        {"multi_match": {"query": query.text, "fields": TEXT_FIELDS, "type": "best_fields",
                         "fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 50,
                         "minimum_should_match": "2<75%"}},
        # The exact wording, and above all in the title, ranks first.
        {"multi_match": {"query": query.text, "fields": PHRASE_FIELDS, "type": "phrase",
                         "slop": 2}},
    ]
    if uses_ngrams(query.locale):
        # Parts of compounds: "Vereinsgründung" and "Verein gründen".
        should.append({"multi_match": {"query": query.text, "fields": ["title.ngram^2",
                                                                       "body.ngram"],
                                       "minimum_should_match": "75%", "boost": 0.3}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def filters(query: SearchQuery, today: datetime.date) -> list[dict]:
    clauses = []
    if query.types:
        clauses.append({"terms": {"type": list(query.types)}})
    if query.topic:
        clauses.append({"term": {"topic": query.topic}})
    if query.regions:
        clauses.append({"terms": {"regions": list(query.regions)}})
    if query.eligible:
        clauses.append({"terms": {"eligible": list(query.eligible)}})
    if query.deadline in ("open", "soon", "rolling", "past"):
        clauses.append(deadline_filters(today)[query.deadline])
    if query.amount:
        clauses.append({"term": {"amount": query.amount}})
    if query.own_share:
        clauses.append({"term": {"own_share": query.own_share}})
    return clauses


def hide_past(query: SearchQuery, today: datetime.date) -> dict | None:
    if query.include_past or query.deadline == "past":
        return None
    return {"bool": {"must_not": [deadline_filters(today)["past"]]}}


def aggregations(query: SearchQuery, today: datetime.date) -> dict:
    hidden = hide_past(query, today)
    aggs = {}
    for facet, field in TERMS_FACETS.items():
        agg = {"terms": {"field": field, "size": 50}}
        aggs[facet] = {"filter": hidden, "aggs": {"values": agg}} if hidden else agg
    aggs["deadline"] = {"filters": {"filters": deadline_filters(today)}}
    return aggs


def search_body(query: SearchQuery) -> dict:
    today = _today(query)
    offset = max(0, min(query.offset, MAX_RESULT_WINDOW))
    size = max(0, min(query.limit, MAX_RESULT_WINDOW - offset))
    body = {
        "query": {"bool": {"must": [text_query(query)], "filter": filters(query, today)}},
        "aggs": aggregations(query, today),
        "highlight": HIGHLIGHT,
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "_source": ["type", "object_id", "title", "url", "slug", "locale", "summary"],
    }
    hidden = hide_past(query, today)
    if hidden:
        body["post_filter"] = hidden
    if query.sort == "deadline":
        body["sort"] = [{"deadline": {"order": "asc", "missing": "_last"}}, "_score"]
    if query.text:
        body["suggest"] = suggest_body(query.text)
    return body


def suggest_body(text: str) -> dict:
    """A phrase suggester over the indexed vocabulary; only offered when it finds hits."""
    return {
        "text": text,
        "did_you_mean": {
            "phrase": {
                "field": "spell",
                "size": 1,
                "max_errors": 2,
                "confidence": 1.0,
                "direct_generator": [{"field": "spell", "suggest_mode": "missing",
                                      "min_word_length": 3}],
                "collate": {"query": {"source": {"match": {"spell": {
                    "query": "{{suggestion}}", "operator": "and"}}}}, "prune": False},
            }
        },
    }


def autocomplete_body(prefix: str, limit: int) -> dict:
    return {
        "query": {"multi_match": {"query": prefix, "type": "bool_prefix",
                                  "fields": ["suggest", "suggest._2gram", "suggest._3gram"]}},
        "size": max(1, min(limit, 50)),
        "_source": ["title", "url", "type"],
    }
