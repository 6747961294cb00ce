"""Reports → Programmes to check: the programmes whose deadline passed or whose conditions
nobody compared with the funder's for six months (funding.checking), with CSV and XLSX export
from Wagtail's ReportView. Editors see only the pages they may edit."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .checking import describe, programmes_to_check
from .models import FundingProgrammePage


def field_label(name):
    return capfirst(FundingProgrammePage._meta.get_field(name).verbose_name)


def spreadsheet_text(value) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula: a title is not one
    (Wagtail's XLSX export already writes such cells as text, its CSV does not)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def may_check_programmes(user) -> bool:
    return PagePermissionPolicy().user_has_permission(user, "change")


class ProgrammesToCheckView(ReportView):
    page_title = _("Programmes to check")
    header_icon = "calendar-alt"
    index_url_name = "funding_programmes_to_check"
    index_results_url_name = "funding_programmes_to_check_results"
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    no_results_message = _("Every programme you may edit has an upcoming deadline (or none) "
                           "and was checked within the last six months.")
    columns = [
        TitleColumn("title", label=_("Programme"), url_name="wagtailadmin_pages:edit"),
        Column("reasons_text", label=_("Why it needs a look")),
        Column("deadline", label=field_label("deadline")),
        Column("last_checked", label=field_label("last_checked")),
        Column("section_title", label=_("Section")),
        Column("responsible", label=_("Responsible")),
    ]
    list_export = ["title", "reasons_text", "deadline", "next_round", "last_checked",
                   "section_title", "responsible", "edit_url"]
    export_headings = {
        "title": _("Programme"), "reasons_text": _("Why it needs a look"),
        "deadline": field_label("deadline"), "next_round": field_label("next_round"),
        "last_checked": field_label("last_checked"), "section_title": _("Section"),
        "responsible": _("Responsible"), "edit_url": _("Edit"),
    }

    custom_field_preprocess = {field: {ReportView.FORMAT_CSV: spreadsheet_text}
                               for field in ("title", "section_title", "responsible")}

    def get_filename(self):
        return f"programmes-to-check-{self.today.isoformat()}"

    @property
    def today(self) -> datetime.date:
        return timezone.localdate()

    def get_queryset(self):
        return programmes_to_check(self.request.user, self.today)

    def decorate_paginated_queryset(self, object_list):
        pages = describe(object_list, self.today)
        for page in pages:
            page.edit_url = self.request.build_absolute_uri(
                reverse("wagtailadmin_pages:edit", args=[page.pk]))
        return pages
