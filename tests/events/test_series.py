import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from events.models import EventPage, Registration
from events.models.pages import BERLIN

from .conftest import ORIGIN, make_event

pytestmark = pytest.mark.django_db


def test_every_first_tuesday_at_six_each_date_its_own_registrations(client, learner):
    # Tuesday 6 October 2099, 18:00 in Berlin (summer time); the series crosses into winter.
    start = datetime.datetime(2099, 10, 6, 18, 0, tzinfo=BERLIN)
    event = make_event(start=start, end=start + datetime.timedelta(hours=2),
                       registration_deadline=start - datetime.timedelta(days=1))
    call_command("make_event_series", event.pk, "--count", "3", stdout=StringIO())
    call_command("make_event_series", event.pk, "--count", "3", stdout=StringIO())  # again
    dates = [e.local_start for e in EventPage.objects.filter(
        translation_key__isnull=False).exclude(pk=event.pk).order_by("start")]
    assert [(d.month, d.day, d.hour, d.minute) for d in dates] == [
        (11, 3, 18, 0), (12, 1, 18, 0), (1, 5, 18, 0)]
    assert all(d.weekday() == 1 for d in dates)
    copies = list(EventPage.objects.exclude(pk=event.pk).order_by("start"))
    assert len({c.translation_key for c in copies} | {event.translation_key}) == 4
    assert all(c.end - c.start == datetime.timedelta(hours=2) for c in copies)
    assert all(c.start - c.registration_deadline == datetime.timedelta(days=1) for c in copies)
    client.force_login(learner)
    client.post(f"/de/veranstaltungen/{copies[0].translation_key}/anmelden/", **ORIGIN)
    assert Registration.objects.get().event_key == copies[0].translation_key
