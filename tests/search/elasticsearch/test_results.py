"""Turning Elasticsearch's answer into the contract's SearchResults: snippets, facets in
the database engine's order, and hits the database no longer shows."""

import datetime

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from search.engines.base import SearchHit, SearchQuery
from search.engines.elasticsearch import _hit, _still_visible, _suggestion, facets

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 2)


def raw(highlight=None, **source):
    source = {"type": "guide", "object_id": 1, "title": "T", "url": "/de/t/", "slug": "t",
              "locale": "de", "summary": "Kurz <b>und</b> gut", **source}
    return {"_source": source, "_score": 2.5, "highlight": highlight or {}}


def test_snippet_prefers_a_matching_summary_then_the_text_then_the_escaped_summary():
    both = {"summary": ["Die <mark>Satzung</mark>"], "body": ["… <mark>Satzung</mark> …"]}
    assert _hit(raw(both), TODAY).snippet == "Die <mark>Satzung</mark>"
    text_only = {"summary": ["Kurz &lt;b&gt;und&lt;&#x2F;b&gt;"], "body": ["<mark>x</mark>"]}
    assert _hit(raw(text_only), TODAY).snippet == "<mark>x</mark>"
    assert _hit(raw(), TODAY).snippet == "Kurz &lt;b&gt;und&lt;/b&gt; gut"


def test_a_snippet_shows_blocks_as_one_line_with_headings_set_apart():
    body = {"body": ["Das brauchen Sie\nEine <mark>Satzung</mark>.\nFertig"]}
    assert _hit(raw(body), TODAY).snippet == "Das brauchen Sie · Eine <mark>Satzung</mark>. Fertig"


def test_a_programmes_hit_carries_its_facts_as_of_the_day():
    stored = {"deadline": "2026-12-20", "amount_min": 500, "amount_max": 5000,
              "cofunding_percent": 10, "regions": ["berlin"], "eligible": ["verein"]}
    facts = _hit(raw(type="funding", facts=stored), TODAY).facts
    assert facts["deadline"] == datetime.date(2026, 12, 20)
    assert facts["deadline_state"] == "soon"  # within 30 days of TODAY
    assert (facts["amount_min"], facts["amount_max"], facts["cofunding_percent"]) == (
        500, 5000, 10)
    assert _hit(raw(), TODAY).facts is None  # a guide shows no facts


def test_suggestion_only_when_it_differs():
    suggest = {"did_you_mean": [{"options": [{"text": "satzung", "score": 0.4}]}]}
    assert _suggestion(suggest, "Satznug") == "satzung"
    assert _suggestion(suggest, "Satzung") is None
    assert _suggestion({}, "x") is None


def test_facets_keep_the_label_order_and_show_selected_values():
    aggs = {
        "region": {"values": {"buckets": [{"key": "bundesweit", "doc_count": 2},
                                          {"key": "berlin", "doc_count": 1}]}},
        "deadline": {"values": {"buckets": {"open": {"doc_count": 1},
                                            "soon": {"doc_count": 0},
                                            "past": {"doc_count": 3}}}},
        "type": {"values": {"buckets": [{"key": "funding", "doc_count": 2},
                                        {"key": "guide", "doc_count": 5}]}},
    }
    with translation.override("en"):  # labels in the active (the reader's) language
        result = facets(aggs, SearchQuery(text="", locale="de",
                                          filters={"region": ("hamburg",)}))
    assert [(v.value, v.count) for v in result["region"]] == [
        ("bundesweit", 2), ("berlin", 1), ("hamburg", 0)]  # REGION_CHOICES order
    assert [(v.value, v.count) for v in result["deadline"]] == [("open", 1), ("past", 3)]
    assert [v.value for v in result["type"]] == ["guide", "funding"]  # registry order
    assert result["topic"] == [] and result["amount"] == []
    assert result["region"][0].label == "Nationwide"


def test_topic_labels_in_the_readers_language():
    aggs = {"topic": {"values": {"buckets": [{"key": "verein-gruenden", "doc_count": 1}]}}}
    label = facets(aggs, SearchQuery(text="", locale="ar"))["topic"][0].label
    from cms.models import TopicPage

    assert label == TopicPage.objects.get(slug="verein-gruenden",
                                          locale__language_code="ar").title


def test_hits_of_unpublished_private_or_deleted_objects_are_dropped(guide):
    from cms.models import GlossaryTerm, GuidePage

    other = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")

    def hit(kind, pk):
        return SearchHit(title="", url="", slug="", type=kind, locale="de", snippet="",
                         object_id=pk)

    hits = [hit("guide", guide.pk), hit("guide", other.pk), hit("glossary", term.pk),
            hit("glossary", 10**9)]
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    assert _still_visible(hits) == [hits[0], hits[2]]
    guide.unpublish()
    assert _still_visible(hits) == [hits[2]]
