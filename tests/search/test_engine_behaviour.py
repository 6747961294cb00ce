"""What readers notice about search, run against every engine (see the `engine` fixture):
the database engine always, Elasticsearch when ELASTICSEARCH_URL points at a cluster."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from cms.models import GlossaryTerm, GuidePage, Region, TopicPage
from funding.models import FundingProgrammePage

from .conftest import ask, reindex, slugs

pytestmark = pytest.mark.django_db


def test_best_match_first_in_readers_language(engine):
    results = ask(engine, "Testleitfaden Vereinsgründung")
    assert slugs(results)[0] == ("guide", "test-guide")
    assert {h.locale for h in results.hits} == {"de"}


def test_arabic_reader_gets_arabic_pages(engine):
    results = ask(engine, "الجمعية", locale="ar")
    assert ("guide", "test-guide") in slugs(results)
    assert {h.locale for h in results.hits} == {"ar"}


def test_inflected_form_finds_the_word(engine):
    # The fixture says "Satzung"; readers type the plural.
    assert ("glossary", "satzung") in slugs(ask(engine, "Satzungen"))


def test_compound_finds_its_parts(engine):
    # "Testförderung Integration": a reader asks for the compound's head word.
    assert ("funding", "test-foerderung") in slugs(ask(engine, "Förderung"))


def test_typo_is_corrected_and_suggested(engine):
    results = ask(engine, "Satznug")
    assert ("glossary", "satzung") in slugs(results)
    assert results.suggestion == "satzung"


def test_no_suggestion_for_words_spelt_right(engine):
    assert ask(engine, "Satzung").suggestion is None


def test_editors_synonyms(engine):
    # The programme's summary says "Zuschüsse"; the seeded group has Zuwendung.
    assert ("funding", "test-foerderung") in slugs(ask(engine, "Zuwendung"))


def test_new_synonym_from_the_admin_takes_effect(engine):
    from search.models import Synonym

    assert ("guide", "zweiter-leitfaden") not in slugs(ask(engine, "Beschwerde"))
    Synonym.objects.create(language="de", terms="Beschwerde, Widerspruch")
    assert ("guide", "zweiter-leitfaden") in slugs(ask(engine, "Beschwerde"))


def test_snippet_marks_matches_and_escapes_html(engine, guide):
    guide.summary = "Eine <b>Satzung</b> & mehr"
    guide.save_revision().publish()
    reindex(engine)
    hit = next(h for h in ask(engine, "Satzung").hits if h.slug == "test-guide")
    assert "<mark>Satzung</mark>" in hit.snippet
    assert "&lt;b&gt;" in hit.snippet and "<b>" not in hit.snippet
    assert "&amp;" in hit.snippet


def test_snippet_keeps_a_heading_apart_from_its_text(engine, guide):
    guide.summary = ""
    guide.body = [
        ("text", "<p>Notarkosten zahlt der Verein.</p><p>Dazu kommen Gebühren.</p>"),
        ("heading", "Was kostet ein e. V.?"),
        ("text", "<p>Wenig.</p>"),
        ("heading", "Das brauchen Sie"),
        ("text", "<p>Eine Satzung.</p><p>Dazu:</p><ul><li>Protokoll</li><li>Liste</li></ul>"),
    ]
    guide.save_revision().publish()
    reindex(engine)
    hit = next(h for h in ask(engine, "Notarkosten").hits if h.slug == "test-guide")
    # no paragraphs glued ("Verein.Dazu"), no ", " after a question, and a heading or list
    # item without closing punctuation set apart from what follows
    assert ("Verein. Dazu kommen Gebühren. Was kostet ein e. V.? Wenig. Das brauchen Sie · "
            "Eine Satzung. Dazu: Protokoll · Liste") in hit.snippet


def test_a_programmes_funder_does_not_run_into_its_text(engine, second_programme):
    second_programme.funder = "Freistaat Bayern"
    second_programme.summary = ""
    second_programme.body = [("text", "<p>Wer beantragt? Vereine aus Bayern.</p>")]
    second_programme.save_revision().publish()
    reindex(engine)
    hit = next(h for h in ask(engine, "beantragt").hits if h.slug == "bayern-fonds")
    assert "<mark>beantragt</mark>" in hit.snippet
    assert "Bayern Wer" not in hit.snippet
    if engine.name == "database":  # Elasticsearch shows the matching text, not the funder
        assert hit.snippet.startswith("Freistaat Bayern · Wer <mark>beantragt</mark>?")


def test_glossary_hits_carry_slug_and_anchor(engine):
    hit = next(h for h in ask(engine, "Satzung").hits if h.type == "glossary")
    assert hit.slug == "satzung"
    assert hit.url.endswith("#satzung")


def test_unpublished_content_is_not_found(engine, guide):
    guide.unpublish()
    reindex(engine)
    assert ("guide", "test-guide") not in slugs(ask(engine, "Testleitfaden"))


def test_private_content_is_not_found(engine, guide):
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert ("guide", "test-guide") not in slugs(ask(engine, "Testleitfaden"))


def test_type_filter_and_type_facet(engine):
    everything = ask(engine, "Satzung")
    counts = {f.value: f.count for f in everything.facets["type"]}
    assert counts["glossary"] >= 1 and counts["guide"] >= 1
    only_glossary = ask(engine, "Satzung", type=("glossary",))
    assert {h.type for h in only_glossary.hits} == {"glossary"}
    # The type facet still offers the other types to switch to.
    assert {f.value for f in only_glossary.facets["type"]} >= {"guide", "glossary"}


def test_topic_filter(engine):
    results = ask(engine, "Widerspruch Testleitfaden", topic=("behoerden",))
    assert slugs(results) == [("guide", "zweiter-leitfaden")]
    topics = {f.value: f.count for f in ask(engine, "Satzung").facets["topic"]}
    assert topics.get("verein-gruenden", 0) >= 1


@pytest.fixture
def second_programme(db):
    parent = TopicPage.objects.get(locale__language_code="de", slug="foerdermittel")
    page = FundingProgrammePage(
        title="Bayerischer Fonds für Begegnung", slug="bayern-fonds", funder="Freistaat",
        summary="Zuschüsse für Begegnung in Bayern.", amount_min=10_000, amount_max=60_000,
        cofunding_percent=0, deadline=None, programme_url="https://example.org/bayern",
        figures_are_examples=True,
    )
    parent.add_child(instance=page)
    page.regions.set([Region.objects.get_or_create(code="bayern")[0]])
    page.eligible_types.set([])
    page.save_revision().publish()
    return page


def test_funding_facets_with_counts(engine, second_programme):
    reindex(engine)
    results = ask(engine, "Zuschüsse", type=("funding",))
    facets = {key: {f.value: f.count for f in values} for key, values in results.facets.items()}
    # A nationwide programme counts in every region: choosing one lists it.
    assert facets["region"]["bayern"] == 2 and facets["region"]["hamburg"] == 1
    assert facets["region"]["berlin"] == facets["region"]["bundesweit"] == 1
    assert facets["deadline"] == {"open": 1, "rolling": 1}
    assert facets["amount"] == {"upto-5000": 1, "25000-100000": 1}
    assert facets["own_share"] == {"upto10": 1, "none": 1}
    assert facets["eligible"] == {"verein": 1, "initiative": 1}


def test_funding_filters(engine, second_programme):
    reindex(engine)

    def found(**filters):
        return {h.slug for h in ask(engine, "Zuschüsse", **filters).hits}

    # A nationwide programme is open to readers in Bavaria too.
    assert found(region=("bayern",)) == {"bayern-fonds", "test-foerderung"}
    assert found(region=("hamburg",)) == {"test-foerderung"}
    assert found(eligible=("initiative",)) == {"test-foerderung"}
    assert found(amount="25000-100000") == {"bayern-fonds"}
    assert found(own_share="none") == {"bayern-fonds"}
    assert found(deadline="rolling") == {"bayern-fonds"}
    # Guides have no region: a funding filter leaves only programmes.
    assert {h.type for h in ask(engine, "Zuschüsse", region=("berlin",)).hits} == {"funding"}


def test_each_region_count_is_what_choosing_the_region_lists(engine, second_programme):
    reindex(engine)
    offered = ask(engine, "Zuschüsse", type=("funding",)).facets["region"]
    assert len(offered) > 3
    for value in offered:
        chosen = ask(engine, "Zuschüsse", type=("funding",), region=(value.value,))
        assert chosen.count == value.count, value.value


def test_deadlines_soon_past_hidden_and_sorting(engine, second_programme):
    reindex(engine)
    soon = ask(engine, "Zuschüsse", type=("funding",), today=datetime.date(2027, 3, 15))
    assert {f.value: f.count for f in soon.facets["deadline"]}["soon"] == 1
    after = datetime.date(2027, 4, 1)
    hidden = ask(engine, "Zuschüsse", type=("funding",), today=after)
    assert {h.slug for h in hidden.hits} == {"bayern-fonds"}
    assert {f.value: f.count for f in hidden.facets["deadline"]}["past"] == 1
    past = ask(engine, "Zuschüsse", type=("funding",), today=after, deadline=("past",))
    assert {h.slug for h in past.hits} == {"test-foerderung"}
    by_deadline = ask(engine, "Zuschüsse", type=("funding",), sort="deadline")
    assert [h.slug for h in by_deadline.hits] == ["test-foerderung", "bayern-fonds"]


def test_pagination_and_count(engine):
    first = ask(engine, "Satzung Verein", limit=1)
    second = ask(engine, "Satzung Verein", limit=1, offset=1)
    assert first.count == second.count >= 2
    assert first.hits[0].slug != second.hits[0].slug or first.hits[0].type != second.hits[0].type


@pytest.mark.parametrize("filters", [{}, {"type": ("funding",)}])
def test_a_part_of_another_list_has_the_same_best_hits(engine, second_programme, filters):
    # The German results after another language's own ask only for their best hits: the
    # same ones, in the same order, whether or not the engine counts everything.
    counted = ask(engine, "Förderung Verein", limit=2, **filters)
    part = ask(engine, "Förderung Verein", limit=2, counted=False, snippets=False, **filters)
    assert slugs(counted) and slugs(part) == slugs(counted)
    if engine.name == "database":  # the database engine skips what nobody reads
        assert part.facets == {}
        assert {h.snippet for h in part.hits} == {""}


@pytest.mark.parametrize("text", [
    '" * : ( ) ~ ^ \\ /', "title:satzung", "satzung*", "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1", "NEAR(a b)", "ﷺ 中文 😀", "نظام Satzung статут", "x" * 2000, "AND OR NOT",
])
def test_odd_input_never_breaks(engine, text):
    results = ask(engine, text[:200])
    assert results.count >= 0
    assert GuidePage.objects.filter(slug="test-guide").exists()


def test_syntax_characters_around_a_word_still_find_it(engine):
    assert ("glossary", "satzung") in slugs(ask(engine, '"Satzung" (Verein)*'))


def test_empty_text_with_a_filter_lists_the_type(engine):
    results = ask(engine, "", type=("funding",))
    assert slugs(results) == [("funding", "test-foerderung")]


def test_autocomplete_titles_and_glossary_terms(engine):
    titles = [(s.type, s.title) for s in engine.autocomplete("Testleit", "de")]
    assert ("guide", "Testleitfaden Vereinsgründung") in titles
    terms = [(s.type, s.title, s.url) for s in engine.autocomplete("Satz", "de")]
    assert any(t == "glossary" and title == "Satzung" and url.endswith("#satzung")
               for t, title, url in terms)
    assert engine.autocomplete("", "de") == []


def test_glossary_term_edit_is_found(engine):
    term = GlossaryTerm.objects.get(locale__language_code="de", slug="satzung")
    term.definition = "Die Grundordnung mit dem Wort Quittungsblock."
    term.save()
    reindex(engine)
    assert ("glossary", "satzung") in slugs(ask(engine, "Quittungsblock"))
