"""Background tasks of funding: the alert mails (funding/alerts/)."""

from celery import shared_task

from .alerts.mails import send_alert_mail  # noqa: F401 (registered with the worker from here)


@shared_task
def send_deadline_alerts() -> int:
    """Beat, daily: the 14- and 3-day mails that are due, each once only (however often
    this runs)."""
    from .alerts.sending import send_deadline_alerts as send

    return send()


@shared_task
def announce_new_programme(programme_key: str) -> int:
    """After a programme was published: a mail to each followed search it fits, once."""
    from .alerts.sending import send_new_programme_alerts

    return send_new_programme_alerts(programme_key)


@shared_task
def forget_unconfirmed_alerts() -> int:
    """Beat, daily: follows nobody confirmed are deleted after a few days; the counters of
    confirmation mails after an hour."""
    from .alerts import throttle
    from .alerts.following import forget_unconfirmed

    throttle.prune()
    return forget_unconfirmed()
