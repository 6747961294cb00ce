"""Settings -> Certificates: find a certificate by its code or the learner's name and revoke it
with a reason, for superusers and holders of learning.revoke_certificate. A revoked
certificate's page says so, with the date; the reason stays in the admin."""

import logging

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .certificates import revoke
from .models import Certificate
from .models.certificates import normalise_code

logger = logging.getLogger(__name__)
PERMISSION = "learning.revoke_certificate"
LISTED = 50


def can_revoke(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


class RevokeForm(forms.Form):
    certificate = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(max_length=1000, label=gettext_lazy("Reason"))


class CertificatesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "learning/admin/certificates.html"
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_revoke(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        certificates = Certificate.objects.all()
        if query:
            code = normalise_code(query)
            certificates = certificates.filter(Q(name__icontains=query)
                                               | (Q(code=code) if code else Q(pk=None)))
        context.update(query=query, certificates=certificates[:LISTED], listed=LISTED)
        return context

    def post(self, request, *args, **kwargs):
        form = RevokeForm(request.POST)
        certificate = (Certificate.objects.filter(pk=form.data.get("certificate")).first()
                       if form.is_valid() else None)
        if certificate is None:
            messages.error(request, _("Please give a reason for revoking the certificate."))
        elif certificate.revoked_at is not None:
            messages.info(request, _("That certificate was already revoked."))
        else:
            revoke(certificate, form.cleaned_data["reason"])
            logger.warning("Certificate %s revoked by %s.", certificate.grouped_code,
                           request.user.get_username())
            messages.success(request, _("Certificate %(code)s revoked.")
                             % {"code": certificate.grouped_code})
        return redirect("learning_certificates")
