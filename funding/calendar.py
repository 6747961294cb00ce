"""The deadlines feed: one all-day event per upcoming deadline, with an alarm a week before.

The UID names the programme (its translation key, the same in every language) and the
deadline, so a calendar that subscribed keeps an event when the feed is read again and gets a
new one when the funder sets a new deadline. Passed deadlines are never in it.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vDuration

from cms.site_url import base_url

PRODID = "-//Wegweiser//Foerderfristen//DE"
ALARM_BEFORE = datetime.timedelta(days=7)
REFRESH = datetime.timedelta(hours=12)  # deadlines change seldom; apps may ask less often


def deadline_event(programme, url: str, title: str, summary: str) -> Event:
    entry = Event()
    entry.add("uid", f"frist-{programme.translation_key}-{programme.deadline:%Y%m%d}@wegweiser")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", programme.deadline)
    entry.add("dtend", programme.deadline + datetime.timedelta(days=1))
    entry.add("summary", _("Deadline: %(title)s") % {"title": title})
    entry.add("description", f"{summary}\n\n{url}" if summary else url)
    entry.add("url", url)
    entry.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("In a week: deadline for %(title)s") % {"title": title})
    alarm.add("trigger", -ALARM_BEFORE)
    entry.add_component(alarm)
    return entry


def deadlines_calendar(links, name: str) -> bytes:
    """`links`: [(German programme, its link in the reader's language)]."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    for programme, link in links:
        calendar.add_component(deadline_event(programme, base_url() + (link.url or ""),
                                              link.page.title, link.page.summary))
    return calendar.to_ical()
