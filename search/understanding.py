"""Query understanding: words in the search text that name a facet value become chosen values
("Förderung Leipzig" -> the region Leipzig), and leave the text that is matched word for word.

Facets say which words name their values (cms.searchable: Facet.recognise), types which words
say that the reader looks for them (SearchType.recognise: "Förderung", "funding"). Search
knows no content app: it only applies what the registry recognises, by these rules:

- A facet's words count when they are `certain` (a phrase only a funding search writes:
  "ohne Eigenanteil"), when the search is one for the facet's types (the text has one of
  their words, or the reader chose only those types: the funding finder), or when the text
  is nothing but criteria of two facets or more ("Leipzig e. V."). So "Verein gründen" and
  "Leipzig" stay searches for words, "Förderung für Vereine" filters programmes.
- When something counted, its words and the type's words leave the text: "Förderung Leipzig"
  lists every programme for Leipzig (the city's, Sachsen's, nationwide), not only the pages
  that contain the word.
- A value the reader chose already is not understood again, and a facet that allows one value
  keeps the reader's own choice.
- `as_text` (?as_text=<facet key>, repeatable; `all` for every facet) keeps a facet's words
  as text: the link that removes an understood filter adds it, so the removal sticks.

Never raises on odd input: a facet whose reader fails is left out (and logged).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from cms.searchable import Recognised, registry

from .engines.base import SearchQuery, SearchResults
from .expansion import words_of_types

logger = logging.getLogger(__name__)
ALL = "all"
NEAREST_AT_MOST = 200  # a list read from the text alone is put in order up to this long
# The place's own programmes without the other words that come before farther ones with them
# (_with_the_places_own); more follow those: a city with many programmes does not push the
# nationwide one with the reader's words off the first page.
PLACES_OWN_FIRST = 3
# What is left between removed words: "Förderung in Leipzig, ohne Eigenanteil" -> "".
_LEFTOVER = re.compile(r"^[\s,;:/&+.\-–—()]+|[\s,;:/&+\-–—(]+$")
# … and the joining word left at either end: "Förderung Leipzig und Integration" -> "Integration".
_JOINING = re.compile(r"^(?:und|oder|and|or|و|или|и|або|та|і|ve|veya|và|hoặc)\s+|"
                      r"\s+(?:und|oder|and|or|و|или|и|або|та|і|ve|veya|và|hoặc)$", re.IGNORECASE)


@dataclass(frozen=True)
class Understood:
    facet: str
    value: str
    words: str  # as the reader wrote them


@dataclass
class Reading:
    text: str  # what is left for matching words
    filters: dict[str, tuple[str, ...]]
    understood: list[Understood] = field(default_factory=list)


def as_text_choices() -> list[tuple[str, str]]:
    return [(ALL, ALL)] + [(f.key, f.key) for f in registry.facets if f.recognise]


def read(text: str, language: str, chosen: Mapping[str, Iterable[str]],
         as_text: Iterable[str] = ()) -> Reading:
    """The search text and chosen values, with what the text names understood."""
    filters = {key: tuple(values) for key, values in chosen.items()}
    as_text = set(as_text)
    if not text or ALL in as_text:
        return Reading(text, filters)
    type_words = words_of_types(text, language)
    chosen_types = set(filters.get("type", ()))
    found: list[tuple[Recognised, str]] = []
    for facet in registry.facets:
        if facet.recognise is None or facet.key in as_text:
            continue
        found += [(hit, facet.key) for hit in _recognised(facet, text, language)
                  if 0 <= hit.start < hit.end <= len(text)]
    taken: list[tuple[Recognised, str]] = []
    for hit, key in sorted(found, key=lambda f: (f[0].start, -(f[0].end - f[0].start))):
        if not any(_overlap((hit.start, hit.end), (h.start, h.end)) for h, _key in taken):
            taken.append((hit, key))  # "Leipzig e. V." is not two regions
    # Nothing but criteria of two facets or more ("Leipzig e. V."): a finder's question.
    only_criteria = len({key for _hit, key in taken}) > 1 and not _without(
        text, [(h.start, h.end) for h, _key in taken]
        + [s for spans in type_words.values() for s in spans])
    spans, understood, used_types = [], [], set()
    for hit, key in taken:
        facet = registry.facet(key)
        meant = (hit.certain or only_criteria or any(type_words.get(t) for t in facet.types)
                 or (chosen_types and facet.types and chosen_types <= set(facet.types)))
        if not meant:
            continue
        spans.append((hit.start, hit.end))
        used_types |= set(facet.types)
        have = filters.get(key, ())
        if hit.value in have or (have and not facet.multiple):
            continue  # chosen already: the words go, the reader's choice stays
        filters[key] = (*have, hit.value)
        understood.append(Understood(key, hit.value, text[hit.start:hit.end].strip()))
    if not spans:
        return Reading(text, filters)
    for type_key in used_types:
        spans += [s for s in type_words.get(type_key, ())
                  if not any(_overlap(s, span) for span in spans)]
    return Reading(_without(text, spans), filters, understood)


def understood_query(query: SearchQuery, as_text: Iterable[str] = ()) -> tuple[
        SearchQuery, list[Understood]]:
    """A SearchQuery with its text read: what both engines get."""
    reading = read(query.text, query.locale, query.filters, as_text)
    if not reading.understood and reading.text == query.text:
        return query, []
    return replace(query, text=reading.text, filters=reading.filters), reading.understood


def search(query: SearchQuery, understood: list[Understood]) -> SearchResults:
    """The search service's answer; a list read from the text alone ("Förderung Leipzig":
    no text left, best match) comes nearest first (Facet.nearest: Leipzig's own programme,
    then Sachsen's, then nationwide ones), in the engine's order among equals. What a facet
    hides (passed deadlines) comes last when the reader typed words."""
    from . import service

    results = _search(query, understood)
    if not query.text and not understood:
        return results
    ask = lambda q: _search(q, understood)  # noqa: E731 - the same search, another page
    listed = service.with_hidden_last(query, results, ask)
    if not listed.count and understood and query.text:
        # No result has the other words too ("Bremen" read, "Hausaufgabenhilfe" in no
        # programme): what the filters read from the text give, saying which words went.
        alone = replace(query, text="")
        relaxed = service.with_hidden_last(alone, _search(alone, understood), ask)
        if relaxed.count:
            return replace(relaxed, unmatched=query.text, suggestion=results.suggestion)
    elif understood and query.text and query.sort == "relevance":
        return _with_the_places_own(query, listed, understood, ask)
    return listed


def _with_the_places_own(query: SearchQuery, listed: SearchResults,
                         understood: list[Understood], ask) -> SearchResults:
    """A place read from the text ("грант для громади в Берліні") lists the programmes
    nearest first, as the finder lists the place (Leipzig's own, Sachsen's, then nationwide
    ones): a reader who names the city looks for what is there. The place's own programmes
    (Facet.nearest 0) come first even when they lack the other words, up to PLACES_OWN_FIRST
    of them: they are often written in German only or in other words than the reader's
    ("молодіжний проект" for a Berlin foundation's programme for young people). Among
    equals, those with the words first, in the engine's order. Passed ones stay last
    (service.with_hidden_last)."""
    from . import service

    if listed.count > NEAREST_AT_MOST or listed.count == listed.hidden_shown:
        return listed  # too many to put in order, or only passed ones have the words
    distance = _distance(query, understood)
    if distance is None:
        return listed
    worded = ask(replace(query, offset=0, limit=NEAREST_AT_MOST))
    nearest = sorted(worded.hits, key=distance)
    alone = ask(replace(query, text="", offset=0, limit=NEAREST_AT_MOST))
    first = {(h.type, h.slug) for h in worded.hits}
    more = [] if alone.count > NEAREST_AT_MOST else [
        h for h in alone.hits if not any(distance(h)) and (h.type, h.slug) not in first]
    if not more and nearest == worded.hits:
        return listed
    hits = sorted(nearest + more[:PLACES_OWN_FIRST], key=distance) + more[PLACES_OWN_FIRST:]
    facets = service.counted_with(query, worded, more) if more else worded.facets
    page = replace(worded, count=len(hits), hits=hits[query.offset:query.offset + query.limit],
                   facets=facets)
    return service.with_hidden_last(query, page, ask)


def _search(query: SearchQuery, understood: list[Understood]) -> SearchResults:
    from . import service

    distance = None if query.text or query.sort != "relevance" else _distance(query, understood)
    if distance is None:
        return service.search(query)
    whole = service.search(replace(query, offset=0, limit=NEAREST_AT_MOST))
    if whole.count > NEAREST_AT_MOST:
        return service.search(query)
    hits = sorted(whole.hits, key=distance)
    return replace(whole, hits=hits[query.offset:query.offset + query.limit])


def _distance(query: SearchQuery, understood: list[Understood]):
    """hit -> how far it is from each value read from the text of a facet that has a
    nearest order (Facet.nearest: 0 the place's own); None when none was read."""
    facets = [f for f in registry.facets if f.nearest and query.chosen(f.key)
              and any(u.facet == f.key for u in understood)]
    if not facets:
        return None
    contexts = {f.key: f.context(query.locale) if f.context else None for f in facets}
    return lambda hit: tuple(
        f.nearest(query.chosen(f.key), hit.facts or {}, contexts[f.key]) for f in facets)


def _recognised(facet, text: str, language: str) -> list[Recognised]:
    try:
        return list(facet.recognise(text, language) or ())
    except Exception:  # a reader's odd text must never cost them the search
        logger.exception("Reading %r for the facet %s failed.", text[:80], facet.key)
        return []


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    kept, at = [], 0
    for start, end in sorted(spans):
        if start >= at:
            kept.append(text[at:start])
            at = end
        else:
            at = max(at, end)
    kept.append(text[at:])
    rest = " ".join(" ".join(kept).split())
    rest = re.sub(r"\s+([,;:.])", r"\1", rest)
    rest = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", rest)
    return _JOINING.sub("", _LEFTOVER.sub("", rest).strip()).strip()
