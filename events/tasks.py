from celery import shared_task

from .mails import send_event_mail  # noqa: F401 (registered with the worker from here)


@shared_task
def expire_event_offers() -> int:
    """Beat, every few minutes: offers not taken within 48 hours go to the next one waiting;
    guests who never confirmed their address are forgotten after a week."""
    from .registration import expire_offers, forget_unconfirmed

    forget_unconfirmed()
    return expire_offers()
