"""The contract between the search service and its engines.

The service (`search/service.py`) turns a request (HTML page, JSON API, autocomplete) into a
`SearchQuery`, asks the configured engine, and falls back to the database engine when the
configured one fails. Engines never see a request object and never render anything.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


class EngineUnavailable(Exception):
    """The engine cannot answer right now (down, timed out); the service falls back."""


@dataclass(frozen=True)
class SearchQuery:
    text: str  # already cleaned: trimmed, length-capped, never None
    locale: str  # language code of the reader, e.g. "de", "ar"
    # The chosen facet values, by facet key (cms.searchable): {"type": ("funding",),
    # "region": ("berlin",)}. A facet not named, or named with (), does not filter.
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include_hidden: bool = False  # values facets hide (passed deadlines) are shown (?past=1)
    sort: str = "relevance"  # "relevance" or a registered Sort's key ("deadline")
    offset: int = 0
    limit: int = 10
    today: datetime.date | None = None  # for day-dependent facts; None = today in TIME_ZONE
    # False: only the best offset + limit hits are wanted, as part of another list (the
    # German results after the reader's own): an engine may skip the total (count is then
    # how many hits it found up to offset + limit) and return no facet counts.
    counted: bool = True
    snippets: bool = True  # False: hits without snippets ("") where nobody reads them
    # Types whose own words the reader's text lacks (search.expansion.unasked_types), read
    # once per search from the reader's words: the German part's translated words may lack
    # "Förderung" where the reader wrote "грант". None: read from `text`.
    unasked: frozenset[str] | None = None

    def chosen(self, key: str) -> frozenset[str]:
        values = self.filters.get(key) or ()
        return frozenset(v for v in ((values,) if isinstance(values, str) else values) if v)

    @property
    def filtered(self) -> bool:
        return any(self.chosen(key) for key in self.filters)


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    slug: str
    type: str  # "guide" | "topic" | "funding" | "glossary" | ... (one word per content type)
    locale: str  # the language the hit is written in (German fallback hits say "de")
    snippet: str  # HTML-safe: escaped text with <mark> around matched words
    score: float = 0.0
    promoted: bool = False  # an editors' pick
    object_id: int | None = None
    facts: Mapping | None = None  # what its type shows in result lists (cms.searchable)
    # Shared by an object and its translations (Wagtail); the service fills it where it
    # compares hits across languages (German results after the reader's own).
    translation_key: str | None = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    count: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str | None = None  # "did you mean"
    engine: str = ""  # which engine answered ("database", "elasticsearch")
    hidden_shown: int = 0  # hits of hidden values listed last (service.with_hidden_last)
    unmatched: str = ""  # words no result had, left out for the filters read from the text


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    type: str


class SearchEngine(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults: ...

    def autocomplete(self, prefix: str, locale: str, limit: int = 8) -> list[Suggestion]: ...

    # Indexing: engines that keep their own index (Elasticsearch) implement these; the
    # database engine relies on Wagtail's own index and makes them no-ops.
    def index_object(self, app_label: str, model_name: str, pk: int) -> None: ...

    def remove_object(self, app_label: str, model_name: str, pk: int) -> None: ...


# SearchResults.facets has a list for every registered facet (cms.searchable), in order.
# Engines are looked up by SEARCH_ENGINE in search/service.py:
#   "database"      -> search.engines.database.DatabaseEngine()
#   "elasticsearch" -> search.engines.elasticsearch.ElasticsearchEngine()
