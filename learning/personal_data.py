"""A learner's data for the GDPR export, and its erasure when they delete their account.

Erasure keeps the counts trainers see (enrolments, completions, answers per question and
language) but nothing that leads back to the person: the Learner row loses its user and
guest token, typed short answers are emptied (free text may name someone), and the rest —
keys of public pages, option positions, scores, dates — stays as anonymous tallies.
"""

from django.db import transaction

from .models import Learner, QuizAnswer


def _learner(user):
    return Learner.objects.filter(user=user).first()


def export(user) -> list[dict]:
    learner = _learner(user)
    if learner is None:
        return []
    from .certificates import export_certificates

    titles = _titles([*learner.enrolments.values_list("module_key", flat=True),
                      *learner.completions.values_list("lesson_key", flat=True),
                      *learner.attempts.values_list("lesson_key", flat=True)])
    return [{
        "enrolments": [{"module": titles.get(e.module_key, str(e.module_key)),
                        "enrolled_at": e.enrolled_at.isoformat(),
                        "completed_at": e.completed_at.isoformat() if e.completed_at else None}
                       for e in learner.enrolments.all()],
        "lessons_done": [{"lesson": titles.get(c.lesson_key, str(c.lesson_key)),
                          "completed_at": c.completed_at.isoformat()}
                         for c in learner.completions.all()],
        "quiz_attempts": [{"lesson": titles.get(a.lesson_key, str(a.lesson_key)),
                           "attempt": a.number, "started_at": a.started_at.isoformat(),
                           "score": a.score, "passed": a.passed,
                           "answers": [{"question": answer.question_id,
                                        "language": answer.language, "answer": answer.given,
                                        "credit": answer.credit,
                                        "answered_at": answer.answered_at.isoformat()}
                                       for answer in a.answers.all()]}
                          for a in learner.attempts.prefetch_related("answers")],
        "certificates": export_certificates(learner),
    }]


def erase(user) -> None:
    learner = _learner(user)
    if learner is None:
        return
    from .certificates import erase_certificates

    with transaction.atomic():
        erase_certificates(learner)
        for answer in QuizAnswer.objects.filter(attempt__learner=learner):
            if isinstance(answer.given, str):  # a typed short answer
                answer.given = ""
                answer.save(update_fields=["given"])
        learner.user, learner.guest_token = None, None
        learner.save(update_fields=["user", "guest_token"])


def _titles(keys) -> dict:
    """{translation_key: German title} of the modules and lessons named in the export."""
    from wagtail.models import Page

    return dict(Page.objects.filter(translation_key__in=set(keys),
                                    locale__language_code="de")
                .values_list("translation_key", "title"))
