"""A series ("every first Tuesday, 18:00"): each date its own EventPage, with its own
registrations, made as copies of one event. The copies are siblings of the original, with the
same local time in Berlin (summer time included), deadline and duration moved along."""

import datetime

from django.db import transaction

from .models.pages import BERLIN, EventPage


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date | None:
    """The nth (1-5, or -1 for the last) weekday of a month; None when the month has none."""
    first = datetime.date(year, month, 1)
    days = [first + datetime.timedelta(days=d) for d in range(31)
            if (first + datetime.timedelta(days=d)).month == month
            and (first + datetime.timedelta(days=d)).weekday() == weekday]
    index = nth - 1 if nth > 0 else nth
    return days[index] if -len(days) <= index < len(days) else None


def series_dates(start: datetime.datetime, count: int, *, monthly_nth: int | None = None,
                 every_weeks: int | None = None) -> list[datetime.datetime]:
    local = start.astimezone(BERLIN)
    dates = []
    if every_weeks:
        day = local.date()
        for _n in range(count):
            day += datetime.timedelta(weeks=every_weeks)
            dates.append(day)
    else:
        nth = monthly_nth or (local.day - 1) // 7 + 1
        year, month = local.year, local.month
        while len(dates) < count:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = nth_weekday(year, month, local.weekday(), nth)
            if day is not None:
                dates.append(day)
    return [datetime.datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=BERLIN)
            for day in dates]


@transaction.atomic
def make_series(event: EventPage, count: int, **rule) -> list[EventPage]:
    duration = event.end - event.start
    before_deadline = (event.start - event.registration_deadline
                       if event.registration_deadline else None)
    copies = []
    for start in series_dates(event.start, count, **rule):
        slug = f"{event.slug}-{start:%Y-%m-%d}"
        if EventPage.objects.sibling_of(event).filter(slug=slug).exists():
            continue  # made by an earlier run
        copy = event.copy(update_attrs={
            "slug": slug, "start": start, "end": start + duration,
            "registration_deadline": start - before_deadline if before_deadline else None,
        }, keep_live=event.live)
        copies.append(copy.specific)
    return copies
