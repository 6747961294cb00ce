"""Signing in to the admin: the lockout after repeated wrong passwords (django-axes) as the
person sees it, and the limit on password-reset mails.

Lockout: django-axes counts failures per (username, client address) and, from the
AXES_FAILURE_LIMIT-th on, refuses that pair for AXES_COOLOFF_TIME, the right password
included (its AxesStandaloneBackend comes first in AUTHENTICATION_BACKENDS). Axes marks the
request; our login form then says why, in the admin's language, on Wagtail's own sign-in page,
and `lockout_response` (AXES_LOCKOUT_CALLABLE) answers that page with 429 Too Many Requests
instead of axes' bare text. Elsewhere (an API client's Basic auth) the answer is that message
as plain text.

Learners (django-allauth, cms/learners/) sign in by e-mail address: `axes_username` gives axes
their account's username, so the same lockout counts their wrong passwords,
and their sign-in page says why with `learner_lockout_message` (answered as 429 as well).

Password reset: the form answers every request the same way (no hint whether an account
exists), but sends no mail once an address, or a client address, has asked
PASSWORD_RESET_LIMIT_PER_ADDRESS / PASSWORD_RESET_LIMIT_PER_CLIENT times within
PASSWORD_RESET_WINDOW. Each request is one PasswordResetRequest row holding keyed hashes
(HMAC with SECRET_KEY), not the addresses. The row is written before counting, so concurrent
requests can only make the limit stricter, never exceed it.
"""

import hashlib
import hmac
import logging

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from .client_ip import client_ip

logger = logging.getLogger(__name__)


def cool_off_minutes() -> int:
    return max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))


def lockout_message() -> str:
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed sign-in attempts. For your protection, signing in with this "
        "username from your network is blocked for %(minutes)d minute. Please try again "
        "later, or ask an administrator to lift the block.",
        "Too many failed sign-in attempts. For your protection, signing in with this "
        "username from your network is blocked for %(minutes)d minutes. Please try again "
        "later, or ask an administrator to lift the block.",
        minutes,
    ) % {"minutes": minutes}


def learner_lockout_message() -> str:
    minutes = cool_off_minutes()
    return ngettext(
        "Too many failed sign-in attempts. For your protection, signing in with this e-mail "
        "address from your network is blocked for %(minutes)d minute. Please try again later.",
        "Too many failed sign-in attempts. For your protection, signing in with this e-mail "
        "address from your network is blocked for %(minutes)d minutes. Please try again later.",
        minutes,
    ) % {"minutes": minutes}


# Sign-in pages whose form shows the lockout itself: answered as they are, with status 429.
LOCKOUT_PAGES = {"wagtailadmin_login", "account_login"}


def axes_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the admin's username as typed; for a learner, who signs in
    with `email=` (allauth; its form field is `login`), the username of the account with that
    address, so that a successful sign-in (which axes keys by username) clears the count and
    both sign-in pages count towards one lockout. An address without an account: itself,
    lower-cased."""
    credentials = credentials or {}
    if credentials.get("username"):
        return credentials["username"]
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    email = credentials.get("email") or data.get("login")
    if not email:
        return data.get("username")
    from django.contrib.auth import get_user_model

    email = str(email).strip().lower()
    username = (get_user_model().objects.filter(email__iexact=email)
                .values_list("username", flat=True).first())
    return username or email


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form; says so when axes has locked the attempt out."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(lockout_message(), code="locked_out") from None
            raise


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page with the lockout message (rendered by the
    view through LoginForm) as 429; anything else gets the message as text."""
    match = getattr(request, "resolver_match", None)
    page = match.url_name if match else None
    if original_response is not None and (page in LOCKOUT_PAGES
                                          or request.path == reverse("wagtailadmin_login")):
        original_response.status_code = 429
        return original_response
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")


# --- Password reset ----------------------------------------------------------------------
def _digest(kind: str, value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(),
                    hashlib.sha256).hexdigest()


def allow_password_reset_mail(email: str, request) -> bool:
    """Record this request and say whether a mail may still be sent for it."""
    from .models import PasswordResetRequest

    now = timezone.now()
    address = _digest("address", email.strip().lower())
    client = _digest("client", client_ip(request) or "") if request is not None else ""
    PasswordResetRequest.objects.create(address_hash=address, client_hash=client,
                                        requested_at=now)
    recent = PasswordResetRequest.objects.filter(
        requested_at__gt=now - settings.PASSWORD_RESET_WINDOW)
    if recent.filter(address_hash=address).count() > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        logger.warning("Password reset mail not sent: limit per address reached.")
        return False
    if client and recent.filter(client_hash=client).count() > \
            settings.PASSWORD_RESET_LIMIT_PER_CLIENT:
        logger.warning("Password reset mail not sent: limit per client address reached.")
        return False
    return True


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's reset form with the hourly limits; the page after it is the same either way."""

    def save(self, *args, request=None, **kwargs):
        if not allow_password_reset_mail(self.cleaned_data["email"], request):
            return None
        return super().save(*args, request=request, **kwargs)


def prune(now=None) -> tuple[int, int]:
    """Forget reset requests older than the window and failed sign-ins older than the
    cool-off (axes only cleans those up at the next sign-in). Returns both counts."""
    from axes.models import AccessAttempt

    from .models import PasswordResetRequest

    now = now or timezone.now()
    resets = PasswordResetRequest.objects.filter(
        requested_at__lte=now - settings.PASSWORD_RESET_WINDOW).delete()[0]
    _total, deleted = AccessAttempt.objects.filter(
        attempt_time__lte=now - settings.AXES_COOLOFF_TIME).delete()
    return resets, deleted.get("axes.AccessAttempt", 0)
