"""Request bodies for Elasticsearch, built from the engine contract's SearchQuery.

Facets (cms.searchable) are counted the way the database engine counts them, so both engines
agree: filters go into a `post_filter` (they narrow the hits), and each facet's aggregation
applies every filter except its own, so a reader sees what choosing another value would
give. Values a facet hides (passed deadlines) are left out like a filter, except from that
facet's own counts. Values are the document's `facets.<key>` (a programme open nationwide
carries every region there), or, where they depend on the day, the facet's own filters.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from cms.searchable import registry
from search.engines.base import SearchQuery
from search.expansion import UNASKED_WEIGHT, unasked_types

from .analyzers import uses_ngrams

# Elasticsearch refuses from + size beyond index.max_result_window.
MAX_RESULT_WINDOW = 10_000
SNIPPET_LENGTH = 180
MAX_SYNONYM_QUERIES = 6
TEXT_FIELDS = ["title^4", "summary^2", "body", "extra"]
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
MAX_FACET_VALUES = 1000  # terms buckets per facet (every region and district)


def _today(query: SearchQuery) -> datetime.date:
    return query.today or timezone.localdate()


def synonym_queries(text: str, groups: list[list[str]]) -> list[str]:
    """The query with a word replaced by each of its editors' synonyms ("Zuwendung Berlin"
    -> "Zuschuss Berlin", "Förderung Berlin"). Applied at query time, so a synonym an editor
    adds works at once; the analyzers' synonym filter covers multi-word rules.

    The query's words and word sequences are looked up among the groups' terms, not every
    term tried on the query: with several hundred groups that was 2,000 regular expressions
    a search."""
    by_term, spans = _terms_of(groups), _spans(text)
    alternatives = []
    for number in sorted({by_term[span] for span in spans if span in by_term}):
        group = groups[number]
        term = next(t for t in group if t.casefold() in spans)
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
        if pattern.search(text):
            alternatives += [pattern.sub(other, text) for other in group if other != term]
    return list(dict.fromkeys(alternatives))[:MAX_SYNONYM_QUERIES]


MAX_TERM_WORDS = 4
_kept: dict = {}  # id(groups) -> (groups, by_term); one entry per language's groups
MAX_KEPT = 32


def _terms_of(groups: list[list[str]]) -> dict[str, int]:
    """{term in lower case: its group's position}, kept while the same groups are asked
    (search.synonyms.current_groups hands out one list per language until editors change
    it). One entry per list, read in one step: threads searching in other languages do not
    swap it under each other."""
    kept = _kept.get(id(groups))
    if kept is not None and kept[0] is groups:
        return kept[1]
    by_term = {}
    for number, group in enumerate(groups):
        for term in group:
            by_term.setdefault(term.casefold(), number)
    if len(_kept) >= MAX_KEPT:
        _kept.clear()
    _kept[id(groups)] = (groups, by_term)
    return by_term


def _spans(text: str) -> set[str]:
    """Every run of up to MAX_TERM_WORDS words of the text, in lower case, as written and
    without the punctuation around it ("(e. V.)" -> "e. v.", "§ 21 BGB?" -> "§ 21 bgb")."""
    found = set()
    tokens = list(re.finditer(r"\S+", text))
    for i, first in enumerate(tokens):
        for last in tokens[i:i + MAX_TERM_WORDS]:
            span = text[first.start():last.end()].casefold()
            found.update((span, span.strip(_AROUND), span.strip(_AROUND + ".")))
    return found


_AROUND = "()[]{},;:!?\"'«»„“”‚‘’"


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
    for alternative in synonym_queries(query.text, synonyms):
        should.append({"multi_match": {"query": alternative, "fields": TEXT_FIELDS,
                                       "type": "best_fields", "operator": "and",
                                       "boost": 0.8}})
    if uses_ngrams(query.locale):
        # Parts of compounds: "Vereinsgründung" and "Verein gründen".
        should.append({"multi_match": {"query": query.text,
                                       "fields": ["title.ngram^2", "body.ngram"],
                                       "minimum_should_match": "75%", "boost": 0.3}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _value_clause(facet, value: str, today: datetime.date) -> dict:
    if facet.es_value_filters:
        # An unknown value matches nothing (the service validates; this stays safe).
        return facet.es_value_filters(today).get(value, {"match_none": {}})
    return {"term": {f"facets.{facet.key}": value}}


def _any_of(facet, values, today) -> dict:
    if facet.es_value_filters is None:
        return {"terms": {f"facets.{facet.key}": sorted(values)}}
    clauses = [_value_clause(facet, v, today) for v in sorted(values)]
    return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses,
                                                          "minimum_should_match": 1}}


def filter_clauses(query: SearchQuery, today: datetime.date) -> dict[str, dict]:
    """Every filter the query asks for, by name: a facet's key, or "hidden:<key>" for the
    values a facet leaves out unless asked for."""
    clauses = {}
    for facet in registry.facets:
        chosen = query.chosen(facet.key)
        if chosen:
            clauses[facet.key] = _any_of(facet, chosen, today)
        if facet.hidden and not query.include_hidden and chosen.isdisjoint(facet.hidden):
            clauses[f"hidden:{facet.key}"] = {
                "bool": {"must_not": [_any_of(facet, facet.hidden, today)]}}
    return clauses


def aggregations(query: SearchQuery, today: datetime.date) -> dict:
    clauses = filter_clauses(query, today)
    aggs = {}
    for facet in registry.facets:
        ignore = {facet.key, f"hidden:{facet.key}"}
        others = [clause for name, clause in clauses.items() if name not in ignore]
        if facet.es_value_filters:
            values = {"filters": {"filters": facet.es_value_filters(today)}}
        else:
            values = {"terms": {"field": f"facets.{facet.key}", "size": MAX_FACET_VALUES}}
        aggs[facet.key] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": values}}
    return aggs


def search_body(query: SearchQuery, synonyms: list[list[str]] = ()) -> dict:
    today = _today(query)
    offset = max(0, min(query.offset, MAX_RESULT_WINDOW))
    size = max(0, min(query.limit, MAX_RESULT_WINDOW - offset))
    body = {
        "query": _weighted(text_query(query, synonyms), query),
        "aggs": aggregations(query, today),
        "highlight": HIGHLIGHT,
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "_source": ["type", "object_id", "title", "url", "slug", "locale", "summary", "facts"],
    }
    clauses = filter_clauses(query, today)
    if clauses:
        body["post_filter"] = {"bool": {"filter": list(clauses.values())}}
    sort = registry.sort(query.sort)
    if sort is not None and sort.es_sort is not None:
        body["sort"] = [*sort.es_sort(today), "_score"]
    if query.text:
        body["suggest"] = suggest_body(query.text)
    return body


def _weighted(text: dict, query: SearchQuery) -> dict:
    """The types whose own words the search lacks score UNASKED_WEIGHT, as in the database
    engine ("how do we become tax-exempt" asks for a guide, not a programme)."""
    unasked = unasked_types(query)
    if not unasked:
        return text
    return {"function_score": {
        "query": text, "score_mode": "multiply", "boost_mode": "multiply",
        "functions": [{"filter": {"terms": {"type": sorted(unasked)}},
                       "weight": UNASKED_WEIGHT}]}}


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
