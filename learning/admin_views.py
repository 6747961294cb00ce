"""Reports → Learning statistics: a trainer sees the modules they may edit (their partner
section's), and for each its counts; nobody sees another organisation's modules."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .models import Enrolment, ModulePage
from .statistics import module_stats


def modules_for(user):
    """German (source) modules the user may edit: a trainer's own, all for superusers."""
    modules = ModulePage.objects.filter(locale=Locale.get_default()).order_by("title")
    if user.is_superuser:
        return list(modules)
    return [module for module in modules if module.permissions_for_user(user).can_edit()]


def may_see_statistics(user) -> bool:
    return user.is_active and user.has_perm("wagtailadmin.access_admin") and (
        user.is_superuser or bool(modules_for(user)))


class StatisticsIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "learning/admin/statistics_index.html"
    page_title = gettext_lazy("Learning statistics")
    header_icon = "form"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        modules = modules_for(self.request.user)
        counts = {}
        for key, done in Enrolment.objects.filter(
                module_key__in=[m.translation_key for m in modules]).values_list(
                "module_key", "completed_at"):
            row = counts.setdefault(key, [0, 0])
            row[0] += 1
            row[1] += done is not None
        context["rows"] = [(module, *counts.get(module.translation_key, (0, 0)))
                           for module in modules]
        return context


class ModuleStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "learning/admin/statistics_module.html"
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        module = ModulePage.objects.filter(pk=kwargs["module_id"]).first()
        if module is None:
            raise Http404
        module = module.source_page
        if not (request.user.is_superuser or module.permissions_for_user(request.user).can_edit()):
            raise PermissionDenied
        self.module = module
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.module.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stats = module_stats(self.module)
        languages = sorted({lang for q in stats.questions for lang in q.languages})
        context.update(module=self.module, stats=stats, languages=languages,
                       tables=[(q, q.table(languages),
                                [q.right_percent(lang) for lang in languages])
                               for q in stats.questions])
        return context
