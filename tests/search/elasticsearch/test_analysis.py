"""The settings and mappings each language's index is created with."""

import pytest
from django.conf import settings

from search.elastic.analyzers import analysis_settings, synonym_rules
from search.elastic.indices import index_definition

LANGUAGES = [code for code, _name in settings.LANGUAGES]
GROUPS = [["Zuschuss", "Zuwendung", "Förderung"], ["Spendenquittung", "Zuwendungsbestätigung"]]


@pytest.fixture(autouse=True)
def synonyms(monkeypatch):
    """The editors' groups (a model on the search branch) as a fixed list."""
    monkeypatch.setattr("search.elastic.analyzers.synonym_groups", lambda language: GROUPS)
# Token filters and char filters Elasticsearch provides under these names (no plugin needed).
BUILT_IN_FILTERS = {
    "lowercase", "asciifolding", "decimal_digit", "apostrophe", "german_normalization",
    "arabic_normalization", "persian_normalization",
}


def analyzers(language):
    return index_definition(language)["settings"]["analysis"]["analyzer"]


def filters_of(language, analyzer):
    return analyzers(language)[analyzer]["filter"]


def custom_filter(language, name):
    return index_definition(language)["settings"]["analysis"]["filter"][name]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_analyzer_the_mapping_names_is_defined(language):
    definition = index_definition(language)
    defined = set(definition["settings"]["analysis"]["analyzer"])
    named = set()

    def walk(properties):
        for field in properties.values():
            named.update(field[k] for k in ("analyzer", "search_analyzer") if k in field)
            walk(field.get("fields", {}))

    walk(definition["mappings"]["properties"])
    assert named and named <= defined, named - defined


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_filter_an_analyzer_uses_exists(language):
    analysis = index_definition(language)["settings"]["analysis"]
    custom = set(analysis["filter"])
    for name, analyzer in analysis["analyzer"].items():
        unknown = set(analyzer["filter"]) - custom - BUILT_IN_FILTERS
        assert not unknown, (name, unknown)
        for char_filter in analyzer.get("char_filter", []):
            assert char_filter in analysis["char_filter"]


def test_german_normalises_umlauts_stems_lightly_and_indexes_trigrams_for_compounds():
    chain = filters_of("de", "ww_text")
    assert chain == ["lowercase", "ww_stop", "german_normalization", "ww_stemmer"]
    assert custom_filter("de", "ww_stemmer") == {"type": "stemmer", "language": "light_german"}
    assert custom_filter("de", "ww_stop")["stopwords"] == "_german_"
    assert custom_filter("de", "ww_ngram") == {"type": "ngram", "min_gram": 3, "max_gram": 3}
    ngram = analyzers("de")["ww_ngram"]["filter"]
    assert ngram == ["lowercase", "german_normalization", "ww_ngram"]
    # No decompounder: it would need a hyphenation file on every node.
    assert all(f.get("type") != "hyphenation_decompounder"
               for f in index_definition("de")["settings"]["analysis"]["filter"].values())


@pytest.mark.parametrize("language, stemmer, stopwords", [
    ("en", "english", "_english_"), ("ar", "arabic", "_arabic_"),
    ("ru", "russian", "_russian_"), ("tr", "turkish", "_turkish_"),
])
def test_languages_with_a_built_in_stemmer_use_it(language, stemmer, stopwords):
    assert "ww_stemmer" in filters_of(language, "ww_text")
    assert custom_filter(language, "ww_stemmer") == {"type": "stemmer", "language": stemmer}
    assert custom_filter(language, "ww_stop")["stopwords"] == stopwords


def test_arabic_and_persian_normalise_letters_and_digits():
    assert {"decimal_digit", "arabic_normalization"} <= set(filters_of("ar", "ww_text"))
    persian = filters_of("fa", "ww_text")
    assert {"decimal_digit", "arabic_normalization", "persian_normalization"} <= set(persian)
    fa = index_definition("fa")["settings"]["analysis"]
    assert analyzers("fa")["ww_text"]["char_filter"] == ["ww_zero_width_spaces"]
    assert fa["char_filter"]["ww_zero_width_spaces"]["mappings"] == ["\\u200C=>\\u0020"]


def test_turkish_lowercases_the_turkish_way():
    assert filters_of("tr", "ww_text")[:2] == ["apostrophe", "ww_lowercase"]
    assert custom_filter("tr", "ww_lowercase") == {"type": "lowercase", "language": "turkish"}


def test_ukrainian_and_vietnamese_have_sensible_defaults():
    assert filters_of("uk", "ww_text") == ["lowercase"]
    assert filters_of("vi", "ww_text") == ["lowercase", "ww_folding"]
    assert custom_filter("vi", "ww_folding") == {"type": "asciifolding",
                                                 "preserve_original": True}


def test_an_unknown_language_falls_back_to_the_default_chain():
    assert analysis_settings("xx")["analyzer"]["ww_text"]["filter"] == ["lowercase"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_synonyms_apply_at_search_time_only(language):
    assert "ww_synonyms" in filters_of(language, "ww_search")
    assert "ww_synonyms" not in filters_of(language, "ww_text")
    # Synonyms come right after lowercasing, so they are stemmed like the text.
    search, text = filters_of(language, "ww_search"), filters_of(language, "ww_text")
    assert [f for f in search if f not in ("ww_synonyms", "ww_filler")] == text
    synonyms = custom_filter(language, "ww_synonyms")
    assert synonyms["type"] == "synonym_graph" and synonyms["lenient"] is True
    assert "Zuschuss, Zuwendung, Förderung" in synonyms["synonyms"]
    assert "Spendenquittung, Zuwendungsbestätigung" in synonyms["synonyms"]


def test_synonym_rules_skip_single_words_and_commas(monkeypatch):
    monkeypatch.setattr("search.elastic.analyzers.synonym_groups",
                        lambda language: [["Verein"], ["e.V., eingetragen", "Verein "], []])
    assert synonym_rules("de") == ["e.V.  eingetragen, Verein"]


def test_without_synonyms_the_search_analyzer_is_the_index_analyzer_without_fillers(
        monkeypatch):
    monkeypatch.setattr("search.elastic.analyzers.synonym_groups", lambda language: [])
    analysis = analysis_settings("de")
    assert "ww_synonyms" not in analysis["filter"]
    search = analysis["analyzer"]["ww_search"]
    assert {**search, "filter": [f for f in search["filter"] if f != "ww_filler"]} == \
        analysis["analyzer"]["ww_text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_question_and_filler_words_are_dropped_from_queries_not_from_the_index(language):
    """The same words the database engine leaves out (search/stopwords.py)."""
    assert "ww_filler" in filters_of(language, "ww_search")
    assert "ww_filler" not in filters_of(language, "ww_text")
    words = set(custom_filter(language, "ww_filler")["stopwords"])
    assert {"eigentlich", "bitte", "wie"} <= words or language != "de"
    assert not {"verein", "geld", "frist", "association", "money"} & words


def test_mapping_fields():
    mappings = index_definition("de")["mappings"]
    properties = mappings["properties"]
    for keyword in ("type", "locale", "slug", "translation_key"):
        assert properties[keyword]["type"] == "keyword", keyword
    assert properties["url"] == {"type": "keyword", "index": False}
    # Whatever the registered types carry: facet values as keywords, date facts as dates,
    # the facts themselves only stored (cms.searchable).
    templates = {name: rule for entry in mappings["dynamic_templates"]
                 for name, rule in entry.items()}
    assert templates["facet_values"] == {"path_match": "facets.*",
                                         "mapping": {"type": "keyword"}}
    assert templates["date_facts"] == {"path_match": "dates.*", "mapping": {"type": "date"}}
    assert properties["facts"] == {"type": "object", "enabled": False}
    assert properties["extra"]["analyzer"] == "ww_text"
    assert properties["suggest"] == {"type": "search_as_you_type",
                                     "analyzer": "ww_autocomplete"}
    title = properties["title"]
    assert (title["analyzer"], title["search_analyzer"]) == ("ww_text", "ww_search")
    assert title["fields"]["ngram"]["analyzer"] == "ww_ngram"
    assert title["copy_to"] == ["spell"] or title["copy_to"] == "spell"
    assert properties["spell"]["analyzer"] == "ww_spell"


def test_index_settings_refresh_quickly_on_one_shard():
    index = index_definition("de")["settings"]
    assert index["number_of_shards"] == 1
    assert index["refresh_interval"] == "1s"
