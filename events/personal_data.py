"""A learner's event registrations in their download and their account's deletion."""

from .models import CalendarToken, EventPage, Registration


def export(user) -> list[dict]:
    registrations = list(Registration.objects.filter(user=user))
    titles = dict(EventPage.objects.filter(
        translation_key__in={r.event_key for r in registrations}, locale__language_code="de")
        .values_list("translation_key", "title"))
    return [{"event": titles.get(r.event_key, str(r.event_key)), "status": r.status,
             "registered": r.created, "confirmed": r.confirmed_at,
             "cancelled": r.cancelled_at, "attended": r.attended_at,
             "language": r.language} for r in registrations]


def erase(user) -> None:
    """Seats held by the person are freed first, so the next one waiting is asked."""
    from .registration import cancel_own

    for key in set(Registration.objects.filter(user=user, status__in=("confirmed", "offered",
                                                                       "waiting"))
                   .values_list("event_key", flat=True)):
        cancel_own(user, key)
    Registration.objects.filter(user=user).delete()


def export_calendar(user) -> list[dict]:
    """Only that a secret calendar address exists (its token is kept hashed)."""
    return [{"calendar_address_made": token.created}
            for token in CalendarToken.objects.filter(user=user)]


def erase_calendar(user) -> None:
    CalendarToken.objects.filter(user=user).delete()
