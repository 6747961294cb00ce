"""Admin views: onboarding a partner (central staff only) and an organisation's history
(its own editors and central staff only)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from cms.models import Organisation

from .access import administered_organisations, is_central, may_see_history
from .history import history
from .onboarding import OnboardingError, onboard_partner


def translation_language_choices():
    names = dict(settings.LANGUAGES)
    return [(code, names[code]) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code != settings.LANGUAGE_CODE]


class OnboardingForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the organisation"), max_length=120)
    section = forms.CharField(
        label=gettext_lazy("Section"), max_length=255,
        help_text=gettext_lazy("Path of its German section below the home page, "
                               "e.g. /vereinsarbeit/"))
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages its translators work in"), required=False,
        widget=forms.CheckboxSelectMultiple, choices=translation_language_choices)


class _HeadedView(WagtailAdminTemplateMixin):
    """The view's title in the visible header: with only Wagtail's default breadcrumb, the
    header read "Home" and the title was for screen readers only."""

    @property
    def breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": self.get_page_title()}]


class OnboardPartnerView(_HeadedView, FormView):
    template_name = "partners/onboard.html"
    form_class = OnboardingForm
    page_title = gettext_lazy("Onboard a partner")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not is_central(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            result = onboard_partner(data["name"], data["section"], data["languages"],
                                     user=self.request.user)
        except OnboardingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        org = result.organisation
        if result.changed:
            messages.success(self.request, _("%(name)s is onboarded.") % {"name": org.name})
        else:
            messages.info(self.request, _("%(name)s was already onboarded; nothing changed.")
                          % {"name": org.name})
        return redirect("partner_history", organisation_id=org.pk)


class OrganisationHistoryView(_HeadedView, TemplateView):
    template_name = "partners/history.html"
    header_icon = "history"

    def dispatch(self, request, organisation_id=None, *args, **kwargs):
        if organisation_id is None:
            own = administered_organisations(request.user).first()
            if own is None:
                if is_central(request.user):
                    return redirect(reverse("wagtailsnippets_cms_organisation:list"))
                raise PermissionDenied
            return redirect("partner_history", organisation_id=own.pk)
        self.organisation = get_object_or_404(Organisation, pk=organisation_id,
                                              locale=Locale.get_default())
        if not may_see_history(request.user, self.organisation):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("History of %(name)s") % {"name": self.organisation.name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        context["entries"] = history(self.organisation)
        return context
