"""Does a reader ask what a word means ("was ist ein Freistellungsbescheid", "شو يعني e.V.")?
Then a glossary term is the answer; a sentence about a task ("Jahreshauptversammlung per Zoom
machen") wants the guide, even where the glossary term has the same words.

The phrases are matched on the normalised text (search.text.normalise) as whole words."""

import re

from .text import is_stop_word, normalise, words

# The registered types (search/registry.py) that explain one word.
DEFINITION_TYPES = {"glossary"}
DEFINITION_PHRASES = {
    "de": ["was ist", "was sind", "was bedeutet", "was bedeuten", "was heißt", "was heisst",
           "bedeutung", "definition"],
    "en": ["what is", "what's", "what’s", "what are", "what does", "meaning", "definition",
           "define"],
    "ar": ["ما هو", "ما هي", "ما معنى", "ماذا يعني", "ماذا تعني", "شو يعني", "شو معنى",
           "شو هو", "شو هي", "يعني ايه", "يعني إيه", "معنى", "تعريف"],
    "fa": ["چیست", "یعنی چه", "یعنی چی", "چیه", "معنی", "تعریف"],
    "ru": ["что такое", "что значит", "что означает", "значение", "определение"],
    "uk": ["що таке", "що означає", "що значить", "значення", "визначення"],
    "tr": ["nedir", "ne demek", "ne demektir", "anlamı", "anlami", "tanımı", "tanimi"],
    "vi": ["là gì", "nghĩa là", "có nghĩa là", "định nghĩa", "la gi"],
}


# "How do we ...": a question about a task, whose answer is a guide even when the rest of it
# is one term ("itiraz nasıl yapılır", "how to appeal").
HOW_PHRASES = {
    "de": ["wie"], "en": ["how"], "ar": ["كيف", "كيفية", "ازاي", "إزاي", "شلون"],
    "fa": ["چطور", "چطوری", "چگونه", "چه طور"], "ru": ["как"], "uk": ["як"],
    "tr": ["nasıl", "nasil"], "vi": ["thế nào", "làm sao", "cách nào", "the nao", "lam sao"],
}


# "What is needed to register an association": a term names itself in a few words.
MAX_DEFINED_WORDS = 3
# "Was ist in der Satzung zu regeln": zu and a verb later on ask what to do.
TASK_AFTER = re.compile(r"(?<!\w)zu\s+\w+")


def _pattern(phrases: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalise(p)) for p in phrases)
                      + r")(?!\w)")


_PATTERNS = {language: _pattern(phrases) for language, phrases in DEFINITION_PHRASES.items()}
_HOW = {language: _pattern(phrases) for language, phrases in HOW_PHRASES.items()}


def _asks(patterns: dict, text: str, language: str) -> re.Match | None:
    text = normalise(text)
    return next((m for lang in (language, "de") if lang in patterns
                 if (m := patterns[lang].search(text))), None)


def asks_for_definition(text: str, language: str) -> bool:
    """True when the text asks what something means, in the reader's language or German: a
    phrase such as "what is", at most MAX_DEFINED_WORDS other words, no task after it."""
    found = _asks(_PATTERNS, text, language)
    if found is None or TASK_AFTER.search(normalise(text), found.end()):
        return False
    named = [w for w in words(text) if not is_stop_word(w, language)]
    return len(named) <= MAX_DEFINED_WORDS


def term_answers(text: str, language: str) -> bool | None:
    """True: a glossary term is the answer ("what is ..."); False: a guide is ("how do we
    ..."); None: the words decide (a term whose title has them all)."""
    if asks_for_definition(text, language):
        return True
    return False if _asks(_HOW, text, language) is not None else None
