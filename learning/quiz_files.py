"""Quizzes in lesson files: fenced ```` ```quiz ```` blocks in Moodle's GIFT format
(learning/gift.py) <-> the lesson's quiz blocks (learning/blocks.py).

Nothing here touches the database except `check_same_questions`, which reads the German
lesson. Every refusal is a ContentError naming the file's line.
"""

import re

from cms.importer.errors import ContentError
from cms.importer.fences import fence_end, fence_open
from cms.importer.limits import MAX_HEADING, MAX_LIST_ITEMS, MAX_SHORT_TEXT

from . import gift
from .blocks import QUESTION_ID_PATTERN

FENCE = "quiz"
MAX_QUESTION_CHARS = 2_000  # question texts and explanations; answers and feedback: 500
BLOCK_TYPES = {gift.SINGLE: "single_choice", gift.MULTIPLE: "multiple_choice",
               gift.TRUE_FALSE: "true_false", gift.SHORT: "short_answer"}
KINDS = {block: kind for kind, block in BLOCK_TYPES.items()}
QUESTION_ID = re.compile(QUESTION_ID_PATTERN)


# --- reading -----------------------------------------------------------------------------

def read_quiz(title: str, text: str, first_line: int) -> list[gift.Question]:
    """The checked questions of one ```quiz block whose text starts at `first_line`."""
    if len(title) > MAX_HEADING:
        raise ContentError(f"line {first_line - 1}: the quiz title has {len(title):,} "
                           f"characters; at most {MAX_HEADING}")
    try:
        questions = gift.parse(text, first_line)
    except gift.GiftError as error:
        raise ContentError(str(error)) from None
    if not questions:
        raise ContentError(f"line {first_line - 1}: the quiz has no questions")
    if len(questions) > MAX_LIST_ITEMS:
        raise ContentError(f"line {first_line - 1}: the quiz has {len(questions)} questions; "
                           f"at most {MAX_LIST_ITEMS}")
    for question in questions:
        _check_question(question)
    return questions


def _check_question(question: gift.Question) -> None:
    line = question.line
    if not QUESTION_ID.match(question.id):
        raise ContentError(f"line {line}: the question id '{question.id[:60]}' may only contain "
                           "letters, digits, '-' and '_' (at most 60)")
    for what, text, limit in (("the text", question.text, MAX_QUESTION_CHARS),
                              ("the explanation", question.explanation, MAX_QUESTION_CHARS),
                              *(("an answer", a.text, MAX_SHORT_TEXT) for a in question.answers),
                              *(("a feedback", a.feedback, MAX_SHORT_TEXT)
                                for a in question.answers),
                              ("a feedback", question.feedback_wrong, MAX_SHORT_TEXT),
                              ("a feedback", question.feedback_right, MAX_SHORT_TEXT)):
        if len(text) > limit:
            raise ContentError(f"line {line}: {what} of question '{question.id}' has "
                               f"{len(text):,} characters; at most {limit:,}")
    if len(question.answers) > MAX_LIST_ITEMS:
        raise ContentError(f"line {line}: question '{question.id}' has more than "
                           f"{MAX_LIST_ITEMS} answers")
    if question.kind == gift.SHORT:
        for answer in question.answers:
            if answer.credit != 100 or answer.feedback:
                raise ContentError(
                    f"line {line}: question '{question.id}': short answers in Wegweiser "
                    "quizzes are right or wrong, without partial credit (=%n%) or feedback per "
                    "answer (#); use the explanation (####) instead")


def quizzes_in(body: str, first_line: int) -> list[tuple[int, str, list[gift.Question]]]:
    """(line of the fence, title, questions) of every ```quiz block in a lesson's body, with
    question ids unique in the lesson (learners' answers are keyed by them)."""
    lines, found, seen = body.split("\n"), [], {}
    index = 0
    while index < len(lines):
        opened = fence_open(lines[index], (FENCE,))
        if not opened:
            index += 1
            continue
        number = first_line + index
        end = fence_end(lines, index, FENCE, number)
        questions = read_quiz(opened[1], "\n".join(lines[index + 1:end]), number + 1)
        for question in questions:
            if question.id in seen:
                raise ContentError(f"line {question.line}: the question id '{question.id}' is "
                                   f"already used on line {seen[question.id]} of this lesson")
            seen[question.id] = question.line
        found.append((number, opened[1], questions))
        index = end + 1
    return found


def check_quizzes(content) -> None:
    """The import's check_file hook for lessons: every quiz reads, before anything is written."""
    quizzes_in(content.body, content.body_line)


def quiz_block(title: str, text: str, first_line: int) -> dict:
    """The import's fence hook: one ```quiz block -> a raw quiz block."""
    questions = read_quiz(title, text, first_line)
    return {"type": "quiz", "value": {"title": title,
                                      "questions": [to_block(q) for q in questions]}}


def to_block(question: gift.Question) -> dict:
    value = {"question_id": question.id, "text": question.text,
             "explanation": question.explanation}
    if question.kind == gift.TRUE_FALSE:
        value.update(correct=bool(question.correct), feedback_right=question.feedback_right,
                     feedback_wrong=question.feedback_wrong)
    elif question.kind == gift.SHORT:
        value["accepted"] = [_item(answer.text) for answer in question.answers]
    else:
        value["options"] = [_item({"text": a.text, "credit": a.credit, "feedback": a.feedback})
                            for a in question.answers]
    return {"type": BLOCK_TYPES[question.kind], "value": value}


def _item(value) -> dict:
    return {"type": "item", "value": value}


# --- writing -----------------------------------------------------------------------------

def _items(values) -> list:
    """A ListBlock's raw values: item dicts, or plain values as older data has them."""
    return [v["value"] if isinstance(v, dict) and v.get("type") == "item" else v
            for v in values or []]


def from_block(block: dict) -> gift.Question:
    """A raw question block -> the GIFT question it was read from."""
    kind, value = KINDS[block["type"]], block["value"]
    common = {"id": value["question_id"], "kind": kind, "text": value["text"],
              "explanation": value.get("explanation") or ""}
    if kind == gift.TRUE_FALSE:
        return gift.Question(**common, correct=bool(value.get("correct")),
                             feedback_right=value.get("feedback_right") or "",
                             feedback_wrong=value.get("feedback_wrong") or "")
    if kind == gift.SHORT:
        answers = tuple(gift.Answer(text, 100) for text in _items(value["accepted"]))
    else:
        answers = tuple(gift.Answer(o["text"], o["credit"], o.get("feedback") or "")
                        for o in _items(value["options"]))
    return gift.Question(**common, answers=answers)


def quiz_markdown(value: dict, notes: list[str]) -> str:
    """A raw quiz block's value -> its ```quiz fence (cms.importer.markdown_export writer)."""
    questions = [from_block(block) for block in value["questions"]]
    title = f" {value['title']}" if value.get("title") else ""
    return f"```{FENCE}{title}\n{gift.to_gift(questions)}```"


# --- translations ------------------------------------------------------------------------

def check_same_questions(source, content) -> None:
    """A translated lesson keeps its German lesson's quizzes: the same questions (ids, kinds,
    order) with the same number of answers, credits and true/false value. Refused otherwise,
    with the line of the first difference."""
    german = [[from_block(q) for q in block["value"]["questions"]]
              for block in source.body.raw_data if block["type"] == "quiz"]
    translated = quizzes_in(content.body, content.body_line)
    if len(translated) != len(german):
        raise ContentError(f"the translation has {len(translated)} quiz block(s), the German "
                           f"lesson {len(german)}; a translation keeps the quizzes")
    for (line, _title, questions), originals in zip(translated, german, strict=True):
        if [q.id for q in questions] != [q.id for q in originals]:
            raise ContentError(
                f"line {line}: the quiz's questions are {_ids(questions)}, the German lesson's "
                f"{_ids(originals)}; a translation keeps the question ids and their order")
        for ours, theirs in zip(questions, originals, strict=True):
            _check_same(ours, theirs)


def _check_same(ours: gift.Question, theirs: gift.Question) -> None:
    where = f"line {ours.line}: question '{ours.id}'"
    if ours.kind != theirs.kind:
        raise ContentError(f"{where} is {_kind(ours.kind)} here and {_kind(theirs.kind)} in "
                           "the German lesson")
    if ours.kind == gift.TRUE_FALSE and ours.correct != theirs.correct:
        raise ContentError(f"{where} is {str(ours.correct).upper()} here and "
                           f"{str(theirs.correct).upper()} in the German lesson")
    if len(ours.answers) != len(theirs.answers):
        raise ContentError(f"{where} has {len(ours.answers)} answers, the German lesson's "
                           f"{len(theirs.answers)}; a translation keeps the answers and their "
                           "order")
    for number, (mine, german) in enumerate(zip(ours.answers, theirs.answers, strict=True), 1):
        if mine.credit != german.credit:
            raise ContentError(f"{where}: answer {number} is worth {mine.credit}% here and "
                               f"{german.credit}% in the German lesson; a translation keeps "
                               "the answers in the same order")


def _ids(questions) -> str:
    shown = ", ".join(q.id for q in questions[:8])
    return f"[{shown}{', …' if len(questions) > 8 else ''}]"


def _kind(kind: str) -> str:
    return {gift.SINGLE: "single choice", gift.MULTIPLE: "multiple choice",
            gift.TRUE_FALSE: "true/false", gift.SHORT: "short answer"}[kind]
