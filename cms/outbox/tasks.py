from celery import shared_task

from .dispatch import flush


@shared_task
def flush_outbox() -> int:
    """Run by beat every minute: hand over tasks the broker could not take earlier."""
    return flush()
