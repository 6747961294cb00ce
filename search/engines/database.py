"""The embedded engine: Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text)
over the types in search/registry.py, with query expansion, facets and snippets in Python.

Wagtail's index has one text configuration for all languages, so the index stores words as
written (SQLite's unicode61 tokeniser, PostgreSQL's 'simple' config) and the reader's
language is applied on the query side: search/expansion.py adds the indexed words that share
a Snowball stem, German compound parts and synonyms. The same behaviour on both databases.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cms.i18n import swap_language_prefix
from cms.locales import for_language as locale_for
from cms.models import GlossaryPage
from cms.models.vocabulary import ORGANISATION_TYPE_CHOICES, REGION_CHOICES
from funding.deadlines import deadline_state
from funding.facets import (
    AMOUNT_BUCKETS,
    DEADLINE_STATES,
    OWN_SHARE_BUCKETS,
    amount_bucket,
    own_share_bucket,
)
from funding.models import FundingProgrammePage

from ..expansion import ExpandedQuery, expand
from ..registry import SEARCH_TYPES
from ..text import fold, highlight, match_pattern, words
from ..vocabulary import get_vocabulary
from . import fulltext
from .base import FacetValue, SearchHit, SearchQuery, SearchResults, Suggestion

TITLE_WEIGHT = 1.0
# A topic is titled like its main guide ("Verein gründen"); the guide is what readers want.
TITLE_WEIGHT_BY_TYPE = {"topic": 0.8}
MAX_CANDIDATES = 1000  # per kind of object; counts above this are not exact
NATIONWIDE = "bundesweit"
ALL_REGIONS = [code for code, _label in REGION_CHOICES]
FUNDING_FACETS = ("region", "eligible", "deadline", "amount", "own_share")


NO_CODES: frozenset[str] = frozenset()


@dataclass(slots=True)
class Candidate:
    type: str
    pk: int
    score: float
    title: str = ""
    topic: str | None = None
    deadline: datetime.date | None = None
    deadline_state: str | None = None
    amount_max: int = 0
    own_share: int = 0
    title_groups: int | None = None  # of the query's word groups, how many the title has
    # Funding programmes get their own sets (_add_facts); a big site has thousands of
    # other candidates, which share this empty one.
    regions: frozenset[str] = NO_CODES
    eligible: frozenset[str] = NO_CODES


class DatabaseEngine:
    name = "database"

    # --- searching -------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResults:
        locale = locale_for(query.locale)
        if locale is None:
            return SearchResults(count=0, hits=[], engine=self.name)
        expanded = expand(query.text, query.locale, get_vocabulary()) if query.text else None
        if query.text and not expanded.groups:
            return SearchResults(count=0, hits=[], suggestion=expanded.suggestion,
                                 engine=self.name)
        candidates = self._candidates(locale, expanded, "and")
        if expanded and not candidates and len(expanded.groups) > 1:
            candidates = self._candidates(locale, expanded, "or")
        # On wagtailcore_page alone: TopicPage.objects joins cms_topicpage for nothing.
        topics = list(Page.objects.live().filter(
            locale=locale, content_type_id=_content_type_id("cms.TopicPage")
        ).order_by("path").values_list("path", "slug", "title"))
        _add_facts(candidates, topics, query.today or timezone.localdate())
        kept, facets = _filter_and_count(candidates, query, topics)
        kept = _sort(kept, query.sort)
        window = kept[query.offset:query.offset + query.limit]
        hits = _hits(window, locale, expanded)
        return SearchResults(count=len(kept), hits=hits, facets=facets,
                             suggestion=expanded.suggestion if expanded else None,
                             engine=self.name)

    def _candidates(self, locale, expanded: ExpandedQuery | None, operator):
        # Every type: the type facet counts the ones not chosen.
        page_types = {_content_type_id(t.model): t.key for t in SEARCH_TYPES if t.is_page}
        others = [t for t in SEARCH_TYPES if not t.is_page]
        pages = Page.objects.live().public().filter(
            locale=locale, content_type_id__in=list(page_types))
        kinds = [(pages, ("pk", "content_type_id", "path", "title"))]
        for search_type in others:
            model = apps.get_model(search_type.model)
            kinds.append((model.objects.filter(locale=locale), ("pk", search_type.title_field)))
        page_rows, *other_rows = _run(kinds, expanded, operator, locale)
        found = [Candidate(page_types[ct], pk, score, title=title, topic=path,
                           title_groups=title_groups)
                 for pk, ct, path, title, score, title_groups in page_rows]
        for search_type, rows in zip(others, other_rows, strict=True):
            found += [Candidate(search_type.key, pk, score, title=title,
                                title_groups=title_groups)
                      for pk, title, score, title_groups in rows]
        if expanded:
            _rerank(found, expanded)
        return found

    # --- autocomplete ----------------------------------------------------------------
    def autocomplete(self, prefix: str, locale: str, limit: int = 8) -> list[Suggestion]:
        locale_obj = locale_for(locale)
        if locale_obj is None or not prefix.strip():
            return []
        page_types = {_content_type_id(t.model): t.key for t in SEARCH_TYPES if t.is_page}
        pages = (Page.objects.live().public()
                 .filter(locale=locale_obj, content_type_id__in=list(page_types))
                 .autocomplete(prefix)[:limit])
        found = [Suggestion(p.title, p.url, page_types[p.content_type_id]) for p in pages]
        for search_type in SEARCH_TYPES:
            if search_type.is_page or len(found) >= limit:
                continue
            model = apps.get_model(search_type.model)
            objects = model.objects.filter(locale=locale_obj)
            for obj in get_search_backend().autocomplete(prefix, objects)[:limit]:
                found.append(Suggestion(str(obj), obj.get_url() or "", search_type.key))
        return found[:limit]

    # --- indexing: Wagtail keeps its own database index up to date --------------------
    def index_object(self, app_label: str, model_name: str, pk: int) -> None:
        return None

    def remove_object(self, app_label: str, model_name: str, pk: int) -> None:
        return None


def _rerank(candidates: list[Candidate], expanded: ExpandedQuery) -> None:
    """Text score scaled to 0..1, plus up to TITLE_WEIGHT for the share of the reader's words
    found in the title: guide titles say what a guide is for ("Einen Verein gründen")."""
    best = max((c.score for c in candidates), default=0.0) or 1.0
    # Folded once per query, not once per candidate: a big site has thousands of candidates.
    # Per group, its one-word alternatives as a set (one set operation per title) and the
    # others as word sets (rare: compound parts).
    groups = []
    for group in expanded.groups:
        folded = [frozenset(fold(w) for w in alt.split()) for alt in group]
        groups.append((frozenset(w for alt in folded if len(alt) == 1 for w in alt),
                       [alt for alt in folded if len(alt) > 1]))
    for c in candidates:
        in_title = c.title_groups
        if in_title is None:  # counted by the database where it can (PostgreSQL)
            title_words = {fold(w) for w in words(c.title)}
            in_title = sum(1 for singles, multi in groups
                           if not singles.isdisjoint(title_words)
                           or any(alt <= title_words for alt in multi))
        title_weight = TITLE_WEIGHT * TITLE_WEIGHT_BY_TYPE.get(c.type, 1.0)
        c.score = max(c.score, 0.0) / best + title_weight * in_title / len(expanded.groups)


def _content_type_id(model_label: str) -> int:
    return ContentType.objects.get_for_model(apps.get_model(model_label)).pk


def _run(kinds, expanded, operator, locale) -> list[list[tuple]]:
    """Per (queryset, fields): (field values..., score, title groups) rows, best first.
    Without text: everything, by title."""
    if expanded is None:
        return [[(*row, 0.0, None) for row in queryset.order_by(
            "title" if "path" in fields else "pk").values_list(*fields)]
            for queryset, fields in kinds]
    return fulltext.ranked(
        [(queryset.order_by().values_list(*fields), _indexed_content_types(queryset.model))
         for queryset, fields in kinds],
        expanded.groups, operator, locale.pk, MAX_CANDIDATES)


def _indexed_content_types(model) -> list[int]:
    """Wagtail indexes a page under its specific type: every registered type below `model`."""
    ids = []
    for search_type in SEARCH_TYPES:
        registered = apps.get_model(search_type.model)
        if issubclass(registered, model):
            ids.append(_content_type_id(search_type.model))
    return ids


def _add_facts(candidates: list[Candidate], topic_rows, today: datetime.date) -> None:
    """Topic slug for pages, and the funding facts the facets need (three queries: one that
    aggregates the regions and types per programme took twice as long)."""
    topics = {path: slug for path, slug, _title in topic_rows}
    topic_len = Page.steplen * 3
    for c in candidates:
        if c.topic is not None:
            c.topic = topics.get(c.topic[:topic_len])
    funding = {c.pk: c for c in candidates if c.type == "funding"}
    if not funding:
        return
    ids = list(funding)
    facts = FundingProgrammePage.objects.order_by().filter(fulltext.among("pk", ids)).values_list(
        "pk", "deadline", "amount_max", "cofunding_percent")
    for pk, deadline, amount_max, share in facts:
        c = funding[pk]
        c.deadline, c.amount_max, c.own_share = deadline, amount_max, share
        c.deadline_state = deadline_state(deadline, today)
    for field, through, code in (
            ("regions", FundingProgrammePage.regions.through, "region__code"),
            ("eligible", FundingProgrammePage.eligible_types.through, "organisationtype__code")):
        codes = {}
        for pk, value in through.objects.filter(
                fulltext.among("fundingprogrammepage_id", ids)
        ).values_list("fundingprogrammepage_id", code):
            codes.setdefault(pk, set()).add(value)
        for pk, values in codes.items():
            setattr(funding[pk], field, frozenset(values))


def _predicates(query: SearchQuery) -> dict:
    """The filters this query sets, by name: a filter not set accepts every candidate, so it
    is left out (a big site has thousands of candidates per search)."""
    funding_filtered = any([query.regions, query.eligible, query.deadline, query.amount,
                            query.own_share])

    def funding(test):
        return lambda c: c.type == "funding" and test(c)

    preds = {}
    if query.types:
        preds["type"] = lambda c: c.type in query.types
    if query.topic:
        preds["topic"] = lambda c: c.topic == query.topic
    if not (query.include_past or query.deadline == "past"):
        preds["past"] = lambda c: c.deadline_state != "past"
    if funding_filtered:
        preds["funding"] = lambda c: c.type == "funding"
    if query.regions:
        wanted = set(query.regions)
        preds["region"] = funding(lambda c: bool(c.regions & wanted) or NATIONWIDE in c.regions)
    if query.eligible:
        preds["eligible"] = funding(lambda c: bool(c.eligible & set(query.eligible)))
    if query.deadline:
        preds["deadline"] = funding(lambda c: c.deadline_state == query.deadline)
    if query.amount:
        preds["amount"] = funding(lambda c: amount_bucket(c.amount_max) == query.amount)
    if query.own_share:
        preds["own_share"] = funding(lambda c: own_share_bucket(c.own_share) == query.own_share)
    return preds


def _facet_values(key: str, c: Candidate) -> list[str]:
    if key == "type":
        return [c.type]
    if key == "topic":
        return [c.topic] if c.topic else []
    if c.type != "funding":
        return []
    if key == "region":
        # Open nationwide means open in every region: choosing any region lists it.
        return ALL_REGIONS if NATIONWIDE in c.regions else sorted(c.regions)
    if key == "eligible":
        return sorted(c.eligible)
    if key == "deadline":
        return [c.deadline_state]
    if key == "amount":
        return [b] if (b := amount_bucket(c.amount_max)) else []
    if key == "own_share":
        return [b] if (b := own_share_bucket(c.own_share)) else []
    return []


def _filter_and_count(candidates, query: SearchQuery, topics):
    """Keep the candidates every filter accepts; count each facet's values over the
    candidates all *other* filters accept, so a reader sees what choosing a value gives."""
    preds = _predicates(query)
    # Each predicate once per candidate (not once per facet): the filters it fails.
    none_failed = frozenset()
    failed = [(c, {name for name, p in preds.items() if not p(c)} or none_failed)
              for c in candidates]
    kept = [c for c, fails in failed if not fails]
    funding = [(c, fails) for c, fails in failed if c.type == "funding"]
    labels = _labels(topics)
    selected = {"type": query.types, "topic": (query.topic,), "region": query.regions,
                "eligible": query.eligible, "deadline": (query.deadline,),
                "amount": (query.amount,), "own_share": (query.own_share,)}
    facets = {}
    for key in ("type", "topic", *FUNDING_FACETS):
        ignore = {key, "past", "funding"} if key == "deadline" else {key}
        if key in FUNDING_FACETS:
            ignore.add("funding")
        # Only programmes have values for the funding facets.
        pool = [c for c, fails in (funding if key in FUNDING_FACETS else failed)
                if fails <= ignore]
        counts = Counter(v for c in pool for v in _facet_values(key, c))
        facets[key] = [
            FacetValue(value, label, counts.get(value, 0))
            for value, label in labels[key]
            if counts.get(value) or value in selected[key]
        ]
    return kept, facets


def _labels(topics) -> dict[str, list[tuple[str, str]]]:
    return {
        "type": [(t.key, str(t.label)) for t in SEARCH_TYPES],
        "topic": [(slug, title) for _path, slug, title in topics],
        "region": [(code, str(label)) for code, label in REGION_CHOICES],
        "eligible": [(code, str(label)) for code, label in ORGANISATION_TYPE_CHOICES],
        "deadline": [(key, str(label)) for key, label in DEADLINE_STATES],
        "amount": [(key, str(label)) for key, label, *_r in AMOUNT_BUCKETS],
        "own_share": [(key, str(label)) for key, label, *_r in OWN_SHARE_BUCKETS],
    }


def _sort(candidates: list[Candidate], sort: str) -> list[Candidate]:
    by_score = sorted(candidates, key=lambda c: -c.score)
    if sort != "deadline":
        return by_score
    # Soonest open deadline first, then programmes open all year, then everything else.
    rank = {"soon": 0, "open": 0, "rolling": 1, "past": 2}
    return sorted(by_score, key=lambda c: (
        rank.get(c.deadline_state, 3), c.deadline or datetime.date.max))


def _hits(window: list[Candidate], locale, expanded: ExpandedQuery | None) -> list[SearchHit]:
    if not window:
        return []
    pattern = match_pattern(expanded.matches) if expanded else None
    texts = _indexed_texts(window)
    page_ids = [c.pk for c in window if c.type != "glossary"]
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)} if page_ids else {}
    if pages:
        # Wagtail looks the site root paths up in the cache once per page (a Redis round trip
        # each) unless they sit on the page, which is how it shares them within a request.
        roots = Site.get_site_root_paths()
        for page in pages.values():
            page._wagtail_cached_site_root_paths = roots
    term_ids = [c.pk for c in window if c.type == "glossary"]
    terms = {t.pk: t for t in apps.get_model("cms.GlossaryTerm").objects.filter(
        pk__in=term_ids)} if term_ids else {}
    glossary_url = _glossary_url(locale) if term_ids else ""
    hits = []
    for c in window:
        if c.type == "glossary":
            term = terms.get(c.pk)
            if term is None:
                continue
            title, url, slug = term.term, f"{glossary_url}#{term.slug}", term.slug
            text = f"{term.definition} {texts.get((c.type, c.pk), '')}"
        else:
            page = pages.get(c.pk)
            if page is None:
                continue
            # The indexed text starts with the summary (BasePage.search_fields).
            title, url, slug = page.title, page.url or "", page.slug
            text = texts.get((c.type, c.pk), "")
        hits.append(SearchHit(title=title, url=url, slug=slug, type=c.type,
                              locale=locale.language_code, snippet=_snippet(text, pattern),
                              score=round(c.score, 6), object_id=c.pk))
    return hits


def _snippet(text: str, pattern) -> str:
    return highlight(" ".join(text.split()), pattern)


def _indexed_texts(window: list[Candidate]) -> dict:
    """The body text Wagtail indexed for each hit: snippets need no page rendering."""
    column = "body_text" if connection.vendor == "postgresql" else "body"
    by_type = {t.key: _content_type_id(t.model) for t in SEARCH_TYPES}
    keys = {(by_type[c.type], str(c.pk)): (c.type, c.pk) for c in window}
    # Pages are indexed under their specific content type.
    rows = IndexEntry.objects.filter(
        content_type_id__in={ct for ct, _pk in keys}, object_id__in={pk for _ct, pk in keys}
    ).values_list("content_type_id", "object_id", column)
    return {keys[(ct, pk)]: text for ct, pk, text in rows if (ct, pk) in keys}


def _glossary_url(locale) -> str:
    page = GlossaryPage.objects.live().filter(locale=locale).first()
    url = page.url if page else ""
    return url or swap_language_prefix("/de/", locale.language_code)
