"""What events make searchable (cms.searchable): event pages, type "event", with a date facet
(this week, this month, later, past; past dates are left out unless asked for, like passed
funding deadlines) and the facts a result shows: when, where, online
(templates/events/search_hit_facts.html)."""

import calendar
import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.ids import among
from cms.searchable import Facet, SearchType, register

from .models.pages import BERLIN

TYPE = "event"
DATE_STATES = [("this_week", _("This week")), ("this_month", _("This month")),
               ("later", _("Later")), ("past", _("Past events"))]


def _week_end(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=6 - today.weekday())  # Sunday


def _month_end(today: datetime.date) -> datetime.date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def date_state(start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    """Dates are days in Berlin. An event is past from the day after its end."""
    if end < today:
        return "past"
    if start <= _week_end(today):
        return "this_week"
    if start <= _month_end(today):
        return "this_month"
    return "later"


def _facts(start, end, venue, online_url, today) -> dict:
    start, end = timezone.localtime(start, BERLIN), timezone.localtime(end, BERLIN)
    return {"start": start, "end": end,
            "date_state": date_state(start.date(), end.date(), today),
            "place": (venue or "").strip().splitlines()[0] if (venue or "").strip() else "",
            "online": bool(online_url)}


def event_facts(ids, today) -> dict:
    """{page id: facts} in one query; the place is the hit's own (translated) first line."""
    from .models import EventPage

    return {pk: _facts(start, end, venue, online_url, today)
            for pk, start, end, venue, online_url in EventPage.objects.order_by()
            .filter(among("pk", ids)).values_list("pk", "start", "end", "venue", "online_url")}


def document_facts(page) -> dict:
    return {"start": page.start.isoformat(), "end": page.end.isoformat(),
            "start_date": page.local_start.date().isoformat(),
            "end_date": page.local_end.date().isoformat(),
            "venue": page.venue, "online": bool(page.online_url)}


def facts_from_document(stored: dict, today: datetime.date) -> dict:
    return _facts(datetime.datetime.fromisoformat(stored["start"]),
                  datetime.datetime.fromisoformat(stored["end"]), stored.get("venue"),
                  "online" if stored.get("online") else "", today)


def date_filters(today: datetime.date) -> dict[str, dict]:
    """Elasticsearch: one filter per date state, as date_state() decides."""
    start, end = "dates.start_date", "dates.end_date"
    week, month = _week_end(today).isoformat(), _month_end(today).isoformat()
    not_past = {"range": {end: {"gte": today.isoformat()}}}
    return {
        "past": {"range": {end: {"lt": today.isoformat()}}},
        "this_week": {"bool": {"filter": [not_past, {"range": {start: {"lte": week}}}]}},
        "this_month": {"bool": {"filter": [not_past, {"range": {start: {"gt": week,
                                                                         "lte": month}}}]}},
        "later": {"range": {start: {"gt": max(week, month)}}},
    }


FACETS = (
    Facet("date", _("Date"), lambda language, context: [(k, str(v)) for k, v in DATE_STATES],
          lambda facts, context: [facts["date_state"]], types=(TYPE,),
          hidden=frozenset({"past"}), es_value_filters=date_filters),
)

register(SearchType(
    TYPE, "events.EventPage", _("Event"), position=40, facts=event_facts,
    document_facts=document_facts, date_facts=("start_date", "end_date"),
    facts_from_document=facts_from_document, facts_template="events/search_hit_facts.html",
    facets=FACETS,
))
