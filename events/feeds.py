"""The listing of events, its archive, and the calendars (one event, the public feed, a
person's own feed at a secret address)."""

import hashlib
import secrets

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.caching.policy import allow_sharing
from cms.i18n import reader_links
from cms.site_url import base_url
from cms.views import method_not_allowed, read_only, render_error

from .calendar import calendar_of
from .listing import EventFilter, apply_filters, past, upcoming
from .models import CalendarToken, EventPage, Registration
from .models.registrations import ACTIVE, CONFIRMED, HOLDS_SEAT
from .tokens import make_token

PAGE_SIZE = 50


def _filtered(request, events):
    form = EventFilter(request.GET or None, Locale.get_active())
    filters = form.valid_filters() if request.GET else {}
    return form, filters, apply_filters(events, **filters)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@read_only
def listing(request, archive=False):
    form, filters, events = _filtered(request, past() if archive else upcoming())
    allow_sharing(request)
    query = request.GET.urlencode()
    return render(request, "events/listing.html", {
        "form": form, "links": reader_links(list(events[:PAGE_SIZE])), "archive": archive,
        "filtered": bool(filters), "bad_filters": bool(request.GET) and bool(form.errors),
        "feed_url": reverse("events:feed") + (f"?{query}" if query else ""),
    })


@read_only
def archive(request):
    return listing(request, archive=True)


@read_only
def feed(request):
    form, _filters, events = _filtered(request, upcoming())
    if request.GET and form.errors:
        return render_error(request, 400)
    allow_sharing(request)
    return _ics(calendar_of(reader_links(list(events[:500])), _("Wegweiser: events")),
                "veranstaltungen.ics")


@read_only
def event_ics(request, event_key):
    pages = {p.locale.language_code: p for p in EventPage.objects.live().public()
             .filter(translation_key=event_key).select_related("locale")}
    page = pages.get(request.LANGUAGE_CODE) or pages.get("de")
    if page is None:
        return render_error(request, 404)
    allow_sharing(request)
    return _ics(calendar_of([page], page.title), f"{page.slug}.ics")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@login_required
def mine(request):
    """My registrations, and the secret address of my calendar (made or renewed by POST;
    shown once: only its hash is kept)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return method_not_allowed(request, ["GET", "POST"])
    feed_url = None
    if request.method == "POST":
        token = secrets.token_urlsafe(24)
        CalendarToken.objects.update_or_create(user=request.user,
                                               defaults={"token_hash": _hash(token)})
        feed_url = base_url() + reverse("events:personal_feed", args=[token])
    registrations = list(Registration.objects.filter(user=request.user, status__in=ACTIVE))
    events = {p.translation_key: p for p in EventPage.objects.live().filter(
        translation_key__in=[r.event_key for r in registrations], locale__language_code="de")}
    links = {link.page.translation_key: link
             for link in reader_links(sorted(events.values(), key=lambda p: p.start))}
    rows = [{"registration": r, "link": links[r.event_key],
             "cancel_url": reverse("events:cancel", args=[make_token(r, "cancel")])}
            for r in registrations if r.event_key in links]
    rows.sort(key=lambda row: row["link"].page.start)
    return render(request, "events/mine.html", {
        "rows": rows, "feed_url": feed_url,
        "has_feed": CalendarToken.objects.filter(user=request.user).exists()})


@read_only
def personal_feed(request, token):
    owner = CalendarToken.objects.filter(token_hash=_hash(token)).select_related("user").first()
    if owner is None:
        return render_error(request, 404)
    keys = Registration.objects.filter(user=owner.user, status__in=HOLDS_SEAT) \
        .values_list("event_key", flat=True)
    confirmed = set(Registration.objects.filter(user=owner.user, status=CONFIRMED)
                    .values_list("event_key", flat=True))
    events = EventPage.objects.live().filter(translation_key__in=keys,
                                             locale__language_code="de").order_by("start")
    language = owner.user.preferred_language or "de"
    return _ics(calendar_of(reader_links(list(events), language), _("My events"),
                            show_online_link=lambda page: page.translation_key in confirmed),
                "meine-veranstaltungen.ics")
