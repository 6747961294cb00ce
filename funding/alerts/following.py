"""Following and stopping: a guest's follow waits for the address to be confirmed; a signed-in
learner with a verified address follows at once. A refusal raises `Refused` with a message in
the reader's language (and a status), and nothing is changed."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import links, mails, throttle
from .models import AlertSubscription

UNCONFIRMED_DAYS = links.CONFIRM_DAYS  # a follow nobody confirmed is forgotten then


class Refused(Exception):
    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message, self.status = message, status


def has_verified_address(user) -> bool:
    from allauth.account.models import EmailAddress

    return bool(user.email) and EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True).exists()


def _target(programme_key, search_query) -> dict:
    return ({"programme_key": programme_key, "search_query": ""} if programme_key
            else {"programme_key": None, "search_query": search_query})


def follow(*, language: str, request, programme_key=None, search_query: str = "",
           email: str = "", user=None) -> str:
    """Follow a programme (its translation_key) or a finder search (its query string).
    Returns "followed" (signed in, done), "already" (signed in, followed before) or
    "mail_sent" (a confirmation link is on its way, or the address follows it already:
    a guest is not told which)."""
    target = _target(programme_key, search_query)
    if user is not None and user.is_authenticated and has_verified_address(user):
        with transaction.atomic():
            if AlertSubscription.objects.filter(user=user, **target).exists():
                return "already"
            AlertSubscription.objects.create(user=user, email=user.email, language=language,
                                             confirmed_at=timezone.now(), **target)
        return "followed"
    if user is not None and user.is_authenticated:
        email = user.email  # an address not verified yet: confirmed like a guest's
    email = email.strip()
    if not throttle.allow_confirmation_mail(email, request):
        raise Refused(_("You have asked for several confirmation e-mails in a short time, so "
                        "we sent none this time. Please try again in an hour."), status=429)
    with transaction.atomic():
        existing = AlertSubscription.objects.filter(email__iexact=email, **target).first()
        if existing is not None and existing.confirmed:
            return "mail_sent"
        subscription = existing or AlertSubscription.objects.create(
            email=email, language=language,
            user=user if user is not None and user.is_authenticated else None, **target)
        if subscription.language != language:
            subscription.language = language
            subscription.save(update_fields=["language"])
        mails.send_confirmation(subscription)
    return "mail_sent"


def _from_link(token: str, action: str) -> AlertSubscription:
    max_age = datetime.timedelta(days=UNCONFIRMED_DAYS) if action == "confirm" else None
    try:
        pk, secret = links.read_token(token, action, max_age=max_age)
    except links.BadLink:
        raise Refused(_("This link is not valid. Please use the link from your latest "
                        "e-mail."), status=400) from None
    subscription = AlertSubscription.objects.filter(pk=pk, secret=secret).first()
    if subscription is None:
        raise Refused(_("This alert no longer exists: you get no more e-mails from it."))
    return subscription


def subscription_from_link(token: str, action: str) -> AlertSubscription:
    """The subscription a link names, for the page that asks "really?"; or Refused."""
    subscription = _from_link(token, action)
    if action == "confirm" and subscription.confirmed:
        raise Refused(_("This link has already been used: your alert is confirmed."))
    return subscription


def confirm(token: str) -> AlertSubscription:
    with transaction.atomic():
        pk = subscription_from_link(token, "confirm").pk
        subscription = AlertSubscription.objects.select_for_update().get(pk=pk)
        if subscription.confirmed:
            raise Refused(_("This link has already been used: your alert is confirmed."))
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe(token: str) -> AlertSubscription:
    """Stop by the signed link: the row goes (and with it every link of it)."""
    subscription = subscription_from_link(token, "unsubscribe")
    if not AlertSubscription.objects.filter(pk=subscription.pk).delete()[0]:
        raise Refused(_("This alert no longer exists: you get no more e-mails from it."))
    return subscription


def stop_own(user, subscription_id: int) -> AlertSubscription:
    subscription = AlertSubscription.objects.filter(pk=subscription_id, user=user).first()
    if subscription is None:
        raise Refused(_("This alert no longer exists: you get no more e-mails from it."),
                      status=404)
    subscription.delete()
    return subscription


def forget_unconfirmed(now=None) -> int:
    """Follows nobody confirmed within UNCONFIRMED_DAYS are deleted, address and all."""
    now = now or timezone.now()
    return AlertSubscription.objects.filter(
        confirmed_at__isnull=True,
        created__lte=now - datetime.timedelta(days=UNCONFIRMED_DAYS)).delete()[1].get(
        "funding.AlertSubscription", 0)
