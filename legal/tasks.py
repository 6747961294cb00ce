from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from .contact import SUBJECTS


@shared_task(autoretry_for=(OSError, SMTPException), retry_backoff=True, max_retries=8)
def send_contact_message(fields: dict) -> None:
    """The contact form's message to CONTACT_EMAIL, Reply-To the sender. Queued through the
    outbox (cms.outbox): the row is deleted once the broker (or, without one, this process)
    has taken the task; nothing else keeps the message."""
    subject = f"[Wegweiser] Kontaktformular: {SUBJECTS.get(fields['topic'], SUBJECTS['general'])}"
    body = render_to_string("legal/email/contact.txt", {"fields": fields, "topic": SUBJECTS.get(
        fields["topic"], "")})
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [settings.CONTACT_EMAIL],
                 reply_to=[fields["email"]]).send()
