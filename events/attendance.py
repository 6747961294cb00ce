"""The organiser's attendance list: the confirmed registrations of one date, a checkbox each,
saved with one POST (a plain form for a phone, no JavaScript), and the same list as CSV.

Only who may take attendance (EventPage.may_take_attendance: the event's editors and the
organising organisation's coordinators) sees it; everyone else signed in gets a 404, as if
the event had no such page, and a reader who is not signed in is sent to sign in.

Ticking a signed-in person completes the lesson the event teaches (cms.attendance.attended,
which learning listens to), once; unticking later keeps the lesson done.
"""

import csv

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from cms.attendance import attended
from cms.i18n import active_language, locale_for_language
from cms.learners.views import signed_in

from .models import EventPage, Registration
from .models.pages import BERLIN
from .models.registrations import CONFIRMED
from .registration import event_for_key


def _event_or_404(user, event_key) -> EventPage:
    event = event_for_key(event_key)
    if event is None or not event.may_take_attendance(user):
        raise Http404
    return event


def confirmed(event_key) -> list[Registration]:
    rows = Registration.objects.filter(event_key=event_key, status=CONFIRMED) \
        .select_related("user")
    return sorted(rows, key=lambda r: (r.display_name.casefold(), r.pk))


def may_save(event, now=None) -> bool:
    """Attendance is taken from the day of the event on (not weeks before it)."""
    today = timezone.localtime(now or timezone.now(), BERLIN).date()
    return event.local_start.date() <= today


def save_attendance(event, present_ids: set[int], now=None) -> int:
    """Tick who is in `present_ids`, untick the others; the newly ticked signed-in people
    complete the event's lesson. Returns how many are ticked."""
    now = now or timezone.now()
    ticked = 0
    with transaction.atomic():
        for registration in Registration.objects.select_for_update(of=("self",)).filter(
                event_key=event.translation_key, status=CONFIRMED).select_related("user"):
            present = registration.pk in present_ids
            ticked += present
            if present == bool(registration.attended_at):
                continue
            registration.attended_at = now if present else None
            registration.save(update_fields=["attended_at"])
            if present and registration.user_id and event.lesson_id:
                attended.send(sender=Registration, user=registration.user,
                              lesson=event.lesson, language=registration.language)
    return ticked


def _ids(values) -> set[int]:
    return {int(v) for v in values if v.isdigit()}


@signed_in
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def attendance(request, event_key):
    event = _event_or_404(request.user, event_key)
    if request.method == "POST":
        if not may_save(event):
            messages.error(request, _("You can take attendance from the day of the event on."))
        else:
            ticked = save_attendance(event, _ids(request.POST.getlist("present")))
            messages.success(request, _("Attendance saved: %(count)s present.")
                             % {"count": ticked})
        return HttpResponseRedirect(request.path)
    page = event.get_translation_or_none(locale_for_language(active_language())) or event
    rows = confirmed(event_key)
    return render(request, "events/attendance.html", {
        "event": page, "rows": rows, "present": sum(1 for r in rows if r.attended_at),
        "may_save": may_save(event)})


def _cell(value) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula: a name is not one."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@signed_in
@never_cache
@require_safe
def attendance_csv(request, event_key):
    event = _event_or_404(request.user, event_key)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    day = event.local_start.date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="anwesenheit-{day}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 (Arabic names) only with the BOM
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("E-mail"), _("Guest"), _("Registered on"), _("Present")])
    for row in confirmed(event_key):
        writer.writerow([
            _cell(row.display_name), _cell(row.address), _("yes") if not row.user_id else "",
            timezone.localtime(row.created, BERLIN).date().isoformat(),
            _("yes") if row.attended_at else _("no")])
    return response
