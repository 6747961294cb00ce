"""Recording what a learner does in a lesson: answers, new attempts, completion.

Every function checks the request against the lesson as published, records in one
transaction and raises `Refused` with a message for the reader when the request does not fit
(a question of another lesson, an option out of range, an answer after passing, a replayed or
stale post). A refused request changes nothing.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import quiz
from .models import Enrolment, LessonCompletion, QuizAnswer, QuizAttempt


class Refused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass
class Lesson:
    """What the checks need of a lesson page: its keys, questions and the module's pass mark."""

    lesson_key: object
    module_key: object
    questions: dict  # {question_id: (kind, value)}
    pass_mark: int
    lesson_keys: list  # every lesson of the module, in order (for module completion)

    @classmethod
    def of(cls, page) -> "Lesson":
        module = page.get_parent().specific
        source = module.source_page
        return cls(page.translation_key, module.translation_key, page.questions(),
                   module.pass_mark, [lesson.translation_key for lesson in source.lessons()])


def enrol(learner, module_key, lesson_key=None) -> Enrolment:
    """The learner's enrolment in the module, made on first use; remembers the lesson to resume."""
    now = timezone.now()
    enrolment = Enrolment.objects.filter(learner=learner, module_key=module_key).first()
    if enrolment is None:
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(learner=learner, module_key=module_key,
                                                     last_lesson_key=lesson_key)
        except IntegrityError:  # two tabs at once: the other made it
            enrolment = Enrolment.objects.get(learner=learner, module_key=module_key)
    if lesson_key and (enrolment.last_lesson_key != lesson_key
                       or (now - enrolment.last_seen_at).total_seconds() > 60):
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson_key=lesson_key,
                                                        last_seen_at=now)
    return enrolment


def open_attempt(learner, lesson: Lesson):
    return (QuizAttempt.objects.filter(learner=learner, lesson_key=lesson.lesson_key,
                                       finished_at=None).first())


def record_answer(learner, lesson: Lesson, question_id: str, attempt_number, raw: list[str],
                  language: str) -> QuizAnswer:
    if question_id not in lesson.questions:
        raise Refused(_("This question is not part of this lesson. Please reload the page."))
    kind, question = lesson.questions[question_id]
    try:
        graded = quiz.grade(kind, question, raw)
    except quiz.InvalidAnswer:
        raise Refused(_("Please choose an answer before you send it.")) from None
    with transaction.atomic():
        attempts = list(QuizAttempt.objects.select_for_update()
                        .filter(learner=learner, lesson_key=lesson.lesson_key))
        if any(a.passed for a in attempts):
            raise Refused(_("You have already passed this quiz. Your answers stay as they are."))
        current = next((a for a in attempts if a.finished_at is None), None)
        expected = current.number if current else len(attempts) + 1
        if str(attempt_number) != str(expected) or (current is None and attempts):
            raise Refused(_("This answer belongs to an earlier attempt and was not counted. "
                            "The page now shows your current attempt."))
        if current is None:
            current = QuizAttempt.objects.create(
                learner=learner, lesson_key=lesson.lesson_key, module_key=lesson.module_key,
                number=expected)
        if current.answers.filter(question_id=question_id).exists():
            raise Refused(_("You have already answered this question in this attempt."))
        answer = QuizAnswer.objects.create(attempt=current, question_id=question_id,
                                           language=language, given=graded.given,
                                           credit=graded.credit)
        _finish_if_complete(current, lesson)
    enrol(learner, lesson.module_key, lesson.lesson_key)
    return answer


def _finish_if_complete(attempt, lesson: Lesson) -> None:
    credits = dict(attempt.answers.values_list("question_id", "credit"))
    if set(lesson.questions) - set(credits):
        return
    attempt.score = quiz.score([credits[q] for q in lesson.questions], len(lesson.questions))
    attempt.passed = attempt.score >= lesson.pass_mark
    attempt.finished_at = timezone.now()
    attempt.save(update_fields=["score", "passed", "finished_at"])
    if attempt.passed:
        _complete(attempt.learner, lesson)


def start_new_attempt(learner, lesson: Lesson) -> None:
    """After a failed attempt the learner may try again; the next answer opens the attempt."""
    attempts = list(QuizAttempt.objects.filter(learner=learner, lesson_key=lesson.lesson_key))
    if any(a.passed for a in attempts):
        raise Refused(_("You have already passed this quiz. Your answers stay as they are."))
    if not attempts or any(a.finished_at is None for a in attempts):
        raise Refused(_("Your current attempt is still open: answer its questions first."))
    QuizAttempt.objects.create(learner=learner, lesson_key=lesson.lesson_key,
                               module_key=lesson.module_key, number=len(attempts) + 1)


def complete_lesson(learner, lesson: Lesson) -> None:
    """"Lesson done" for a lesson without questions; a quiz lesson is done when passed."""
    if lesson.questions:
        raise Refused(_("This lesson is done when you pass its quiz."))
    _complete(learner, lesson)
    enrol(learner, lesson.module_key, lesson.lesson_key)


def _complete(learner, lesson: Lesson) -> None:
    try:
        with transaction.atomic():
            LessonCompletion.objects.create(learner=learner, module_key=lesson.module_key,
                                            lesson_key=lesson.lesson_key)
    except IntegrityError:
        return  # done before
    enrolment = enrol(learner, lesson.module_key)
    done = set(LessonCompletion.objects.filter(learner=learner, module_key=lesson.module_key)
               .values_list("lesson_key", flat=True))
    if enrolment.completed_at is None and set(lesson.lesson_keys) <= done:
        Enrolment.objects.filter(pk=enrolment.pk, completed_at=None).update(
            completed_at=timezone.now())
        from .signals import module_completed

        transaction.on_commit(lambda: module_completed.send(
            sender=Enrolment, enrolment_id=enrolment.pk))
