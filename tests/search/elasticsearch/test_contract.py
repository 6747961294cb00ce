"""The Elasticsearch engine against a real cluster: set ELASTICSEARCH_URL to run it, e.g.

    docker run -d -p 127.0.0.1:9200:9200 -e discovery.type=single-node \\
        -e xpack.security.enabled=false docker.elastic.co/elasticsearch/elasticsearch:8.15.5
    ELASTICSEARCH_URL=http://127.0.0.1:9200 make test PYTEST_ARGS=tests/search/elasticsearch

Every index it creates carries a random prefix and is deleted at the end.
"""

import datetime
import os
import uuid

import pytest
from django.test import override_settings

from search.elastic.documents import document_id, iter_documents
from search.elastic.indices import alias_name, languages
from search.engines.base import SearchQuery

URL = os.environ.get("ELASTICSEARCH_URL")
pytestmark = [
    pytest.mark.skipif(not URL, reason="ELASTICSEARCH_URL is not set: no cluster to test "
                                       "against (Elasticsearch cannot run on this machine)"),
    pytest.mark.django_db,
]
TODAY = datetime.date(2026, 12, 2)


@pytest.fixture(scope="module")
def engine(django_db_setup, django_db_blocker):
    from search.engines.elasticsearch import ElasticsearchEngine

    prefix = f"wegweiser-test-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_URL=URL, ELASTICSEARCH_INDEX_PREFIX=prefix,
                           SEARCH_ENGINE="elasticsearch"), django_db_blocker.unblock():
        engine = ElasticsearchEngine()
        for language in languages():
            engine.rebuild(language)
        yield engine
        engine.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)


def search(engine, text, locale="de", **kwargs):
    """A search; facet values by facet key (type=("funding",), region=(...))."""
    from cms.searchable import registry

    kwargs.setdefault("today", TODAY)
    filters = {f.key: kwargs.pop(f.key) for f in registry.facets if f.key in kwargs}
    return engine.search(SearchQuery(text=text, locale=locale, filters=filters, **kwargs))


def slugs(results):
    return [hit.slug for hit in results.hits]


def refresh(engine, language="de"):
    engine.client.indices.refresh(index=alias_name(language))


def test_each_language_has_one_index_behind_its_alias(engine):
    for language in languages():
        aliases = engine.client.indices.get_alias(name=alias_name(language))
        assert len(aliases) == 1
        index = next(iter(aliases))
        expected = sum(1 for _doc in iter_documents(language))
        assert engine.client.count(index=index)["count"] == expected


def test_the_title_word_finds_the_guide_first_with_a_marked_snippet(engine):
    results = search(engine, "Testleitfaden")
    assert slugs(results)[0] == "test-guide"
    assert results.engine == "elasticsearch"
    assert results.hits[0].locale == "de" and results.hits[0].type == "guide"
    assert results.hits[0].url.startswith("/de/")


def test_snippets_mark_the_match_and_escape_the_rest(engine):
    results = search(engine, "Amtsgericht")
    snippet = next(hit.snippet for hit in results.hits if hit.slug == "test-guide")
    assert "<mark>Amtsgericht</mark>" in snippet


def test_a_typo_still_finds_the_page_and_suggests_the_word(engine):
    results = search(engine, "Testleitfaen")
    assert "test-guide" in slugs(results)
    assert results.suggestion and "testleitfaden" in results.suggestion.casefold()


def test_a_correct_query_gets_no_suggestion(engine):
    assert search(engine, "Satzung").suggestion is None


def test_part_of_a_compound_finds_the_compound(engine):
    assert "test-guide" in slugs(search(engine, "Leitfaden"))  # "Testleitfaden"


def test_inflected_forms_match(engine):
    assert "satzung" in slugs(search(engine, "Satzungen"))


def test_editors_synonyms_apply(engine):
    # The programme says "Zuschüsse"; "Zuschuss" and "Zuwendung" are in one synonym group,
    # and no fixture text contains "Zuwendung".
    assert "test-foerderung" in slugs(search(engine, "Zuwendung"))


def test_results_stay_in_the_readers_language(engine):
    results = search(engine, "النظام الأساسي", locale="ar")
    assert {"satzung", "test-guide"} <= set(slugs(results))
    assert {hit.locale for hit in results.hits} == {"ar"}


def test_funding_facets_count_the_programme(engine):
    results = search(engine, "", type=("funding",))
    assert slugs(results) == ["test-foerderung"]
    facets = {key: {v.value: v.count for v in values} for key, values in results.facets.items()}
    assert facets["type"] == {"funding": 1}
    assert facets["region"] == {"berlin": 1, "bundesweit": 1}
    assert facets["eligible"] == {"initiative": 1, "verein": 1}
    assert facets["amount"] == {"upto-5000": 1}
    assert facets["own_share"] == {"upto10": 1}
    assert facets["deadline"] == {"open": 1}
    assert facets["topic"] == {"foerdermittel": 1}
    labels = {v.value: v.label for v in results.facets["region"]}
    assert labels["berlin"] == "Berlin"


def test_filters_narrow_the_results(engine):
    assert slugs(search(engine, "", region=("berlin",), type=("funding",))) == [
        "test-foerderung"]
    # A nationwide programme is open to readers in every region.
    assert slugs(search(engine, "", region=("bayern",))) == ["test-foerderung"]
    assert search(engine, "", eligible=("einzelperson",)).count == 0
    assert search(engine, "", own_share="none").count == 0
    assert search(engine, "", topic="foerdermittel", type=("guide",)).count == 0


def test_past_deadlines_are_hidden_unless_asked_for(engine):
    after = datetime.date(2027, 4, 1)
    hidden = search(engine, "Testförderung", today=after)
    assert "test-foerderung" not in slugs(hidden)
    assert {v.value: v.count for v in hidden.facets["deadline"]} == {"past": 1}
    shown = search(engine, "Testförderung", today=after, include_hidden=True)
    assert "test-foerderung" in slugs(shown)
    assert slugs(search(engine, "", today=after, deadline="past")) == ["test-foerderung"]


def test_deadline_soon(engine):
    soon = datetime.date(2027, 3, 15)
    assert slugs(search(engine, "", today=soon, deadline="soon")) == ["test-foerderung"]
    assert search(engine, "", today=soon, deadline="open").count == 0


def test_sort_by_deadline(engine):
    results = search(engine, "", sort="deadline", include_hidden=True, limit=100)
    # The only programme with a deadline comes first; everything without one follows.
    assert results.hits[0].slug == "test-foerderung"


def test_paging(engine):
    everything = search(engine, "", limit=100)
    second = search(engine, "", offset=1, limit=1)
    assert second.count == everything.count
    assert slugs(second) == slugs(everything)[1:2]


def test_query_syntax_is_just_text(engine):
    for text in ['" * : ( ) ~ ^ \\ /', "' OR 1=1 --", "a" * 2000, "مرحبا Satzung"]:
        assert search(engine, text).count >= 0


def test_autocomplete_titles_and_glossary_terms(engine):
    titles = [s.title for s in engine.autocomplete("Testl", "de")]
    assert "Testleitfaden Vereinsgründung" in titles
    assert any(s.type == "glossary" for s in engine.autocomplete("Satz", "de"))


def in_index(engine, page, language="de"):
    doc_id = document_id("cms", page._meta.model_name, page.pk)
    return bool(engine.client.exists(index=alias_name(language), id=doc_id))


def test_unpublish_and_publish_reach_the_index(engine, guide):
    guide.unpublish()
    engine.index_object("cms", "guidepage", guide.pk)
    refresh(engine)
    assert not in_index(engine, guide)
    guide.save_revision().publish()
    engine.index_object("cms", "guidepage", guide.pk)
    engine.index_object("cms", "guidepage", guide.pk)  # twice: idempotent
    refresh(engine)
    assert in_index(engine, guide)
    assert slugs(search(engine, "Testleitfaden")).count("test-guide") == 1


def test_remove_object_and_subtree(engine, guide):
    engine.remove_object("cms", "guidepage", guide.pk)
    engine.remove_object("cms", "guidepage", guide.pk)  # already gone: fine
    refresh(engine)
    assert not in_index(engine, guide)
    assert engine.index_subtree(guide.get_parent().pk) >= 1
    refresh(engine)
    assert in_index(engine, guide)
    assert "test-guide" in slugs(search(engine, "Testleitfaden"))


def test_an_edit_reaches_the_index(engine, guide):
    guide.summary = "Mit dem Wort Quittungsblock."
    guide.save_revision().publish()
    engine.index_object("cms", "guidepage", guide.pk)
    refresh(engine)
    assert "test-guide" in slugs(search(engine, "Quittungsblock"))


def test_a_rebuild_swaps_the_alias_and_drops_the_old_index(engine):
    before = set(engine.client.indices.get_alias(name=alias_name("de")))
    report = engine.rebuild("de")
    after = set(engine.client.indices.get_alias(name=alias_name("de")))
    assert after == {report.index} and not before & after
    assert report.deleted == sorted(before)
    assert not engine.client.indices.exists(index=",".join(before))


def test_content_made_private_disappears_before_the_index_catches_up(engine, guide):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert "test-guide" not in slugs(search(engine, "Testleitfaden"))


def test_a_synonym_added_by_an_editor_works_without_a_rebuild(engine, monkeypatch):
    assert "zweiter-leitfaden" not in slugs(search(engine, "Beschwerde"))
    monkeypatch.setattr("search.engines.elasticsearch.current_groups",
                        lambda language: [["Beschwerde", "Widerspruch"]])
    assert "zweiter-leitfaden" in slugs(search(engine, "Beschwerde"))
