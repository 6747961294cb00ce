"""The funding admin: Reports → Programmes to check (funding.admin_views)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ProgrammesToCheckView, may_check_programmes


class ProgrammesToCheckMenuItem(MenuItem):
    def is_shown(self, request):
        return may_check_programmes(request.user)


@hooks.register("register_admin_urls")
def programmes_to_check_urls():
    return [
        path("reports/funding-to-check/", ProgrammesToCheckView.as_view(),
             name="funding_programmes_to_check"),
        path("reports/funding-to-check/results/",
             ProgrammesToCheckView.as_view(results_only=True),
             name="funding_programmes_to_check_results"),
    ]


@hooks.register("register_reports_menu_item")
def programmes_to_check_menu_item():
    return ProgrammesToCheckMenuItem(_("Programmes to check"),
                                     reverse("funding_programmes_to_check"),
                                     name="funding-programmes-to-check",
                                     icon_name="calendar-alt", order=960)
