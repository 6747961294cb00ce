"""`type: module` and `type: lesson` files in manage.py import_content (quizzes in GIFT), and
manage.py export_module writing them back."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from learning import quiz
from learning.models import LessonPage, ModulePage
from tests.cms.test_import import run_import

pytestmark = pytest.mark.django_db

FOLDER = Path(__file__).parent / "import_module"
MODULE = "testkurs-foerderantrag"


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "kurs"
    shutil.copytree(FOLDER, copy)
    return copy


@pytest.fixture
def imported(folder):
    ok, out, err = run_import(folder)
    assert ok, err
    return folder


def german(model, slug):
    return model.objects.get(locale__language_code="de", slug=slug)


def arabic_of(page):
    return page.get_translation(Locale.objects.get(language_code="ar"))


def edit(folder, name, old, new):
    path = folder / name
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_module_and_lessons_are_imported_with_their_front_matter(imported):
    module = german(ModulePage, MODULE)
    assert module.live and module.get_parent().slug == "foerdermittel"
    assert (module.level, module.duration, module.pass_mark) == ("intermediate", 45, 75)
    assert module.audience == "Vorstände kleiner Vereine"
    assert module.objective_list == ["Einen Kosten- und Finanzierungsplan lesen",
                                     "Den Eigenanteil erklären"]
    assert [b.block_type for b in module.intro] == ["text", "tip"]
    # The prerequisite's file is read after this one: linked once every German file is in.
    assert [link.module.slug for link in module.prerequisites.all()] == ["vorkurs-vereinsrecht"]
    # `position` orders the lessons, whatever order their files are read in.
    assert [lesson.slug for lesson in module.lessons()] == [
        "testkurs-eigenanteil", "testkurs-nach-dem-projekt"]


def test_quiz_blocks_hold_the_gift_questions(imported):
    lesson = german(LessonPage, "testkurs-eigenanteil")
    assert [b.block_type for b in lesson.body] == ["heading", "text", "quiz", "text"]
    questions = lesson.questions()
    assert {k: kind for k, (kind, _v) in questions.items()} == {
        "Eigenanteil": "single_choice", "Nachweis": "true_false",
        "Mehrere": "multiple_choice", "Kurz": "short_answer"}
    _kind, eigenanteil = questions["Eigenanteil"]
    assert eigenanteil["explanation"] == "Wie hoch er sein muss, steht in der Förderrichtlinie."
    assert [(o["text"], o["credit"]) for o in eigenanteil["options"]] == [
        ("der Teil der Kosten, den der Verein selbst trägt", 100),
        ("eine Gebühr des Fördergebers", 0)]
    _kind, mehrere = questions["Mehrere"]
    assert [o["credit"] for o in mehrere["options"]] == [50, 50, -100]
    # Graded as a learner's answer is: both right options give full credit.
    assert quiz.grade("multiple_choice", mehrere, ["0", "1"]).credit == 100
    assert quiz.grade("short_answer", questions["Kurz"][1], [" sachbericht "]).is_right
    _kind, nachweis = questions["Nachweis"]
    assert (nachweis["correct"], nachweis["feedback_wrong"]) == (
        True, "Ja, mit dem Verwendungsnachweis.")
    other = german(LessonPage, "testkurs-nach-dem-projekt")
    [block] = [b for b in other.body if b.block_type == "quiz"]
    assert block.value["title"] == "Kurz geprüft"
    assert list(other.questions()) == ["Frist"]


def test_translations_keep_question_ids_and_credits_and_are_linked(imported):
    lesson = german(LessonPage, "testkurs-eigenanteil")
    translated = arabic_of(lesson)
    assert translated.live and translated.title == "المال والحصة الذاتية"
    assert list(translated.questions()) == list(lesson.questions())
    _kind, mehrere = translated.questions()["Mehrere"]
    assert [o["text"] for o in mehrere["options"]] == [
        "النفقات المخطط لها", "الإيرادات والأموال الذاتية", "أسماء جميع الأعضاء"]
    assert [o["credit"] for o in mehrere["options"]] == [50, 50, -100]
    translation = Translation.objects.get(source__object_id=lesson.translation_key,
                                          target_locale__language_code="ar")
    total, done = translation.get_progress()
    assert done == total > 10  # every string of the lesson, quiz texts too, is translated
    module = arabic_of(german(ModulePage, MODULE))
    assert module.audience == "مجالس إدارة الجمعيات الصغيرة"
    assert module.objective_list == ["قراءة خطة التكاليف والتمويل", "شرح الحصة الذاتية"]
    assert (module.level, module.pass_mark) == ("intermediate", 75)


def test_reimport_changes_nothing_and_duplicates_nothing(imported):
    pages = Page.objects.count()
    lesson = german(LessonPage, "testkurs-eigenanteil")
    before = list(lesson.body.raw_data)
    ok, out, _err = run_import(imported)
    assert ok and "0 created" in out
    assert Page.objects.count() == pages
    lesson.refresh_from_db()
    assert list(lesson.body.raw_data) == before  # ids of blocks, questions and answers kept


BROKEN = [
    ("b-eigenanteil.de.md", "~eine Gebühr des Fördergebers#", "~#",
     "line 20: an answer has no text"),
    ("b-eigenanteil.de.md", "::Kurz:: Wie heißt", "Wie heißt",
     "line 29: the question has no id"),
    ("b-eigenanteil.de.md", "~%-100%die Namen", "~%-150%die Namen",
     "line 27: the credit -150% is outside -100..100"),
    ("b-eigenanteil.de.md", "~%50%die Einnahmen", "~%40%die Einnahmen",
     "line 24: the positive credits of the answers add up to 90%, not 100%"),
    ("b-eigenanteil.de.md", "{=Verwendungsnachweis =Sachbericht}", "{#1822:5}",
     "line 29: {#...}: numerical questions are not supported"),
    ("b-eigenanteil.de.md", "=Verwendungsnachweis =Sachbericht}",
     "=Verwendungsnachweis =%50%Bericht}", "line 29: question 'Kurz': short answers"),
    ("b-eigenanteil.de.md", "::Mehrere::", "::Eigenanteil::",
     "line 24: the id 'Eigenanteil' is already used on line 18"),
    ("a-nach-dem-projekt.de.md", "::Frist::", "::Frist und Ende::",
     "line 15: the question id 'Frist und Ende' may only contain"),
    ("a-nach-dem-projekt.de.md", "Meist einige Monate nach dem Projektende.}",
     "Meist einige Monate", "line 15: the answers opened with { are not closed"),
    ("a-nach-dem-projekt.de.md", "\n```\n", "\n", "line 12: '```quiz' is not closed"),
    ("a-nach-dem-projekt.de.md", "module: testkurs-foerderantrag", "module: gibt-es-nicht",
     "unknown module 'gibt-es-nicht'"),
    ("a-nach-dem-projekt.de.md", "position: 2", "position: zwei", "'position' must be a whole"),
    ("testkurs-foerderantrag.de.md", "level: intermediate", "level: expert",
     "'level' must be one of beginner, intermediate, advanced"),
    ("testkurs-foerderantrag.de.md", "pass_mark: 75", "pass_mark: 101", "'pass_mark' must be"),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), BROKEN)
def test_a_broken_file_is_reported_with_line_and_writes_nothing(folder, name, old, new,
                                                                 message):
    edit(folder, name, old, new)
    ok, out, err = run_import(folder)
    assert not ok
    assert f"{name}: {message}" in err
    slug = "testkurs-eigenanteil" if name.startswith("b-") else (
        "testkurs-nach-dem-projekt" if name.startswith("a-") else MODULE)
    model = ModulePage if name.startswith("testkurs") else LessonPage
    assert not model.objects.filter(slug=slug).exists()  # nothing of that file
    assert ModulePage.objects.filter(slug="vorkurs-vereinsrecht").exists()  # the others are in


TRANSLATION_MISMATCHES = [
    ("::Mehrere:: ماذا", "::Mehrfach:: ماذا",
     "line 18: the quiz's questions are [Eigenanteil, Nachweis, Mehrfach, Kurz], the German "
     "lesson's [Eigenanteil, Nachweis, Mehrere, Kurz]; a translation keeps the question ids"),
    ("~%50%النفقات المخطط لها#…\n~%50%الإيرادات",
     "~%50%الإيرادات والأموال الذاتية#…\n~%50%النفقات",
     None),  # the same credits in another order cannot be told apart: accepted
    ("~%-100%أسماء جميع الأعضاء#…\n", "",
     "line 25: question 'Mehrere' has 2 answers, the German lesson's 3"),
    ("=جزء التكاليف الذي تتحمله الجمعية بنفسها#صحيح. يمكن أن تكون مالاً أو عملاً تطوعياً.\n"
     "~رسوم يطلبها الممول",
     "~رسوم يطلبها الممول#x\n=جزء التكاليف الذي تتحمله الجمعية بنفسها",
     "line 19: question 'Eigenanteil': answer 1 is worth 0% here and 100% in the German"),
    ("{T#نعم", "{F#نعم", "line 24: question 'Nachweis' is FALSE here and TRUE in the German"),
    ("```quiz\n", "```quiz\n::Extra:: سؤال؟ {T}\n", "line 18: the quiz's questions are [Extra, "),
]


@pytest.mark.parametrize(("old", "new", "message"), TRANSLATION_MISMATCHES)
def test_a_translation_must_keep_the_questions_of_its_source(imported, old, new, message):
    lesson = german(LessonPage, "testkurs-eigenanteil")
    before = list(arabic_of(lesson).body.raw_data)
    edit(imported, "b-eigenanteil.ar.md", old, new)
    ok, _out, err = run_import(imported)
    if message is None:
        assert ok, err
        return
    assert not ok and f"b-eigenanteil.ar.md: {message}" in err
    assert list(arabic_of(lesson).body.raw_data) == before  # the translation is unchanged


def test_a_contradicting_front_matter_value_is_reported_and_the_source_counts(imported):
    edit(imported, "b-eigenanteil.ar.md", "position: 1", "position: 2")
    edit(imported, "testkurs-foerderantrag.ar.md", "level: intermediate", "level: advanced")
    ok, out, _err = run_import(imported)
    assert ok
    assert ("b-eigenanteil.ar.md: 'position: 2' differs from the German source, which is "
            "lesson 1 of 2; the German order counts (ignored)") in out
    assert ("testkurs-foerderantrag.ar.md: 'level: advanced' differs from the German source "
            "('level: intermediate')") in out
    assert arabic_of(german(ModulePage, MODULE)).level == "intermediate"


def test_an_unknown_prerequisite_is_a_warning(folder):
    edit(folder, "testkurs-foerderantrag.de.md", "[vorkurs-vereinsrecht]",
         "[vorkurs-vereinsrecht, gibt-es-nicht]")
    ok, out, _err = run_import(folder)
    assert ok
    assert "prerequisite module 'gibt-es-nicht' does not exist (skipped)" in out


def test_export_writes_files_that_import_back_to_the_same_pages(imported, tmp_path):
    module = german(ModulePage, MODULE)
    pages = [module, *module.get_translations(), *LessonPage.objects.descendant_of(module)]
    pages += [t for lesson in LessonPage.objects.child_of(module) for t in
              lesson.get_translations()]

    def state():
        result = {}
        for page in pages:
            page = type(page).objects.get(pk=page.pk)
            field = "intro" if isinstance(page, ModulePage) else "body"
            result[(page.slug, page.locale_id)] = (
                page.title, page.summary, list(getattr(page, field).raw_data),
                page.get_parent().pk, getattr(page, "objectives", None))
        return result

    before = state()
    out = StringIO()
    call_command("export_module", MODULE, str(tmp_path / "export"), stdout=out)
    assert "5 files written" in out.getvalue()
    written = sorted(p.name for p in (tmp_path / "export").iterdir())
    assert written == ["01-testkurs-eigenanteil.ar.md", "01-testkurs-eigenanteil.de.md",
                       "02-testkurs-nach-dem-projekt.de.md", f"{MODULE}.ar.md",
                       f"{MODULE}.de.md"]
    exported = (tmp_path / "export" / "01-testkurs-eigenanteil.de.md").read_text()
    assert "```quiz\n::Eigenanteil:: Was ist der Eigenanteil" in exported
    ok, _out, err = run_import(tmp_path / "export")
    assert ok, err
    assert state() == before
    # And a second export writes the same files again.
    call_command("export_module", MODULE, str(tmp_path / "again"), stdout=StringIO())
    for path in (tmp_path / "export").iterdir():
        assert (tmp_path / "again" / path.name).read_text() == path.read_text()


def test_export_of_an_unknown_module_fails(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no German module with the slug 'gibt-es-nicht'"):
        call_command("export_module", "gibt-es-nicht", str(tmp_path))


@pytest.mark.parametrize(("quiz", "message"), [
    ("::viele:: Welche? {\n" + "=x\n" * 9_000 + "}", "line 15: question 'viele' has more"),
    ("::a:: " + "[\\{" * 60_000 + " {T}",
     "line 15: the text of question 'a' has 120,000 characters; at most 2,000"),
    ("::a:: Frage? {" + "~" * 200_000 + "}", "line 15: an answer has no text"),
])
def test_hostile_quizzes_are_refused_quickly(tmp_path, quiz, message):
    from tests.cms.hostile_content import deadline

    text = (FOLDER / "a-nach-dem-projekt.de.md").read_text()
    start = text.index("::Frist::")
    (tmp_path / "lesson.de.md").write_text(text[:start] + quiz + "\n```\n")
    shutil.copy(FOLDER / "testkurs-foerderantrag.de.md", tmp_path)
    with deadline(30):
        ok, _out, err = run_import(tmp_path)
    assert not ok and f"lesson.de.md: {message}" in err
    assert not LessonPage.objects.filter(slug="testkurs-nach-dem-projekt").exists()


def test_export_names_what_has_no_file_form(imported, tmp_path):
    lesson = german(LessonPage, "testkurs-nach-dem-projekt")
    lesson.body.append(("video", {"url": "https://www.example.org/film", "title": "Film",
                                  "transcript": "<p>Gesprochener Text.</p>"}))
    lesson.save_revision().publish()
    out = StringIO()
    call_command("export_module", MODULE, str(tmp_path), stdout=out)
    assert ("02-testkurs-nach-dem-projekt.de.md: a 'video' block has no Markdown form and was "
            "left out") in out.getvalue()
    assert "Film" not in (tmp_path / "02-testkurs-nach-dem-projekt.de.md").read_text()
