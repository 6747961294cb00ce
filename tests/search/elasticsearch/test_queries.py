"""Request bodies the engine sends for representative queries."""

import datetime
from types import SimpleNamespace

import pytest

from search.elastic import queries
from search.elastic.indices import alias_name
from search.engines.base import SearchQuery

TODAY = datetime.date(2026, 12, 2)


GROUPS = [["Zuschuss", "Zuwendung", "Förderung"], ["Spendenquittung", "Zuwendungsbestätigung"]]
PAST = {"bool": {"must_not": [{"range": {"dates.deadline": {"lt": "2026-12-02"}}}]}}
# Past events (events/search_types.py) are hidden the same way.
PAST_EVENTS = {"bool": {"must_not": [{"range": {"dates.end_date": {"lt": "2026-12-02"}}}]}}


def body(synonyms=(), **kwargs):
    """The request body; facet values by facet key (type=("funding",), region=(...))."""
    from cms.searchable import registry

    kwargs.setdefault("text", "verein gründen")
    kwargs.setdefault("locale", "de")
    filters = {f.key: kwargs.pop(f.key) for f in registry.facets if f.key in kwargs}
    return queries.search_body(SearchQuery(today=TODAY, filters=filters, **kwargs), synonyms)


def text_clauses(b):
    query = b["query"].get("function_score", {}).get("query", b["query"])
    return query["bool"]["should"]


def post_filters(b):
    return b.get("post_filter", {"bool": {"filter": []}})["bool"]["filter"]


def test_text_is_matched_with_typo_tolerance_and_phrase_and_title_boosts():
    fuzzy, all_words, phrase, *_ = text_clauses(body(text="gemeinützigkeit"))
    assert fuzzy["multi_match"]["query"] == "gemeinützigkeit"
    assert fuzzy["multi_match"]["fuzziness"] == "AUTO"
    assert fuzzy["multi_match"]["prefix_length"] == 1
    assert "title^4" in fuzzy["multi_match"]["fields"]
    assert all_words["multi_match"]["operator"] == "and"
    assert all_words["multi_match"]["type"] == "cross_fields"
    assert phrase["multi_match"]["type"] == "phrase"
    assert phrase["multi_match"]["fields"][0] == "title^8"
    assert body(text="Zuschuss Verein")["query"]["bool"]["minimum_should_match"] == 1


def test_types_whose_own_words_the_search_lacks_score_less():
    """As in the database engine: without a word for funding, programmes score 0.7."""
    weighted = body(text="Satzung und Mitglieder")["query"]["function_score"]
    assert weighted["functions"] == [{"filter": {"terms": {"type": ["funding"]}},
                                      "weight": 0.7}]
    assert weighted["boost_mode"] == "multiply"
    assert "function_score" not in body(text="Zuschuss Satzung")["query"]
    assert "function_score" not in body(text="", locale="de")["query"]
    # The finder, or a place read from the text: only programmes, nothing to weigh against.
    assert "function_score" not in body(text="Satzung", type=("funding",))["query"]
    assert "function_score" not in body(text="Satzung", region=("berlin",))["query"]


def test_german_and_ukrainian_also_match_trigrams_other_languages_do_not():
    for language in ("de", "uk"):
        ngram = text_clauses(body(locale=language))[-1]["multi_match"]
        assert ngram["fields"] == ["title.ngram^2", "body.ngram"]
        assert ngram["boost"] < 1
    assert len(text_clauses(body(locale="en"))) == 3


def test_synonyms_are_added_at_query_time():
    clauses = text_clauses(body(text="Zuwendung Berlin", synonyms=GROUPS, locale="en"))
    alternatives = [c["multi_match"]["query"] for c in clauses[3:]]
    assert alternatives == ["Zuschuss Berlin", "Förderung Berlin"]
    assert all(c["multi_match"]["boost"] < 1 for c in clauses[3:])


def test_synonym_queries_match_whole_words_in_any_case():
    assert queries.synonym_queries("zuwendungsbestätigung", GROUPS) == ["Spendenquittung"]
    assert queries.synonym_queries("Zuwendungen", GROUPS) == []
    assert queries.synonym_queries("Satzung", GROUPS) == []


def test_synonym_queries_find_terms_of_several_words_and_signs():
    groups = [["e. V.", "eingetragener Verein"], ["§ 21 BGB", "Vereinsregister"], *GROUPS]
    assert queries.synonym_queries("Satzung für einen E. V. schreiben", groups) == [
        "Satzung für einen eingetragener Verein schreiben"]
    assert queries.synonym_queries("eingetragener verein gründen", groups) == [
        "e. V. gründen"]
    assert queries.synonym_queries("was sagt § 21 BGB", groups) == ["was sagt Vereinsregister"]


def test_empty_text_matches_everything_for_facet_browsing():
    b = body(text="")
    assert b["query"] == {"match_all": {}}
    assert "suggest" not in b


def test_past_deadlines_hidden_by_default():
    assert post_filters(body()) == [PAST, PAST_EVENTS]


def test_include_past_shows_past_deadlines():
    assert "post_filter" not in body(include_hidden=True)
    assert PAST not in post_filters(body(deadline="past"))


def test_each_facet_becomes_a_filter():
    b = body(type=("funding", "guide"), topic="foerdermittel", region=("berlin",),
             eligible=("verein", "initiative"), amount="upto-5000", own_share="none")
    # Only programmes carry the funding facets' values, so those filters leave only them;
    # a nationwide programme carries every region (test_documents).
    assert post_filters(b) == [
        {"terms": {"facets.type": ["funding", "guide"]}},
        {"terms": {"facets.topic": ["foerdermittel"]}},
        {"terms": {"facets.region": ["berlin"]}},
        {"terms": {"facets.eligible": ["initiative", "verein"]}},
        PAST,
        {"terms": {"facets.amount": ["upto-5000"]}},
        {"terms": {"facets.own_share": ["none"]}},
        PAST_EVENTS,
    ]


@pytest.mark.parametrize("state, expected", [
    ("open", {"range": {"dates.deadline": {"gt": "2027-01-01"}}}),
    ("soon", {"range": {"dates.deadline": {"gte": "2026-12-02", "lte": "2027-01-01"}}}),
    ("rolling", {"bool": {"filter": [{"term": {"type": "funding"}}],
                          "must_not": [{"exists": {"field": "dates.deadline"}}]}}),
    ("past", {"range": {"dates.deadline": {"lt": "2026-12-02"}}}),
])
def test_deadline_states_are_date_ranges_from_today(state, expected):
    assert expected in post_filters(body(deadline=state))


def test_deadline_buckets_agree_with_the_page_model():
    """The ranges give the same state as FundingProgrammePage.deadline_state()."""
    from funding.models import FundingProgrammePage
    from funding.search_types import deadline_filters

    ranges = deadline_filters(TODAY)
    for days in (-1, 0, 1, 29, 30, 31, 400):
        deadline = TODAY + datetime.timedelta(days=days)
        # Unbound: a page instance would need the database for its locale.
        expected = FundingProgrammePage.deadline_state(SimpleNamespace(deadline=deadline),
                                                       TODAY)
        matching = [state for state, clause in ranges.items()
                    if "range" in clause and _in_range(deadline, clause["range"]["dates.deadline"])]
        assert matching == [expected], days


def _in_range(day, bounds):
    iso = day.isoformat()
    return all({"gt": iso > v, "gte": iso >= v, "lt": iso < v, "lte": iso <= v}[op]
               for op, v in bounds.items())


def test_unknown_deadline_state_matches_nothing():
    assert {"match_none": {}} in post_filters(body(deadline="tomorrow"))


def agg_filters(b, facet):
    return b["aggs"][facet]["filter"]["bool"]["filter"]


def test_aggregations_for_every_facet_key():
    aggs = body()["aggs"]
    assert set(aggs) == {"type", "topic", "region", "eligible", "deadline", "amount",
                         "own_share", "date"}
    # Values stored in the document are counted as terms (every region's bucket counts the
    # nationwide programmes: they carry every region); day-dependent ones by their filters.
    assert aggs["region"]["aggs"]["values"]["terms"]["field"] == "facets.region"
    assert aggs["region"]["aggs"]["values"]["terms"]["size"] >= 400  # every district too
    assert set(aggs["deadline"]["aggs"]["values"]["filters"]["filters"]) == {
        "open", "soon", "rolling", "past"}
    assert set(aggs["date"]["aggs"]["values"]["filters"]["filters"]) == {
        "this_week", "this_month", "later", "past"}


def test_each_facet_counts_without_its_own_filter():
    b = body(type=("funding",), region=("bayern",), include_hidden=False)
    type_filter = {"terms": {"facets.type": ["funding"]}}
    region_filter = {"terms": {"facets.region": ["bayern"]}}
    # The type facet offers the other types to switch to, within the region chosen.
    assert agg_filters(b, "type") == [region_filter, PAST, PAST_EVENTS]
    # The region facet offers the other regions, within the type chosen.
    assert agg_filters(b, "region") == [type_filter, PAST, PAST_EVENTS]
    # The deadline facet counts past programmes too, so readers can ask for them.
    assert agg_filters(b, "deadline") == [type_filter, region_filter, PAST_EVENTS]
    assert agg_filters(b, "amount") == [type_filter, region_filter, PAST, PAST_EVENTS]
    assert agg_filters(b, "date") == [type_filter, region_filter, PAST]


def test_highlight_marks_matches_in_escaped_snippets():
    highlight = body()["highlight"]
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert highlight["encoder"] == "html"
    assert set(highlight["fields"]) == {"body", "summary"}


def test_sort_by_deadline_ranks_open_then_rolling_then_past_then_the_rest():
    rank, by_date, score = body(sort="deadline")["sort"]
    script = rank["_script"]["script"]
    assert rank["_script"]["order"] == "asc"
    assert script["params"] == {"today": 1796169600000}  # 2026-12-02T00:00Z in ms
    assert "return 3" in script["source"] and "return 1" in script["source"]
    assert by_date == {"dates.deadline": {"order": "asc", "missing": "_last"}}
    assert score == "_score"
    assert "sort" not in body()


def test_paging_is_kept_inside_the_result_window():
    assert (body(offset=20, limit=10)["from"], body(offset=20, limit=10)["size"]) == (20, 10)
    deep = body(offset=50_000, limit=10)
    assert (deep["from"], deep["size"]) == (10_000, 0)
    assert body(offset=-5)["from"] == 0


def test_suggestion_comes_from_the_phrase_suggester_and_only_with_hits():
    suggest = body(text="gemeinützigkeit")["suggest"]
    assert suggest["text"] == "gemeinützigkeit"
    phrase = suggest["did_you_mean"]["phrase"]
    assert phrase["field"] == "spell"
    assert phrase["collate"]["prune"] is False


def test_autocomplete_uses_search_as_you_type_subfields():
    b = queries.autocomplete_body("Sat", 8)
    assert b["query"]["multi_match"]["type"] == "bool_prefix"
    assert b["query"]["multi_match"]["fields"] == ["suggest", "suggest._2gram",
                                                   "suggest._3gram"]
    assert b["size"] == 8
    assert queries.autocomplete_body("Sat", 5000)["size"] == 50


def test_every_locale_reads_its_own_alias(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "ww"
    assert [alias_name(code) for code in ("de", "ar", "vi")] == ["ww-de", "ww-ar", "ww-vi"]
