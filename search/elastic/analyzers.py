"""Text analysis per language, as the `analysis` block of each locale's index settings.

Every index defines the same analyzer NAMES, so one document mapping serves all languages:

- `ww_text`: index-time analyzer for running text (the language's stemming chain);
- `ww_search`: the same chain with the editors' synonyms (a `synonym_graph` filter, which
  Elasticsearch allows only at search time, so a synonym change needs no reindex of content
  but does need a new index: `search_reindex`) and the question, filler and politeness words
  of search/stopwords.py (`ww_filler`, the database engine's stop words): "wie kann ich
  eigentlich ..." leaves the content words to the AND. At search time only: the index keeps
  every word for phrases;
- `ww_ngram`: trigrams for languages where words are glued together or heavily inflected
  (German compounds: "Vereinsgründung" finds "Verein gründen"; Ukrainian, which has no
  built-in analyzer). German uses trigrams on `german_normalization` + the light stemmer
  instead of a `hyphenation_decompounder`: that filter needs a hyphenation XML and a word
  list on every node, which a stock Elasticsearch node does not have.
- `ww_autocomplete`: lowercase + folding for the search_as_you_type title field;
- `ww_spell`: lowercase only, the vocabulary the "did you mean" suggester draws from.

The language chains are Elasticsearch's built-in language analyzers rebuilt from their parts
(as documented under "Language analyzers"), because a built-in analyzer cannot take an extra
filter such as the synonyms.
"""

from search.stopwords import STOP_WORDS
from search.synonyms import synonym_groups

NGRAM = {"type": "ngram", "min_gram": 3, "max_gram": 3}

# Filters each language needs beyond Elasticsearch's own.
LANGUAGE_FILTERS = {
    "de": {
        "ww_stop": {"type": "stop", "stopwords": "_german_"},
        "ww_stemmer": {"type": "stemmer", "language": "light_german"},
    },
    "en": {
        "ww_stop": {"type": "stop", "stopwords": "_english_"},
        "ww_stemmer": {"type": "stemmer", "language": "english"},
        "ww_possessive": {"type": "stemmer", "language": "possessive_english"},
    },
    "ar": {
        "ww_stop": {"type": "stop", "stopwords": "_arabic_"},
        "ww_stemmer": {"type": "stemmer", "language": "arabic"},
    },
    "fa": {"ww_stop": {"type": "stop", "stopwords": "_persian_"}},
    "ru": {
        "ww_stop": {"type": "stop", "stopwords": "_russian_"},
        "ww_stemmer": {"type": "stemmer", "language": "russian"},
    },
    "tr": {
        "ww_lowercase": {"type": "lowercase", "language": "turkish"},
        "ww_stop": {"type": "stop", "stopwords": "_turkish_"},
        "ww_stemmer": {"type": "stemmer", "language": "turkish"},
    },
    "uk": {},
    "vi": {"ww_folding": {"type": "asciifolding", "preserve_original": True}},
}

# (filters before the synonyms, filters after them), by language. Synonyms sit right after
# lowercasing so that editors' words are normalised and stemmed like the text they match.
CHAINS = {
    "de": (["lowercase"], ["ww_stop", "german_normalization", "ww_stemmer"]),
    "en": (["ww_possessive", "lowercase"], ["ww_stop", "ww_stemmer"]),
    "ar": (["lowercase", "decimal_digit"],
           ["ww_stop", "arabic_normalization", "ww_stemmer"]),
    "fa": (["lowercase", "decimal_digit"],
           ["arabic_normalization", "persian_normalization", "ww_stop"]),
    "ru": (["lowercase"], ["ww_stop", "ww_stemmer"]),
    "tr": (["apostrophe", "ww_lowercase"], ["ww_stop", "ww_stemmer"]),
    # No Ukrainian analyzer ships with Elasticsearch (it is a plugin): lowercase, and the
    # trigram subfield catches inflected forms.
    "uk": (["lowercase"], []),
    # Vietnamese words are single syllables; folding lets "tieng viet" find "tiếng Việt".
    "vi": (["lowercase"], ["ww_folding"]),
}

# Fold language-specific letters for prefix matching while typing.
AUTOCOMPLETE_FOLDING = {"de": ["german_normalization"], "ar": ["arabic_normalization"],
                        "fa": ["arabic_normalization", "persian_normalization"]}
NGRAM_LANGUAGES = {"de", "uk"}
DEFAULT_LANGUAGE_CHAIN = "uk"  # for a language added to LANGUAGES without a chain here


def synonym_rules(language: str) -> list[str]:
    """Solr-style rules ("a, b, c": all equivalent) from the editors' synonym groups."""
    rules = []
    for group in synonym_groups(language):
        words = [w.replace(",", " ").strip() for w in group if w and w.strip()]
        if len(words) > 1:
            rules.append(", ".join(words))
    return rules


def analysis_settings(language: str) -> dict:
    """The `analysis` block of the index settings for one language."""
    chain_key = language if language in CHAINS else DEFAULT_LANGUAGE_CHAIN
    before, after = CHAINS[chain_key]
    filters = dict(LANGUAGE_FILTERS[chain_key])
    rules = synonym_rules(language)
    if rules:
        filters["ww_synonyms"] = {
            "type": "synonym_graph",
            "synonyms": rules,
            # A rule that does not analyse cleanly is skipped instead of failing the index.
            "lenient": True,
        }
    synonyms = ["ww_synonyms"] if rules else []
    # The synonym rules are read through the filters before them: a filler word inside a
    # term of several words ("nicht eingetragener Verein", "sự kiện") stays a word there.
    in_terms = {w for group in synonym_groups(language) for term in group
                if len(term.split()) > 1 for w in term.casefold().split()}
    filler = sorted(STOP_WORDS.get(language, frozenset()) - in_terms)
    if filler:
        filters["ww_filler"] = {"type": "stop", "stopwords": filler}
        synonyms.insert(0, "ww_filler")  # before the synonyms, which read their rules
        # through the filters before them: a rule with a filler word still matches
    filters["ww_ngram"] = NGRAM
    char_filters = {}
    text = {"type": "custom", "tokenizer": "standard"}
    if chain_key == "fa":
        # Persian writes the zero-width non-joiner inside words; treat it as a space.
        char_filters["ww_zero_width_spaces"] = {
            "type": "mapping", "mappings": ["\\u200C=>\\u0020"],
        }
        text["char_filter"] = ["ww_zero_width_spaces"]
    lowercase = "ww_lowercase" if chain_key == "tr" else "lowercase"
    analyzers = {
        "ww_text": {**text, "filter": [*before, *after]},
        "ww_search": {**text, "filter": [*before, *synonyms, *after]},
        "ww_autocomplete": {
            **text,
            "filter": [lowercase, *AUTOCOMPLETE_FOLDING.get(chain_key, []), "asciifolding"],
        },
        "ww_spell": {**text, "filter": [lowercase]},
        "ww_ngram": {
            **text,
            "filter": [lowercase, *AUTOCOMPLETE_FOLDING.get(chain_key, []), "ww_ngram"],
        },
    }
    analysis = {"filter": filters, "analyzer": analyzers}
    if char_filters:
        analysis["char_filter"] = char_filters
    return analysis


def uses_ngrams(language: str) -> bool:
    return language in NGRAM_LANGUAGES
