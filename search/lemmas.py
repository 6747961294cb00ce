"""Dictionary lemmas (simplemma's dictionaries) for the languages it knows: "Vereinen" ->
Verein, "gegründet" -> gründen, "объединений" -> объединение, "dernekler" -> dernek. Snowball
stems cut endings by rule; lemmas also join forms whose stems differ (Anträge/Antrag,
Gelder/Geld). simplemma has no Arabic or Vietnamese: Arabic words go through
search.text.stem, Vietnamese words do not inflect.

A language's whole dictionary takes 20-170 MB (about 490 MB for the six), too much for every
web and Celery process. Only forms whose lemma some indexed word has can lead a query to a
page, so `lemma_table` keeps just those (a few MB) and lets the dictionary go: the same
matches from a fraction of the memory (benchmarks/RESULTS.md, "Lemmas").
"""

import logging
import pickle
import re
import subprocess
import sys
import threading
import time

# simplemma's own loader: its public lemmatize() keeps every dictionary it opened.
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

logger = logging.getLogger(__name__)
LEMMA_LANGUAGES = {"de", "en", "ru", "uk", "tr", "fa"}
# A language's dictionary only knows words of its own script: the others are skipped
# without a look-up (the vocabulary holds every language's words).
SCRIPT = {
    "de": re.compile(r"^[a-zäöüß]"), "en": re.compile(r"^[a-z]"),
    "tr": re.compile(r"^[a-zçğıöşü]"), "ru": re.compile(r"^[а-яё]"),
    "uk": re.compile(r"^[а-щьюяєіїґ']"), "fa": re.compile(r"^[\u0600-\u06ff]"),
}


# language -> (when it was built, {form: lemmas})
_tables: dict[str, tuple[float, dict[str, tuple[str, ...]]]] = {}
_lock = threading.Lock()
# Kept across vocabulary rebuilds (building one costs 1-3 s, loading the dictionary): built
# anew when more than MAX_MISSING of the indexed words are not in it, or when any is and it
# is older than MAX_AGE_SECONDS. Until then a new word has no lemma; its stem still finds
# its inflections.
MAX_MISSING = 0.01
MAX_AGE_SECONDS = 600


def lemma_table(language: str, words) -> dict[str, tuple[str, ...]]:
    """{lower-case form: its lemmas} for every form whose lemma one of `words` (the indexed
    words) has, the indexed words among them."""
    script = SCRIPT.get(language)
    if script is None:
        return {}
    with _lock:
        known = _tables.get(language)
        if known is not None:
            built, table = known
            own = [w for w in words if script.match(w)]
            missing = sum(1 for w in own if w not in table)
            if missing and (missing > MAX_MISSING * len(own)
                            or time.monotonic() - built > MAX_AGE_SECONDS):
                known = None
        if known is None:
            _tables[language] = known = (time.monotonic(), _built_elsewhere(language, words))
        return known[1]


def lemmas(word: str, language: str) -> tuple[str, ...]:
    """The lemmas of a lower-cased word that indexed words share, none where simplemma does
    not know the language or no indexed word has them (lemma_table must have been built)."""
    known = _tables.get(language)
    return known[1].get(word, ()) if known else ()


def _built_elsewhere(language: str, words) -> dict[str, tuple[str, ...]]:
    """_build in a child process: the dictionary (up to 170 MB) never enters this one, whose
    allocator would keep most of it after use (measured: +159 MB for the six tables built
    here, against the tables' own few MB). In process when no child can be started."""
    try:
        done = subprocess.run([sys.executable, "-m", "search.lemmas"], check=True, timeout=120,
                              input=pickle.dumps((language, sorted(words))),
                              capture_output=True)
        return pickle.loads(done.stdout)
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError) as error:
        logger.warning("Lemma table (%s) built in process: %s", language, error)
        return _build(language, words)


def _build(language: str, words) -> dict[str, tuple[str, ...]]:
    script = SCRIPT[language]
    dictionary = _load_dictionary_from_disk(language)  # bytes -> bytes, dropped on return

    def lemmas_of(word: str) -> set[bytes]:
        # German nouns are capitalised in the dictionary: "vereine" lower-cased is read as
        # the verb "vereinen", "Vereine" as the noun "Verein"; both count.
        variants = (word, word.capitalize()) if language == "de" else (word,)
        return {dictionary.get(v.encode(), v.encode()) for v in variants}

    own = {word: lemmas_of(word) for word in words if script.match(word)}
    wanted = set().union(*own.values()) if own else set()
    table: dict[str, set[bytes]] = {}
    for form, lemma in dictionary.items():
        if lemma in wanted:
            table.setdefault(form.decode().casefold(), set()).add(lemma)
    for word, found in own.items():
        table.setdefault(word, set()).update(found)
    # One str and one tuple per distinct lemma set, shared by its forms (Turkish keeps
    # some 290,000 forms of the demo's words).
    shared: dict[frozenset, tuple[str, ...]] = {}
    return {form: shared.setdefault(frozenset(found), tuple(sorted(
                {lemma.decode().casefold() for lemma in found})))
            for form, found in table.items()}


if __name__ == "__main__":  # the child of _built_elsewhere: (language, words) in, table out
    _language, _words = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(_build(_language, _words)))
