"""How django-allauth behaves on this site (ACCOUNT_ADAPTER).

- Mails are rendered in the reader's language — the language of the address the request
  came to (/ar/konto/…), else the account's preferred language — and queued through the
  outbox (cms.outbox), so nothing a reader does waits on the mail server or the broker.
- Password-reset mails obey the same hourly limits as the admin's (cms.accounts.signin).
- Sign-up stores the full name and the language the reader signed up in.
- After signing in the reader lands on `next`, else on the home page of their language.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.utils import build_absolute_uri
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.sites.requests import RequestSite
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cms.accounts.signin import allow_password_reset_mail
from cms.outbox.dispatch import send_after_commit

from .tasks import send_account_mail

LANGUAGES = dict(settings.LANGUAGES)


def language_prefix(request) -> str | None:
    if request is None:
        return None
    prefix = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
    return prefix if prefix in LANGUAGES else None


def mail_language(request, user=None) -> str:
    """The request's language, else the user's preferred one, else German."""
    language = language_prefix(request)
    if language:
        return language
    preferred = getattr(user, "preferred_language", None)
    return preferred if preferred in LANGUAGES else settings.LANGUAGE_CODE


def user_display(user) -> str:
    """ACCOUNT_USER_DISPLAY: how mails and pages name an account."""
    return user.full_name or user.email or user.get_username()


class _Site:
    """What allauth's mail templates call `current_site`: our name, the reader's host."""

    def __init__(self, request):
        self.name = gettext("Wegweiser")
        self.domain = RequestSite(request).domain if request is not None else ""


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = self.request or allauth_context.request
        user = context.get("user") or get_user_model().objects.filter(
            email__iexact=email).first()
        with translation.override(mail_language(request, user)):
            ctx = {"request": request, "email": email, "current_site": _Site(request),
                   **context}
            message = self.render_mail(template_prefix, email, ctx)
        html = next((content for content, kind in getattr(message, "alternatives", [])
                     if kind == "text/html"), "")
        with transaction.atomic():
            send_after_commit(send_account_mail, {
                "subject": message.subject, "body": message.body, "html": html,
                "from_email": message.from_email, "to": list(message.to)})

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        """The link in the mail's language; without a request (a shell, a task) on BASE_URL."""
        user = emailconfirmation.email_address.user
        with translation.override(mail_language(request, user)):
            path = reverse("account_confirm_email", args=[emailconfirmation.key])
        if request is None:
            return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
        return build_absolute_uri(request, path)

    def send_password_reset_mail(self, user, email, context) -> None:
        if allow_password_reset_mail(email, self.request):
            super().send_password_reset_mail(user, email, context)

    def save_user(self, request, user, form, commit=True):
        user.full_name = form.cleaned_data.get("full_name", "").strip()
        user.preferred_language = language_prefix(request) or settings.LANGUAGE_CODE
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request) -> str:
        language = getattr(request.user, "preferred_language", None)
        return f"/{language if language in LANGUAGES else settings.LANGUAGE_CODE}/"

    def get_logout_redirect_url(self, request) -> str:
        return f"/{language_prefix(request) or settings.LANGUAGE_CODE}/"

    def get_email_verification_redirect_url(self, email_address) -> str:
        """Confirmed in another browser: on to our sign-in page (allauth's default is
        LOGIN_URL, which is the admin's)."""
        if self.request.user.is_authenticated:
            return self.get_login_redirect_url(self.request)
        return reverse("account_login")

    def get_signup_redirect_url(self, request) -> str:
        return self.get_login_redirect_url(request)

    def add_message(self, request, level, message_template=None, message_context=None,
                    extra_tags="", message=None) -> None:
        """allauth's flash messages ("Successfully signed in as …") are dropped: the pages
        say what happened, and the site's content pages show no messages, which would pile up
        until the next account page."""

    def get_password_change_redirect_url(self, request) -> str:
        messages.success(request, gettext("Your password is changed."))
        return reverse("account_profile")
