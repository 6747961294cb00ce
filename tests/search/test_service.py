"""The service around the engines: German results after few in the reader's language,
editors' picks first, and answers from the database when the configured engine fails."""

import datetime
import logging

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import service
from search.engines.base import EngineUnavailable, SearchQuery
from search.engines.database import DatabaseEngine

pytestmark = pytest.mark.django_db


def ask(text, locale="de", **options):
    from cms.searchable import registry

    filters = {f.key: options.pop(f.key) for f in registry.facets if f.key in options}
    return service.search(SearchQuery(text=text, locale=locale, filters=filters, **options))


def test_german_results_follow_when_the_language_has_few():
    # The second guide exists only in German; an Arabic reader still finds it.
    results = ask("Widerspruch", locale="ar")
    hit = next(h for h in results.hits if h.slug == "zweiter-leitfaden")
    assert hit.locale == "de"
    assert hit.url.startswith("/ar/")  # stays under the reader's prefix, shown with a notice
    assert results.count >= 1


def test_no_german_duplicates_of_translated_hits():
    results = ask("الجمعية", locale="ar")
    keys = [(h.type, h.slug) for h in results.hits]
    assert len(keys) == len(set(keys))


def test_topic_facet_of_german_results_is_named_in_the_readers_language(
        django_capture_on_commit_callbacks):
    from cms.models import TopicPage
    from tests.factories import GuidePageFactory

    topic = TopicPage.objects.get(locale__language_code="de", slug="verein-gruenden")
    with django_capture_on_commit_callbacks(execute=True):  # as a request commits it
        GuidePageFactory(parent=topic, title="Kassenprüfung im Verein").save_revision()\
            .publish()
    results = ask("Kassenprüfung", locale="ar")
    assert [h.locale for h in results.hits] == ["de"]  # only the German page has the word
    labels = {f.value: f.label for f in results.facets["topic"]}
    assert labels["verein-gruenden"] == "تأسيس جمعية"


def test_german_reader_gets_no_fallback_label():
    assert {h.locale for h in ask("Widerspruch").hits} == {"de"}


@pytest.fixture
def promotion(guide):
    from cms.models import GuidePage

    second = GuidePage.objects.get(locale__language_code="de", slug="zweiter-leitfaden")
    query = Query.get("satzung")
    SearchPromotion.objects.create(query=query, page=second, description="Von der Redaktion",
                                   sort_order=0)
    return second


def test_editors_pick_comes_first(promotion):
    results = ask("Satzung")
    first = results.hits[0]
    assert (first.slug, first.promoted, first.snippet) == (
        "zweiter-leitfaden", True, "Von der Redaktion")
    assert [h.slug for h in results.hits].count("zweiter-leitfaden") == 1


def test_editors_pick_for_what_readers_typed_with_an_abbreviation(promotion):
    # The search reads "e. V." as "eingetragener Verein"; the pick is on the typed words.
    SearchPromotion.objects.create(query=Query.get("e.V."), page=promotion, sort_order=0)
    first = ask("e.V.").hits[0]
    assert (first.slug, first.promoted) == ("zweiter-leitfaden", True)


def test_editors_pick_in_the_readers_language(guide):
    SearchPromotion.objects.create(query=Query.get("test"), page=guide, sort_order=0)
    first = ask("test", locale="ar").hits[0]
    assert (first.slug, first.locale, first.promoted) == ("test-guide", "ar", True)
    assert first.url.startswith("/ar/")


def test_unpublished_pick_is_not_shown(promotion):
    promotion.unpublish()
    assert not any(h.promoted for h in ask("Satzung").hits)


def test_picks_only_on_the_first_unfiltered_page(promotion):
    assert not any(h.promoted for h in ask("Satzung", type=("glossary",)).hits)
    assert not any(h.promoted for h in ask("Satzung", offset=10).hits)


class BrokenEngine(DatabaseEngine):
    """Stands in for an engine whose server is down (the `es` branch tests the real one
    against a closed port)."""

    name = "broken"

    def search(self, query):
        raise EngineUnavailable("connection refused")

    def autocomplete(self, prefix, locale, limit=8):
        raise ConnectionError("connection refused")


@pytest.fixture
def broken_engine(settings, monkeypatch):
    monkeypatch.setitem(service.ENGINES, "broken", f"{__name__}.BrokenEngine")
    settings.SEARCH_ENGINE = "broken"


def test_failing_engine_falls_back_to_the_database(broken_engine, caplog):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        results = ask("Satzung")
    assert results.engine == "database"
    assert "satzung" in {h.slug for h in results.hits}
    assert "broken" in caplog.text and "connection refused" in caplog.text


def test_failing_engine_autocomplete_falls_back(broken_engine):
    assert any(s.title == "Satzung" for s in service.autocomplete("Satz", "de"))


def test_unknown_engine_setting_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown search engine"):
        service.get_engine("solr")


def test_engine_that_cannot_even_load_falls_back(settings, monkeypatch, caplog):
    monkeypatch.setitem(service.ENGINES, "missing", "search.engines.no_such_module.Engine")
    settings.SEARCH_ENGINE = "missing"
    with caplog.at_level(logging.WARNING, logger="search.service"):
        assert "satzung" in {h.slug for h in ask("Satzung").hits}
    assert "ModuleNotFoundError" in caplog.text


def typed(text, locale="de", **options):
    """As the search page asks: the words the reader typed, read for filters first."""
    from search import understanding

    query, understood = understanding.understood_query(SearchQuery(text=text, locale=locale,
                                                                   **options))
    return understanding.search(query, understood)


def test_a_search_lists_a_passed_programme_rather_than_nothing():
    # The test programme's deadline is 31 March 2027. After it, a search for the programme
    # lists it (its page names the next round), counted and marked as passed.
    after = datetime.date(2027, 4, 1)
    results = typed("Testförderung", today=after)
    assert [(h.type, h.slug) for h in results.hits] == [("funding", "test-foerderung")]
    assert results.count == results.hidden_shown == 1
    assert results.hits[0].facts["deadline_state"] == "past"
    before = typed("Testförderung", today=datetime.date(2026, 12, 1))
    assert before.count == 1 and before.hidden_shown == 0


def test_passed_programmes_come_last_on_every_page():
    after = datetime.date(2027, 4, 1)
    whole = typed("Testförderung Widerspruch", today=after)
    types = [h.type for h in whole.hits]
    assert whole.hidden_shown == 1 and types[-1] == "funding" and "funding" not in types[:-1]
    assert len(types) == whole.count >= 2
    pages = [typed("Testförderung Widerspruch", today=after, offset=i, limit=1).hits
             for i in range(whole.count)]
    assert [h.url for page in pages for h in page] == [h.url for h in whole.hits]
    # Asked for by the reader (?past=1), nothing is added: the engine's list, as counted.
    asked = typed("Testförderung Widerspruch", today=after, include_hidden=True)
    assert asked.hidden_shown == 0 and asked.count == whole.count
    # The finder without words keeps them out.
    assert typed("", today=after, filters={"type": ("funding",)}).count == 0


def test_a_german_passed_programme_is_listed_and_counted_for_another_language():
    # The programme has no Arabic translation: the German part finds it, and after its
    # deadline the Arabic reader's list still ends with it, counted.
    after = datetime.date(2027, 4, 1)
    results = typed("Testförderung", locale="ar", today=after)
    assert [(h.slug, h.locale) for h in results.hits] == [("test-foerderung", "de")]
    assert results.count == results.hidden_shown == 1


def test_past_events_are_not_listed_last():
    # Only a facet that says so (the funding deadline) lists its hidden values last.
    from cms.searchable import registry

    assert [f.key for f in registry.facets if f.hidden_last] == ["deadline"]
    assert "past" in registry.facet("date").hidden
