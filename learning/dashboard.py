"""The organisation dashboard: a coordinator sees how far each member got in each module, for
the members who agreed to share it (Membership.shares_progress, which they can switch off at
any time), on the page and as CSV. Anyone but the organisation's coordinators gets a 404."""

import csv
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.i18n import reader_links
from cms.learners.memberships import coordinated_organisation, organisation_name
from cms.learners.views import signed_in
from cms.models import Membership
from cms.views import read_only

from .models import Enrolment, LessonCompletion, LessonPage, ModulePage


@dataclass
class Row:
    member: str
    module: object  # a ReaderLink
    done: int
    total: int
    completed_at: object


def _member_name(user) -> str:
    return user.full_name or user.get_full_name() or user.email or user.get_username()


def progress_rows(organisation) -> list[Row]:
    sharing = {m.user_id: m.user for m in Membership.objects.filter(
        organisation=organisation, shares_progress=True).select_related("user")}
    enrolments = list(Enrolment.objects.filter(learner__user_id__in=sharing)
                      .select_related("learner").order_by("enrolled_at"))
    keys = {e.module_key for e in enrolments}
    modules = {m.translation_key: m for m in ModulePage.objects.live().filter(
        translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE)}
    links = dict(zip(modules, reader_links(list(modules.values())), strict=True))
    lessons = {key: {lesson.translation_key for lesson in
                     LessonPage.objects.child_of(module).live()}
               for key, module in modules.items()}
    done = {}
    for learner_id, lesson_key in LessonCompletion.objects.filter(
            learner__user_id__in=sharing).values_list("learner_id", "lesson_key"):
        done.setdefault(learner_id, set()).add(lesson_key)
    rows = [Row(_member_name(sharing[e.learner.user_id]), links[e.module_key],
                len(done.get(e.learner_id, set()) & lessons[e.module_key]),
                len(lessons[e.module_key]), e.completed_at)
            for e in enrolments if e.module_key in modules]
    return sorted(rows, key=lambda row: (row.member.casefold(), row.module.page.title))


@signed_in
@read_only
def organisation_progress(request, organisation_id):
    organisation = coordinated_organisation(request.user, organisation_id)
    rows = progress_rows(organisation)
    if request.GET.get("format") == "csv":
        return _csv(rows, organisation)
    sharing = Membership.objects.filter(organisation=organisation, shares_progress=True).count()
    members = Membership.objects.filter(organisation=organisation).count()
    return render(request, "learning/organisation_progress.html", {
        "organisation": organisation, "organisation_name": organisation_name(organisation),
        "rows": rows, "sharing": sharing, "members": members})


def _cell(value) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula: a name is not one."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(rows, organisation) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lernfortschritt.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 (Arabic names) only with the BOM
    writer = csv.writer(response)
    writer.writerow([_("Member"), _("Module"), _("Lessons done"), _("Lessons"),
                     _("Completed on")])
    for row in rows:
        writer.writerow([_cell(row.member), _cell(row.module.page.title), row.done, row.total,
                         row.completed_at.date().isoformat() if row.completed_at else ""])
    return response
