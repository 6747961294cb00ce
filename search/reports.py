"""Admin report: what readers search for most, and what found nothing, per language."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import SearchLogEntry

PERMISSION = "search.view_searchlogentry"
TOP = 25
PERIODS = [7, 30, 90]


def can_view(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


def report_rows(language: str, since: datetime.date, limit: int = TOP):
    entries = SearchLogEntry.objects.filter(locale=language, date__gte=since)
    grouped = entries.values("query_string").annotate(
        searches=Sum("searches"), no_results=Sum("no_results"))
    frequent = list(grouped.order_by("-searches", "query_string")[:limit])
    empty = list(grouped.filter(no_results__gt=0).order_by("-no_results", "query_string")[:limit])
    return frequent, empty


def search_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", "de")
    if language not in languages:
        language = "de"
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    frequent, empty = report_rows(language, timezone.localdate() - datetime.timedelta(days=days))
    return render(request, "search/admin/report.html", {
        "title": _("Searches"), "languages": languages.items(), "language": language,
        "days": days, "periods": PERIODS, "frequent": frequent, "empty": empty,
    })
