"""A learner's alerts in their download and their account's deletion: those made while
signed in, and those a guest made with the account's address."""

from django.db.models import Q

from .models import AlertSubscription


def _theirs(user):
    mine = Q(user=user)
    if user.email:
        mine |= Q(email__iexact=user.email)
    return AlertSubscription.objects.filter(mine)


def export(user) -> list[dict]:
    return [{"programme": str(s.programme_key) if s.programme_key else None,
             "finder_search": s.search_query or None, "email": s.email,
             "language": s.language, "created": s.created, "confirmed": s.confirmed_at,
             "mails_sent": [{"programme": str(sent.programme_key), "kind": sent.kind,
                             "deadline": sent.deadline, "sent_at": sent.sent_at}
                            for sent in s.sent.order_by("sent_at")]}
            for s in _theirs(user).order_by("created")]


def erase(user) -> None:
    _theirs(user).delete()  # the sent-log goes with them (CASCADE)
