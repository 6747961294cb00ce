"""What a lesson or module page shows of the learner's own progress (never cached: only pages
of readers with a session or a sign-in get it, and those are never shared)."""

from dataclasses import dataclass, field

from . import quiz
from .models import Enrolment, LessonCompletion, QuizAttempt


@dataclass
class AnswerView:
    given: object
    credit: int
    feedback: list
    is_right: bool
    is_partly_right: bool


@dataclass
class LessonState:
    attempt_number: int = 1  # the attempt the next answer belongs to
    answers: dict = field(default_factory=dict)  # {question_id: AnswerView}
    score: int | None = None
    passed: bool = False
    failed: bool = False  # the latest attempt finished below the pass mark
    completed: bool = False  # set by the caller, from the module's state


def _raw(given) -> list[str]:
    if isinstance(given, bool):
        return ["true" if given else "false"]
    if isinstance(given, list):
        return [str(p) for p in given]
    return [str(given)]


def lesson_state(learner, lesson_key, questions: dict) -> LessonState:
    state = LessonState()
    if learner is None:
        return state
    attempts = list(QuizAttempt.objects.filter(learner=learner, lesson_key=lesson_key)
                    .prefetch_related("answers"))
    if not attempts:
        return state
    shown = attempts[-1]
    state.passed = any(a.passed for a in attempts)
    state.score = shown.score
    state.failed = shown.finished_at is not None and not shown.passed
    state.attempt_number = shown.number + (1 if state.failed else 0)
    for answer in shown.answers.all():
        if answer.question_id not in questions:
            continue  # a question an editor removed since
        kind, question = questions[answer.question_id]
        try:
            graded = quiz.grade(kind, question, _raw(answer.given))
        except quiz.InvalidAnswer:  # options removed since: show the stored credit only
            graded = quiz.Graded(answer.credit, answer.given, [])
        state.answers[answer.question_id] = AnswerView(
            answer.given, answer.credit, [f for f in graded.feedback if f],
            answer.credit >= quiz.RIGHT_AT, 0 < answer.credit < quiz.RIGHT_AT)
    return state


@dataclass
class ModuleState:
    enrolled: bool = False
    completed: bool = False
    done: set = field(default_factory=set)  # lesson keys
    resume_key: object = None


def module_state(learner, module_key) -> ModuleState:
    state = ModuleState()
    if learner is None:
        return state
    enrolment = Enrolment.objects.filter(learner=learner, module_key=module_key).first()
    if enrolment is None:
        return state
    state.enrolled, state.completed = True, enrolment.completed_at is not None
    state.resume_key = enrolment.last_lesson_key
    state.done = set(LessonCompletion.objects.filter(learner=learner, module_key=module_key)
                     .values_list("lesson_key", flat=True))
    return state
