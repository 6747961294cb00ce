"""Celery tasks of the learning app. Each takes ids, never instances, and is safe to run twice."""

from celery import shared_task
from django.db import OperationalError

from .certificates import issue


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def issue_certificate(enrolment_id: int, language: str | None = None) -> str | None:
    """Issue the certificate of a completed module (learning.certificates.issue): one per
    learner and module however often it runs. Returns its code, or None (not complete, a
    guest, or the enrolment gone)."""
    certificate = issue(enrolment_id, language)
    return certificate.code if certificate else None
