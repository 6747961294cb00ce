"""The calendars parsed back with icalendar; the listing, its filters, archive and feed link;
the personal feed at a secret, renewable address; the next events on the home page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration

from .conftest import ORIGIN, make_event

pytestmark = pytest.mark.django_db


def events_in(content: bytes):
    return [c for c in Calendar.from_ical(content).walk("VEVENT")]


def test_one_events_file_has_berlin_times_and_a_reminder_the_day_before(client, event):
    response = client.get(f"/de/veranstaltungen/{event.translation_key}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (entry,) = events_in(response.content)
    start = entry.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Berlin"
    assert start == event.start and entry.decoded("dtend") == event.end
    assert "TZID=Europe/Berlin" in response.content.decode()
    assert str(entry["summary"]) == "Förderanträge schreiben"
    assert "Musterstraße 1" in str(entry["location"])
    (alarm,) = entry.walk("VALARM")
    assert alarm.decoded("trigger") == -datetime.timedelta(days=1)


def test_the_feed_lists_upcoming_events_and_filters(client, event):
    from cms.models import SpokenLanguage

    arabic, _ = SpokenLanguage.objects.get_or_create(code="ar")
    online = make_event(title="Online-Treffen", slug="online-treffen", venue="",
                        online_url="https://meet.example.org/x",
                        start=timezone.now() + datetime.timedelta(days=3),
                        end=timezone.now() + datetime.timedelta(days=3, hours=1))
    online.languages.add(arabic)
    online.save_revision().publish()
    make_event(title="Vorbei", slug="vorbei", start=timezone.now() - datetime.timedelta(days=5),
               end=timezone.now() - datetime.timedelta(days=5, hours=-1))

    def titles(query=""):
        response = client.get(f"/de/veranstaltungen/feed.ics{query}")
        assert response.status_code == 200
        return [str(e["summary"]) for e in events_in(response.content)]

    assert titles() == ["Online-Treffen", "Förderanträge schreiben"]
    assert titles("?language=ar") == ["Online-Treffen"]
    assert titles("?format=in_person") == ["Förderanträge schreiben"]
    assert titles("?topic=verein-gruenden") == ["Online-Treffen", "Förderanträge schreiben"]
    assert titles("?topic=foerdermittel") == []
    assert "meet.example.org" not in client.get("/de/veranstaltungen/feed.ics").content.decode()
    assert client.get("/de/veranstaltungen/feed.ics?format=zeppelin").status_code == 400

    listing = client.get("/de/veranstaltungen/?format=online").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in listing
    assert 'href="/de/veranstaltungen/feed.ics?format=online"' in listing
    assert "Online-Treffen" in listing and "Förderanträge schreiben" not in listing
    archive = client.get("/de/veranstaltungen/archiv/").content.decode()
    assert "Vorbei" in archive and "Online-Treffen" not in archive
    home = client.get("/de/").content.decode()
    assert "Online-Treffen" in home and "Vorbei" not in home


def test_listing_shows_the_translation_and_berlin_time(client, event, arabic_event):
    page = client.get("/ar/veranstaltungen/").content.decode()
    assert "كتابة طلبات التمويل" in page
    berlin = timezone.localtime(event.start, ZoneInfo("Europe/Berlin"))
    assert berlin.strftime("%H:%M") in client.get("/de/veranstaltungen/").content.decode()


def test_personal_feed_at_a_secret_renewable_address(client, event, learner):
    client.force_login(learner)
    client.post(f"/de/veranstaltungen/{event.translation_key}/anmelden/", **ORIGIN)
    made = client.post("/de/veranstaltungen/meine/").content.decode()
    import re

    first = re.search(r'value="http://testserver(/de/veranstaltungen/kalender/[^"]+)"',
                      made).group(1)
    client.logout()
    (entry,) = events_in(client.get(first).content)
    assert str(entry["summary"]) == "Förderanträge schreiben"
    client.force_login(learner)
    renewed = client.post("/de/veranstaltungen/meine/").content.decode()
    second = re.search(r'value="http://testserver(/de/veranstaltungen/kalender/[^"]+)"',
                       renewed).group(1)
    assert second != first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert "Förderanträge schreiben" in client.get("/de/veranstaltungen/meine/").content.decode()
    Registration.objects.update(status="cancelled")
    assert events_in(client.get(second).content) == []
