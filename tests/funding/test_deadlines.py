"""Deadlines: the calendar page by month, the archive of passed ones and the feed, read back
with the icalendar library. Passed deadlines and rolling programmes are never in the feed;
the finder's answers filter it."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from .programmes import programme

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def deadlines(db):
    today = timezone.localdate()
    return {
        "today": programme("frist-heute", "sachsen", deadline=today, title="Frist heute"),
        "later": programme("frist-spaeter", "bayern", deadline=today + 40 * DAY,
                           title="Frist später", share=20),
        "passed": programme("frist-vorbei", deadline=today - DAY, title="Frist vorbei",
                            next_round=today + 200 * DAY),
        "rolling": programme("laufend", title="Jederzeit"),
    }


def feed(client, status=200, **params):
    response = client.get("/de/foerderung/fristen.ics", params)
    assert response.status_code == status
    return response


def events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_feed_has_upcoming_deadlines_only_as_all_day_events(client, deadlines):
    response = feed(client)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response)
    titles = {t.removeprefix("Frist: ").removeprefix("Deadline: ") for t in found}
    assert titles == {"Frist heute", "Frist später", "Testförderung Integration"}
    event = next(e for t, e in found.items() if t.endswith("Frist heute"))
    assert event.decoded("dtstart") == deadlines["today"].deadline
    assert event.decoded("dtend") == deadlines["today"].deadline + DAY
    assert str(event["url"]).endswith("/de/foerdermittel/frist-heute/")
    assert event.walk("VALARM")[0].decoded("trigger") == -7 * DAY


def test_feed_uids_are_stable_across_requests_and_languages(client, deadlines):
    uids = [sorted(str(e["uid"]) for e in events(client.get(address)).values())
            for address in ("/de/foerderung/fristen.ics", "/de/foerderung/fristen.ics",
                            "/ar/foerderung/fristen.ics")]
    assert uids[0] == uids[1] == uids[2]
    key = deadlines["today"].translation_key
    assert f"frist-{key}-{deadlines['today'].deadline:%Y%m%d}@wegweiser" in uids[0]


def test_feed_takes_the_finders_answers(client, deadlines):
    titles = set(events(feed(client, region="Leipzig", own_share="10")))
    assert {t.split(": ", 1)[1] for t in titles} == {"Frist heute", "Testförderung Integration"}


def test_feed_with_a_bad_answer_is_a_400(client, deadlines):
    feed(client, 400, amount="-3")


def test_feed_may_be_shared_by_caches(client, deadlines):
    response = feed(client)
    assert "public" in response["Cache-Control"]


def test_deadlines_page_by_month_without_rolling_or_passed(client, deadlines):
    response = client.get("/en/foerderung/fristen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Frist heute" in html and "Frist später" in html
    assert "Jederzeit" not in html and "Frist vorbei" not in html
    today = timezone.localdate()
    assert f'<h2 id="month-1">{today:%B %Y}</h2>' in html
    assert '<link rel="alternate" type="text/calendar"' in html


def test_deadlines_page_filtered_links_the_filtered_feed(client, deadlines):
    html = client.get("/en/foerderung/fristen/", {"region": "bayern"}).content.decode()
    assert "Frist später" in html and "Frist heute" not in html
    assert 'href="/en/foerderung/fristen.ics?region=bayern"' in html


def test_deadlines_page_with_a_bad_answer_says_so(client, deadlines):
    response = client.get("/en/foerderung/fristen/", {"region": "Atlantis"})
    assert response.status_code == 400
    assert "We do not know the place “Atlantis”." in response.content.decode()


def test_archive_keeps_passed_programmes_with_the_next_round(client, deadlines):
    response = client.get("/en/foerderung/fristen/archiv/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Frist vorbei" in html and "Frist heute" not in html and "Jederzeit" not in html
    assert "next round expected" in html
