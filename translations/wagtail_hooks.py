from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import po_upload, review_view
from .report import TranslationStateReportView


# order=-1: the stricter PO upload must be matched before wagtail-localize's own URL.
@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    return [
        path("localize/translate/<int:translation_id>/pofile/upload/",
             po_upload.upload_pofile, name="translations_upload_pofile"),
        path("translations/review/<int:page_id>/",
             review_view.submit_translation_for_review, name="translations_submit_for_review"),
        path("reports/translation-state/", TranslationStateReportView.as_view(),
             name="translation_state_report"),
        path("reports/translation-state/results/",
             TranslationStateReportView.as_view(results_only=True),
             name="translation_state_report_results"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_translation_state_report():
    return ReportMenuItem(pgettext_lazy("translation state", "Translation state"),
                          reverse("translation_state_report"), name="translation-state",
                          icon_name="wagtail-localize-language", order=1100)
