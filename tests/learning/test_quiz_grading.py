import pytest

from learning import quiz

from .conftest import QUIZ

QUESTIONS = {q["value"]["question_id"]: (q["type"], q["value"]) for q in QUIZ["questions"]}


def grade(question_id, *raw):
    kind, value = QUESTIONS[question_id]
    return quiz.grade(kind, value, list(raw))


def test_single_choice_right_and_wrong_with_their_feedback():
    right, wrong = grade("eigenanteil", "0"), grade("eigenanteil", "1")
    assert (right.credit, right.is_right, right.feedback) == (
        100, True, ["Richtig. Geld oder Eigenleistung."])
    assert (wrong.credit, wrong.is_right) == (0, False)
    assert wrong.feedback == ["Nein, der Fördergeber verlangt keine Gebühr."]


def test_multiple_choice_partial_credit_and_a_wrong_pick_never_below_zero():
    assert grade("plan", "0", "1").credit == 100
    half = grade("plan", "1")
    assert (half.credit, half.is_partly_right) == (50, True)
    assert grade("plan", "0", "2").credit == 0
    assert grade("plan", "0", "1", "2").credit == 0


def test_true_false_uses_the_feedback_for_the_given_answer():
    assert grade("nachweis", "true").is_right
    wrong = grade("nachweis", "false")
    assert (wrong.credit, wrong.feedback) == (0, ["Ja, mit dem Verwendungsnachweis."])


@pytest.mark.parametrize("typed", ["Verwendungsnachweis", "  verwendungsnachweis. ",
                                   "SACHBERICHT", "Ｖerwendungsnachweis"])
def test_short_answer_matches_whatever_case_spacing_and_width(typed):
    assert grade("kurz", typed).is_right


def test_short_answer_wrong_text():
    assert grade("kurz", "Quittung").credit == 0


@pytest.mark.parametrize("question_id,raw", [
    ("eigenanteil", ["2"]), ("eigenanteil", ["-1"]), ("eigenanteil", ["0", "1"]),
    ("eigenanteil", []), ("eigenanteil", ["x"]), ("plan", ["9"]), ("nachweis", ["yes"]),
    ("nachweis", ["true", "false"]), ("kurz", [""]), ("kurz", ["a" * 201]),
])
def test_answers_that_do_not_fit_the_question_are_invalid(question_id, raw):
    with pytest.raises(quiz.InvalidAnswer):
        grade(question_id, *raw)


def test_score_is_the_mean_credit_over_all_questions():
    assert quiz.score([100, 50, 0, 100], 4) == 62
    assert quiz.score([], 0) == 100
