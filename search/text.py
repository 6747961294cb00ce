"""Words, stems and highlighted snippets, the same for every language the site has."""

import html
import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

from cms.searchable_text import CLOSED, LINE_MARK

from . import stopwords

WORD = re.compile(r"\w+")
# Arabic and Persian vowel marks and the tatweel are not part of how a word is spelled.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")
MIN_WORD = 2

# Snowball has no Ukrainian or Vietnamese stemmer: Russian is close enough for Ukrainian
# endings; Vietnamese words do not inflect.
STEMMER_LANGUAGE = {
    "de": "german", "en": "english", "ar": "arabic", "fa": "persian", "ru": "russian",
    "uk": "russian", "tr": "turkish",
}


# Words too common to narrow a search (search/stopwords.py); dropped from the AND of a query.
STOP_WORDS = stopwords.STOP_WORDS


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    # Turkish capital İ casefolds to "i" plus a combining dot, which no word pattern counts
    # as part of the word: "İtiraz" would be searched as "tiraz".
    return ARABIC_MARKS.sub("", text).replace("İ", "i").casefold()


# Abbreviations made of single letters, which words() leaves out: read as what they stand
# for. Most associations write their name with "e. V."; "Was ist ein e. V.?" searched for
# "was ist ein" alone. Not "eV": a Turkish word (house).
# Not inside an address ("info@verein-e.v.de") or another abbreviation ("K.e.V.").
_ABBREVIATIONS = ((re.compile(r"(?<![\w.@/-])e\.\s?v(?:\.(?!\w)|(?![\w.]))", re.IGNORECASE),
                   "eingetragener Verein"),)


def spelled_out(text: str) -> str:
    for pattern, meaning in _ABBREVIATIONS:
        text = pattern.sub(meaning, text)
    return text


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(normalise(text)) if len(w) >= MIN_WORD]


@lru_cache(maxsize=65_536)  # words repeat: ranking folds every candidate's title
def fold(word: str) -> str:
    """A word without diacritics, as SQLite's FTS5 tokeniser compares it."""
    return _unmarked(word)


def _unmarked(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


# Languages whose readers often type without their letters' marks ("hoi" for "hội").
UNMARKED_TYPING = {"vi"}


def plain(word: str, cached: bool = True) -> str:
    """A word as typed without Vietnamese tone marks and letters: "hội" -> "hoi", "đức" ->
    "duc" (many readers type Vietnamese on a keyboard without them). cached=False for a
    pass over every indexed word, which would evict the words ranking folds."""
    return (fold(word) if cached else _unmarked(word)).replace("đ", "d")


# A Snowball stemmer keeps the word it works on in itself: two threads sharing one garble
# each other's words (search.overlap stems on a second thread; so do threaded servers).
_stemmers = threading.local()


def _stemmer(language: str):
    name = STEMMER_LANGUAGE.get(language, "german")
    own = _stemmers.__dict__
    if name not in own:
        own[name] = snowballstemmer.stemmer(name)
    return own[name]


# Arabic writes "and"/"so" (و ف) onto the word, before the article and its prepositions
# (والجمعية, فبالتمويل); Snowball's Arabic stemmer takes off ال بال لل كال but not these.
ARABIC_CONJUNCTION = re.compile("^[وف](?=(?:ال|بال|كال|لل)..)")
ARABIC_ALEF = str.maketrans("أإآ", "ااا")
# The feminine plural -ات as its singular -ة: Snowball stems جمعيات to جمعيا, جمعية to جمع.
ARABIC_PLURAL = re.compile("(?<=...)ات$")
# -ة before a possessive pronoun is written ت (جمعيتنا "our association"): back to ة.
ARABIC_POSSESSIVE = re.compile("(?<=..)ت(?:نا|كم|كن|هم|هن|ها|ه|ك|ي)$")
# A one-letter preposition or conjunction written onto a word without the article
# (لجمعية, بتمويل, وطلب); Snowball leaves them, as the letter may belong to the word.
ARABIC_LETTER_PREFIX = re.compile("^[لبكوف](?=...)")


@lru_cache(maxsize=65_536)  # titles repeat words: German results' titles are stemmed per search
def stem(word: str, language: str) -> str:
    if language == "vi":
        return word
    if language == "ar":
        word = ARABIC_CONJUNCTION.sub("", word.translate(ARABIC_ALEF))
        word = ARABIC_POSSESSIVE.sub("ة", ARABIC_PLURAL.sub("ة", word))
    return _stemmer(language).stemWord(word)


def query_stems(word: str, language: str) -> set[str]:
    """The stems a reader's word may have: its stem, and in Arabic also the stem without a
    one-letter prefix (لجمعيتنا -> جمعية). Looked up among the indexed words' stems only,
    so a letter that belongs to the word costs at most a few extra alternatives."""
    found = {stem(word, language)}
    if language == "ar" and ARABIC_LETTER_PREFIX.match(word):
        found.add(stem(ARABIC_LETTER_PREFIX.sub("", word), language))
    return found


# Readers of every language type German words; but in a language written in Latin letters a
# short German function word may be a word of its own (an: Vietnamese "safe", bin: Turkish
# "thousand"), so there only the longer German ones count.
OWN_SCRIPT_LATIN = {"en", "tr", "vi"}
MIN_GERMAN_IN_LATIN = 4


def is_stop_word(word: str, language: str) -> bool:
    if word in STOP_WORDS.get(language, ()):
        return True
    if language in OWN_SCRIPT_LATIN and len(word) < MIN_GERMAN_IN_LATIN:
        return False
    return word in STOP_WORDS["de"]


def match_pattern(matches: set[str]) -> re.Pattern | None:
    """One regex for every word to mark, as written and without diacritics."""
    if not matches:
        return None
    alternatives = sorted({re.escape(m) for m in matches}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


# A block that does not close its own sentence (CLOSED: a heading, a label) gets a separator,
# so it does not run into the next block's text in a snippet.
TAGS = re.compile(r"<[^>]*>")
BLOCK_SEPARATOR = f" {LINE_MARK} "


def joined_blocks(text: str) -> str:
    """Indexed text, one block a line, as one line for a snippet."""
    out, previous = [], ""
    for line in (" ".join(line.split()) for line in text.split("\n")):
        if not line:
            continue
        if previous:
            # Elasticsearch's highlights are escaped: '"' is "&quot;", whose ";" closes nothing.
            tail = html.unescape(TAGS.sub("", previous[-60:]))
            out.append(" " if CLOSED.search(tail) else BLOCK_SEPARATOR)
        out.append(line)
        previous = line
    # A field's own-line mark with nothing after it (a programme without text; OwnLineField)
    return "".join(out).removesuffix(f" {LINE_MARK}")


def highlight(text: str, pattern: re.Pattern | None, width: int = 220) -> str:
    """An escaped window of `text` around the first matching word, matches in <mark>."""
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 4) + 1
    end = min(len(text), start + width)
    if end < len(text) and " " in text[start:end]:
        end = text.rfind(" ", start, end)
    window = text[start:end]
    # A cut next to a separator: "… · Eine" and "Protokoll · …" read as "… Eine", "Protokoll …"
    if start > 0:
        window = window.removeprefix(f"{LINE_MARK} ")
    if end < len(text):
        window = window.removesuffix(f" {LINE_MARK}")
    parts, pos = [], 0
    for m in (pattern.finditer(window) if pattern else ()):
        parts.append(escape(window[pos:m.start()]))
        parts.append(f"<mark>{escape(m.group())}</mark>")
        pos = m.end()
    parts.append(escape(window[pos:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(parts).strip() + suffix
