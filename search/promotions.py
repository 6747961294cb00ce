"""Editors' picks (Wagtail's *Promoted search results*): first on the first, unfiltered page of
a search, in the reader's language where the page is translated."""

from __future__ import annotations

import time
from dataclasses import replace

from django.utils import timezone
from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from cms.i18n import swap_language_prefix
from cms.locales import for_language as locale_for

from .engines.base import SearchHit, SearchQuery, SearchResults
from .registry import SEARCH_TYPES


def with_promotions(query: SearchQuery, results: SearchResults) -> SearchResults:
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
