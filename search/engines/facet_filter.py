"""Filtering, counting and sorting candidates by the registered facets and sorts
(cms.searchable), for the database engine. Elasticsearch does the same in its query
(search/elastic/queries.py); tests/search/test_engine_behaviour.py holds both to one answer.

A candidate's values per facet come from its facts. A facet's filter keeps the candidates
with one of the chosen values; a facet with hidden values (passed deadlines) also leaves out
candidates with those unless chosen or asked for. Each facet counts over the candidates every
*other* filter keeps, so a reader sees what choosing a value would give.
"""

from __future__ import annotations

from collections import Counter

from cms.searchable import EMPTY, registry

from .base import FacetValue, SearchQuery


def assign_values(candidates, contexts: dict) -> None:
    """c.values = {facet key: frozenset of the values c counts for}."""
    # Which facets apply, decided once per type rather than per candidate and facet: a guide
    # has values for two facets of eight, and a search of a big site a thousand candidates.
    by_type: dict[str, tuple] = {}
    for c in candidates:
        plan = by_type.get(c.type)
        if plan is None:
            plan = by_type[c.type] = (
                dict.fromkeys((f.key for f in registry.facets), EMPTY),
                [(f.key, f.values, contexts.get(f.key))
                 for f in registry.facets if f.applies_to(c.type)])
        empty, applying = plan
        c.values = empty.copy()
        for key, values, context in applying:
            c.values[key] = frozenset(values(c.facts, context))


def _hidden_key(key: str) -> str:
    return f"hidden:{key}"


def predicates(query: SearchQuery) -> dict:
    """The filters this query sets, by name. A filter not set accepts every candidate, so it
    is left out (a big site has thousands of candidates per search)."""
    preds = {}
    for facet in registry.facets:
        chosen = query.chosen(facet.key)
        if chosen:
            preds[facet.key] = lambda c, k=facet.key, s=chosen: not c.values[k].isdisjoint(s)
        if facet.hidden and not query.include_hidden and chosen.isdisjoint(facet.hidden):
            preds[_hidden_key(facet.key)] = (
                lambda c, k=facet.key, h=facet.hidden: c.values[k].isdisjoint(h))
    return preds


def filter_and_count(candidates, query: SearchQuery, labels: dict):
    """(kept candidates, {facet key: [FacetValue]}) with every value that has candidates,
    and every chosen one, in the facet's own order."""
    preds = predicates(query)
    none_failed = frozenset()
    # Each predicate once per candidate (not once per facet): the filters it fails.
    failed = [(c, frozenset(name for name, p in preds.items() if not p(c)) or none_failed)
              for c in candidates]
    kept = [c for c, fails in failed if not fails]
    facets = {}
    for facet in registry.facets:
        ignore = {facet.key, _hidden_key(facet.key)}
        # A facet that does not apply to a candidate's type has no values for it (EMPTY).
        counts = Counter(v for c, fails in failed if fails <= ignore
                         for v in c.values[facet.key])
        chosen = query.chosen(facet.key)
        facets[facet.key] = [FacetValue(value, label, counts.get(value, 0))
                             for value, label in labels.get(facet.key, ())
                             if counts.get(value) or value in chosen]
    return kept, facets


def sort(candidates, sort_key: str):
    by_score = sorted(candidates, key=lambda c: -c.score)
    chosen = registry.sort(sort_key)
    if chosen is None:
        return by_score
    return sorted(by_score, key=lambda c: chosen.key_for(c.facts))
