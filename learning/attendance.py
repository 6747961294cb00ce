"""Attending an event completes the lesson it teaches (events sends cms.attendance.attended
when the organiser ticks a signed-in person; LearningConfig.ready connects this)."""

from django.utils import translation

from .answers import Lesson, _complete
from .models import LessonCompletion, LessonPage
from .models.progress import Learner


def complete_by_attendance(user, lesson_page, language: str | None = None) -> bool:
    """The lesson done for `user` (and the module, when it was the last one missing): once
    only, a quiz included. False when the page is no lesson or the lesson was done before."""
    page = lesson_page.specific if lesson_page is not None else None
    if not isinstance(page, LessonPage) or user is None or not user.is_authenticated:
        return False
    learner, _created = Learner.objects.get_or_create(user=user)
    lesson = Lesson.of(page)
    if LessonCompletion.objects.filter(learner=learner, lesson_key=lesson.lesson_key).exists():
        return False
    with translation.override(language or translation.get_language()):
        _complete(learner, lesson)
    return True


def on_attended(sender, user, lesson, language=None, **kwargs):
    complete_by_attendance(user, lesson, language)
