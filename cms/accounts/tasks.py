"""Celery tasks of the accounts app (CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task
def prune_sign_in_records() -> dict:
    """Daily: password-reset counters past their window, failed sign-ins past the cool-off."""
    from .signin import prune

    resets, attempts = prune()
    logger.info("Pruned %d password-reset requests and %d failed sign-in records.",
                resets, attempts)
    return {"password_reset_requests": resets, "failed_sign_ins": attempts}
