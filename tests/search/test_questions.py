"""Questions as readers type them, and words in another form than the page has: the database
engine (lemmas, stop and filler words, common and stray words; search/engines/database.py)."""

import pytest
from wagtail.models import Locale

from search import service, vocabulary
from search.stopwords import STOP_WORDS

from .conftest import ask, slugs

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine(db, settings):
    settings.SEARCH_ENGINE = "database"
    vocabulary.reset()
    return service.get_engine("database")


def translated(guide, language, title, summary):
    page = guide.copy_for_translation(Locale.objects.get(language_code=language),
                                      copy_parents=True)
    page.title, page.summary = title, summary
    page.save_revision().publish()
    vocabulary.reset()
    return page


def test_a_long_german_question_finds_the_guide_first(engine):
    results = ask(engine, "Wie können wir als Verein eigentlich bitte die Satzung schreiben?")
    assert slugs(results)[0] == ("guide", "test-guide")


def test_a_long_arabic_question_finds_the_guide_first(engine):
    # The guide says الجمعية and النظام الأساسي; the reader writes "our association" with
    # a preposition (لجمعيتنا) and asks politely.
    results = ask(engine, "كيف يمكننا من فضلك كتابة النظام الأساسي لجمعيتنا؟", locale="ar")
    # The guide, or the glossary entry on the statutes right above it.
    assert ("guide", "test-guide") in slugs(results)[:2]
    assert slugs(results)[0] in {("guide", "test-guide"), ("glossary", "satzung")}


@pytest.mark.parametrize("word", ["والجمعية", "الجمعيات", "جمعيات", "بالجمعية"])
def test_arabic_article_prefixes_and_plural_find_the_word(engine, word):
    assert ("guide", "test-guide") in slugs(ask(engine, word, locale="ar"))


def test_a_strong_verb_form_finds_the_page(engine):
    # The guide says "Laden Sie alle ein"; Snowball stems "lädt" to "ladt", its lemma is laden.
    assert ("guide", "test-guide") in slugs(ask(engine, "lädt"))


def test_a_russian_question_with_case_endings_finds_the_guide(engine, guide):
    translated(guide, "ru", "Как основать объединение",
               "Объединению нужны устав и члены. Образец устава.")
    # "объединений" (genitive plural) and "устава" / "устав": the stems differ, the lemmas
    # are the same.
    results = ask(engine, "как нам пожалуйста написать устав для наших объединений", locale="ru")
    assert slugs(results)[0] == ("guide", "test-guide")


def test_a_ukrainian_question_finds_the_guide(engine, guide):
    translated(guide, "uk", "Як заснувати об'єднання", "Об'єднанню потрібні статут і члени.")
    results = ask(engine, "скажіть будь ласка як нам написати статуту", locale="uk")
    assert slugs(results)[0] == ("guide", "test-guide")


def test_one_stray_word_neither_empties_nor_floods_the_result(engine):
    # No page has all three words: the pages with two of them are the answer, not every
    # page with any one of them (the second guide has only "Bescheid").
    results = ask(engine, "Satzung Mitglieder Bescheid")
    assert slugs(results)[0] == ("guide", "test-guide")
    assert ("guide", "zweiter-leitfaden") not in slugs(results)


def test_a_draft_with_every_word_does_not_decide_how_many_a_result_needs(engine):
    # The index holds drafts too. The draft has all three words, the published guide two:
    # the guide is still the answer, found although only the best-covered objects are
    # ranked at first.
    from tests.factories import GuidePageFactory

    GuidePageFactory(slug="entwurf", title="Satzung, Mitglieder und Bescheid", live=False,
                     summary="Satzung Mitglieder Bescheid")
    vocabulary.reset()
    results = ask(engine, "Satzung Mitglieder Bescheid")
    assert slugs(results)[0] == ("guide", "test-guide")
    assert ("guide", "entwurf") not in slugs(results)


def test_a_question_of_small_words_only_still_searches(engine):
    # Every word is a stop word: the engine searches for them rather than for nothing.
    assert ask(engine, "wie was wo").count >= 0


DOMAIN_WORDS = {
    "verein", "amt", "geld", "frist", "antrag", "förderung", "satzung", "vorstand",
    "association", "money", "funding", "deadline", "information", "group", "help", "work",
    "деньги", "объединение", "устав", "гроші", "об'єднання", "статут",
    "dernek", "para", "başvuru", "hội", "tiền", "جمعية", "مال", "تمويل", "انجمن", "پول",
}


@pytest.mark.parametrize("language", sorted(STOP_WORDS))
def test_stop_word_lists_hold_no_domain_words(language):
    assert not STOP_WORDS[language] & DOMAIN_WORDS


@pytest.mark.parametrize("text", ["Migrantenorganisationen", "MigrantInnenorganisation",
                                  "Migrantinnenorganisationen Netzwerk",
                                  "Migrantenselbstorganisation"])
def test_everyday_spellings_find_the_gender_star_spelling(engine, text):
    # Pages write "Migrant*innenorganisationen", which the index holds as two words (migrant,
    # innenorganisationen); readers type it without the star, in the plural or as MSO's
    # long name (a synonym of Migrantenorganisation in the vocabulary).
    from tests.factories import GuidePageFactory

    GuidePageFactory(slug="netzwerk-mo", title="Netzwerk für Migrant*innenorganisationen",
                     summary="Wie sich Migrant*innenorganisationen vernetzen.")
    vocabulary.reset()
    assert ("guide", "netzwerk-mo") in slugs(ask(engine, text))


def test_a_guide_comes_before_a_lesson_titled_like_it(engine, django_capture_on_commit_callbacks):
    # A learning module's lesson "Der Eigenanteil" and the guide "Eigenanteil" say the same in
    # their titles; the reader of a knowledge base looks for the how-to, the guide.
    from cms.models import TopicPage
    from learning.models import LessonPage, ModulePage
    from tests.factories import GuidePageFactory

    topic = TopicPage.objects.get(locale__language_code="de", slug="foerdermittel")
    with django_capture_on_commit_callbacks(execute=True):
        module = topic.add_child(instance=ModulePage(title="Förderung lernen", slug="lernen",
                                                     summary="Ein Kurs.", pass_mark=75))
        module.save_revision().publish()
        lesson = module.add_child(instance=LessonPage(
            title="Der Eigenanteil", slug="der-eigenanteil",
            body=[("text", "<p>Der Eigenanteil ist Ihr Teil der Kosten: der Eigenanteil.</p>")]))
        lesson.save_revision().publish()
        guide = GuidePageFactory(parent=topic, title="Eigenanteil", slug="eigenanteil-leitfaden",
                                 summary="Der Eigenanteil ist der Teil der Projektkosten.")
        guide.save_revision().publish()
    results = ask(engine, "Eigenanteil")
    found = [slug for kind, slug in slugs(results)]
    assert found.index("eigenanteil-leitfaden") < found.index("der-eigenanteil")
