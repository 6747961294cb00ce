from smtplib import SMTPException

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(autoretry_for=(OSError, SMTPException), retry_backoff=True, max_retries=8)
def send_account_mail(message: dict) -> None:
    """A learner-account mail (address confirmation, password reset, …), rendered in the
    reader's language while the request was answered (cms.learners.adapter) and queued
    through the outbox: {"subject", "body", "html", "from_email", "to"}."""
    mail = EmailMultiAlternatives(message["subject"], message["body"], message["from_email"],
                                  message["to"])
    if message.get("html"):
        mail.attach_alternative(message["html"], "text/html")
    mail.send()
