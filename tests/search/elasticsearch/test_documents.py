"""Documents built from the imported fixture site (tests/fixtures/content)."""

import pytest
from wagtail.models import Locale, PageViewRestriction

from cms.models import GlossaryTerm, GuidePage
from funding.models import FundingProgrammePage
from search.elastic.documents import (
    build_document,
    document_id,
    iter_documents,
    live_object,
    plain_text,
)
from search.registry import search_type, type_for_model

pytestmark = pytest.mark.django_db


def docs(language):
    return dict(iter_documents(language))


def test_guide_document(guide):
    doc = docs("de")[document_id("cms", "guidepage", guide.pk)]
    assert doc["type"] == "guide" and doc["locale"] == "de"
    assert doc["title"] == "Testleitfaden Vereinsgründung"
    assert doc["slug"] == "test-guide"
    assert doc["url"] == guide.url
    assert doc["facets"] == {"type": ["guide"], "topic": ["verein-gruenden"]}
    assert doc["suggest"] == doc["title"]
    assert doc["translation_key"] == str(guide.translation_key)
    # Text of every block: steps, checklist, tip, FAQ; no block ids or link targets.
    for words in ("Satzung schreiben", "Protokoll", "Amtsgericht", "Kostet das Geld?"):
        assert words in doc["body"]
    assert "<" not in doc["body"] and "https://" not in doc["body"]
    assert str(guide.body.raw_data[0]["id"]) not in doc["body"]


def test_funding_document_carries_its_facets_facts_and_dates():
    from cms.models import Region

    page = FundingProgrammePage.objects.get(slug="test-foerderung", locale__language_code="de")
    doc = docs("de")[document_id("funding", "fundingprogrammepage", page.pk)]
    assert doc["type"] == "funding" and doc["facets"]["topic"] == ["foerdermittel"]
    # Open nationwide: it carries every region (Länder, districts), so choosing any finds it.
    assert doc["facets"]["region"] == sorted(Region.objects.values_list("code", flat=True))
    assert doc["facets"]["eligible"] == ["initiative", "verein"]
    assert (doc["facets"]["amount"], doc["facets"]["own_share"]) == (["upto-5000"],
                                                                     ["upto10"])
    assert "deadline" not in doc["facets"]  # a state that depends on the day: from the date
    assert doc["dates"] == {"deadline": "2027-03-31"}
    assert doc["facts"] == {"deadline": "2027-03-31", "amount_min": 500, "amount_max": 5000,
                            "cofunding_percent": 10, "regions": ["berlin", "bundesweit"],
                            "eligible": ["initiative", "verein"]}
    assert doc["extra"].startswith("Musterstadt")  # the funder, searched as text


def test_translation_goes_to_its_own_language(arabic_guide):
    arabic = docs("ar")
    doc = arabic[document_id("cms", "guidepage", arabic_guide.pk)]
    assert doc["locale"] == "ar" and doc["title"] == arabic_guide.title
    assert doc["url"].startswith("/ar/")
    assert all(d["locale"] == "ar" for d in arabic.values())
    assert document_id("cms", "guidepage", arabic_guide.pk) not in docs("de")


def test_glossary_term_document():
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="de")
    doc = docs("de")[document_id("cms", "glossaryterm", term.pk)]
    assert doc["type"] == "glossary" and doc["title"] == term.term
    assert doc["summary"] == term.definition
    assert doc["url"].endswith("#satzung")
    assert doc["facets"] == {"type": ["glossary"], "topic": []}


def test_only_live_public_content(guide):
    restricted = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    guide.unpublish()
    ids = docs("de")
    assert document_id("cms", "guidepage", guide.pk) not in ids
    assert document_id("cms", "guidepage", restricted.pk) not in ids
    assert live_object(search_type("guide"), guide.pk) is None
    assert live_object(search_type("guide"), restricted.pk) is None
    # Home and glossary pages are not searchable types.
    assert {d["type"] for d in ids.values()} <= {"guide", "topic", "funding", "glossary",
                                                 "module", "lesson"}


def test_live_object_is_the_specific_page(guide):
    assert live_object(search_type("guide"), guide.pk) == guide
    assert live_object(search_type("guide"), 10**9) is None


def test_single_and_bulk_building_agree(guide):
    single = build_document(guide, search_type("guide"))
    assert single == docs("de")[document_id("cms", "guidepage", guide.pk)]


def test_topic_page_is_its_own_topic():
    from cms.models import TopicPage

    topic = TopicPage.objects.get(slug="verein-gruenden", locale=Locale.get_default())
    assert build_document(topic, search_type("topic"))["facets"]["topic"] == ["verein-gruenden"]


def test_types_by_model():
    assert type_for_model(GuidePage).key == "guide"
    assert type_for_model(GlossaryTerm).key == "glossary"
    from cms.models import HomePage

    assert type_for_model(HomePage) is None


def test_plain_text_of_rich_text_and_blocks():
    raw = [{"type": "text", "id": "abc", "value": "<p>Mit <b>Satzung</b> &amp; Protokoll</p>"},
           {"type": "contact", "id": "x", "value": {"title": "Hilfe", "url": "https://x.de",
                                                    "email": "a@b.de"}}]
    assert plain_text(raw) == "Mit Satzung & Protokoll\nHilfe"  # one block a line


def test_plain_text_keeps_paragraphs_and_list_items_apart():
    html = "<p>Erst die Form.</p><p>Wenn</p><ul><li>A</li><li>B</li></ul>"
    raw = [{"type": "text", "value": html}]
    assert plain_text(raw) == "Erst die Form.\nWenn\nA\nB"
