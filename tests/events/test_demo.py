"""`manage.py load_demo` finds events/demo.py and makes the demo events: upcoming, organised by
demo organisations, the network meeting as a monthly series, the workshop also in Arabic.
Twice makes nothing new."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from events.demo import next_first_tuesday
from events.models import EventPage

pytestmark = pytest.mark.django_db


def test_load_demo_makes_upcoming_events_once(client, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        call_command("load_demo", stdout=out)
    assert "7 demo events (fictional examples) made." in out.getvalue()
    german = EventPage.objects.filter(locale__language_code="de")
    assert german.count() == 6
    assert all(e.start > timezone.now() and e.organiser is not None for e in german)
    assert all("(Beispiel)" in e.organiser.name for e in german)

    meetings = list(german.filter(slug__startswith="netzwerktreffen").order_by("start"))
    assert len(meetings) == 4
    assert len({m.translation_key for m in meetings}) == 4  # each date its own registrations
    for meeting in meetings:
        local = meeting.local_start
        assert (local.weekday(), local.day <= 7, local.hour, local.minute) == (1, True, 18, 0)
    assert [m.code for m in meetings[-1].languages.all()] == ["de", "en", "tr"]

    workshop = german.get(slug="workshop-foerderantrag-schreiben")
    assert (workshop.capacity, workshop.waiting_list) == (12, True)
    assert workshop.registration_deadline < workshop.start
    arabic = workshop.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.live and arabic.title == "ورشة عمل: كتابة طلب تمويل"
    assert client.get(arabic.url).status_code == 200
    online = german.get(slug="online-workshop-umgang-mit-behoerden")
    assert online.online_url and not online.venue and not online.waiting_list

    call_command("load_demo", stdout=(again := StringIO()))
    assert "0 demo events (fictional examples) made." in again.getvalue()
    assert EventPage.objects.count() == 7


@pytest.mark.parametrize(("today", "expected"), [
    (datetime.date(2026, 3, 2), datetime.date(2026, 3, 3)),  # Monday: tomorrow
    (datetime.date(2026, 3, 3), datetime.date(2026, 4, 7)),  # the day itself: next month
    (datetime.date(2026, 12, 20), datetime.date(2027, 1, 5)),
    (datetime.date(2029, 12, 5), datetime.date(2030, 2, 5)),  # not on New Year's Day
])
def test_the_series_starts_on_the_next_first_tuesday(today, expected):
    assert next_first_tuesday(today) == expected
    assert expected.weekday() == 1


@pytest.mark.parametrize("today", [datetime.date(year, 12, 1) + datetime.timedelta(days=n)
                                   for year in (2026, 2029) for n in range(0, 40, 3)])
def test_no_demo_workshop_falls_between_christmas_and_new_year(today):
    from events.demo import demo_events

    for event in demo_events(today):
        day = event.start.date()
        assert day > today
        assert not ((day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1)), (
            event.slug, day)
