"""iCalendar files: one event, the public feed of upcoming events, a person's own feed.
Times carry TZID=Europe/Berlin (with its VTIMEZONE); each event has an alarm the day before."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as ICalEvent

from cms.site_url import base_url

from .models.pages import BERLIN

PRODID = "-//Wegweiser//Veranstaltungen//DE"


def _vevent(link, show_online_link: bool = False) -> ICalEvent:
    page = link.page if hasattr(link, "page") else link
    url = base_url() + (getattr(link, "url", None) or page.url or "")
    entry = ICalEvent()
    entry.add("uid", f"{page.translation_key}@wegweiser")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(page.start, BERLIN))
    entry.add("dtend", timezone.localtime(page.end, BERLIN))
    entry.add("summary", page.title)
    if page.summary:
        entry.add("description", f"{page.summary}\n\n{url}")
    else:
        entry.add("description", url)
    entry.add("url", url)
    place = page.venue.replace("\r", "").strip()
    if show_online_link and page.online_url:
        place = f"{place}\n{page.online_url}".strip()
    elif page.online_url and not place:
        place = _("Online")
    if place:
        entry.add("location", place)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Tomorrow: %(title)s") % {"title": page.title})
    alarm.add("trigger", -datetime.timedelta(days=1))
    entry.add_component(alarm)
    return entry


def calendar_of(links, name: str, show_online_link=lambda page: False) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for link in links:
        page = link.page if hasattr(link, "page") else link
        calendar.add_component(_vevent(link, show_online_link(page)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
