"""The one search service behind the search page, the JSON API and autocomplete.

It asks the configured engine (settings.SEARCH_ENGINE) and answers from the database engine
when that one fails; adds the German pages the reader's language has no translation of, found
with the question's words in German (search.crosslingual); puts editors' picks first; and
logs what readers searched for.
"""

from __future__ import annotations

import importlib
import logging
from collections import Counter
from dataclasses import replace

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Exists, OuterRef
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from cms.i18n import swap_language_prefix
from cms.locales import for_language as locale_for
from cms.searchable import one_search, registry

from . import crosslingual, overlap
from .definitions import DEFINITION_TYPES, term_answers
from .engines.base import FacetValue, SearchEngine, SearchHit, SearchQuery, SearchResults
from .expansion import unasked_in
from .models import SearchLogEntry
from .privacy import redact
from .promotions import with_promotions
from .registry import SEARCH_TYPES
from .text import is_stop_word, spelled_out, stem, words

logger = logging.getLogger(__name__)

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}
# Fewer own hits than this are ordered with the German ones (_ordered); more German titles
# than this with the asked words name no page (_strong).
FEW_HITS = 3
GERMAN_DEPTH = 20  # German results looked at per search in another language
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
    with one_search():
        if query.unasked is None:  # the reader's words, before the German part translates them
            query = replace(query, unasked=unasked_in(query.text, query.locale))
        results = _search(replace(query, text=spelled_out(query.text)) if query.text else query)
        if query.text and query.offset == 0 and not query.filtered:
            results = with_promotions(query, results)  # as typed: what editors promote
        return _listed(query, results)


def with_hidden_last(query: SearchQuery, results: SearchResults, ask) -> SearchResults:
    """A search the reader typed words for lists what a facet hides (programmes whose deadline
    passed; Facet.hidden_last) after everything else, not nowhere: "Leipzig" finds the
    Leipzig programme whose round is over, and its page names the next one. `ask(query)`
    answers a query as `results` was answered. The finder without words, a chosen value of
    the facet and ?past=1 keep the facet's own behaviour; so do editors' picks, which make
    the first page longer than the others."""
    facet = next((f for f in registry.facets if f.hidden_last and f.hidden), None)
    if (facet is None or query.include_hidden or query.chosen(facet.key)
            or any(h.promoted for h in results.hits)):
        return results
    hidden = sum(v.count for v in results.facets.get(facet.key, ()) if v.value in facet.hidden)
    hits, end, shown = list(results.hits), query.offset + query.limit, results.count
    # German hits of another language are not in its facet counts: asked for when the page
    # reaches past the other results.
    if end > shown and (hidden or query.locale != SOURCE_LANGUAGE):
        start = max(query.offset, shown)
        try:
            last = ask(replace(query, filters={**query.filters,
                                               facet.key: tuple(facet.hidden)},
                               offset=start - shown, limit=end - start))
        except DatabaseError:
            logger.warning("Listing hidden results failed.", exc_info=True)
            return results
        hidden = last.count
        listed = {(h.type, h.slug, h.locale) for h in hits}
        hits += [h for h in last.hits if (h.type, h.slug, h.locale) not in listed]
    if not hidden:
        return results
    return replace(results, count=shown + hidden, hits=hits[:query.limit], hidden_shown=hidden)


def _search(query: SearchQuery) -> SearchResults:
    results = None
    if query.locale != SOURCE_LANGUAGE and locale_for(SOURCE_LANGUAGE) is not None:
        if query.text and query.sort == "relevance":
            results = _with_german(query)
        else:
            # A listing in an order of its own (by deadline) or without words (a catalogue):
            # German pages would break the order or stand for the whole German catalogue
            # with GERMAN_DEPTH of it, so they only fill a list that has few of its own.
            results = _ask(query)
            if results.count < FEW_HITS:
                results = _with_german(query)
    return _ask(query) if results is None else results


def _listed(query: SearchQuery, results: SearchResults) -> SearchResults:
    """Facets that list only some of their values with results (Facet.listed: the districts
    with programmes of their own, not all 400 a nationwide programme counts for)."""
    facets = dict(results.facets)
    for facet in registry.facets:
        values = facets.get(facet.key)
        if facet.listed is None or not values:
            continue
        counts = {v.value: v.count for v in values}
        context = registry.contexts(query.locale).get(facet.key)
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


# --- German results after the reader's own ----------------------------------------------
def _with_german(query: SearchQuery) -> SearchResults:
    """The reader's language first, then the German pages it has no translation of, found
    with the question's words in German (search.crosslingual). One list: counts, pages and
    facet counts cover both parts. The German part is the best GERMAN_DEPTH German matches
    without a translation; a reader wanting more German results searches in German."""
    # German snippets only where German hits may be shown: the first page (a German page named
    # by the question may lead there, _merged), room left on this page, or few own hits. On
    # the first page the German part is asked while the reader's own is (search.overlap).
    german = overlap.start(_german_part, query) if query.offset == 0 else None
    own = _ask(query)
    shown = own.count < FEW_HITS or query.offset + query.limit > own.count
    german_text, extra = german.result() if german else _german_part(query, snippets=shown)
    if not extra:
        return own
    if own.count < FEW_HITS:  # all own hits fit before the German ones: order them together
        everything = own.hits
        if query.offset or len(own.hits) < own.count:
            everything = _ask(replace(query, offset=0, limit=FEW_HITS)).hits
        ordered = _ordered(query, everything, extra, german_text)
        hits = ordered[query.offset:query.offset + query.limit]
    else:
        hits = _merged(query, own, extra, german_text)
    return SearchResults(
        count=own.count + len(extra), hits=hits,
        facets=_merge_facets(query, own.facets, extra),
        suggestion=own.suggestion, engine=own.engine,
    )


def _german_part(query: SearchQuery, snippets: bool = True) -> tuple[str, list[SearchHit]]:
    """(the German words asked for that may name a page, the German hits whose page the
    reader's language lacks). Their count and facet counts come from these hits
    (_merge_facets), not from the engine."""
    text = crosslingual.german_query(query.text, query.locale) if query.text else ""
    if query.text and not text:
        return "", []  # not one word German text knows: nothing to ask
    german = _ask(replace(query, text=text, locale=SOURCE_LANGUAGE, offset=0,
                          limit=GERMAN_DEPTH, counted=False, snippets=snippets))
    # A word in the titles of more than FEW_HITS German results, translated ones included,
    # names no one page ("Verein" for "Satzung Verein"): a German page whose title has only
    # that word does not lead (_strong). The untranslated few alone are too few to tell.
    in_titles = Counter(s for h in german.hits for s in _title_stems(h.title))
    naming = " ".join(w for w in words(text) if in_titles[stem(w, SOURCE_LANGUAGE)] <= FEW_HITS)
    return naming, [_as_fallback(h, query.locale)
                    for h in _without_translations(german.hits, query.locale)]


def _ordered(query: SearchQuery, own: list[SearchHit], german: list[SearchHit],
             german_text: str) -> list[SearchHit]:
    """All of a short list of own hits and the German ones, in _merged's order. (Scores from
    two engine calls are not comparable: the database engine scales each call to its best
    hit, Elasticsearch's BM25 depends on each language's index; titles are comparable.)"""
    if not query.text or query.sort != "relevance" or not german_text:
        return own + german
    strong = _strong(german, german_text)
    if not strong:
        return own + german
    lead = _leading(query, own)
    return own[:lead] + strong + own[lead:] + [h for h in german if h not in strong]


def _merged(query: SearchQuery, own: SearchResults, german: list[SearchHit],
            german_text: str) -> list[SearchHit]:
    """This page of: the own hits whose titles have half of the reader's words, then the German
    pages whose titles have the asked German words (_strong: the guide the question names,
    which the reader's language lacks), then the other own hits, then the other German ones.
    An own page that only mentions the words in its text, or names one of three in its title,
    does not push the German guide named by the question off the first page."""
    strong = _strong(german, german_text)
    if not strong:
        start = max(0, query.offset - own.count)
        room = max(0, query.limit - len(own.hits))
        return own.hits + german[start:start + room]
    end = query.offset + query.limit
    head = own.hits if query.offset == 0 else _ask(replace(query, offset=0, limit=end)).hits
    lead = _leading(query, head)
    merged = head[:lead] + strong + head[lead:]
    if len(head) >= own.count:  # every own hit is in `head`: the other German ones follow
        merged += [h for h in german if h not in strong]
    return merged[query.offset:end]


def _leading(query: SearchQuery, hits: list[SearchHit]) -> int:
    """How many of the first own hits name the question in their titles. A glossary term
    (search/definitions.py): with every word, for "what is" with half, never for "how"."""
    asked, lead, terms = _asked_stems(query), 0, term_answers(query.text, query.locale)
    while lead < len(hits) and (hits[lead].type not in DEFINITION_TYPES or terms is not False) \
            and _names_the_question(asked, _title_stems(hits[lead].title, query.locale),
                                    whole=not terms and hits[lead].type in DEFINITION_TYPES):
        lead += 1
    return lead


def _strong(german: list[SearchHit], german_text: str) -> list[SearchHit]:
    """German hits whose titles have every asked German word, else those with half of them, as
    own hits lead (_names_the_question); none when more than FEW_HITS have: then the words
    are too common to name one page ("Verein")."""
    wanted = {stem(w, SOURCE_LANGUAGE) for w in words(german_text)}
    strong = [h for h in german if wanted and wanted <= _title_stems(h.title)] or [
        h for h in german
        if _names_the_question(wanted, _title_stems(h.title), prefixes=False)]
    return strong if len(strong) <= FEW_HITS else []


def _names_the_question(asked: set[str], title: set[str], prefixes: bool = True,
                        whole: bool = False) -> bool:
    """The title has at least half of the reader's words (one of one or two, two of three):
    a topic called "Association work" does not lead for "data protection in the
    association" ahead of the German guide named by all of it. A word is in the title when
    a stem is in both or one starts the other (at least four letters): Snowball stems a word
    and its plural apart now and then (ru "устав" -> "уста", "уставы" -> "устав"). Not in
    German (prefixes=False), where it would make "Vereinsarbeit" name "Verein". whole: all."""
    found = sum(1 for a in asked if a in title or prefixes and any(
        len(short) >= 4 and long.startswith(short)
        for t in title for short, long in ((a, t), (t, a)) if len(short) <= len(long)))
    return bool(asked) and found >= (len(asked) if whole else (len(asked) + 1) // 2)


def _asked_stems(query: SearchQuery) -> set[str]:
    return {stem(w, query.locale) for w in crosslingual.split_words(query.text)
            if not is_stop_word(w, query.locale)}


def _title_stems(title: str, language: str = SOURCE_LANGUAGE) -> set[str]:
    return {stem(w, language) for w in crosslingual.split_words(title)}


def _without_translations(hits: list[SearchHit], language: str) -> list[SearchHit]:
    """The hits whose page or term `language` has no live translation of, each with its
    translation_key: one query for the pages, one per other translatable type."""
    locale = locale_for(language)
    pages = {t.key for t in SEARCH_TYPES if t.is_page}
    kinds = [("page", Page.objects.all(), Page.objects.live(), pages)]
    for search_type in SEARCH_TYPES:
        model = apps.get_model(search_type.model)
        if not search_type.is_page and hasattr(model, "translation_key"):
            kinds.append((search_type.key, model.objects.all(), model.objects.all(),
                          {search_type.key}))
    found = {}
    for kind, objects, visible, types in kinds:
        ids = [h.object_id for h in hits if h.type in types and h.object_id]
        if not ids:
            continue
        translated = Exists(visible.filter(locale=locale,
                                           translation_key=OuterRef("translation_key")))
        for pk, key, has in (objects.filter(pk__in=ids).annotate(translated=translated)
                             .values_list("pk", "translation_key", "translated")):
            found[(kind, pk)] = (key, has)
    kept = []
    for hit in hits:
        key, has = found.get(("page" if hit.type in pages else hit.type, hit.object_id),
                             (None, False))
        if not has:
            kept.append(replace(hit, translation_key=key))
    return kept


def _as_fallback(hit: SearchHit, language: str) -> SearchHit:
    # The reader stays under their language prefix and sees the German page with a notice.
    return replace(hit, url=swap_language_prefix(hit.url, language))


def _facets_of(hits: list[SearchHit], contexts: dict) -> dict[str, Counter]:
    """{facet key: Counter of values} of German hits, as the engines count them: from the
    hit's facts, its type and (pages) its tree path."""
    page_types = {t.key for t in SEARCH_TYPES if t.is_page}
    paths = dict(Page.objects.filter(
        pk__in=[h.object_id for h in hits if h.type in page_types]).values_list("pk", "path"))
    counts = {facet.key: Counter() for facet in registry.facets}
    for hit in hits:
        facts = {**(hit.facts or {}), "type": hit.type,
                 "path": paths.get(hit.object_id) if hit.type in page_types else None}
        for facet in registry.facets:
            if facet.applies_to(hit.type):
                counts[facet.key].update(set(facet.values(facts, contexts.get(facet.key))))
    return counts


def counted_with(query: SearchQuery, results: SearchResults, extra: list[SearchHit]) -> dict:
    """The results' facet counts with `extra` hits, listed beside the engine's, counted too
    (understanding: a place's own programmes without the other words), each hit with its
    own language's contexts, and the values listed as a search lists them (_listed)."""
    facets = results.facets
    for language in dict.fromkeys(h.locale for h in extra):
        facets = _merge_facets(query, facets, [h for h in extra if h.locale == language],
                               language)
    return _listed(query, replace(results, facets=facets)).facets


def _merge_facets(query: SearchQuery, own: dict, extra: list[SearchHit],
                  language: str = SOURCE_LANGUAGE) -> dict:
    """Own counts plus the German part's (or `language`'s hits'), labelled and ordered in
    the reader's language."""
    labels = registry.labels(query.locale, registry.contexts(query.locale))
    extra_contexts = registry.contexts(language)
    extra_counts = _facets_of(extra, extra_contexts)
    merged = {}
    for facet in registry.facets:
        counts = Counter({v.value: v.count for v in own.get(facet.key, ())})
        counts.update(extra_counts.get(facet.key, Counter()))
        chosen = query.chosen(facet.key)
        order = [*labels.get(facet.key, ()), *((v.value, v.label) for v in own.get(facet.key, ()))]
        if not set(counts) <= {value for value, _label in order}:  # named only in `language`
            order += facet.choices(language, extra_contexts.get(facet.key))
        named = dict(reversed(order))  # the first label given for a value wins
        merged[facet.key] = [FacetValue(value, named[value], counts.get(value, 0))
                             for value in dict.fromkeys(v for v, _label in order)
                             if counts.get(value) or value in chosen]
    return merged
