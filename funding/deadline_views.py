"""The deadlines: a calendar page of upcoming deadlines by month, the archive of passed ones
and the feed calendar apps subscribe to. All take the guided finder's answers as filters
(funding.matching); rolling programmes have no deadline and are in none of them."""

from itertools import groupby

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cms.caching.policy import allow_sharing
from cms.views import read_only, render_error

from . import programmes as found
from .calendar import deadlines_calendar
from .matching import answers_from_query, answers_to_query

FEED_LIMIT = 500
ARCHIVE_LIMIT = 100


def _with_query(name: str, query: str) -> str:
    return reverse(name) + (f"?{query}" if query else "")


@read_only
def deadlines(request):
    """Upcoming deadlines by month. Bad filters: said, and left out (400, as the finder)."""
    today = timezone.localdate()
    answers, errors = answers_from_query(request.GET, today)
    query = answers_to_query(answers)
    links = found.with_links(found.upcoming(answers, today))
    months = [(formats.date_format(month, "F Y"), list(items)) for month, items in groupby(
        links, key=lambda pair: pair[0].deadline.replace(day=1))]
    allow_sharing(request)
    return render(request, "funding/deadlines.html", {
        "months": months, "errors": errors, "filtered": bool(query),
        "feed_url": _with_query("funding:feed", query),
        "finder_url": _with_query("funding:guided", query),
    }, status=400 if errors else 200)


@read_only
def archive(request):
    links = found.with_links(found.passed(timezone.localdate())[:ARCHIVE_LIMIT])
    allow_sharing(request)
    return render(request, "funding/deadlines_archive.html", {"links": links})


@read_only
def feed(request):
    today = timezone.localdate()
    answers, errors = answers_from_query(request.GET, today)
    if errors:
        return render_error(request, 400)
    links = found.with_links(found.upcoming(answers, today)[:FEED_LIMIT])
    allow_sharing(request)
    response = HttpResponse(deadlines_calendar(links, _("Wegweiser: funding deadlines")),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="foerderfristen.ics"'
    return response
