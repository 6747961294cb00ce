"""Which alert mails are due, each sent once only.

Deadline mails: a programme whose deadline is 4 to 14 days away gets the "14 days" mail, one
0 to 3 days away the "3 days" mail (a range, not one day: a day beat missed is caught up the
next day, and a follow begun 10 days before the deadline still hears of it). Passed
deadlines and rolling programmes (no deadline) send none. New-programme mails: a programme
first published after a search was followed, which fits it (funding.matching.fits).

Once only: `send_once` writes the AlertSent row and queues the mail in one transaction; the
row's unique constraint refuses a second run's row (beat twice, a retried task, two workers at
once), and that run sends nothing.
"""

import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from . import mails
from .models import AlertSent, AlertSubscription
from .targets import programme_for_key

FIRST_REMINDER_DAYS = 14
LAST_REMINDER_DAYS = 3


def reminder_kind(deadline, today) -> str | None:
    if deadline is None:
        return None
    days = (deadline - today).days
    if days < 0 or days > FIRST_REMINDER_DAYS:
        return None
    return AlertSent.Kind.DAYS_3 if days <= LAST_REMINDER_DAYS else AlertSent.Kind.DAYS_14


def send_once(subscription, programme, kind: str, send) -> bool:
    """Log and queue one mail unless it was sent before; True when this call sent it."""
    key, deadline = programme.translation_key, programme.deadline
    logged = AlertSent.objects.filter(subscription=subscription, programme_key=key, kind=kind,
                                      deadline=deadline)
    if logged.exists():
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                AlertSent.objects.create(subscription=subscription, programme_key=key,
                                         deadline=deadline, kind=kind)
        except IntegrityError:  # another run was quicker
            return False
        send()
    return True


def _search_answers(subscriptions, today):
    """(subscription, answers) for the followed searches that still read without errors."""
    from funding.matching import answers_from_query

    for subscription in subscriptions:
        answers, errors = answers_from_query(QueryDict(subscription.search_query), today)
        if not errors:
            yield subscription, answers


def _confirmed():
    return AlertSubscription.objects.filter(confirmed_at__isnull=False)


def send_deadline_alerts(today: datetime.date | None = None) -> int:
    """Every due deadline mail; returns how many were sent by this run."""
    from funding.matching import fits
    from funding.models import FundingProgrammePage

    today = today or timezone.localdate()
    programmes = list(FundingProgrammePage.objects.live().public().filter(
        locale__language_code="de", deadline__gte=today,
        deadline__lte=today + datetime.timedelta(days=FIRST_REMINDER_DAYS)))
    if not programmes:
        return 0
    searches = list(_search_answers(_confirmed().filter(programme_key__isnull=True), today))
    sent = 0
    for programme in programmes:
        kind = reminder_kind(programme.deadline, today)
        followers = list(_confirmed().filter(programme_key=programme.translation_key))
        followers += [s for s, answers in searches if fits(programme, answers, today)]
        for subscription in followers:
            sent += send_once(subscription, programme, kind,
                              partial(mails.send_deadline, subscription, programme, kind, today))
    return sent


def send_new_programme_alerts(programme_key, today: datetime.date | None = None) -> int:
    """Mails about one newly published programme to the searches it fits."""
    from funding.matching import fits

    today = today or timezone.localdate()
    programme = programme_for_key(programme_key)
    if programme is None or programme.first_published_at is None:
        return 0
    if programme.deadline is not None and programme.deadline < today:
        return 0
    followers = _confirmed().filter(programme_key__isnull=True,
                                    confirmed_at__lte=programme.first_published_at)
    sent = 0
    for subscription, answers in _search_answers(followers, today):
        if fits(programme, answers, today):
            sent += send_once(subscription, programme, AlertSent.Kind.NEW,
                              partial(mails.send_new_programme, subscription, programme))
    return sent

