"""Vietnamese typed without its marks ("thanh lap hoi" for "thành lập hội"), as many readers
type on a keyboard without them: each word stands for its marked forms, in the reader's own
pages and in the words asked of the German ones (search/text.py plain, search/vocabulary.py
unaccented, search/crosslingual.py)."""

import pytest
from wagtail.models import Locale

from search import vocabulary
from search.expansion import expand

from .conftest import ask, slugs
from .test_crosslingual import OBJECTION, add_term
from .test_crosslingual import ask as search_with_german

pytestmark = pytest.mark.django_db


@pytest.fixture
def vietnamese_guide(guide):
    page = guide.copy_for_translation(Locale.objects.get(language_code="vi"), copy_parents=True)
    page.title = "Thành lập hội"
    page.summary = ("Hội cần điều lệ và ít nhất bảy thành viên. Ban chấp hành có nghĩa vụ "
                    "báo cáo.")
    page.save_revision().publish()
    vocabulary.reset()
    return page


@pytest.mark.parametrize("text", ["thanh lap hoi", "Thanh lap hoi", "thành lập hội",
                                  "dieu le hoi"])
def test_a_question_with_or_without_marks_finds_the_page(database_engine, vietnamese_guide,
                                                         text):
    assert slugs(ask(database_engine, text, locale="vi"))[0] == ("guide", "test-guide")


def test_a_plain_word_in_a_question_with_marks_is_taken_as_written(database_engine,
                                                                   vietnamese_guide):
    # "thanh" is a word of its own: in a question typed with marks it is not "thành".
    marked = expand("thanh lập hội", "vi", vocabulary.get_vocabulary())
    assert "thành" not in marked.groups[0]
    unmarked = expand("thanh lap hoi", "vi", vocabulary.get_vocabulary())
    assert "thành" in unmarked.groups[0] and "hội" in unmarked.groups[2]


def test_other_languages_are_not_read_without_marks(database_engine, vietnamese_guide):
    assert "hội" not in {w for g in expand("hoi", "tr", vocabulary.get_vocabulary()).groups
                         for w in g}


def test_the_german_only_guide_is_found_without_marks(database_engine,
                                                      django_capture_on_commit_callbacks):
    add_term("Widerspruch", {"vi": OBJECTION["vi"]}, "widerspruch",
             django_capture_on_commit_callbacks)
    for text in ("khieu nai", "khiếu nại"):
        results = search_with_german(text, "vi")
        assert ("guide", "zweiter-leitfaden", "de") in [
            (h.type, h.slug, h.locale) for h in results.hits], text


def test_small_words_typed_without_marks_are_not_searched_for(database_engine,
                                                             vietnamese_guide):
    # "cua" can only be "của" (of), a stop word; "hoi" may be hội (association).
    searched = {w for g in expand("thanh lap hoi cua chung toi", "vi",
                                  vocabulary.get_vocabulary()).groups for w in g}
    assert "hội" in searched
    assert "của" not in searched


def test_nghia_vu_duty_is_a_word_searched_for(database_engine, vietnamese_guide):
    # "nghĩa vụ" (duty) must not lose "nghĩa" as if it were the "nghĩa là" of "what is".
    searched = {w for g in expand("nghĩa vụ ban chấp hành", "vi",
                                  vocabulary.get_vocabulary()).groups for w in g}
    assert "nghĩa" in searched
