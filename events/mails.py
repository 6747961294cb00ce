"""The mails of a registration, in the language the person registered in, queued through the
outbox (cms.outbox): nothing a reader does waits on the mail server or the broker."""

from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.i18n import locale_for_language
from cms.outbox.dispatch import send_after_commit
from cms.site_url import base_url

from .tokens import make_token


@shared_task(autoretry_for=(OSError, SMTPException), retry_backoff=True, max_retries=8)
def send_event_mail(message: dict) -> None:
    """A registration mail rendered in the person's language:
    {"subject", "body", "from_email", "to"}."""
    EmailMessage(message["subject"], message["body"], message["from_email"],
                 message["to"]).send()


def _event_in(event, language):
    translated = event.get_translation_or_none(locale_for_language(language))
    return translated if translated is not None and translated.live else event


def _link(name, token) -> str:
    return base_url() + reverse(name, args=[token])


def _send(registration, event, template, subject, **extra):
    with translation.override(registration.language):
        page = _event_in(event, registration.language)
        context = {"registration": registration, "event": page,
                   "event_url": base_url() + (page.url or ""),
                   "cancel_url": _link("events:cancel", make_token(registration, "cancel")),
                   "ics_url": base_url() + reverse("events:ics",
                                                   args=[event.translation_key]),
                   **extra}
        body = render_to_string(f"events/mail/{template}.txt", context)
        send_after_commit(send_event_mail, {
            "subject": f"{subject()}: {page.title}", "body": body,
            "from_email": settings.DEFAULT_FROM_EMAIL, "to": [registration.address]})


def send_confirm_mail(registration, event):
    _send(registration, event, "confirm", lambda: _("Please confirm your registration"),
          confirm_url=_link("events:confirm", make_token(registration, "confirm")))


def send_status_mail(registration, event):
    if registration.status == "confirmed":
        _send(registration, event, "confirmed", lambda: _("You are registered"))
    else:
        _send(registration, event, "waiting", lambda: _("You are on the waiting list"))


def send_offer_mail(registration, event):
    _send(registration, event, "offer", lambda: _("A seat is free for you"),
          offer_url=_link("events:offer", make_token(registration, "offer")))


def send_reminder_mail(registration, event):
    _send(registration, event, "reminder", lambda: _("Reminder: tomorrow"))
