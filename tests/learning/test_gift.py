"""The GIFT parser (learning/gift.py): every question kind Wegweiser quizzes have, Moodle's
escapes, comments and categories, broken and unsupported input with its line, and writing
the questions back."""

import contextlib
import time

import pytest

from learning.gift import Answer, GiftError, Question, parse, to_gift
from tests.cms.hostile_content import deadline

# The example of issue 13 ("Import format"), verbatim.
ISSUE_EXAMPLE = """\
::Eigenanteil:: Was ist der Eigenanteil bei einer Förderung? {
=der Teil der Kosten, den der Verein selbst trägt#Richtig. Er kann aus Geld oder Eigenleistung bestehen.
~eine Gebühr des Fördergebers#Nein, der Fördergeber verlangt keine Gebühr.
####Wie hoch er sein muss, steht in der Förderrichtlinie.
}
::Nachweis:: Muss man nach dem Projekt zeigen, wofür das Geld ausgegeben wurde? {T#Ja, mit dem Verwendungsnachweis.}
::Mehrere:: Was gehört in einen Kosten- und Finanzierungsplan? {
~%50%die geplanten Ausgaben#…
~%50%die Einnahmen und Eigenmittel#…
~%-100%die Namen aller Mitglieder#…
}
::Kurz:: Wie heißt der Bericht über die Verwendung der Fördermittel? {=Verwendungsnachweis =Sachbericht}
"""  # noqa: E501


def one(text):
    [question] = parse(text)
    return question


def error(text, first_line=1):
    with pytest.raises(GiftError) as raised:
        parse(text, first_line)
    return raised.value


def test_the_issue_example_gives_four_questions_of_the_four_kinds():
    questions = parse(ISSUE_EXAMPLE)
    assert [(q.id, q.kind, q.line) for q in questions] == [
        ("Eigenanteil", "single", 1), ("Nachweis", "true_false", 6),
        ("Mehrere", "multiple", 7), ("Kurz", "short", 12)]
    eigenanteil, nachweis, mehrere, kurz = questions
    assert eigenanteil.text == "Was ist der Eigenanteil bei einer Förderung?"
    assert eigenanteil.answers == (
        Answer("der Teil der Kosten, den der Verein selbst trägt", 100,
               "Richtig. Er kann aus Geld oder Eigenleistung bestehen."),
        Answer("eine Gebühr des Fördergebers", 0, "Nein, der Fördergeber verlangt keine Gebühr."))
    assert eigenanteil.explanation == "Wie hoch er sein muss, steht in der Förderrichtlinie."
    assert nachweis.correct is True and nachweis.answers == ()
    # As in Moodle, the first feedback is shown to whoever answered wrong.
    assert nachweis.feedback_wrong == "Ja, mit dem Verwendungsnachweis."
    assert nachweis.feedback_right == ""
    assert [(a.text, a.credit) for a in mehrere.answers] == [
        ("die geplanten Ausgaben", 50), ("die Einnahmen und Eigenmittel", 50),
        ("die Namen aller Mitglieder", -100)]
    assert [(a.text, a.credit) for a in kurz.answers] == [
        ("Verwendungsnachweis", 100), ("Sachbericht", 100)]


def test_single_choice_on_one_line_with_weighted_wrong_answers():
    question = one("::q:: Wer prüft? {~Niemand ~%-50%Die Bank#Nein. =Das Finanzamt ~%25%Ein Notar}")
    assert question.kind == "single"
    assert [(a.text, a.credit, a.feedback) for a in question.answers] == [
        ("Niemand", 0, ""), ("Die Bank", -50, "Nein."), ("Das Finanzamt", 100, ""),
        ("Ein Notar", 25, "")]


@pytest.mark.parametrize(("answer", "correct"), [
    ("T", True), ("TRUE", True), ("F", False), ("FALSE", False)])
def test_true_false_in_all_four_spellings(answer, correct):
    question = one(f"::tf:: Ein Verein braucht sieben Mitglieder. {{{answer}}}")
    assert (question.kind, question.correct, question.answers) == ("true_false", correct, ())


def test_true_false_with_both_feedbacks_and_an_explanation():
    question = one("::tf:: Sieben Mitglieder? {FALSE#Doch, sieben.#Richtig.####§ 56 BGB.}")
    assert (question.correct, question.feedback_wrong, question.feedback_right,
            question.explanation) == (False, "Doch, sieben.", "Richtig.", "§ 56 BGB.")


def test_short_answer_with_partial_credit_and_feedback():
    question = one("::s:: Wie heißt das Register? {=Vereinsregister#Genau. =%50%Register#Fast.}")
    assert question.kind == "short"
    assert question.answers == (Answer("Vereinsregister", 100, "Genau."),
                                Answer("Register", 50, "Fast."))


def test_decimal_credits_from_moodle_exports_are_rounded():
    question = one("::m:: Welche? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}")
    assert question.kind == "multiple"
    assert [a.credit for a in question.answers] == [33, 33, 33, -100]


def test_escaped_characters_stand_for_themselves():
    question = one(r"::a\:b:: Ist 1 \= 1 \{immer\}? {=ja \~ sicher#\#1 \\ gut ~nein\nnie}")
    assert question.id == "a:b"
    assert question.text == "Ist 1 = 1 {immer}?"
    assert question.answers == (Answer("ja ~ sicher", 100, "#1 \\ gut"),
                                Answer("nein\nnie", 0, ""))


def test_comments_and_categories_are_ignored():
    text = ("$CATEGORY: $course$/Förderung\n// ein Kommentar\n\n::a:: Frage? {\n"
            "// noch ein Kommentar in der Frage\n=ja\n~nein\n}\n// Ende\n")
    question = one(text)
    assert question.line == 4
    assert [a.text for a in question.answers] == ["ja", "nein"]


def test_multi_line_question_with_the_id_on_its_own_line():
    text = "\n\n::lang::\nErste Zeile\n   zweite Zeile {\n  =ja\n  ~nein\n  ####Erklärt.\n}\n"
    question = one(text)
    assert (question.line, question.text) == (3, "Erste Zeile\nzweite Zeile")
    assert question.explanation == "Erklärt."


def test_format_prefixes_are_dropped_and_the_text_stays_plain():
    question = one("::f:: [html]<b>Fett</b>? {=[markdown]**ja**#[plain]gut ~[moodle]nein}")
    assert question.text == "<b>Fett</b>?"
    assert question.answers == (Answer("**ja**", 100, "gut"), Answer("nein", 0, ""))


def test_questions_separated_by_blank_lines_and_first_line_offsets_the_numbers():
    questions = parse("::a:: A? {T}\n\n\n::b:: B? {F}\n", first_line=10)
    assert [q.line for q in questions] == [10, 13]


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("::m:: Ordne zu. {\n=Berlin -> Hauptstadt\n=Bonn -> Stadt\n}", 1, "matching"),
    ("::n:: Wie viele Mitglieder? {#7}", 1, "numerical"),
    ("::e:: Beschreibe. {}", 1, "essay"),
    ("\n::d:: Nur ein Text ohne Antworten.\n\n::b:: B? {T}", 2, "description"),
    ("::d:: Nur ein Text.\n::b:: B? {T}", 1, "description"),
    ("::g:: Grant ist {=begraben ~lebendig} in Grant's Grab.", 1, "fill-the-gap"),
])
def test_unsupported_kinds_are_refused_with_their_line(text, line, reason):
    raised = error(text)
    assert raised.line == line and reason in raised.reason
    assert "not supported" in raised.reason
    assert str(raised).startswith(f"line {line}: ")


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("::a:: A? {T}\n::b:: Offen? {\n=ja\n~nein\n", 2, "not closed"),
    ("::a:: Offen? {\n=ja\n\n~nein\n}", 1, "not closed"),
    ("::a:: A? {=ja ~\n}", 1, "no text"),
    ("::a:: A? {\n=ja\n~#nur Feedback\n}", 3, "no text"),
    ("::a:: A? {\n=ja\n~%150%nein\n}", 3, "outside -100..100"),
    ("::a:: A? {\n=ja\n~%-101%nein\n}", 3, "outside -100..100"),
    ("::a:: A? {\n=ja\n~%viel%nein\n}", 3, "number of percent"),
    ("::a:: A? {\n=ja\n~%50 nein\n}", 3, "number of percent"),
    ("\n::a:: Welche? {\n~a\n~b\n}", 2, "no right answer"),
    ("::a:: Welche? {=%50%a ~b}", 1, "no right answer"),
    ("::a:: Welche? {\n~%50%a\n~%40%b\n~c\n}", 1, "add up to 90%"),
    ("::a:: Welche? {~%60%a ~%60%b}", 1, "add up to 120%"),
    ("::a:: A? {=ja}\n\n::a:: B? {=nein}", 3, "already used on line 1"),
    ("Frage ohne Kennung? {=ja}", 1, "no id"),
    ("::a:: A? {=ja}\nNoch eine ohne Kennung {=x}", 2, "no id"),
    ("::a Frage? {=ja}", 1, "not closed with ::"),
    (":::: Frage? {=ja}", 1, "empty"),
    ("::a:: {=ja ~nein}", 1, "no text"),
    ("::a:: A? {ja}", 1, "text before the first answer"),
    ("::a:: A? {true}", 1, "capital letters"),
    ("::a:: A? {=ja}", None, None),
    ("::a:: A? {\n=ja\n~nein {x}\n}", 3, "second {"),
    ("::a:: A } B? {=ja}", 1, "without an opening {"),
    ("::a:: Nur eine? {=ja}\n::b:: Eine? {=ja ~%-1%}", 2, "no text"),
    ("::a:: Eine? {\n~%100%ja\n}", 1, "at least two answers"),
    ("::a:: Kurz? {=%-10%nein =ja}", 1, "between 0 and 100"),
    ("::a:: Kurz? {=%50%fast}", 1, "worth 100%"),
])
def test_broken_input_is_reported_with_its_line(text, line, reason):
    if line is None:  # the control: the same shape, well-formed
        assert parse(text)
        return
    raised = error(text, first_line=1)
    assert (raised.line, reason in raised.reason) == (line, True), raised
    assert isinstance(raised, ValueError)


def test_error_lines_count_from_first_line():
    assert error("// Kommentar\n::a:: A? {\n=ja\n~\n}", first_line=20).line == 23


QUESTIONS = [
    Question("sc", "single", "Was? Mit: Doppelpunkt, {Klammern}, = und ~ und #.",
             (Answer("richtig = gut", 100, "Ja #1"), Answer("%falsch", 0, "nein"),
              Answer("teils", 25, "C:\\new"), Answer("%100", 100, "")),
             explanation="Zeile 1\nZeile 2"),
    Question("mc", "multiple", "[html] ist kein Format hier",
             (Answer("a", 50), Answer("b", 50), Answer("c", -100, "nie"), Answer("d", 0))),
    Question("tf", "true_false", "Stimmt's?", correct=False, feedback_right="Richtig."),
    Question("tf2", "true_false", "Und das?", correct=True, feedback_wrong="Falsch.",
             explanation="Weil."),
    Question("sa", "short", "Wie heißt es?", (Answer("Ein Wort", 100), Answer("%Wort", 40, "x"))),
]


def test_written_questions_read_back_unchanged():
    text = to_gift(QUESTIONS)
    assert parse(text) == QUESTIONS
    assert parse(to_gift(parse(ISSUE_EXAMPLE))) == parse(ISSUE_EXAMPLE)
    assert [q.line for q in parse(text)] == [1, 9, 16, 18, 20]


def test_nothing_written_for_no_questions():
    assert to_gift([]) == "" and parse("") == [] and parse("// nur Kommentar\n\n") == []


# Larger than a content file may be (256 KB); a quadratic step would take hours.
@pytest.mark.parametrize("hostile", [
    "::" * 125_000,
    "::a:: " + "\\" * 300_000,
    "::a:: A? {" + "~" * 125_000 + "}",
    "::a:: A? {" + "#" * 300_000 + "}",
    "::a:: A? {=" + "%" * 300_000 + "}",
    "::a:: A? {T" + "#" * 300_000 + "}",
    "::a:: A? {\n" + "=x\n" * 100_000 + "}",
    "".join(f"::q{i}:: A? {{=x ~y}}\n" for i in range(25_000)),
    "::a:: " + "x\n" * 125_000,
])
def test_hostile_input_is_handled_in_linear_time(hostile):
    started = time.perf_counter()
    with deadline(20), contextlib.suppress(GiftError):
        parse(hostile)
    assert time.perf_counter() - started < 5
