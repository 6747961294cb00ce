"""A question in any language, asked of the German pages: a bilingual dictionary built from
what editors already keep, so a reader whose language lacks a page still finds the German one.

Sources, for every language L besides German:
- terms (the registered types that are not pages: glossary terms): a term in L and its German
  translation (same translation_key). The whole L term maps to the German term (strongly);
  each word of a term of several words maps to it weakly (1 / twice the number of words).
- titles of translated pages (every live public one): an L title and its German source's
  title. Words both titles share (names, "DSGVO") and words the terms already explain are
  aligned first; the rest by how often an L word and a German word occur in the same pair
  of titles (Dice coefficient over all pairs), so "заперечення" goes to "Widerspruch", not
  to every word of "Widerspruch gegen einen Bescheid einlegen". The whole title maps to the
  German title too.
- synonym groups (search.Synonym) saved under L that contain German words: each L word of the
  group maps to each German one.

Words are matched by Snowball stem, longest phrase first. A word the dictionary does not know
is kept if German text holds it ("Satzung", "e.V." typed by an Arabic reader) and dropped
otherwise. The dictionary is built once per version of the content and the synonyms (one
process builds it again within CHECK_EVERY_SECONDS of a change anywhere, at once for a change
it made itself: search.signals calls `mark_stale`).
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from cms.locales import by_code

from .longlived import settle
from .registry import SEARCH_TYPES
from .text import UNMARKED_TYPING, is_stop_word, plain, stem, words

logger = logging.getLogger(__name__)

SOURCE = "de"
CHECK_EVERY_SECONDS = 5
VERSION_KEY = "search:crosslingual:version"
MAX_PHRASE = 5  # words; longer titles still map as a whole, but queries rarely repeat them
MAX_TOKENS = 12
TERM_WEIGHT = 3.0  # a term and its translation: what editors wrote as equivalent
SYNONYM_WEIGHT = 3.0
TITLE_WEIGHT = 2.0  # a whole title and its German title
MIN_DICE = 0.3  # a word pair seen together in titles at least this often (relative)
BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # "Satzung (Vereinssatzung)": the German aside


@dataclass
class Dictionary:
    # language -> (stems of an L phrase) -> {German phrase: weight}
    phrases: dict[str, dict[tuple[str, ...], Counter]] = field(default_factory=dict)
    # every word German text holds -> in how many German entries it stands: of translations
    # weighted alike (a synonym group's "Frist, Deadline, Stichtag") the one German pages use
    # most is asked
    frequency: Mapping[str, int] = field(default_factory=dict)
    unmarked: dict[str, dict[tuple[str, ...], Counter]] = field(default_factory=dict)

    def translate(self, text: str, language: str) -> str:
        """The German words for a question in `language` ("" when none are known)."""
        table = self.phrases.get(language, {})
        tokens = [w for w in split_words(text) if not is_stop_word(w, language)][:MAX_TOKENS]
        if not tokens:
            tokens = split_words(text)[:MAX_TOKENS]
        stems = [stem(w, language) for w in tokens]
        if language in UNMARKED_TYPING and all(w.isascii() for w in tokens):
            table, stems = self._unmarked(language), [plain(s) for s in stems]
        found, i = [], 0
        while i < len(tokens):
            for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
                targets = table.get(tuple(stems[i:i + size]))
                if targets:
                    found.append(max(targets.items(), key=self._preference)[0])
                    i += size
                    break
            else:
                if tokens[i] in self.frequency:
                    found.append(tokens[i])
                i += 1
        return " ".join(dict.fromkeys(found))

    def _unmarked(self, language: str) -> dict[tuple[str, ...], Counter]:
        """The language's phrases by their words without marks (a reader typing "thanh lap
        hoi" for "thành lập hội"), built on first use."""
        if language not in self.unmarked:
            table = {}
            for key, targets in self.phrases.get(language, {}).items():
                table.setdefault(tuple(plain(s) for s in key), Counter()).update(targets)
            self.unmarked[language] = table
        return self.unmarked[language]

    def _preference(self, target: tuple[str, float]) -> tuple:
        phrase, weight = target
        used = min((self.frequency.get(w, 0) for w in phrase.split()), default=0)
        return (weight, used, phrase)


def split_words(text: str) -> list[str]:
    # Turkish "İ" casefolds to "i" and a combining dot, which splits the word in two.
    return words(text.replace("İ", "i"))


def _content_words(text: str, language: str) -> list[str]:
    return [w for w in split_words(BRACKETS.sub(" ", text)) if not is_stop_word(w, language)]


def _translated_titles() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """([(language, term, German term)] of the terms (searched types that are not pages),
    [(language, title, German title)] of every live public page: a page need not be
    searched to teach its title's words)."""
    sources = [(True, Page.objects.live().public().filter(depth__gt=1), "title")]
    for search_type in SEARCH_TYPES:
        model = apps.get_model(search_type.model)
        if not search_type.is_page and hasattr(model, "translation_key"):
            sources.append((False, model.objects.all(), search_type.title_field))
    languages = {locale.pk: code for code, locale in by_code().items()}
    terms, pages = [], []
    for is_page, rows, title_field in sources:
        by_key = defaultdict(dict)
        for key, locale_id, title in rows.values_list("translation_key", "locale_id",
                                                       title_field).iterator(2000):
            if locale_id in languages:
                by_key[key][languages[locale_id]] = title
        found = pages if is_page else terms
        for titles in by_key.values():
            german = titles.get(SOURCE)
            if german:
                found += [(lang, title, german) for lang, title in titles.items()
                          if lang != SOURCE and title]
    return terms, pages


def _german_words() -> Counter:
    """The words of everything indexed in German (titles and text): in how many entries each
    stands."""
    locale = by_code().get(SOURCE)
    if locale is None:
        return Counter()
    if connection.vendor == "postgresql":
        from .language_index import TABLE

        entries = f"SELECT title || body FROM {TABLE} WHERE locale_id = {int(locale.pk)}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [entries])
            return Counter(dict(cursor.fetchall()))
    found = Counter()
    entries = IndexEntry._meta.db_table
    for search_type in SEARCH_TYPES:
        model = apps.get_model(search_type.model)
        table = Page._meta.db_table if search_type.is_page else model._meta.db_table
        content_type = ContentType.objects.get_for_model(model).pk
        with connection.cursor() as cursor:
            cursor.execute(f"""
                SELECT e.title, e.body FROM {entries} e
                JOIN {connection.ops.quote_name(table)} o ON o.id = CAST(e.object_id AS integer)
                WHERE e.content_type_id = %s AND o.locale_id = %s""", [content_type, locale.pk])
            for title, body in cursor.fetchall():
                found.update(set(words(f"{title} {body}")))
    return found


def _add(table: dict, language: str, phrase: list[str], german: str, weight: float) -> None:
    if phrase and german:
        key = tuple(stem(w, language) for w in phrase[:MAX_PHRASE])
        table.setdefault(language, {}).setdefault(key, Counter())[german] += weight


def build() -> Dictionary:
    german_words = _german_words()
    table: dict[str, dict[tuple[str, ...], Counter]] = {}
    terms, pages = _translated_titles()
    # 1. Terms: the whole term, and weakly each of its words.
    for language, term, german_term in terms:
        phrase = _content_words(term, language)
        target = " ".join(_content_words(german_term, SOURCE))
        _add(table, language, phrase, target, TERM_WEIGHT)
        if len(phrase) > 1:
            for word in phrase:
                _add(table, language, [word], target, TERM_WEIGHT / len(phrase) / 2)
    # 2. Titles: align what the terms explain and what both share, count the rest.
    pairs, seen_l, seen_d = Counter(), Counter(), Counter()
    for language, title, german_title in pages:
        own = _content_words(title, language)
        german = _content_words(german_title, SOURCE)
        _add(table, language, own, " ".join(german), TITLE_WEIGHT)
        shared = set(own) & set(german)
        own = [w for w in own if w not in shared]
        german = [w for w in german if w not in shared]
        lang_table = table.get(language, {})
        for word in list(own):
            known = lang_table.get((stem(word, language),))
            explained = {w for phrase in (known or ()) for w in phrase.split()} & set(german)
            if explained:
                own.remove(word)
                german = [w for w in german if w not in explained]
        for word in set(own):
            seen_l[language, stem(word, language)] += 1
            for target in set(german):
                pairs[language, stem(word, language), target] += 1
        for target in set(german):
            seen_d[language, target] += 1
    for (language, word_stem, target), n in pairs.items():
        dice = 2 * n / (seen_l[language, word_stem] + seen_d[language, target])
        if dice >= MIN_DICE:
            table.setdefault(language, {}).setdefault((word_stem,), Counter())[target] += dice
    # 3. Synonym groups in L that hold German words.
    _add_synonyms(table, german_words)
    return Dictionary(phrases=table, frequency=german_words)


def _add_synonyms(table: dict, german_words: Mapping[str, int]) -> None:
    from .models import Synonym

    # The words each language's titles and glossary gave, read once (not once per group, and
    # not growing with the groups added here, which made the result depend on their order).
    own_by_language = {language: {stems[0] for stems in phrases if stems}
                       for language, phrases in table.items()}
    for synonym in Synonym.objects.exclude(language=SOURCE):
        language = synonym.language
        own_words = own_by_language.get(language, set())
        german, own = [], []
        for term in synonym.term_list():
            term_words = split_words(term)
            is_german = term_words and all(
                w in german_words and stem(w, language) not in own_words for w in term_words)
            if is_german:
                german.append(" ".join(term_words))
            elif term_words:
                own.append(_content_words(term, language) or term_words)
        for phrase in own:
            for target in german:
                _add(table, language, phrase, target, SYNONYM_WEIGHT)


# --- one dictionary per process, rebuilt when content or synonyms change ------------------
_current: dict = {"dictionary": None, "version": None, "checked": 0.0}
_lock = threading.Lock()


def _version() -> tuple:
    from .synonyms import _version as synonyms_version

    try:
        announced = cache.get(VERSION_KEY)
    except Exception:  # the cache is down: a change made elsewhere shows after a restart
        announced = None
    return (connection.settings_dict["NAME"], announced, synonyms_version())


def get_dictionary() -> Dictionary:
    # Read once into a local: another thread's mark_stale() may empty the slot meanwhile.
    now, dictionary = time.monotonic(), _current["dictionary"]
    if dictionary is not None and now - _current["checked"] < CHECK_EVERY_SECONDS:
        return dictionary
    version = _version()
    with _lock:
        dictionary = _current["dictionary"]
        if dictionary is None or _current["version"] != version:
            started = time.monotonic()
            dictionary = build()
            _current.update(dictionary=dictionary, version=version)
            logger.info("Cross-language dictionary built in %.0f ms.",
                        (time.monotonic() - started) * 1000)
            settle()
        _current["checked"] = now
    return dictionary


def german_query(text: str, language: str) -> str:
    """The German words to search for a question in `language`."""
    return get_dictionary().translate(text, language)


def mark_stale() -> None:
    """Content or synonyms changed: this process builds anew at once, every other one on its
    next check (through the shared cache)."""
    _current.update(dictionary=None, checked=0.0)
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    except Exception:
        logger.warning("Could not announce a dictionary change.", exc_info=True)
