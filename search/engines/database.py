"""The embedded engine: Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text)
over the types in search/registry.py, with query expansion, facets and snippets in Python.

Wagtail's index has one text configuration for all languages, so the index stores words as
written (SQLite's unicode61 tokeniser, PostgreSQL's 'simple' config) and the reader's
language is applied on the query side: search/expansion.py adds the indexed words that share
a Snowball stem, German compound parts and synonyms. The same behaviour on both databases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cms.locales import for_language as locale_for
from cms.searchable import once_per_search, registry

from ..definitions import DEFINITION_TYPES
from ..expansion import UNASKED_WEIGHT, ExpandedQuery, expand, unasked_types
from ..registry import SEARCH_TYPES
from ..text import fold, highlight, joined_blocks, match_pattern, words
from ..vocabulary import get_vocabulary
from . import facet_filter, fulltext
from .base import SearchHit, SearchQuery, SearchResults, Suggestion

TITLE_WEIGHT = 1.0
# A topic is titled like its main guide ("Verein gründen") and holds its guides' summaries;
# a lesson or an event is often titled like a guide ("Finanzplan und Eigenanteil"). The guide
# is the how-to readers want: these score four fifths of a guide with the same words.
WEIGHT_BY_TYPE = {"topic": 0.8, "lesson": 0.8, "module": 0.8, "event": 0.8}
# A glossary term explains one word; its guide says what to do. A term whose title has every
# word asked scores as a guide, for "what is ..." DEFINITION_WEIGHT more; for "how do we ..."
# or a sentence about a task (words its title lacks) TASK_WEIGHT of a guide with the same words.
DEFINITION_WEIGHT = 1.2
TASK_WEIGHT = 0.85
MAX_CANDIDATES = 1000  # per kind of object; counts above this are not exact
# A word group found in more than this share of the language's texts narrows nothing: it is
# left out of the AND while rarer words remain ("verein" on a site for associations), and
# still counts in the titles' ranking and the snippets' marks. In a long question (see
# MIN_GROUPS_FOR_SLACK) only while MIN_RARE_GROUPS rarer groups remain: there one rare word
# alone may be a stray one ("how do WE WRITE a funding application"), which the slack
# below handles; in a short query it is the point ("Ausstattung Verein Geld").
COMMON_SHARE = 0.5
MIN_RARE_GROUPS = 2
# A question of this many word groups or more (common ones included) also finds the objects
# that lack one of them (a verb the guide puts otherwise: "how do we write" / "Writing ..."),
# ranked below those that have them all by up to COVERAGE_WEIGHT.
MIN_GROUPS_FOR_SLACK = 4
COVERAGE_WEIGHT = 0.5


@dataclass(slots=True)
class Candidate:
    type: str
    pk: int
    score: float
    title: str = ""
    path: str | None = None  # pages: the tree path (their topic, for one)
    title_groups: int | None = None  # of the query's word groups, how many the title has
    facts: dict = field(default_factory=dict)  # cms.searchable: what facets and lists use
    values: dict = field(default_factory=dict)  # facet key -> the values it counts for


class DatabaseEngine:
    name = "database"

    # --- searching -------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResults:
        locale = locale_for(query.locale)
        if locale is None:
            return SearchResults(count=0, hits=[], engine=self.name)
        expanded = expand(query.text, query.locale, get_vocabulary()) if query.text else None
        if expanded:
            expanded = replace(expanded, unasked=unasked_types(query))
        if query.text and not expanded.groups:
            return SearchResults(count=0, hits=[], suggestion=expanded.suggestion,
                                 engine=self.name)
        if expanded and len(expanded.groups) >= MIN_GROUPS_FOR_SLACK:
            candidates = self._narrowed(locale, expanded)
        else:
            # A short query whose words some object has together is answered by one match;
            # only when none has them all are the groups counted one by one (_narrowed), which
            # at 20,000 pages costs a read of every object with any of the words.
            candidates = self._candidates(locale, expanded, "and")
            if not candidates and expanded and len(expanded.groups) > 1:
                candidates = self._narrowed(locale, expanded)
        today = query.today or timezone.localdate()
        contexts = registry.contexts(query.locale)
        if query.counted or registry.sort(query.sort) is not None:
            _add_facts(candidates, today)
            facet_filter.assign_values(candidates, contexts)
            kept, facets = facet_filter.filter_and_count(
                candidates, query, registry.labels(query.locale, contexts))
            kept = facet_filter.sort(kept, query.sort)
        else:
            kept, facets = _best_kept(candidates, query, today, contexts), {}
        window = kept[query.offset:query.offset + query.limit]
        hits = _hits(window, locale, expanded, snippets=query.snippets)
        return SearchResults(count=len(kept), hits=hits, facets=facets,
                             suggestion=expanded.suggestion if expanded else None,
                             engine=self.name)

    def _narrowed(self, locale, expanded: ExpandedQuery) -> list[Candidate]:
        """A query of several word groups. Groups that most of the language's texts have,
        or none has, are left out of the AND while rarer ones remain; if no object has all the
        remaining groups, the objects with the most of them (all but one before all but two
        ...), not every object with any one of them: one stray word neither empties the
        result nor floods it."""
        kinds = [(queryset.order_by().values_list("pk"), _indexed_content_types(queryset.model))
                 for queryset, _fields in _kinds(locale)]
        total, matches = fulltext.group_matches(kinds, expanded.groups, locale.pk)
        present = [i for i, found in enumerate(matches) if found]
        if not present:
            return []
        rare = [i for i in present if len(matches[i]) <= COMMON_SHARE * total]
        short = len(present) < MIN_GROUPS_FOR_SLACK
        required = rare if rare and (short or len(rare) >= MIN_RARE_GROUPS) else present
        if short and len(required) < len(present):
            found = self._candidates(locale, expanded, "and", match=required)
            if found:
                return found
        # Only the objects with the most groups, or one fewer, are ranked: ranking every
        # object with any one of the words was most of a long question's time. The counts
        # include drafts and restricted pages, which must not decide how many words a
        # result needs: if the best-covered ones are hidden, everything is ranked.
        have = Counter(key for i in required for key in matches[i])  # (content type, id)
        types = _types_by_content_type()
        coverage = {(types[ct], pk): n for (ct, pk), n in have.items() if ct in types}
        size, top = len(required), max(have.values())
        floor = _least(top, size, short)
        chosen = {key for key, n in have.items() if n >= floor}
        kept = self._covered(locale, expanded, required, coverage, short, chosen, floor)
        if kept is None:
            kept = self._covered(locale, expanded, required, coverage, short, None, 0)
        _rerank(kept, expanded)
        for c in kept:
            c.score += COVERAGE_WEIGHT * coverage[(c.type, c.pk)] / size
        return kept

    def _covered(self, locale, expanded, required, coverage, short, only, floor):
        """The visible objects with the most of the required groups (all but one, when the
        best has all and the question is long), or None when that is fewer than `floor`:
        the objects ranked (`only`) were chosen too narrowly."""
        found = self._candidates(locale, expanded, "or", match=required, only=only,
                                 rerank=False)
        found = [c for c in found if (c.type, c.pk) in coverage]
        if not found:
            return [] if only is None else None
        least = _least(max(coverage[(c.type, c.pk)] for c in found), len(required), short)
        if least < floor:
            return None
        return [c for c in found if coverage[(c.type, c.pk)] >= least]

    def _candidates(self, locale, expanded: ExpandedQuery | None, operator, match=None,
                    only=None, rerank=True):
        # Every type: the type facet counts the ones not chosen.
        page_types = {_content_type_id(t.model): t.key for t in SEARCH_TYPES if t.is_page}
        others = [t for t in SEARCH_TYPES if not t.is_page]
        kinds = _kinds(locale)
        page_rows, *other_rows = _run(kinds, expanded, operator, locale, match, only)
        found = [Candidate(page_types[ct], pk, score, title=title, path=path,
                           title_groups=title_groups)
                 for pk, ct, path, title, score, title_groups in page_rows]
        # Wagtail indexes no title for other types (a glossary term's is its `term`): their
        # title's words are counted here (_rerank), not by the database.
        for search_type, rows in zip(others, other_rows, strict=True):
            found += [Candidate(search_type.key, pk, score, title=title)
                      for pk, title, score, _title_groups in rows]
        if expanded and rerank:
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


def _least(most: int, size: int, short: bool) -> int:
    """How many of `size` groups an object needs when the best has `most`: a long question
    (not `short`) lets the best lack one group, so a verb put otherwise does not decide."""
    return most - 1 if most == size and not short else most


def _rerank(candidates: list[Candidate], expanded: ExpandedQuery) -> None:
    """Text score scaled to 0..1, plus up to TITLE_WEIGHT for the share of the reader's words
    found in the title: guide titles say what a guide is for ("Einen Verein gründen"); times
    the type's weight (WEIGHT_BY_TYPE)."""
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
        c.score = _type_weight(c.type, expanded, in_title) * (
            max(c.score, 0.0) / best + TITLE_WEIGHT * in_title / len(expanded.groups))


def _type_weight(type_key: str, expanded: ExpandedQuery, in_title: int) -> float:
    if type_key in DEFINITION_TYPES:
        if expanded.defines:  # the term asked about, not every term its words mention
            return DEFINITION_WEIGHT if in_title else 1.0
        whole = in_title >= len(expanded.groups) and expanded.defines is None
        return 1.0 if whole else TASK_WEIGHT
    weight = WEIGHT_BY_TYPE.get(type_key, 1.0)
    return weight * UNASKED_WEIGHT if type_key in expanded.unasked else weight


def _kinds(locale) -> list[tuple]:
    """(queryset, fields) per kind of object a reader may find in this language: the pages
    first, then every other type of SEARCH_TYPES in order. Once per search: `public()`
    reads the view restrictions each time."""
    return once_per_search(("kinds", locale.pk), lambda: _new_kinds(locale))


def _new_kinds(locale) -> list[tuple]:
    page_types = [_content_type_id(t.model) for t in SEARCH_TYPES if t.is_page]
    # Page.public(), with the view restrictions read once per search, not once per language.
    private = once_per_search("private pages", lambda: Page.objects.private_q())
    pages = Page.objects.live().exclude(private).filter(locale=locale,
                                                         content_type_id__in=page_types)
    kinds = [(pages, ("pk", "content_type_id", "path", "title"))]
    for search_type in SEARCH_TYPES:
        if not search_type.is_page:
            model = apps.get_model(search_type.model)
            kinds.append((model.objects.filter(locale=locale), ("pk", search_type.title_field)))
    return kinds


def _types_by_content_type() -> dict[int, str]:
    return {_content_type_id(t.model): t.key for t in SEARCH_TYPES}


def _content_type_id(model_label: str) -> int:
    return ContentType.objects.get_for_model(apps.get_model(model_label)).pk


def _run(kinds, expanded, operator, locale, match=None, only=None) -> list[list[tuple]]:
    """Per (queryset, fields): (field values..., score, title groups) rows, best first.
    Without text: everything, by title."""
    if expanded is None:
        return [[(*row, 0.0, None) for row in queryset.order_by(
            "title" if "path" in fields else "pk").values_list(*fields)]
            for queryset, fields in kinds]
    return fulltext.ranked(
        [(queryset.order_by().values_list(*fields), _indexed_content_types(queryset.model))
         for queryset, fields in kinds],
        expanded.groups, operator, locale.pk, MAX_CANDIDATES, match, only)


def _indexed_content_types(model) -> list[int]:
    """Wagtail indexes a page under its specific type: every registered type below `model`."""
    ids = []
    for search_type in SEARCH_TYPES:
        registered = apps.get_model(search_type.model)
        if issubclass(registered, model):
            ids.append(_content_type_id(search_type.model))
    return ids


def _add_facts(candidates: list[Candidate], today) -> None:
    """Every candidate's facts: its type and path, and what its type reads for it, one batch
    per type (cms.searchable.SearchType.facts)."""
    by_type: dict[str, list[Candidate]] = {}
    for c in candidates:
        c.facts = {"type": c.type, "path": c.path}
        by_type.setdefault(c.type, []).append(c)
    for search_type in SEARCH_TYPES:
        found = by_type.get(search_type.key)
        if not found or search_type.facts is None:
            continue
        facts = search_type.facts([c.pk for c in found], today)
        for c in found:
            c.facts.update(facts.get(c.pk, {}))


def _best_kept(candidates: list[Candidate], query: SearchQuery, today, contexts) -> list:
    """The first offset + limit candidates by score that the filters keep, as the counted
    path would list them, with facts read for a batch of the best at a time instead of all
    (up to MAX_CANDIDATES): a search that is part of another list needs no total or counts."""
    wanted = query.offset + query.limit
    ordered = facet_filter.sort(candidates, query.sort)  # by score: no registered sort here
    preds = list(facet_filter.predicates(query).values())
    kept, start, size = [], 0, max(2 * wanted, 20)
    while start < len(ordered) and len(kept) < wanted:
        batch = ordered[start:start + size]
        _add_facts(batch, today)
        facet_filter.assign_values(batch, contexts)
        kept += [c for c in batch if all(p(c) for p in preds)]
        start, size = start + size, size * 2
    return kept[:wanted]


def _hits(window: list[Candidate], locale, expanded: ExpandedQuery | None,
          snippets: bool = True) -> list[SearchHit]:
    if not window:
        return []
    pattern = match_pattern(expanded.matches) if expanded and snippets else None
    texts = _indexed_texts(window) if snippets else {}
    found = {**_pages(window), **_other_objects(window)}
    hits = []
    for c in window:
        shown = found.get((c.type, c.pk))
        if shown is None:
            continue
        title, url, slug = shown
        text = texts.get((c.type, c.pk), "")
        if text.startswith(title):  # a snippet that repeats the title right under it
            text = text[len(title):]
        facts = {k: v for k, v in c.facts.items() if k not in ("type", "path")} or None
        hits.append(SearchHit(title=title, url=url, slug=slug, type=c.type,
                              locale=locale.language_code,
                              snippet=_snippet(text, pattern) if snippets else "",
                              score=round(c.score, 6), object_id=c.pk, facts=facts))
    return hits


def _pages(window) -> dict:
    """{(type, id): (title, url, slug)} of the pages in the window, in one query."""
    types = {t.key for t in SEARCH_TYPES if t.is_page}
    ids = {c.pk: c.type for c in window if c.type in types}
    if not ids:
        return {}
    # A URL needs only the url_path: a whole Page row each was most of this step's time.
    pages = Page.objects.filter(pk__in=ids).only("id", "title", "slug", "url_path")
    # Wagtail looks the site root paths up in the cache once per page (a Redis round trip
    # each) unless they sit on the page, which is how it shares them within a request.
    roots = Site.get_site_root_paths()
    found = {}
    for page in pages:
        page._wagtail_cached_site_root_paths = roots
        found[(ids[page.pk], page.pk)] = (page.title, page.url or "", page.slug)
    return found


def _other_objects(window) -> dict:
    """The same for other types (glossary terms): a model may give its objects' addresses
    in one go (`urls_for`), else each its own (`get_url`)."""
    found = {}
    for search_type in SEARCH_TYPES:
        ids = [c.pk for c in window if c.type == search_type.key]
        if search_type.is_page or not ids:
            continue
        model = apps.get_model(search_type.model)
        objects = list(model.objects.filter(pk__in=ids))
        urls = (model.urls_for(objects) if hasattr(model, "urls_for")
                else {obj.pk: getattr(obj, "get_url", lambda: "")() or "" for obj in objects})
        for obj in objects:
            found[(search_type.key, obj.pk)] = (
                str(getattr(obj, search_type.title_field)), urls.get(obj.pk) or "",
                getattr(obj, "slug", ""))
    return found


def _snippet(text: str, pattern) -> str:
    return highlight(joined_blocks(text), pattern)


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
