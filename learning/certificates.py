"""Issuing, finding, revoking, exporting and erasing certificates.

A certificate is issued by the Celery task `learning.tasks.issue_certificate`, queued by
learning/awarding.py. Issuing only writes the row; the PDF is drawn from it on demand
(learning/certificate_pdf.py). Issuing twice gives the same certificate.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from .models import Certificate, Enrolment, ModulePage
from .models.certificates import group_code, normalise_code


def learner_name(user) -> str:
    return (getattr(user, "full_name", "") or user.get_full_name() or user.get_username()).strip()


def _language(*candidates) -> str:
    known = dict(settings.LANGUAGES)
    return next((code for code in candidates if code in known), settings.LANGUAGE_CODE)


def _titles(module_key, language: str) -> tuple[str, str]:
    """The module's German title and its title in `language` (German where not translated)."""
    pages = ModulePage.objects.filter(translation_key=module_key)
    titles = (dict(pages.filter(live=True).values_list("locale__language_code", "title"))
              or dict(pages.values_list("locale__language_code", "title")))
    german = titles.get(settings.LANGUAGE_CODE, "") or next(iter(titles.values()), "")
    return german, titles.get(language) or german


def issue(enrolment_id: int, language: str | None = None) -> Certificate | None:
    """The certificate of a completed enrolment, made the first time; None while the module is
    not complete or the learner is a guest. `language`: the one the module was completed in;
    otherwise the learner's preferred language, else German."""
    enrolment = (Enrolment.objects.select_related("learner__user")
                 .filter(pk=enrolment_id).first())
    if enrolment is None or enrolment.completed_at is None or enrolment.learner.user is None:
        return None
    learner, user = enrolment.learner, enrolment.learner.user
    existing = Certificate.objects.filter(learner=learner,
                                          module_key=enrolment.module_key).first()
    if existing is not None:
        return existing
    language = _language(language, getattr(user, "preferred_language", ""))
    title_de, title = _titles(enrolment.module_key, language)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    learner=learner, module_key=enrolment.module_key, name=learner_name(user),
                    module_title_de=title_de, module_title=title, language=language,
                    issued_at=enrolment.completed_at)
        except IntegrityError:
            existing = Certificate.objects.filter(learner=learner,
                                                  module_key=enrolment.module_key).first()
            if existing is not None:  # another run issued it meanwhile
                return existing
            # else the random code was taken: draw another
    raise RuntimeError("No free certificate code after three draws")


def find(code_text: str) -> Certificate | None:
    code = normalise_code(code_text)
    return Certificate.objects.filter(code=code).first() if code else None


def revoke(certificate: Certificate, reason: str) -> None:
    Certificate.objects.filter(pk=certificate.pk, revoked_at=None).update(
        revoked_at=timezone.now(), revoke_reason=reason)
    certificate.refresh_from_db()


def verify_path(certificate: Certificate, language: str | None = None) -> str:
    with translation.override(language or certificate.language):
        return reverse("learning:certificate", args=[certificate.grouped_code])


def verify_url(certificate: Certificate, language: str | None = None) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + verify_path(certificate, language)


def export_certificates(learner) -> list[dict]:
    """The learner's certificates for their data download (GDPR Art. 15 and 20)."""
    return [{
        "code": group_code(c.code), "module_key": str(c.module_key), "name": c.name,
        "module_title_de": c.module_title_de, "module_title": c.module_title,
        "language": c.language, "issued_at": c.issued_at.isoformat(),
        "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
        "revoke_reason": c.revoke_reason, "verification_url": verify_url(c),
    } for c in Certificate.objects.filter(learner=learner).order_by("issued_at")]


def erase_certificates(learner) -> int:
    """Erasing the learner's data: their certificates are withdrawn, not deleted. The name and
    the tie to the learner go; the code stays taken and its page says "withdrawn", so whoever
    holds a printed copy learns that it no longer stands, rather than "unknown code" (which
    reads like a forgery), and the code can never come to name someone else. There is no file
    to remove: the PDF is drawn on demand. Returns how many were withdrawn."""
    now = timezone.now()
    certificates = Certificate.objects.filter(learner=learner)
    certificates.filter(revoked_at=None).update(revoked_at=now)
    return certificates.update(name="", revoke_reason="", learner=None)
