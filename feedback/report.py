"""Admin report (Reports → Page feedback): yes, no and the share of yes per page and readers'
language over a period (the last 30 days unless chosen), most "No" first, sortable, with
Wagtail's CSV/XLSX export. For users with the view permission of PageFeedback (given to
Editors and Moderators by migration 0002); others see only the pages they may change, so a
partner's editors see their own section."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import F, FloatField, Sum
from django.db.models.functions import Cast, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import FeedbackNote, PageFeedback

DEFAULT_DAYS = 30
SEPARATE, TOGETHER = "separate", "together"


def default_period() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today


class PeriodAndLanguageFilterSet(WagtailFilterSet):
    """What both reports filter by: a period and the readers' language."""

    date = django_filters.DateFromToRangeFilter(
        label=_("Period (default: the last 30 days)"), widget=DateRangePickerWidget)
    language = django_filters.ChoiceFilter(
        label=_("Readers' language"), choices=settings.LANGUAGES,
        empty_label=_("All languages"))


class PageFeedbackFilterSet(PeriodAndLanguageFilterSet):
    languages = django_filters.ChoiceFilter(
        label=_("Languages"), method=lambda qs, name, value: qs, empty_label=None,
        choices=[(SEPARATE, _("One row per page and language")),
                 (TOGETHER, _("One row per German original, all languages together"))])

    class Meta:
        model = PageFeedback
        fields = []


def visible(model, user):
    """Rows of the pages the user may see in the report: every page for superusers and
    holders of a permission on the root (Editors, Moderators), a partner's section (in every
    language) for its editors and translators."""
    rows = model.objects.all()
    if user.is_superuser:
        return rows
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    # every language's copy of a page they may change in one (editors: German; translators)
    return rows.filter(page__translation_key__in=editable.values("translation_key"))


class PageFeedbackReportView(ReportView):
    page_title = _("Page feedback")
    header_icon = "help"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = PageFeedbackFilterSet
    model = PageFeedback
    permission_required = "view"
    default_ordering = "-no"
    paginate_by = 50
    list_export = ["title", "page_language", "language", "yes", "no", "share", "notes"]

    @property
    def export_headings(self):
        return {"title": _("Page"), "page_language": _("Page language"),
                "language": _("Readers' language"), "yes": _("Yes"), "no": _("No"),
                "share": _("Helpful (%)"), "notes": _("Notes")}

    @property
    def columns(self):
        return [
            TitleColumn("title", label=_("Page"), get_url=lambda row: row["edit_url"]),
            Column("page_language", label=_("Page language")),
            Column("language", label=_("Readers' language")),
            Column("yes", label=_("Yes"), sort_key="yes"),
            Column("no", label=_("No"), sort_key="no"),
            Column("share", label=_("Helpful (%)"), sort_key="share"),
            Column("notes", label=_("Notes")),
        ]

    def get_filename(self):
        return f"page-feedback-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def chosen(self) -> dict:
        return chosen_filters(self.filters)

    @cached_property
    def together(self) -> bool:
        return self.chosen.get("languages") == TOGETHER

    def get_ordering(self):
        ordering = super().get_ordering()
        tie = ["-no", "share", "key"]
        return [ordering, *[o for o in tie if o.lstrip("-") != ordering.lstrip("-")]]

    def get_queryset(self):
        rows = in_period(self.filter_queryset(visible(PageFeedback, self.request.user)),
                         self.chosen)
        group = ["page__translation_key"] if self.together else ["page", "language"]
        return (rows.values(*group).annotate(
            key=F(group[0]), yes=Sum("helpful"), no=Sum("not_helpful"),
            share=Cast(Sum("helpful"), FloatField()) * 100
            / NullIf(Sum("helpful") + Sum("not_helpful"), 0))
            .order_by(*self.ordering))

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        pages = self._pages(rows)
        notes = self._notes()
        languages = dict(settings.LANGUAGES)
        for row in rows:
            page = pages.get(row["key"])
            key = row["key"] if self.together else (row["key"], row["language"])
            row["notes"] = notes.get(key, 0)
            row["title"] = page.title if page else "–"
            row["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else ""
            row["page_language"] = languages.get(page.locale.language_code, "") \
                if page and not self.together else ""
            row["language"] = "" if self.together else languages.get(row["language"], "")
            row["share"] = round(row["share"]) if row["share"] is not None else None
        return rows

    def _pages(self, rows) -> dict:
        if self.together:  # the German original, else any language's copy
            found = {}
            for page in (Page.objects.filter(translation_key__in=[r["key"] for r in rows])
                         .select_related("locale").order_by("pk")):
                if page.translation_key not in found or \
                        page.locale.language_code == settings.LANGUAGE_CODE:
                    found[page.translation_key] = page
            return found
        return Page.objects.select_related("locale").in_bulk([r["key"] for r in rows])

    def _notes(self) -> dict:
        notes = in_period(visible(FeedbackNote, self.request.user), self.chosen)
        if self.chosen.get("language"):
            notes = notes.filter(language=self.chosen["language"])
        counts = {}
        for page_id, key, language in notes.values_list("page", "page__translation_key",
                                                        "language"):
            group = key if self.together else (page_id, language)
            counts[group] = counts.get(group, 0) + 1
        return counts


class NoteFilterSet(PeriodAndLanguageFilterSet):
    class Meta:
        model = FeedbackNote
        fields = []


class FeedbackNoteReportView(ReportView):
    """What readers missed after answering "No", newest first (deleted after
    FEEDBACK_NOTE_MAX_AGE_DAYS days). Same permission and scope as the counts."""

    page_title = _("Readers' notes")
    header_icon = "comment"
    index_url_name = "feedback_notes_report"
    index_results_url_name = "feedback_notes_report_results"
    filterset_class = NoteFilterSet
    model = FeedbackNote
    permission_policy = ModelPermissionPolicy(PageFeedback)
    permission_required = "view"
    paginate_by = 50
    list_export = ["date", "page.title", "language", "text"]
    columns = [
        Column("date", label=_("Date")),
        TitleColumn("page", label=_("Page"),
                    get_url=lambda note: reverse("wagtailadmin_pages:edit", args=[note.page_id])),
        Column("get_language_display", label=_("Readers' language")),
        Column("text", label=_("What was missing")),
    ]

    @property
    def export_headings(self):
        return {"date": _("Date"), "page.title": _("Page"), "language": _("Readers' language"),
                "text": _("What was missing")}

    def get_filename(self):
        return f"feedback-notes-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        notes = self.filter_queryset(visible(FeedbackNote, self.request.user))
        return in_period(notes, chosen_filters(self.filters)).select_related(
            "page").order_by("-date", "-pk")


def chosen_filters(filters) -> dict:
    return filters.form.cleaned_data if filters and filters.is_valid() else {}


def in_period(rows, chosen: dict):
    """The last 30 days unless the reader of the report chose dates (the filter set has
    applied those already)."""
    period = chosen.get("date")
    if period and (period.start or period.stop):
        return rows
    return rows.filter(date__range=default_period())
