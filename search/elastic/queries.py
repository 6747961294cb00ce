"""Request bodies for Elasticsearch, built from the engine contract's SearchQuery.

Facets are counted the way the database engine counts them, so both engines agree: filters
go into a `post_filter` (they narrow the hits), and each facet's aggregation applies every
filter except its own, so a reader sees what choosing another value would give. Past
deadlines are hidden like a filter, except from the deadline facet, which says how many
have passed. A programme open nationwide ("bundesweit") matches every region.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from funding.deadlines import DEADLINE_SOON_DAYS
from search.engines.base import SearchQuery

from .analyzers import uses_ngrams

# Elasticsearch refuses from + size beyond index.max_result_window.
MAX_RESULT_WINDOW = 10_000
SNIPPET_LENGTH = 180
MAX_SYNONYM_QUERIES = 6
NATIONWIDE = "bundesweit"
TEXT_FIELDS = ["title^4", "summary^2", "body", "funder"]
PHRASE_FIELDS = ["title^8", "summary^3", "body^2"]
HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",  # escapes the text around the marks: snippets are HTML-safe
    "fields": {
        "summary": {"fragment_size": SNIPPET_LENGTH, "number_of_fragments": 1,
                    "no_match_size": SNIPPET_LENGTH},
        "body": {"fragment_size": SNIPPET_LENGTH, "number_of_fragments": 1},
    },
}
FACETS = ("type", "topic", "region", "eligible", "deadline", "amount", "own_share")
FUNDING_FACETS = {"region", "eligible", "deadline", "amount", "own_share"}
TERMS_FIELDS = {"type": "type", "topic": "topic", "region": "regions", "eligible": "eligible",
                "amount": "amount", "own_share": "own_share"}
# Sort by deadline: soonest open deadline first, then rolling programmes, then past ones,
# then everything that is not a programme (as the database engine sorts).
DEADLINE_RANK = """
if (doc['type'].size() == 0 || doc['type'].value != 'funding') { return 3; }
if (doc['deadline'].size() == 0) { return 1; }
return doc['deadline'].value.toInstant().toEpochMilli() < params.today ? 2 : 0;
"""


def _today(query: SearchQuery) -> datetime.date:
    return query.today or timezone.localdate()


def deadline_filters(today: datetime.date) -> dict[str, dict]:
    """One filter per deadline state, matching funding.deadlines.deadline_state()."""
    soon = today + datetime.timedelta(days=DEADLINE_SOON_DAYS)
    return {
        "open": {"range": {"deadline": {"gt": soon.isoformat()}}},
        "soon": {"range": {"deadline": {"gte": today.isoformat(), "lte": soon.isoformat()}}},
        "rolling": {"bool": {"filter": [{"term": {"type": "funding"}}],
                             "must_not": [{"exists": {"field": "deadline"}}]}},
        "past": {"range": {"deadline": {"lt": today.isoformat()}}},
    }


def synonym_queries(text: str, groups: list[list[str]]) -> list[str]:
    """The query with a word replaced by each of its editors' synonyms ("Zuwendung Berlin"
    -> "Zuschuss Berlin", "Förderung Berlin"). Applied at query time, so a synonym an editor
    adds works at once; the analyzers' synonym filter covers multi-word rules."""
    alternatives = []
    for group in groups:
        for term in group:
            pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
            if pattern.search(text):
                alternatives += [pattern.sub(other, text) for other in group if other != term]
                break
    return list(dict.fromkeys(alternatives))[:MAX_SYNONYM_QUERIES]


def text_query(query: SearchQuery, synonyms: list[list[str]] = ()) -> dict:
    if not query.text:
        return {"match_all": {}}
    should = [
        # Typos: "gemeinützigkeit" still finds "Gemeinnützigkeit". Any word may match...
        {"multi_match": {"query": query.text, "fields": TEXT_FIELDS, "type": "best_fields",
                         "fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 50}},
        # ...but pages with all the words, in whichever field, rank higher...
        {"multi_match": {"query": query.text, "fields": TEXT_FIELDS, "type": "cross_fields",
                         "operator": "and", "boost": 2}},
        # ...and the exact wording, above all in the title, ranks first.
        {"multi_match": {"query": query.text, "fields": PHRASE_FIELDS, "type": "phrase",
                         "slop": 2}},
    ]
    for alternative in synonym_queries(query.text, list(synonyms)):
        should.append({"multi_match": {"query": alternative, "fields": TEXT_FIELDS,
                                       "type": "best_fields", "operator": "and",
                                       "boost": 0.8}})
    if uses_ngrams(query.locale):
        # Parts of compounds: "Vereinsgründung" and "Verein gründen".
        should.append({"multi_match": {"query": query.text,
                                       "fields": ["title.ngram^2", "body.ngram"],
                                       "minimum_should_match": "75%", "boost": 0.3}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def filter_clauses(query: SearchQuery, today: datetime.date) -> dict[str, dict]:
    """Every filter the query asks for, by name (the facet it belongs to)."""
    deadlines = deadline_filters(today)
    clauses = {}
    if query.types:
        clauses["type"] = {"terms": {"type": list(query.types)}}
    if query.topic:
        clauses["topic"] = {"term": {"topic": query.topic}}
    if not (query.include_past or query.deadline == "past"):
        clauses["past"] = {"bool": {"must_not": [deadlines["past"]]}}
    if any([query.regions, query.eligible, query.deadline, query.amount, query.own_share]):
        clauses["funding"] = {"term": {"type": "funding"}}
    if query.regions:
        clauses["region"] = {"terms": {"regions": sorted({*query.regions, NATIONWIDE})}}
    if query.eligible:
        clauses["eligible"] = {"terms": {"eligible": list(query.eligible)}}
    if query.deadline:
        # An unknown state matches nothing (the service validates; this stays safe).
        clauses["deadline"] = deadlines.get(query.deadline, {"match_none": {}})
    if query.amount:
        clauses["amount"] = {"term": {"amount": query.amount}}
    if query.own_share:
        clauses["own_share"] = {"term": {"own_share": query.own_share}}
    return clauses


def region_filters() -> dict:
    """One bucket per region, each counting what choosing it lists: the region's own
    programmes and the nationwide ones."""
    from cms.models.vocabulary import REGION_CHOICES

    return {code: {"term": {"regions": code}} if code == NATIONWIDE
            else {"terms": {"regions": [code, NATIONWIDE]}} for code, _label in REGION_CHOICES}


def aggregations(query: SearchQuery, today: datetime.date) -> dict:
    clauses = filter_clauses(query, today)
    aggs = {}
    for facet in FACETS:
        ignore = {facet}
        if facet in FUNDING_FACETS:
            ignore.add("funding")
        if facet == "deadline":
            ignore.add("past")
        others = [clause for name, clause in clauses.items() if name not in ignore]
        if facet == "deadline":
            values = {"filters": {"filters": deadline_filters(today)}}
        elif facet == "region":
            values = {"filters": {"filters": region_filters()}}
        else:
            values = {"terms": {"field": TERMS_FIELDS[facet], "size": 100}}
        aggs[facet] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": values}}
    return aggs


def search_body(query: SearchQuery, synonyms: list[list[str]] = ()) -> dict:
    today = _today(query)
    offset = max(0, min(query.offset, MAX_RESULT_WINDOW))
    size = max(0, min(query.limit, MAX_RESULT_WINDOW - offset))
    body = {
        "query": text_query(query, synonyms),
        "aggs": aggregations(query, today),
        "highlight": HIGHLIGHT,
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "_source": ["type", "object_id", "title", "url", "slug", "locale", "summary"],
    }
    clauses = filter_clauses(query, today)
    if clauses:
        body["post_filter"] = {"bool": {"filter": list(clauses.values())}}
    if query.sort == "deadline":
        midnight = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.UTC)
        body["sort"] = [
            {"_script": {"type": "number", "order": "asc", "script": {
                "lang": "painless", "source": DEADLINE_RANK.strip(),
                "params": {"today": int(midnight.timestamp() * 1000)}}}},
            {"deadline": {"order": "asc", "missing": "_last"}},
            "_score",
        ]
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
