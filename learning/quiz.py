"""Checking answers: pure functions over a lesson's quiz blocks, no database.

A submitted answer is what the form sent: option positions for choice questions ("0", "2"),
"true"/"false", or a typed text. `grade` checks it against the question and says how much
credit it earns (0-100), whether it counts as right, and the feedback to show. Anything that
does not fit the question (an option out of range, two options for a single choice, an empty
text) is an `InvalidAnswer`, which the view answers with a message and records nothing.
"""

import re
import unicodedata
from dataclasses import dataclass

RIGHT_AT = 100  # credit at which an answer counts as right (partial credit shows "partly")


class InvalidAnswer(ValueError):
    pass


@dataclass(frozen=True)
class Graded:
    credit: int  # 0..100
    given: list  # what is stored: option positions, a bool, or the typed text
    feedback: list[str]  # per chosen option (choice) or the one feedback (others)

    @property
    def is_right(self) -> bool:
        return self.credit >= RIGHT_AT

    @property
    def is_partly_right(self) -> bool:
        return 0 < self.credit < RIGHT_AT


def questions_of(stream) -> dict:
    """{question_id: (kind, value)} of every quiz block in a StreamField, in reading order."""
    found = {}
    for block in stream:
        if block.block_type != "quiz":
            continue
        for question in block.value["questions"]:
            found[question.value["question_id"]] = (question.block_type, question.value)
    return found


def _positions(raw: list[str], count: int) -> list[int]:
    try:
        positions = sorted({int(value) for value in raw})
    except (TypeError, ValueError):
        raise InvalidAnswer("option") from None
    if not positions or positions[0] < 0 or positions[-1] >= count:
        raise InvalidAnswer("option")
    return positions


def normalise(text: str) -> str:
    """Short answers match whatever the case, spacing and Unicode form (Arabic typed on two
    keyboards differs in form, not in meaning)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip(" .!?")


def grade(kind: str, question, raw: list[str]) -> Graded:
    if kind in ("single_choice", "multiple_choice"):
        options = list(question["options"])
        positions = _positions(raw, len(options))
        if kind == "single_choice" and len(positions) != 1:
            raise InvalidAnswer("single")
        credit = sum(options[p]["credit"] for p in positions)
        return Graded(max(0, min(100, credit)), positions,
                      [options[p]["feedback"] for p in positions])
    if kind == "true_false":
        if raw not in (["true"], ["false"]):
            raise InvalidAnswer("true_false")
        given = raw == ["true"]
        right = given == bool(question["correct"])
        feedback = question["feedback_right"] if right else question["feedback_wrong"]
        return Graded(100 if right else 0, given, [feedback] if feedback else [])
    if kind == "short_answer":
        text = (raw[0] if len(raw) == 1 else "").strip()
        if not text or len(text) > 200:
            raise InvalidAnswer("text")
        accepted = {normalise(answer) for answer in question["accepted"]}
        return Graded(100 if normalise(text) in accepted else 0, text, [])
    raise InvalidAnswer("kind")


def score(credits: list[int], question_count: int) -> int:
    """The quiz's score in percent: the mean credit over all its questions."""
    return round(sum(credits) / question_count) if question_count else 100
