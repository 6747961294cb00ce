"""The alert mails, rendered in the subscriber's language and queued through the outbox
(cms.outbox): nothing a reader does waits on the mail server. Every mail but the
confirmation carries the one-click unsubscribe headers of RFC 8058."""

from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cms.outbox.dispatch import send_after_commit
from cms.site_url import base_url

from .links import CONFIRM_DAYS, absolute_link
from .targets import programme_for_key, programme_in, search_url


@shared_task(autoretry_for=(OSError, SMTPException), retry_backoff=True, max_retries=8)
def send_alert_mail(message: dict) -> None:
    """One alert mail, rendered in the subscriber's language:
    {"subject", "body", "from_email", "to", "headers"}."""
    EmailMessage(message["subject"], message["body"], message["from_email"], message["to"],
                 headers=message.get("headers") or {}).send()


def _send(subscription, template: str, subject: str, context: dict, unsubscribe=True):
    headers = {}
    if unsubscribe:
        link = absolute_link(subscription, "unsubscribe")
        context["unsubscribe_url"] = link
        headers = {"List-Unsubscribe": f"<{link}>",
                   "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    context["subscription"] = subscription
    if subscription.search_query:
        context["search_url"] = search_url(subscription.search_query)
    body = render_to_string(f"funding/alerts/mail/{template}.txt", context)
    send_after_commit(send_alert_mail, {
        "subject": subject, "body": body, "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [subscription.email], "headers": headers})


def _programme_context(subscription, programme) -> dict:
    page = programme_in(programme, subscription.language)
    return {"programme": page, "programme_url": base_url() + (page.url or "")}


def send_confirmation(subscription) -> None:
    with translation.override(subscription.language):
        context = {"confirm_url": absolute_link(subscription, "confirm"),
                   "days": CONFIRM_DAYS}
        programme = (programme_for_key(subscription.programme_key)
                     if subscription.programme_key else None)
        if programme is not None:
            context.update(_programme_context(subscription, programme))
        _send(subscription, "confirm", _("Please confirm your funding alert"), context,
              unsubscribe=False)


def send_deadline(subscription, programme, kind: str, today) -> None:
    with translation.override(subscription.language):
        context = _programme_context(subscription, programme)
        days = (programme.deadline - today).days
        context.update(days=days, deadline=programme.deadline)
        title = context["programme"].title
        _send(subscription, "deadline",
              _("Deadline on %(date)s: %(title)s") % {
                  "date": _format_date(programme.deadline), "title": title}, context)


def send_new_programme(subscription, programme) -> None:
    with translation.override(subscription.language):
        context = _programme_context(subscription, programme)
        _send(subscription, "new", _("New funding programme for your search: %(title)s") % {
            "title": context["programme"].title}, context)


def _format_date(value) -> str:
    from django.utils.formats import date_format

    return date_format(value, "DATE_FORMAT")
