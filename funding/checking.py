"""Which programmes an editor should look at again: the deadline passed (and the programme is
not open all year), or nobody compared the page with the funder's conditions for six months
(`last_checked` empty or older). Only the German pages, whose dates their translations
share; only those the user may edit, so a partner sees only their own section's."""

import calendar
import datetime

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.models import Organisation

from .models import FundingProgrammePage

CHECK_EVERY_MONTHS = 6

REASONS = {
    "passed": _("Deadline passed"),
    "never": _("Never checked"),
    "old": _("Not checked for six months"),
}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter:
    six months before 31 August is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1,
                       day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def check_due_before(today: datetime.date) -> datetime.date:
    """A check older than this day is due; one on this very day is six months old, not
    older."""
    return months_before(today, CHECK_EVERY_MONTHS)


def programmes_to_check(user, today: datetime.date):
    """The user's editable German programmes that need a look, oldest check first (never
    checked before all)."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    due = check_due_before(today)
    return (FundingProgrammePage.objects
            .filter(locale=Locale.get_default(), pk__in=editable.values("pk"))
            .filter(Q(deadline__lt=today) | Q(last_checked__isnull=True)
                    | Q(last_checked__lt=due))
            .order_by(F("last_checked").asc(nulls_first=True), "title", "pk"))


def reasons(page, today: datetime.date) -> list[str]:
    found = []
    if page.deadline is not None and page.deadline < today:
        found.append("passed")
    if page.last_checked is None:
        found.append("never")
    elif page.last_checked < check_due_before(today):
        found.append("old")
    return found


def describe(pages, today: datetime.date) -> list:
    """The pages, each with its reasons, its section (the topic above it) and who is
    responsible (the partner whose section holds it, else the central team): two queries
    for any number of pages."""
    pages = list(pages)
    steplen = Page.steplen
    parents = {p.path: p.title for p in Page.objects.filter(
        path__in={page.path[:-steplen] for page in pages}).only("path", "title")}
    partners = [(o.section.path, o.name) for o in Organisation.objects.filter(
        locale=Locale.get_default(), section__isnull=False).select_related("section")]
    for page in pages:
        page.reasons = reasons(page, today)
        page.reasons_text = ", ".join(str(REASONS[r]) for r in page.reasons)
        page.section_title = parents.get(page.path[:-steplen], "")
        page.responsible = next(
            (name for path, name in partners if page.path.startswith(path)),
            str(_("Central editorial team")))
    return pages
