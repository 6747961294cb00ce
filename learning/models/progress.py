"""What a learner did, keyed by the pages' translation_key and the questions' ids.

Nothing here points at a page row: a learner who starts a module in Arabic and goes on in
German finds the same enrolment, lessons and attempts, because every translation of a page
shares its translation_key. A `Learner` is a signed-in user, or a guest known only by a random
token kept in their session; a guest's learner becomes the user's when they sign up or in
(learning/guests.py).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_guest_token() -> str:
    return secrets.token_urlsafe(24)


class Learner(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="learner")
    guest_token = models.CharField(max_length=40, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("learner")
        default_permissions = []

    def __str__(self):
        return f"learner {self.pk}"


class Enrolment(models.Model):
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="enrolments")
    module_key = models.UUIDField(db_index=True)
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_lesson_key = models.UUIDField(null=True, blank=True)  # where to resume
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = []
        constraints = [models.UniqueConstraint(fields=["learner", "module_key"],
                                               name="one_enrolment_per_module")]

    def __str__(self):
        return f"enrolment of learner {self.learner_id} in {self.module_key}"


class LessonCompletion(models.Model):
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="completions")
    module_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = []
        constraints = [models.UniqueConstraint(fields=["learner", "lesson_key"],
                                               name="one_completion_per_lesson")]

    def __str__(self):
        return f"lesson {self.lesson_key} done by learner {self.learner_id}"


class QuizAttempt(models.Model):
    """One pass through a lesson's questions. Open until every question is answered; then it
    has a score and passed or not. A failed attempt can be followed by a new one; after a
    pass no more answers are taken."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="attempts")
    module_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    number = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)

    class Meta:
        default_permissions = []
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson_key", "number"],
                                    name="attempt_numbers_unique"),
            models.UniqueConstraint(fields=["learner", "lesson_key"],
                                    condition=Q(finished_at__isnull=True),
                                    name="one_open_attempt_per_lesson"),
        ]

    def __str__(self):
        return f"attempt {self.number} at {self.lesson_key} by learner {self.learner_id}"


class QuizAnswer(models.Model):
    """The answer to one question within an attempt, and the language it was given in (a
    question that fails in one language only is usually a bad translation)."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=60)
    language = models.CharField(max_length=10)
    given = models.JSONField()  # option positions, true/false, or the typed text
    credit = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = []
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"],
                                               name="one_answer_per_question")]

    def __str__(self):
        return f"answer to {self.question_id} in attempt {self.attempt_id}"
