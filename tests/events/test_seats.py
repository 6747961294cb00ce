"""The event page says how many seats are free, to every reader, and the shared page cache
never keeps an old count: every change of a seat refreshes it. A full event without a waiting
list, or one whose registration has closed, offers no form."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape

from .conftest import ORIGIN, make_event

pytestmark = pytest.mark.django_db


def words(msgid, **values):
    with translation.override("de"):
        return escape(translation.gettext(msgid) % values)


def seats_line(event) -> str:
    body = Client().get(event.url).content.decode()
    start = body.index('<p class="seats">')
    return body[start:body.index("</p>", start)]


def test_free_seats_show_and_the_cached_page_follows_each_change(
        settings, learner, django_capture_on_commit_callbacks):
    from cms.caching.invalidation import advance_generation

    settings.PAGE_CACHE_ENABLED = True
    advance_generation()
    event = make_event(capacity=10)
    free = "Free seats: %(free)s of %(capacity)s"
    assert words(free, free=10, capacity=10) in seats_line(event)
    assert Client().get(event.url)["X-Page-Cache"] == "hit"

    reader = Client()
    reader.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(f"/de/veranstaltungen/{event.translation_key}/anmelden/", **ORIGIN)
    assert words(free, free=9, capacity=10) in seats_line(event)
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(f"/de/veranstaltungen/{event.translation_key}/abmelden/", **ORIGIN)
    assert words(free, free=10, capacity=10) in seats_line(event)
    advance_generation()


def test_a_full_event_says_so_and_offers_the_waiting_list_or_no_form(learner):
    other = learner.__class__.objects.create_user(username="o", email="o@example.org")
    for waiting_list, slug in ((True, "mit-warteliste"), (False, "ohne-warteliste")):
        event = make_event(capacity=1, waiting_list=waiting_list, slug=slug)
        client = Client()
        client.force_login(other)
        client.post(f"/de/veranstaltungen/{event.translation_key}/anmelden/", **ORIGIN)
        page = Client().get(event.url).content.decode()
        if waiting_list:
            assert words("All seats are taken. If you register, you join the waiting "
                         "list.") in page
            assert 'name="email"' in page
        else:
            assert words("This event is fully booked.") in page
            assert 'name="email"' not in page


def test_after_the_deadline_the_page_offers_no_form():
    event = make_event(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    page = Client().get(event.url).content.decode()
    assert words("Registration is closed.") in page
    assert 'name="email"' not in page


@pytest.mark.parametrize("path", ["/de/", "/de/verein-gruenden/", "/de/veranstaltungen/"])
def test_every_list_of_events_names_the_date(client, path):
    """The home page and topics list plain copies of their events (cms.frozen): the dates
    come from the events themselves."""
    from events.models.pages import BERLIN

    start = datetime.datetime(2099, 10, 6, 18, 0, tzinfo=BERLIN)
    make_event(start=start, end=start + datetime.timedelta(hours=2))
    page = client.get(path).content.decode()
    assert '<time datetime="2099-10-06T18:00:00+02:00">6. Oktober 2099, 18:00</time>' in page


def test_the_event_page_names_the_weekday():
    from events.models.pages import BERLIN

    start = datetime.datetime(2099, 10, 6, 18, 0, tzinfo=BERLIN)
    event = make_event(start=start, end=start + datetime.timedelta(hours=2))
    page = Client().get(event.url).content.decode()
    assert ">Dienstag, 6. Oktober 2099, 18:00</time>" in page
