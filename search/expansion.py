"""Turn what a reader typed into the words the index holds: typo correction, inflections,
German compounds and editors' synonyms. Engine-neutral: the database engine builds Wagtail
query objects from it; the highlighter marks its words."""

import logging
from dataclasses import dataclass, field

from wagtail.search.query import And, Or, PlainText

from cms.searchable import registry

from .definitions import term_answers
from .synonyms import synonym_index
from .text import UNMARKED_TYPING, fold, is_stop_word, stem, words
from .vocabulary import Vocabulary

logger = logging.getLogger(__name__)
# What a type whose own words the search lacks (ExpandedQuery.unasked) scores, on both
# engines: a programme's conditions share a how-to question's words ("gemeinnützig",
# "Antrag"), yet the question asks for the guide.
UNASKED_WEIGHT = 0.7
MAX_TOKENS = 12  # a 2,000-character paste is not a question: its first words are
MIN_COMPOUND = 9
MAX_UNMARKED_SYNONYMS = 3  # "dieu" may be điều, điệu, ...: the synonyms of the most frequent


@dataclass
class ExpandedQuery:
    groups: list[list[str]] = field(default_factory=list)  # one list of alternatives per word
    suggestion: str | None = None  # the query with misspelt words corrected
    dropped: list[str] = field(default_factory=list)  # words no indexed text contains
    # True: the reader asks what a word means; False: how to do something; None: neither
    # (search/definitions.py)
    defines: bool | None = None

    language: str = ""  # the reader's: a synonym's small words are not marked
    # Types with words of their own (SearchType.recognise: "Förderung", "grant") that the
    # reader's words lack (unasked_types): "how do we become tax-exempt" asks for a guide.
    unasked: frozenset[str] = frozenset()

    @property
    def matches(self) -> set[str]:
        """Every word to mark in a snippet, as indexed and without diacritics (SQLite's
        tokeniser matches "Forderung" to "Förderung"); not the small words of a multi-word
        synonym ("من" of "معفاة من الضرائب")."""
        found = set()
        for group in self.groups:
            for alternative in group:
                parts = alternative.split()
                for word in parts:
                    if len(parts) == 1 or not is_stop_word(word, self.language):
                        found.update((word, fold(word)))
        return found

    def as_wagtail_query(self, operator: str = "and"):
        if not self.groups:
            return None
        ors = [
            Or([PlainText(a, operator="and") for a in group]) if len(group) > 1
            else PlainText(group[0], operator="and")
            for group in self.groups
        ]
        if len(ors) == 1:
            return ors[0]
        return And(ors) if operator == "and" else Or(ors)


def _unmarked_stop_word(token: str, language: str, vocabulary: Vocabulary) -> bool:
    """"cua" typed for "của": every indexed word it may stand for is a stop word ("de" may be
    để or đề, a topic: kept)."""
    forms = vocabulary.unaccented(token)
    return bool(forms) and all(is_stop_word(form, language) for form in forms)


def _synonyms(word: str, language: str, index: dict) -> list[str]:
    return [t for t in index.get(stem(word, language), ()) if t != word]


def expand(text: str, language: str, vocabulary: Vocabulary) -> ExpandedQuery:
    tokens = [w for w in words(text) if not is_stop_word(w, language)][:MAX_TOKENS]
    if not tokens:  # a question made only of small words: search for them after all
        tokens = words(text)[:MAX_TOKENS]
    result = ExpandedQuery(defines=term_answers(text, language), language=language)
    corrected = []
    synonyms = synonym_index(language)
    # Typed without any marks ("thanh lap hoi"): each word may stand for its marked forms. Not
    # in a query with marks, where a plain word ("thay", "cho") is written as meant.
    unmarked_typing = language in UNMARKED_TYPING and all(t.isascii() for t in tokens)
    if unmarked_typing:
        tokens = [t for t in tokens if not _unmarked_stop_word(t, language, vocabulary)] or tokens
    for token in tokens:
        word = token
        gendered = vocabulary.gender_forms(token) if language == "de" else []
        unmarked = vocabulary.unaccented(token) if unmarked_typing else []
        if (token not in vocabulary and not gendered and not unmarked
                and not vocabulary.inflections(token, language)):
            word = vocabulary.correct(token) or token
        corrected.append(word)
        alternatives = [word, *vocabulary.inflections(word, language), *gendered, *unmarked]
        alternatives += vocabulary.compounds_with(word)
        if len(word) >= MIN_COMPOUND and (parts := vocabulary.compound_parts(word)):
            alternatives.append(" ".join(parts))
        marked_synonyms = [t for form in unmarked[:MAX_UNMARKED_SYNONYMS]
                           for t in _synonyms(form, language, synonyms)]
        for synonym in dict.fromkeys([*_synonyms(word, language, synonyms), *marked_synonyms]):
            alternatives.append(synonym)
            alternatives += vocabulary.inflections(synonym, language)
            if language == "de" and " " not in synonym:
                alternatives += vocabulary.gender_forms(synonym)
        known = [a for a in dict.fromkeys(alternatives) if all(w in vocabulary for w in a.split())]
        if known:
            result.groups.append(known)
        else:
            result.dropped.append(token)
    if corrected != tokens and any(c in vocabulary for c in corrected):
        result.suggestion = " ".join(corrected)
    return result


def words_of_types(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    """{type key: spans of `text` that say the reader looks for that type} for the types
    with words of their own (SearchType.recognise: "Förderung"); a reader that fails is left
    out (and logged)."""
    found = {}
    for search_type in registry.types:
        if search_type.recognise is None:
            continue
        spans = _guarded(search_type, search_type.recognise, text, language)
        if spans is not _FAILED:
            found[search_type.key] = list(spans or ())
    return found


def unasked_in(text: str, language: str) -> frozenset[str]:
    """The types with words of their own that `text` names neither by those words nor by
    others (SearchType.named: "Projektförderung")."""
    if not text:
        return frozenset()
    return frozenset(key for key, spans in words_of_types(text, language).items()
                     if not spans and not _named(registry.type(key), text, language))


def _named(search_type, text: str, language: str) -> bool:
    if search_type.named is None:
        return False
    named = _guarded(search_type, search_type.named, text, language)
    return named is not _FAILED and bool(named)


_FAILED = object()


def _guarded(search_type, reader, text: str, language: str):
    """reader(text, language), or _FAILED (logged): a reader's odd text must never cost them
    the search."""
    try:
        return reader(text, language)
    except Exception:
        logger.exception("Reading %r for the type %s failed.", text[:80], search_type.key)
        return _FAILED


def unasked_types(query) -> frozenset[str]:
    """The types a SearchQuery's words do not ask for, but none when its filters leave only
    one type (the funding finder, a place read from the text): nothing to weigh it against."""
    unasked = query.unasked if query.unasked is not None else unasked_in(query.text,
                                                                         query.locale)
    only = set(query.chosen("type")) or None
    for facet in registry.facets:
        if facet.types and facet.key != "type" and query.chosen(facet.key):
            only = set(facet.types) if only is None else only & set(facet.types)
    if only is not None and len(only) <= 1:
        return unasked - only
    return unasked
