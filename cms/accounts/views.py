"""Settings -> Sign-in lockouts: current lockouts and recent failed sign-ins (django-axes'
AccessAttempt rows within the cool-off), with "Unlock", for superusers and holders of
accounts.manage_lockouts. Every unlock is logged (the Python log; and Wagtail's audit log
on the account when the username exists)."""

import logging

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

logger = logging.getLogger(__name__)

UNLOCK_ACTION = "cms.sign_in_unlocked"


def can_manage_lockouts(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("accounts.manage_lockouts"))


def recent_failures(now=None) -> list[dict]:
    """One row per (username, client address) with failures inside the cool-off."""
    now = now or timezone.now()
    cool_off = settings.AXES_COOLOFF_TIME
    rows = (AccessAttempt.objects.filter(attempt_time__gt=now - cool_off)
            .values("username", "ip_address")
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"),
                      key=Max("pk"))
            .order_by("-last"))
    return [{**row, "locked": row["failures"] >= settings.AXES_FAILURE_LIMIT,
             "until": row["last"] + cool_off} for row in rows]


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_lockouts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(rows=recent_failures(), limit=settings.AXES_FAILURE_LIMIT,
                       cool_off_minutes=round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
        return context

    def post(self, request, *args, **kwargs):
        attempt = AccessAttempt.objects.filter(pk=request.POST.get("attempt") or None).first()
        if attempt is None:
            messages.info(request, _("That lockout has already ended."))
            return redirect("sign_in_lockouts")
        username, ip_address = attempt.username, attempt.ip_address
        deleted, _detail = AccessAttempt.objects.filter(
            username=username, ip_address=ip_address).delete()
        logger.warning("Sign-in lockout lifted for username %r from %s by %s.",
                       username, ip_address, request.user.get_username())
        account = get_user_model().objects.filter(username=username).first() if username else None
        if account is not None:
            log(account, UNLOCK_ACTION, user=request.user, data={"ip_address": ip_address})
        messages.success(request, _("Sign-in for %(username)s from %(address)s is unlocked.")
                         % {"username": username or "–", "address": ip_address or "–"})
        return redirect("sign_in_lockouts")
