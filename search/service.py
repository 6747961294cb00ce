"""The one search service behind the search page, the JSON API and autocomplete.

It asks the configured engine (settings.SEARCH_ENGINE) and answers from the database engine
when that one fails; adds German results when the reader's language has few; puts editors'
picks first; and logs what readers searched for.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import Counter
from dataclasses import replace

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from cms.i18n import swap_language_prefix
from cms.locales import for_language as locale_for
from cms.searchable import registry

from .engines.base import FacetValue, SearchEngine, SearchHit, SearchQuery, SearchResults
from .models import SearchLogEntry
from .privacy import redact
from .registry import SEARCH_TYPES

logger = logging.getLogger(__name__)

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}
FEW_HITS = 3  # fewer hits than this in the reader's language: German results follow
SOURCE_LANGUAGE = "de"


def get_engine(name: str | None = None) -> SearchEngine:
    name = name or settings.SEARCH_ENGINE
    if name not in ENGINES:
        raise ValueError(f"Unknown search engine {name!r}; choose one of {sorted(ENGINES)}.")
    module_name, class_name = ENGINES[name].rsplit(".", 1)
    return getattr(importlib.import_module(module_name), class_name)()


def _ask(query: SearchQuery) -> SearchResults:
    name = settings.SEARCH_ENGINE
    if name != "database":
        try:
            return get_engine(name).search(query)
        except Exception as error:  # EngineUnavailable, transport errors, a bad setting
            logger.warning("Search engine %s failed (%s: %s); answering from the database.",
                           name, type(error).__name__, error)
    return get_engine("database").search(query)


def search(query: SearchQuery) -> SearchResults:
    results = _ask(query)
    if query.locale != SOURCE_LANGUAGE and results.count < FEW_HITS:
        results = _with_german(query, results)
    if query.text and query.offset == 0 and not query.filtered:
        results = _with_promotions(query, results)
    return _listed(query, results)


def _listed(query: SearchQuery, results: SearchResults) -> SearchResults:
    """Facets that list only some of their values with results (Facet.listed: the districts
    with programmes of their own, not all 400 a nationwide programme counts for)."""
    facets = dict(results.facets)
    for facet in registry.facets:
        values = facets.get(facet.key)
        if facet.listed is None or not values:
            continue
        counts = {v.value: v.count for v in values}
        context = facet.context(query.locale) if facet.context else None
        chosen = query.chosen(facet.key)
        facets[facet.key] = [v for v in values if v.value in chosen
                             or facet.listed(v.value, counts, context)]
    return replace(results, facets=facets)


def autocomplete(prefix: str, locale: str, limit: int = 8):
    name = settings.SEARCH_ENGINE
    if name != "database":
        try:
            return get_engine(name).autocomplete(prefix, locale, limit)
        except Exception as error:
            logger.warning("Autocomplete on %s failed (%s: %s); answering from the database.",
                           name, type(error).__name__, error)
    return get_engine("database").autocomplete(prefix, locale, limit)


def log_search(text: str, locale: str, found: int) -> None:
    """Wagtail's query log (for promotions) plus our per-language log for the report; both
    without e-mail addresses, phone numbers and long numbers (search/privacy.py)."""
    logged = normalise_query_string(redact(text))
    if not logged:
        return
    try:
        Query.get(logged).add_hit()
        SearchLogEntry.record(logged, locale, found)
    except DatabaseError:  # a log that cannot be written must not cost the reader a result
        logger.warning("Could not log the search %r.", logged, exc_info=True)


# --- German results for readers whose language has few -----------------------------------
def _with_german(query: SearchQuery, own: SearchResults) -> SearchResults:
    german_query = replace(query, locale=SOURCE_LANGUAGE,
                           offset=max(0, query.offset - own.count),
                           limit=query.limit + own.count)
    german = _ask(german_query)
    seen = {(h.type, h.slug) for h in own.hits}
    extra = [_as_fallback(h, query.locale) for h in german.hits if (h.type, h.slug) not in seen]
    room = query.limit - len(own.hits)
    duplicates = len(german.hits) - len(extra)
    return SearchResults(
        count=own.count + max(0, german.count - duplicates),
        hits=own.hits + extra[:max(0, room)],
        facets=_labels_in(query.locale, _merge_facets(own.facets, german.facets)),
        suggestion=own.suggestion or german.suggestion,
        engine=own.engine,
    )


def _as_fallback(hit: SearchHit, language: str) -> SearchHit:
    # The reader stays under their language prefix and sees the German page with a notice.
    return replace(hit, url=swap_language_prefix(hit.url, language))


def _labels_in(language: str, facets: dict) -> dict:
    """German results bring German labels for values that depend on content (topic titles);
    a value is the same in every language, so the reader's own label replaces the German one
    wherever the reader's language has it."""
    labels = registry.labels(language, registry.contexts(language))
    return {key: [replace(v, label=dict(labels.get(key, ())).get(v.value, v.label))
                  for v in values] for key, values in facets.items()}


def _merge_facets(a: dict, b: dict) -> dict:
    merged = {}
    for key in {*a, *b}:
        counts, labels = Counter(), {}
        for value in [*a.get(key, []), *b.get(key, [])]:
            counts[value.value] += value.count
            labels.setdefault(value.value, value.label)
        merged[key] = [FacetValue(v, labels[v], counts[v]) for v in labels]
    return merged


# --- editors' picks ----------------------------------------------------------------------
def _with_promotions(query: SearchQuery, results: SearchResults) -> SearchResults:
    picks = promoted_hits(query.text, query.locale)
    if not picks:
        return results
    picked = {(h.type, h.slug) for h in picks}
    rest = [h for h in results.hits if (h.type, h.slug) not in picked]
    added = len(picks) - (len(results.hits) - len(rest))
    return replace(results, hits=picks + rest, count=results.count + added)


_promoted = {"queries": frozenset(), "at": None}
PROMOTIONS_CHECK_SECONDS = 10


def _promoted_queries() -> frozenset[str]:
    """The query strings that have promotions, known per process for a few seconds: most
    searches have none and need no query for them."""
    now = time.monotonic()
    if _promoted["at"] is None or now - _promoted["at"] > PROMOTIONS_CHECK_SECONDS:
        strings = SearchPromotion.objects.values_list("query__query_string", flat=True)
        _promoted.update(queries=frozenset(strings), at=now)
    return _promoted["queries"]


def forget_promotions() -> None:
    _promoted.update(at=None)


def promoted_hits(text: str, language: str) -> list[SearchHit]:
    """Wagtail search promotions for this query, in the reader's language where translated."""
    normalised = normalise_query_string(text)
    if normalised not in _promoted_queries():
        return []
    query = Query.objects.filter(query_string=normalised).first()
    if query is None:
        return []
    locale = locale_for(language)
    type_by_model = {t.model.lower(): t.key for t in SEARCH_TYPES if t.is_page}
    hits = []
    for pick in query.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page is None:
            hits.append(SearchHit(title=pick.external_link_text or pick.external_link_url,
                                  url=pick.external_link_url, slug="", type="link",
                                  locale=language, snippet="", promoted=True))
            continue
        page = pick.page
        if locale and page.locale_id != locale.pk:
            page = page.get_translation_or_none(locale) or page
        if not page.live or not _is_public(page):
            continue
        page = page.specific
        model = f"{page._meta.app_label}.{page.__class__.__name__}".lower()
        url = page.url or ""
        if page.locale.language_code != language:
            url = swap_language_prefix(url, language)
        hits.append(SearchHit(
            title=page.title, url=url, slug=page.slug, type=type_by_model.get(model, "page"),
            locale=page.locale.language_code,
            snippet=escape(pick.description or getattr(page, "summary", "")),
            promoted=True, object_id=page.pk,
        ))
    return _with_facts(hits)


def _with_facts(hits: list[SearchHit]) -> list[SearchHit]:
    """Editors' picks show the facts of their type too (a programme's deadline)."""
    today = timezone.localdate()
    for search_type in SEARCH_TYPES:
        ids = [h.object_id for h in hits if h.type == search_type.key]
        if ids and search_type.facts:
            facts = search_type.facts(ids, today)
            hits = [replace(h, facts=facts.get(h.object_id)) if h.type == search_type.key
                    else h for h in hits]
    return hits


def _is_public(page) -> bool:
    return not page.get_view_restrictions().exists()
