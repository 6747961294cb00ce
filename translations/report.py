"""Admin report: every German page and translatable snippet with the state of each of its
translations."""

import datetime

import django_filters
from django.apps import apps
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .report_rows import PAGES, ReportRow, kind_choices, snippets_for
from .state import State, states_for, target_locales


def _language_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in target_locales()]


def _organisations(request):
    organisation = apps.get_model("cms", "Organisation")
    return organisation.objects.filter(locale=Locale.get_default(), section__isnull=False)


class OrganisationFilter(django_filters.ModelChoiceFilter):
    def filter(self, qs, organisation):
        if organisation:
            return qs.filter(path__startswith=organisation.section.path)
        return qs


class TranslationStateFilterSet(WagtailFilterSet):
    # state and language pick rows and columns after the states are known (see the view)
    state = django_filters.ChoiceFilter(
        label=pgettext_lazy("translation state", "State"),
        choices=[(s.value, s.label) for s in State],
        method=lambda qs, name, value: qs,
        empty_label=pgettext_lazy("translation state", "Any state"),
    )
    language = django_filters.ChoiceFilter(
        label=pgettext_lazy("translation state", "Language"),
        choices=_language_choices,
        method=lambda qs, name, value: qs,
        empty_label=pgettext_lazy("translation state", "All languages"),
    )
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("translation state", "Type"),
        choices=kind_choices,
        method=lambda qs, name, value: qs,
        empty_label=pgettext_lazy("translation state", "Pages and snippets"),
    )
    organisation = OrganisationFilter(
        label=pgettext_lazy("translation state", "Organisation"),
        queryset=_organisations,
        empty_label=pgettext_lazy("translation state", "All organisations"),
    )

    class Meta:
        model = Page
        fields = []


class TranslationStateReportView(ReportView):
    page_title = pgettext_lazy("translation state", "Translation state")
    header_icon = "wagtail-localize-language"
    results_template_name = "translations/report_results.html"
    index_url_name = "translation_state_report"
    index_results_url_name = "translation_state_report_results"
    filterset_class = TranslationStateFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    model = Page
    paginate_by = 50

    def get_filename(self):
        return f"translation-state-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def locales(self):
        language = self.filters.form.cleaned_data.get("language") if self.filters and \
            self.filters.is_valid() else None
        return [loc for loc in target_locales() if not language or loc.language_code == language]

    @property
    def list_export(self):
        return ["title", "kind", "url_path",
                *[f"state_{loc.language_code}" for loc in self.locales]]

    @property
    def export_headings(self):
        return {"title": pgettext_lazy("translation state", "Title"),
                "kind": pgettext_lazy("translation state", "Type"),
                "url_path": pgettext_lazy("translation state", "Path"),
                **{f"state_{loc.language_code}": loc.get_display_name()
                   for loc in self.locales}}

    def get_queryset(self):
        """German pages the user may change in some language (the report shows only those)."""
        policy = self.permission_policy
        editable = policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            Page.objects.filter(locale=Locale.get_default(), depth__gt=2,
                                translation_key__in=editable.values("translation_key"))
            .order_by("path")
        )
        return super().get_queryset()

    def get_filtered_queryset(self):
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() \
            else {}
        groups = []
        if data.get("kind") in (None, "", PAGES):
            groups.append(list(super().get_filtered_queryset()))
        for _model, objects in snippets_for(self.request.user, data.get("kind"),
                                            data.get("organisation")):
            groups.append(objects)
        rows = []
        for objects in groups:
            states = states_for(objects, self.locales)
            rows += [ReportRow(obj, states, self.locales) for obj in objects]
        if data.get("state"):
            rows = [row for row in rows if any(s.state == data["state"] for _l, s in row.cells)]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["locales"] = self.locales
        return context
