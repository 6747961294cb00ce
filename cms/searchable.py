"""What the search finds and how readers narrow it: the declarations content apps make.

Search knows no content app. Each app declares its searchable types, their facets and sorts
in its own `search_types.py` (cms: guides, topics, glossary terms and the topic facet;
funding: programmes with region, who can apply, deadline, amount and own share), which
`search` imports at start-up (SearchConfig.ready). Both engines, the parameters, the HTML
page, the JSON API and the finder loop over this registry; adding a searchable type with its
own facet is one module in the app that owns it.

Everything is said in terms of an object's *facts*: a dict per hit that the type reads in one
batch (`SearchType.facts`: the database engine) or stores in its search document
(`SearchType.document_facts`: Elasticsearch). A facet turns facts into the values an object
counts for and is found by; a hit carries its facts to the result list, so nothing is read
twice. Every object's facts have "type" and, for pages, "path".

This module imports nothing of search and nothing of any content app: every app may use it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

Facts = dict[str, Any]
EMPTY: frozenset[str] = frozenset()


class UnknownValue(ValueError):
    """A facet value nobody can place (Facet.resolve): the message says why, `candidates`
    are [(value, label)] the reader may have meant."""

    def __init__(self, message: str, candidates: list[tuple[str, str]] = ()):
        super().__init__(message)
        self.candidates = list(candidates)


@dataclass(frozen=True)
class Recognised:
    """Words in the search text that name a facet value ("Leipzig", "ohne Eigenanteil"):
    text[start:end]. `certain`: the words mean the value wherever they stand (a phrase only a
    funding search writes); otherwise they count only in a search for the facet's types
    (SearchType.recognise finds words that say so: "Förderung")."""

    value: str
    start: int
    end: int
    certain: bool = False


@dataclass(frozen=True)
class Facet:
    """A way to narrow results: ?<key>=<value>, a fieldset on the page, a list in the API."""

    key: str
    legend: Any  # a lazy translatable string
    # (language code, context) -> [(value, label)] in the order readers see them (labels
    # translated; context as below, or None)
    choices: Callable[[str, Any], list[tuple[str, str]]]
    # (facts, context) -> the values an object counts for; choosing any of them finds it
    values: Callable[[Facts, Any], Iterable[str]]
    multiple: bool = False  # any of several values (checkboxes), else one (radio buttons)
    # The types whose objects carry the facet; choosing a value leaves only them. () = all.
    types: tuple[str, ...] = ()
    # Objects with one of these values are left out unless the value is chosen or the
    # reader asks for hidden ones (?past=1): passed deadlines.
    hidden: frozenset[str] = EMPTY
    # A search the reader typed words for lists the hidden ones last instead (a programme
    # whose round is over still tells when the next one comes; a past event does not).
    hidden_last: bool = False
    # language code -> what `values` needs once per search (the topics of a language)
    context: Callable[[str], Any] | None = None
    # Elasticsearch, for values that depend on the day (deadline states): value -> query
    # clause on the document's fields; otherwise values are stored in the document.
    es_value_filters: Callable[[datetime.date], dict[str, dict]] | None = None
    # A value as readers and links write it -> the facet's own value (a region's name or key
    # -> its code); raises UnknownValue. None: values must be among `choices`.
    resolve: Callable[[str], str] | None = None
    # (value, {value: count}, context) -> whether a value with results is listed (a district
    # only where it has programmes of its own); chosen values always are. None: every one.
    listed: Callable[[str, Mapping[str, int], Any], bool] | None = None
    # (search text, language code) -> [Recognised]: words that name the facet's values, read
    # as chosen values (search.understanding). None: the facet is only chosen.
    recognise: Callable[[str, str], list[Recognised]] | None = None
    # (chosen values, facts, context) -> how far an object is from them (0: its own; a
    # programme for Leipzig before Sachsen's before nationwide ones): the order of a list
    # read from the text alone ("Förderung Leipzig"). None: the engine's order.
    nearest: Callable[[frozenset[str], Facts, Any], int] | None = None

    def applies_to(self, type_key: str) -> bool:
        return not self.types or type_key in self.types


@dataclass(frozen=True)
class Sort:
    """An order besides "best match"."""

    key: str
    label: Any
    # facts -> sort key (ascending; relevance breaks ties)
    key_for: Callable[[Facts], tuple]
    # today -> the Elasticsearch "sort" list (before _score)
    es_sort: Callable[[datetime.date], list] | None = None


@dataclass(frozen=True)
class Finder:
    """A search page for one type (the funding finder): its heading and where it starts."""

    type: str
    heading: Any
    lead: Any
    start: dict[str, list[str]]  # the query the link to the finder opens
    hidden_notice: Any = ""  # said when hidden values (passed deadlines) are left out
    hidden_listed: Any = ""  # said when a search with words lists them last (hidden_last)
    # [(label, URL name)]: the type's own pages beside the finder (the guided finder)
    links: tuple[tuple[Any, str], ...] = ()


@dataclass(frozen=True)
class SearchType:
    key: str  # the `type` value in results and in ?type=
    model: str  # "app_label.ModelName"
    label: Any
    position: int = 100  # where it is listed among the types (the type facet)
    is_page: bool = True
    title_field: str = "title"  # the hit's title (non-page types)
    summary_field: str = "summary"  # its short text, shown when the match is elsewhere
    # (ids, today) -> {id: facts}: what facets, sorts and the result list use, in one batch
    facts: Callable[[list[int], datetime.date], dict[int, Facts]] | None = None
    # object -> facts for its search document (JSON: dates as ISO strings)
    document_facts: Callable[[Any], Facts] | None = None
    date_facts: tuple[str, ...] = ()  # facts Elasticsearch indexes as dates (filters, sorts)
    # (stored document facts, today) -> facts as `facts` gives them (dates parsed, states)
    facts_from_document: Callable[[Facts, datetime.date], Facts] | None = None
    facts_template: str = ""  # shows a hit's facts in result lists
    facets: tuple[Facet, ...] = ()
    sorts: tuple[Sort, ...] = ()
    finder: Finder | None = None
    # Elasticsearch: the object's own text besides title, summary and body (a funder)
    document_text: Callable[[Any], str] | None = None
    prefetch: tuple[str, ...] = ()  # what document_facts reads, fetched in bulk for rebuilds
    # (search text, language code) -> [(start, end)]: words saying the reader looks for this
    # type ("Förderung", "funding"); they let its facets' recognised words count.
    recognise: Callable[[str, str], list[tuple[int, int]]] | None = None
    # (search text, language code) -> whether words other than `recognise`'s name this type
    # ("Projektförderung" names funding, but is no word to read a place by: "Sprachförderung"
    # is teaching). A search naming none of the types it could weigh others' hits first
    # (search.expansion.unasked_in). None: only the recognised words name it.
    named: Callable[[str, str], bool] | None = None


@dataclass
class Registry:
    types: list[SearchType] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)

    def register(self, search_type: SearchType | None = None, *, facets=()) -> None:
        """A type (with its own facets), or facets that span types (the topic facet)."""
        if search_type is not None:
            self.unregister(search_type.key)
            self.types.append(search_type)
            self.types.sort(key=lambda t: t.position)
            facets = (*facets, *search_type.facets)
        for facet in facets:
            if facet.key not in {f.key for f in self.facets}:
                self.facets.append(facet)

    def unregister(self, key: str) -> None:
        """Remove a type and the facets only it carried (tests register types of their own)."""
        gone = next((t for t in self.types if t.key == key), None)
        if gone is None:
            return
        self.types.remove(gone)
        self.facets[:] = [f for f in self.facets if f not in gone.facets]

    def type(self, key: str) -> SearchType | None:
        return next((t for t in self.types if t.key == key), None)

    def facet(self, key: str) -> Facet | None:
        return next((f for f in self.facets if f.key == key), None)

    def type_for_model(self, model) -> SearchType | None:
        label = f"{model._meta.app_label}.{model.__name__}".lower()
        return next((t for t in self.types if t.model.lower() == label), None)

    def sorts(self) -> list[Sort]:
        return [sort for t in self.types for sort in t.sorts]

    def sort(self, key: str) -> Sort | None:
        return next((s for s in self.sorts() if s.key == key), None)

    def finders(self) -> list[Finder]:
        return [t.finder for t in self.types if t.finder]

    def labels(self, language: str, contexts: dict) -> dict[str, list[tuple[str, str]]]:
        """{facet key: [(value, label)]} in the reader's language."""
        return {f.key: f.choices(language, contexts.get(f.key)) for f in self.facets}

    def contexts(self, language: str) -> dict:
        """{facet key: what its values need} for one search in one language."""
        return once_per_search(("contexts", language), lambda: {
            f.key: f.context(language) for f in self.facets if f.context})


_one_search: ContextVar[dict | None] = ContextVar("one_search", default=None)


@contextmanager
def one_search(shared: dict | None = None):
    """Within it, what a search reads once per language (the facets' contexts, what a reader
    may see) is read once: an answer in another language asks the engine twice, for the
    reader's language and for German, and then lists the facets of both. `shared`: the
    memo of a search another thread works for (this_search(); search.overlap)."""
    token = _one_search.set({} if shared is None else shared)
    try:
        yield
    finally:
        _one_search.reset(token)


def this_search() -> dict | None:
    return _one_search.get()


def once_per_search(key, build: Callable[[], Any]):
    """build(), kept under `key` for the rest of the search (see one_search)."""
    memo = _one_search.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


def _type_choices(language: str, context=None) -> list[tuple[str, str]]:
    return [(t.key, str(t.label)) for t in registry.types]


def _type_values(facts: Facts, context) -> list[str]:
    return [facts["type"]]


# Every search has it: the registered types themselves.
TYPE_FACET = Facet("type", _("Type of content"), _type_choices, _type_values, multiple=True)

registry = Registry(facets=[TYPE_FACET])
register = registry.register
