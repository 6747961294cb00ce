"""Dictionary lemmas (simplemma) for the languages it knows: "Vereinen" -> Verein,
"gegründet" -> gründen, "объединений" -> объединение, "dernekler" -> dernek. Snowball stems
cut endings by rule; lemmas also join forms whose stems differ (Anträge/Antrag, Gelder/Geld).
simplemma has no Arabic or Vietnamese: Arabic words go through search.text.stem, Vietnamese
words do not inflect.

Each language's dictionary is loaded on first use (0.1-2 s, 20-170 MB of memory each).
"""

import re
from functools import lru_cache

import simplemma

LEMMA_LANGUAGES = {"de", "en", "ru", "uk", "tr", "fa"}
# A language's dictionary only knows words of its own script: the others are skipped
# without a look-up (the vocabulary holds every language's words).
SCRIPT = {
    "de": re.compile(r"^[a-zäöüß]"), "en": re.compile(r"^[a-z]"),
    "tr": re.compile(r"^[a-zçğıöşü]"), "ru": re.compile(r"^[а-яё]"),
    "uk": re.compile(r"^[а-щьюяєіїґ']"), "fa": re.compile(r"^[\u0600-\u06ff]"),
}


# Kept across vocabulary rebuilds: after an edit only new words are looked up.
@lru_cache(maxsize=262_144)
def lemmas(word: str, language: str) -> tuple[str, ...]:
    """The lemmas of a lower-cased word, none where simplemma does not know the language
    or the word. German nouns are capitalised in the dictionary: "vereine" lower-cased is
    read as the verb "vereinen", "Vereine" as the noun "Verein"; both count."""
    script = SCRIPT.get(language)
    if script is None or not script.match(word):
        return ()
    found = {simplemma.lemmatize(word, lang=language).casefold()}
    if language == "de":
        found.add(simplemma.lemmatize(word.capitalize(), lang="de").casefold())
    return tuple(sorted(found))
