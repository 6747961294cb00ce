from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import FeedbackNoteReportView, PageFeedbackReportView

PERMISSION = "feedback.view_pagefeedback"


@hooks.register("register_admin_urls")
def feedback_report_urls():
    return [
        path("reports/page-feedback/", PageFeedbackReportView.as_view(), name="feedback_report"),
        path("reports/page-feedback/results/", PageFeedbackReportView.as_view(results_only=True),
             name="feedback_report_results"),
        path("reports/page-feedback/notes/", FeedbackNoteReportView.as_view(),
             name="feedback_notes_report"),
        path("reports/page-feedback/notes/results/",
             FeedbackNoteReportView.as_view(results_only=True),
             name="feedback_notes_report_results"),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def feedback_report_menu_item():
    return FeedbackMenuItem(_("Page feedback"), reverse("feedback_report"), name="page-feedback",
                            icon_name="help", order=950)


@hooks.register("register_reports_menu_item")
def feedback_notes_menu_item():
    return FeedbackMenuItem(_("Readers' notes"), reverse("feedback_notes_report"),
                            name="feedback-notes", icon_name="comment", order=960)
