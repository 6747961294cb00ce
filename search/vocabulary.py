"""The words the index holds, for "did you mean", inflection and compound expansion.

Built from Wagtail's own index table (the text of every indexed object), so it knows exactly
the words a search can match. One copy per process, rebuilt when the index changes.
"""

import logging
import threading
import time
import uuid
from collections import Counter, defaultdict
from functools import cached_property

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max
from rapidfuzz import fuzz, process
from wagtail.search.models import IndexEntry

from .lemmas import LEMMA_LANGUAGES, lemma_table, lemmas
from .longlived import settle
from .text import MIN_WORD, plain, query_stems, stem, words

CHECK_EVERY_SECONDS = 10
# Edits update index entries in place (same count, same last id): every change that writes
# words announces itself through the shared cache (mark_stale), so a full rebuild after a
# fixed age is only the safety net for changes made behind the site's back. At 20,000 pages
# a rebuild costs one search 1-2 s, which every process paid every 5 minutes before.
MAX_AGE_SECONDS = 3600
CHANGES_KEY = "search:vocabulary:changes"
FUZZY_CUTOFF = 82  # rapidfuzz ratio, 0..100: "gemeinützigkeit" -> "gemeinnützigkeit" is 97
SHORT_WORD_CUTOFF = 88  # short words: one letter off is already a different word
SHORT_WORD = 6
MIN_FUZZY_LENGTH = 4
MIN_COMPOUND_PART = 4
# What stands between the stem and the rest of a word where the inclusive form has "*innen":
# Migrant-en-organisationen, Helfer-n, Teilnehmer-innen (MigrantInnen, lower-cased).
GENDER_LINKS = ("en", "n", "innen", "")
GENDER_ENDINGS = ("", "en", "n", "s", "e")  # the index's plural of the rest (-organisationen)
MAX_EXPANSIONS = 12
MAX_MEMO = 50_000
_MISSING = object()

logger = logging.getLogger(__name__)


class Vocabulary:
    def __init__(self, counts: Counter):
        self.counts = counts
        self._lock = threading.Lock()
        self._stems: dict[str, dict[str, list[str]]] = {}
        self._lemmas: dict[str, dict[str, list[str]]] = {}
        self._plain: dict[str, list[str]] | None = None
        self._memo: dict[tuple, object] = {}  # per-word answers: queries repeat words

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    @cached_property
    def _choices(self) -> list[str]:
        return [w for w in self.counts if len(w) >= MIN_FUZZY_LENGTH and not w.isdigit()]

    def _stem_index(self, language: str) -> dict[str, list[str]]:
        with self._lock:
            if language not in self._stems:
                index = defaultdict(list)
                for word in self.counts:
                    index[stem(word, language)].append(word)
                self._stems[language] = index
                settle()  # built after the vocabulary: frozen with it
            return self._stems[language]

    def _plain_index(self) -> dict[str, list[str]]:
        """Plain letters -> the indexed words with marks that have them ("hoi" -> hội, hỏi),
        built on the first search typed without marks, once per vocabulary."""
        with self._lock:
            if self._plain is None:
                index = defaultdict(list)
                for word in self.counts:
                    if not word.isascii() and (bare := plain(word, cached=False)).isascii():
                        index[bare].append(word)
                self._plain = index
                settle()
            return self._plain

    def unaccented(self, word: str) -> list[str]:
        """The indexed words a word typed without Vietnamese marks stands for: "hoi" ->
        hội, hỏi; most frequent first. Only for a word of plain letters."""
        if not word.isascii():
            return []
        return self._remember(("plain", word),
                              lambda: self._most_frequent(self._plain_index().get(word, ())))

    def _lemma_index(self, language: str) -> dict[str, list[str]]:
        """Lemma -> the indexed words that have it, built once per language and vocabulary
        (1-3 s when the language's lemma table is built, search.lemmas; then 0.1 s)."""
        with self._lock:
            if language not in self._lemmas:
                started = time.monotonic()
                lemma_table(language, self.counts)
                index = defaultdict(list)
                for word in self.counts:
                    for lemma in lemmas(word, language):
                        index[lemma].append(word)
                self._lemmas[language] = index
                logger.debug("Lemma index (%s) of %d words in %.2f s", language,
                            len(self.counts), time.monotonic() - started)
                settle()
            return self._lemmas[language]

    def _remember(self, key, compute):
        # Read once: another search thread may clear the memo between two reads.
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            found = self._memo[key] = compute()
        return found

    def inflections(self, word: str, language: str) -> list[str]:
        """Indexed words with the same stem or lemma (Förderanträge -> Förderantrag,
        Förderanträgen; Vereinen -> Verein; gegründet -> gründen), most frequent first."""
        return self._remember(("inflections", word, language),
                              lambda: self._inflections(word, language))

    def _inflections(self, word: str, language: str) -> list[str]:
        found = set()
        for lang in {language, "de"}:
            stems = self._stem_index(lang)
            for key in query_stems(word, lang):
                found.update(stems.get(key, ()))
            if lang in LEMMA_LANGUAGES:
                index = self._lemma_index(lang)
                for lemma in lemmas(word, lang):
                    found.update(index.get(lemma, ()))
        return self._most_frequent(found)

    def compound_parts(self, word: str) -> list[str] | None:
        """A German compound split into two indexed words (Vereinsgründung -> vereins,
        gründung), or None."""
        for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail in self.counts and (head in self.counts or head.rstrip("s") in self.counts):
                return [head if head in self.counts else head.rstrip("s"), tail]
        return None

    def gender_forms(self, word: str) -> list[str]:
        """German gender-inclusive spellings of a word as the index holds them: the star,
        colon or underscore splits "Migrant*innenorganisationen" into "migrant" and
        "innenorganisationen", so "Migrantenorganisationen" or "MigrantInnen" ask for both
        words together ("migrant innenorganisationen")."""
        return self._remember(("gender", word), lambda: self._gender_forms(word))

    def _gender_forms(self, word: str) -> list[str]:
        found = []
        for cut in range(MIN_COMPOUND_PART, len(word)):
            head, rest = word[:cut], word[cut:]
            if head not in self.counts:
                continue
            for link in GENDER_LINKS:
                if not rest.startswith(link):
                    continue
                tail = "innen" + rest[len(link):]
                found += [f"{head} {tail}{ending}" for ending in GENDER_ENDINGS
                          if tail + ending in self.counts]
        return list(dict.fromkeys(found))

    def compounds_with(self, word: str, limit: int = 6) -> list[str]:
        """Indexed compounds that begin or end with `word` (Antrag -> Förderantrag,
        Ausstattung -> Ausstattungsfonds)."""
        return self._remember(("compounds", word, limit),
                              lambda: self._compounds_with(word, limit))

    def _compounds_with(self, word: str, limit: int) -> list[str]:
        if len(word) < 5:
            return []
        found = [w for w in self.counts if len(w) - len(word) >= 4
                 and (w.endswith(word) or w.startswith(word))]
        return self._most_frequent(found)[:limit]

    def correct(self, word: str) -> str | None:
        """The closest indexed word to a misspelt one, or None."""
        if len(word) < MIN_FUZZY_LENGTH or word in self.counts:
            return None
        return self._remember(("correct", word), lambda: self._correct(word))

    def _correct(self, word: str) -> str | None:
        cutoff = SHORT_WORD_CUTOFF if len(word) <= SHORT_WORD else FUZZY_CUTOFF
        best = process.extract(word, self._choices, scorer=fuzz.ratio,
                               score_cutoff=cutoff, limit=5)
        if not best:
            return None
        # Among near-equal scores prefer the word readers use most.
        top = max(score for _w, score, _i in best)
        return max((w for w, score, _i in best if score >= top - 3), key=self.counts.get)

    def _most_frequent(self, found) -> list[str]:
        return sorted(found, key=lambda w: (-self.counts[w], w))[:MAX_EXPANSIONS]


def build() -> Vocabulary:
    if connection.vendor == "postgresql":
        return Vocabulary(_postgres_counts())
    # SQLite keeps the indexed text in title/body (its FTS table reads them).
    counts = Counter()
    for title, body in IndexEntry.objects.values_list("title", "body").iterator(2000):
        counts.update(words(f"{title} {body}"))
    return Vocabulary(counts)


def _postgres_counts() -> Counter:
    """ts_stat() counts the words of the stored tsvectors in C: seconds, not minutes, on a
    big site. With the 'simple' config the lexemes are the words as written, lower-cased."""
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word, nentry FROM ts_stat('SELECT title || body FROM {table}')")
        return Counter({word: n for word, n in cursor.fetchall() if len(word) >= MIN_WORD})


def _fingerprint() -> tuple:
    stats = IndexEntry.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (connection.alias, connection.settings_dict["NAME"], stats["n"], stats["last"],
            _announced_change())


def _announced_change() -> str | None:
    try:
        return cache.get(CHANGES_KEY)
    except Exception:  # the cache is down: the counts and MAX_AGE_SECONDS still apply
        return None


_current: dict = {"vocabulary": None, "fingerprint": None, "checked": 0.0, "built": 0.0}
_build_lock = threading.Lock()


def get_vocabulary() -> Vocabulary:
    now = time.monotonic()
    if _current["vocabulary"] is not None and now - _current["checked"] < CHECK_EVERY_SECONDS:
        return _current["vocabulary"]
    fingerprint = _fingerprint()
    with _build_lock:
        stale = now - _current["built"] > MAX_AGE_SECONDS
        if stale or _current["fingerprint"] != fingerprint or _current["vocabulary"] is None:
            _current.update(vocabulary=build(), fingerprint=fingerprint, built=now)
            settle()
        _current["checked"] = now
    return _current["vocabulary"]


def reset() -> None:
    """Forget the vocabulary (tests change the index within one second)."""
    _current.update(vocabulary=None, fingerprint=None, checked=0.0, built=0.0)


def mark_stale() -> None:
    """New words were written: this process checks on its next search, every other process
    (other workers, the Celery worker) on its next check, through the shared cache."""
    _current["checked"] = 0.0
    try:
        cache.set(CHANGES_KEY, uuid.uuid4().hex, None)
    except Exception:
        logger.warning("Could not announce a vocabulary change; other processes see it "
                       "within %d s.", MAX_AGE_SECONDS, exc_info=True)
