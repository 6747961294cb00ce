"""A glossary term answers "what is ..." or the word alone; a sentence about a task gets the
guide first (search/definitions.py, search/engines/database.py), and dialect filler words
do not have to be in a page (search/stopwords.py)."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Locale

from cms.models import GlossaryTerm
from search import service, vocabulary
from search.definitions import asks_for_definition, term_answers
from search.engines.base import SearchQuery
from search.engines.database import _type_weight
from search.expansion import ExpandedQuery, expand
from search.models import Synonym
from search.text import is_stop_word

from .conftest import ask, slugs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text, language", [
    ("Was ist eine Satzung?", "de"), ("what does Eigenanteil mean", "en"),
    ("شو يعني Vorstand", "ar"), ("ما هو النظام الأساسي", "ar"), ("اساسنامه یعنی چی", "fa"),
    ("что такое Freistellungsbescheid", "ru"), ("що таке статут", "uk"),
    ("öz katkı payı ne demek", "tr"), ("điều lệ là gì", "vi"),
    ("was bedeutet e. V.", "tr"),  # German phrases count in every language
    ("what’s a Vorstand", "en"),
])
def test_questions_for_a_meaning_are_recognised(text, language):
    assert asks_for_definition(text, language)


@pytest.mark.parametrize("text, language", [
    ("Satzung schreiben Muster", "de"), ("Was ist zu tun, wenn der Bescheid kommt", "en"),
    ("Was ist in der Satzung zu regeln", "de"),  # a task after "was ist"
    ("Was ist bei der Mitgliederversammlung zu beachten?", "de"),
    ("what is needed to register an association in Berlin", "en"),  # more than a term
    ("Hội có nghĩa vụ nộp thuế không", "vi"),  # "có nghĩa vụ": has the duty
    ("نموذج النظام الأساسي", "ar"), ("образец устава", "ru"), ("wasistdas", "de"),
])
def test_other_questions_are_not(text, language):
    assert not asks_for_definition(text, language)


@pytest.mark.parametrize("text, language, answer", [
    ("Wie schreibe ich ein Protokoll?", "de", False), ("itiraz nasıl yapılır", "tr", False),
    ("كيف نعترض", "ar", False), ("khieu nai the nao", "vi", False),
    ("what is a statute", "en", True), ("Protokoll Gründung", "de", None),
])
def test_how_questions_want_a_guide_and_what_questions_a_term(text, language, answer):
    assert term_answers(text, language) is answer


@pytest.fixture
def protocol_term(db, django_capture_on_commit_callbacks):
    """A glossary term whose text says as much as the test guide about founding."""
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.create(
            term="Protokoll", slug="protokoll", locale=Locale.objects.get(language_code="de"),
            definition="Das Protokoll der Vereinsgründung hält fest, was die Versammlung "
                       "beschlossen hat. " + "Wer es unterschreibt, wann es fertig sein muss "
                       "und wo es aufbewahrt wird, steht in der Ordnung des Hauses, die jede "
                       "Gruppe für sich selbst festlegt und die alle kennen. " * 3)
    vocabulary.reset()


def test_what_is_puts_the_term_first_and_a_task_weighs_it_less(database_engine, protocol_term):
    def scores(text):
        hits = ask(database_engine, text).hits
        found = {(h.type, h.slug): h.score for h in hits}
        return hits[0], found[("glossary", "protokoll")] / found[("guide", "test-guide")]

    what, what_ratio = scores("Was ist ein Protokoll der Vereinsgründung?")
    how, how_ratio = scores("Wie geht ein Protokoll der Vereinsgründung?")
    _words, words_ratio = scores("Protokoll Vereinsgründung")  # the same two word groups
    assert (what.type, what.slug) == ("glossary", "protokoll")
    assert what_ratio > words_ratio * 1.3  # the term asked about: a fifth more, not 0.85
    assert how_ratio == pytest.approx(words_ratio)  # "how": a guide's question
    alone = ask(database_engine, "Protokoll").hits[0]
    assert (alone.type, alone.slug) == ("glossary", "protokoll")


def test_a_term_weighs_less_in_a_sentence_about_a_task_than_for_what_is():
    task = ExpandedQuery(groups=[["protokoll"], ["gründung"]])
    defines = ExpandedQuery(groups=[["protokoll"], ["gründung"]], defines=True)
    how = ExpandedQuery(groups=[["protokoll"]], defines=False)
    assert _type_weight("glossary", task, in_title=1) < _type_weight("guide", task, 1)
    assert _type_weight("glossary", task, in_title=2) == _type_weight("guide", task, 2)
    assert _type_weight("glossary", defines, in_title=1) > _type_weight("guide", defines, 1)
    assert _type_weight("glossary", how, in_title=1) < _type_weight("guide", how, 1)


@pytest.mark.parametrize("word", ["شو", "لازم", "عشان", "بدنا", "اللي", "مش", "يعني"])
def test_levantine_and_egyptian_filler_words_are_not_searched_for(word):
    assert is_stop_word(word, "ar")


@pytest.mark.parametrize("word, language", [
    ("таке", "uk"), ("такое", "ru"), ("nedir", "tr"), ("meaning", "en"), ("bedeutet", "de"),
    ("چیست", "fa"), ("معنى", "ar"),
])
def test_the_words_of_what_is_are_not_searched_for(word, language):
    # "що таке Freistellungsbescheid": the term's page does not say "таке" (such).
    assert is_stop_word(word, language)


def test_an_arabic_question_in_dialect_searches_for_its_content_words_only(database_engine):
    expanded = expand("شو لازم نكتب بالنظام الأساسي عشان الجمعية", "ar",
                      vocabulary.get_vocabulary())
    searched = {word for group in expanded.groups for word in group}
    assert not searched & {"لازم", "اللازم", "شو", "عشان"}
    assert ("guide", "test-guide") in slugs(ask(database_engine, "شو لازم نكتب بالنظام الأساسي",
                                                 locale="ar"))


def test_the_upgrade_replaces_the_shipped_groups_the_files_extended():
    migration = importlib.import_module("search.migrations.0007_everyday_vocabulary")
    Synonym.objects.all().delete()
    for language, groups in migration.REPLACED.items():
        Synonym.objects.bulk_create(Synonym(language=language, terms=g) for g in groups)
    edited = Synonym.objects.create(language="en", terms="statutes, rules of our club, Satzung")
    migration.replace_and_load(apps, None)
    for language, groups in migration.REPLACED.items():
        terms = list(Synonym.objects.filter(language=language).values_list("terms", flat=True))
        for shipped in groups:
            # Gone, and a group with all of its words and more is there.
            assert shipped not in terms
            assert any(set(shipped.split(", ")) < set(t.split(", ")) for t in terms), shipped
    assert Synonym.objects.filter(pk=edited.pk).exists()  # an editor's own group stays
    assert Synonym.objects.filter(language="en", terms__contains="club rules").exists()


def test_the_small_words_of_a_multi_word_synonym_are_not_marked(database_engine):
    # A group with "في المحكمة" (at the court): a search for "المحضر" marks the court,
    # not every "في" (in) of the snippet.
    Synonym.objects.create(language="ar", terms="المحضر, في المحكمة")
    vocabulary.reset()
    hits = ask(database_engine, "المحضر", locale="ar").hits
    snippet = next(h.snippet for h in hits if h.slug == "test-guide")
    assert "<mark>المحكمة</mark>" in snippet or "<mark>المحضر</mark>" in snippet
    assert "<mark>في</mark>" not in snippet
    matches = expand("المحضر", "ar", vocabulary.get_vocabulary()).matches
    assert "المحكمة" in matches and "في" not in matches


@pytest.mark.parametrize("text", ["e.V.", "Was ist ein e. V.?", "what is an e.V.", "شو يعني e.V."])
def test_e_v_finds_the_term_it_abbreviates(database_engine, django_capture_on_commit_callbacks,
                                           text):
    # Its letters alone are no words: "Was ist ein e. V.?" searched for "was ist ein".
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.create(
            term="Eingetragener Verein (e. V.)", slug="eingetragener-verein",
            locale=Locale.objects.get(language_code="de"),
            definition="Ein Verein, der im Vereinsregister des Amtsgerichts steht.")
    vocabulary.reset()
    first = service.search(SearchQuery(text=text, locale="de")).hits[0]
    assert (first.type, first.slug) == ("glossary", "eingetragener-verein")
