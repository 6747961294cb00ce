from celery import shared_task

from .mails import send_event_mail  # noqa: F401 (registered with the worker from here)


@shared_task
def expire_event_offers() -> int:
    """Beat, every few minutes: offers not taken within 48 hours go to the next one waiting;
    guests who never confirmed their address are forgotten after a week."""
    from .registration import expire_offers, forget_unconfirmed

    forget_unconfirmed()
    return expire_offers()


@shared_task
def send_event_reminders() -> int:
    """Beat, hourly: a mail to everyone confirmed for an event that starts within 24 hours.
    Once only, even when beat runs twice or a worker retries: a reminder is queued only by
    the run whose UPDATE … WHERE reminded_at IS NULL marked the registration."""
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from .mails import send_reminder_mail
    from .models import EventPage, Registration
    from .models.registrations import CONFIRMED

    now = timezone.now()
    events = {e.translation_key: e for e in EventPage.objects.live().filter(
        locale__language_code="de", start__gt=now,
        start__lte=now + datetime.timedelta(hours=24))}
    sent = 0
    for registration in Registration.objects.filter(
            event_key__in=events, status=CONFIRMED, reminded_at__isnull=True):
        with transaction.atomic():
            if Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True,
                                           status=CONFIRMED).update(reminded_at=now):
                send_reminder_mail(registration, events[registration.event_key])
                sent += 1
    return sent


@shared_task
def forget_event_guests() -> int:
    """Beat, daily: guests' names and addresses deleted EVENT_GUEST_RETENTION_DAYS after the
    event (events/retention.py); counts kept; a second run changes nothing."""
    from .retention import forget_guests

    return forget_guests()
