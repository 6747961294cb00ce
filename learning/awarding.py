"""When certificates are issued: when a signed-in learner completes a module (the
`module_completed` signal), and, for modules completed as a guest, once the guest has an
account (`issue_pending`, called after sign-in). Both queue the Celery task through the
outbox, so a broker outage delays a certificate and never loses it."""

from django.utils import translation

from cms.outbox.dispatch import send_after_commit

from .models import Certificate, Enrolment
from .tasks import issue_certificate


def on_module_completed(sender, enrolment_id, language=None, **kwargs):
    if Enrolment.objects.filter(pk=enrolment_id, learner__user__isnull=False).exists():
        send_after_commit(issue_certificate, enrolment_id, language)


def issue_pending(learner, language: str | None = None) -> int:
    """Queue a certificate for each module the learner completed that has none yet (a guest's
    completions, once the guest has an account). Returns how many were queued. The language
    the guest completed in is not known: `language`, else the learner's preferred one, else
    the language of the current request (the sign-in)."""
    if learner is None or learner.user_id is None:
        return 0
    done = set(Certificate.objects.filter(learner=learner).values_list("module_key", flat=True))
    pending = [pk for pk, key in Enrolment.objects.filter(learner=learner,
                                                          completed_at__isnull=False)
               .values_list("pk", "module_key") if key not in done]
    language = (language or getattr(learner.user, "preferred_language", "")
                or translation.get_language())
    for enrolment_id in pending:
        send_after_commit(issue_certificate, enrolment_id, language)
    return len(pending)
