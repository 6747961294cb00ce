"""The daily deletion of readers' notes (CELERY_BEAT_SCHEDULE "prune-feedback-notes")."""

from celery import shared_task

from .models import FeedbackNote


@shared_task
def prune_feedback_notes(days: int | None = None) -> int:
    """Delete notes older than FEEDBACK_NOTE_MAX_AGE_DAYS days (in the site's time zone).
    The counts stay: they hold nothing about a reader."""
    return FeedbackNote.prune(days)
