from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ModuleStatisticsView, StatisticsIndexView, may_see_statistics


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_statistics(request.user)


@hooks.register("register_admin_urls")
def learning_statistics_urls():
    return [
        path("reports/learning/", StatisticsIndexView.as_view(), name="learning_statistics"),
        path("reports/learning/<int:module_id>/", ModuleStatisticsView.as_view(),
             name="learning_module_statistics"),
    ]


@hooks.register("register_reports_menu_item")
def learning_statistics_menu_item():
    return StatisticsMenuItem(_("Learning statistics"), reverse("learning_statistics"),
                              name="learning-statistics", icon_name="form", order=970)
