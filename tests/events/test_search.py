"""Events through the search API and page: type "event", the date facet (past dates left out
unless asked for), and the facts a result shows (when, where, online)."""

import datetime

import pytest
from django.utils import timezone

from events.models.pages import BERLIN
from events.search_types import date_state
from search import vocabulary

from .conftest import make_event

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


@pytest.fixture
def events(db):
    vocabulary.reset()
    now = timezone.now()
    running = make_event(title="Förderanträge: offene Sprechstunde", slug="sprechstunde",
                         start=now - datetime.timedelta(minutes=30),
                         end=now + datetime.timedelta(hours=2))  # this week, whatever the day
    coming = make_event()  # in ten days (this month or later), Haus der Vereine, Leipzig
    online = make_event(title="Förderanträge online besprechen", slug="online-besprechen",
                        venue="", online_url="https://meet.example.org/x",
                        start=now + datetime.timedelta(days=60),
                        end=now + datetime.timedelta(days=60, hours=1))  # always later
    past = make_event(title="Förderanträge: Rückblick", slug="rueckblick",
                      start=now - datetime.timedelta(days=20),
                      end=now - datetime.timedelta(days=20, hours=-2))
    return running, coming, online, past


def state_of(page) -> str:
    today = timezone.localtime(timezone.now(), BERLIN).date()
    return date_state(page.local_start.date(), page.local_end.date(), today)


def search(client, **params):
    response = client.get(API, {"q": "Förderanträge", "type": "event", **params})
    assert response.status_code == 200, response.content
    return response.json()


def found(client, **params) -> set[str]:
    return {r["slug"] for r in search(client, **params)["results"]}


def test_events_are_found_and_past_ones_only_when_asked(client, events):
    running, coming, online, past = events
    data = search(client)
    assert {r["slug"] for r in data["results"]} == {running.slug, coming.slug, online.slug}
    assert {r["type"] for r in data["results"]} == {"event"}
    assert found(client, date="past") == {past.slug}
    assert found(client, past="1") == {running.slug, coming.slug, online.slug, past.slug}


def test_the_date_facet_narrows_and_counts(client, events):
    running, coming, online, _past = events
    assert (state_of(running), state_of(online)) == ("this_week", "later")
    expected = {"this_week": {running.slug}, "this_month": set(), "later": {online.slug}}
    expected[state_of(coming)].add(coming.slug)
    for value, slugs in expected.items():
        assert found(client, date=value) == slugs, value
    counts = {f["value"]: f["count"] for f in search(client)["facets"]["date"]}
    # the past one is counted (so it can be chosen), though left out of the results
    assert {k: v for k, v in counts.items() if v} == \
        {**{k: len(v) for k, v in expected.items() if v}, "past": 1}


def test_an_unknown_date_value_is_a_clear_400(client, events):
    response = client.get(API, {"q": "Förderanträge", "date": "yesterday"})
    assert response.status_code == 400
    assert "date" in response.json()["errors"]


def test_date_states_by_berlin_day():
    wednesday = datetime.date(2026, 12, 2)
    day = datetime.timedelta(days=1)
    assert date_state(wednesday - 2 * day, wednesday - day, wednesday) == "past"
    assert date_state(wednesday - day, wednesday, wednesday) == "this_week"  # ends today
    assert date_state(wednesday + 4 * day, wednesday + 4 * day, wednesday) == "this_week"
    assert date_state(wednesday + 5 * day, wednesday + 5 * day, wednesday) == "this_month"
    assert date_state(datetime.date(2026, 12, 31), datetime.date(2026, 12, 31),
                      wednesday) == "this_month"
    assert date_state(datetime.date(2027, 1, 1), datetime.date(2027, 1, 1),
                      wednesday) == "later"
    # the week runs into the next month: this week wins
    assert date_state(datetime.date(2027, 1, 2), datetime.date(2027, 1, 2),
                      datetime.date(2026, 12, 30)) == "this_week"


def test_a_result_shows_when_where_and_online(client, events):
    _running, coming, _online, _past = events
    html = client.get("/de/search/", {"q": "Förderanträge", "type": "event"}).content.decode()
    assert 'class="facts event-facts"' in html
    assert f'datetime="{coming.local_start.isoformat()}"' in html
    assert "Haus der Vereine" in html and "Musterstraße" not in html  # the first line only
    assert html.count("event-facts") == 3
    assert "Online" in html
