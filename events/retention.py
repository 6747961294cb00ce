"""Guests' personal data kept no longer than needed: a guest's name and e-mail address are
deleted EVENT_GUEST_RETENTION_DAYS after the event (beat, daily: events.tasks.
forget_event_guests). The registration row stays, without them, so the counts (registered,
confirmed, present) do too. Signed-in learners' registrations go with their account instead
(events/personal_data.py).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import EventPage, Registration
from .models.registrations import new_secret


def forget_guests(now=None, days: int | None = None) -> int:
    """Forget the guests of every date none of whose pages ends after the cut-off (an event
    whose pages are all deleted counts as over). Safe to run twice: a forgotten guest is
    not touched again. Returns how many guests were forgotten."""
    now = now or timezone.now()
    days = settings.EVENT_GUEST_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    still_needed = EventPage.objects.filter(end__gt=cutoff).values("translation_key")
    return Registration.objects.filter(user__isnull=True, forgotten_at__isnull=True).exclude(
        event_key__in=still_needed).update(
        name="", email="", forgotten_at=now, secret=new_secret())  # its links are void too
