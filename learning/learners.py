"""Who is learning: the signed-in user's Learner, or a guest's, found by a token in the session.

A guest who tries a lesson gets a Learner on their first answer (and with it a session: their
pages are no longer served from the shared cache). When they sign up or sign in, that guest's
progress becomes the account's (`adopt_guest`, called by the allauth signals in apps.py).
"""

from django.db import IntegrityError, transaction
from django.db.models import Max

from .models.progress import Learner, new_guest_token

SESSION_KEY = "learning_guest"


def current_learner(request, create: bool = False) -> Learner | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        try:
            learner = user.learner
        except Learner.DoesNotExist:
            learner = None
        if learner is None and create:
            learner, _created = Learner.objects.get_or_create(user=user)
        return learner
    if not hasattr(request, "session"):
        return None
    token = request.session.get(SESSION_KEY)
    learner = Learner.objects.filter(guest_token=token, user=None).first() if token else None
    if learner is None and create:
        learner = Learner.objects.create(guest_token=new_guest_token())
        request.session[SESSION_KEY] = learner.guest_token
    return learner


def adopt_guest(request, user) -> None:
    """The guest's progress in this session becomes `user`'s. Where both have progress for the
    same lesson, the account keeps what it had and gains what it did not have."""
    token = request.session.pop(SESSION_KEY, None) if hasattr(request, "session") else None
    if not token:
        return
    with transaction.atomic():
        guest = Learner.objects.select_for_update().filter(guest_token=token, user=None).first()
        if guest is None:
            return
        mine = Learner.objects.filter(user=user).first()
        if mine is None:
            guest.user, guest.guest_token = user, None
            guest.save(update_fields=["user", "guest_token"])
            return
        _merge(guest, mine)
        guest.delete()


def _merge(guest: Learner, mine: Learner) -> None:
    for enrolment in guest.enrolments.all():
        if not mine.enrolments.filter(module_key=enrolment.module_key).exists():
            enrolment.learner = mine
            enrolment.save(update_fields=["learner"])
    for completion in guest.completions.all():
        if not mine.completions.filter(lesson_key=completion.lesson_key).exists():
            completion.learner = mine
            completion.save(update_fields=["learner"])
    for lesson_key in guest.attempts.values_list("lesson_key", flat=True).distinct():
        if mine.attempts.filter(lesson_key=lesson_key).exists():
            continue  # the account's own attempts at this quiz stand
        top = mine.attempts.filter(lesson_key=lesson_key).aggregate(n=Max("number"))["n"] or 0
        for attempt in guest.attempts.filter(lesson_key=lesson_key).order_by("number"):
            attempt.learner, attempt.number = mine, top + attempt.number
            try:
                with transaction.atomic():
                    attempt.save(update_fields=["learner", "number"])
            except IntegrityError:
                pass  # an open attempt on both sides: the account's stays

