"""Giving out seats: register, confirm, cancel, promote from the waiting list, expire offers.

Every change happens inside a transaction holding the event's EventLock row (SELECT … FOR
UPDATE), so two requests for the last seat are served one after the other and the capacity is
never exceeded; the unique constraints on Registration refuse a second active registration of
one person even if a check here were bypassed. A refusal raises `Refused` with a message in the
reader's language, and nothing is changed.
"""

import datetime

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.caching.invalidation import page_urls, purging, refresh_after_commit

from .models import EventLock, EventPage, Registration
from .models.registrations import (
    ACTIVE,
    CANCELLED,
    CONFIRMED,
    HOLDS_SEAT,
    OFFERED,
    PENDING,
    WAITING,
    new_secret,
)
from .tokens import SALTS, make_token  # noqa: F401 (make_token: for callers)

OFFER_HOURS = 48
GUEST_CONFIRM_MAX_AGE = datetime.timedelta(days=7)


class Refused(Exception):
    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message, self.status = message, status


# --- signed links -----------------------------------------------------------------------

def _from_token(token: str, action: str) -> Registration:
    max_age = GUEST_CONFIRM_MAX_AGE if action == "confirm" else None
    try:
        pk, secret = signing.loads(token, salt=SALTS[action], max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise Refused(_("This link is not valid. Please use the link from your latest "
                        "e-mail."), status=400) from error
    registration = Registration.objects.filter(pk=pk, secret=secret).first()
    if registration is None:
        raise Refused(_("This link is no longer valid."))
    return registration


def registration_from_link(token: str, action: str) -> Registration:
    """The registration a link names (for the page that asks "really?"), or Refused."""
    registration = _from_token(token, action)
    _check_link_state(registration, action)
    return registration


def _check_link_state(registration, action):
    if action == "confirm" and registration.status != PENDING:
        raise Refused(_("This link has already been used."))
    if action == "offer" and registration.status != OFFERED:
        raise Refused(_("This offer is no longer open."))
    if action == "cancel" and registration.status not in ACTIVE:
        raise Refused(_("This registration has already been cancelled."))


# --- the event ----------------------------------------------------------------------------

def event_for_key(event_key) -> EventPage | None:
    """The German live event of this key (its synchronised fields are the ones that count)."""
    pages = list(EventPage.objects.live().filter(translation_key=event_key)
                 .select_related("locale"))
    return next((p for p in pages if p.locale.language_code == "de"), None) or \
        next(iter(pages), None)


def _lock(event_key) -> None:
    EventLock.objects.bulk_create([EventLock(event_key=event_key)], ignore_conflicts=True)
    EventLock.objects.select_for_update().get(event_key=event_key)


def _seats_changed(event_key) -> None:
    """Event pages show their free seats: after the commit, no cache keeps the old count."""
    pages = EventPage.objects.live().filter(translation_key=event_key) if purging() else []
    refresh_after_commit(page_urls(pages))


def seats_taken(event_key) -> int:
    return Registration.objects.filter(event_key=event_key, status__in=HOLDS_SEAT).count()


def _check_open(event: EventPage, now=None) -> None:
    now = now or timezone.now()
    if not event.needs_registration:
        raise Refused(_("This event needs no registration: you can just come."))
    if event.start <= now:
        raise Refused(_("This event has already taken place or has begun. Registration is "
                        "closed."))
    if event.registration_deadline and event.registration_deadline <= now:
        raise Refused(_("The registration deadline for this event has passed."))


def _place(event: EventPage, registration: Registration) -> None:
    """Give the registration a seat, else a place on the waiting list, else refuse."""
    if seats_taken(event.translation_key) < event.capacity:
        registration.status, registration.position = CONFIRMED, None
        registration.confirmed_at = timezone.now()
        return
    if not event.waiting_list:
        raise Refused(_("This event is fully booked."))
    last = Registration.objects.filter(event_key=event.translation_key, status=WAITING) \
        .aggregate(last=Max("position"))["last"] or 0
    registration.status, registration.position = WAITING, last + 1


def registration_for(event_key, user) -> Registration | None:
    return Registration.objects.filter(event_key=event_key, user=user,
                                       status__in=ACTIVE).first()


# --- actions ------------------------------------------------------------------------------

def register_user(event: EventPage, user, language: str) -> Registration:
    from .mails import send_status_mail

    with transaction.atomic():
        _lock(event.translation_key)
        _check_open(event)
        if registration_for(event.translation_key, user):
            raise Refused(_("You are already registered for this event."))
        registration = Registration(event_key=event.translation_key, user=user,
                                    language=language)
        _place(event, registration)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:
            raise Refused(_("You are already registered for this event.")) from error
        send_status_mail(registration, event)
        _seats_changed(event.translation_key)
    return registration


def register_guest(event: EventPage, name: str, email: str, language: str) -> Registration:
    """A guest's registration waits for the address to be confirmed; it holds no seat yet."""
    from .mails import send_confirm_mail

    with transaction.atomic():
        _lock(event.translation_key)
        _check_open(event)
        taken = Registration.objects.filter(event_key=event.translation_key,
                                            user__isnull=True, email__iexact=email,
                                            status__in=ACTIVE).exists()
        if taken:
            raise Refused(_("This e-mail address is already registered for this event."))
        if seats_taken(event.translation_key) >= event.capacity and not event.waiting_list:
            raise Refused(_("This event is fully booked."))
        registration = Registration.objects.create(
            event_key=event.translation_key, name=name, email=email, language=language,
            status=PENDING)
        send_confirm_mail(registration, event)
    return registration


def confirm(token: str, action: str = "confirm") -> Registration:
    """A guest confirms the address ("confirm"), or someone takes an offered seat ("offer")."""
    from .mails import send_status_mail

    registration = _from_token(token, action)
    with transaction.atomic():
        _lock(registration.event_key)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        _check_link_state(registration, action)
        event = event_for_key(registration.event_key)
        if event is None:
            raise Refused(_("This event no longer exists."))
        now = timezone.now()
        if action == "offer":
            if registration.offer_expires_at and registration.offer_expires_at <= now:
                raise Refused(_("This offer is no longer open."))
            if event.start <= now:
                raise Refused(_("This event has already taken place or has begun. "
                                "Registration is closed."))
            registration.status, registration.confirmed_at = CONFIRMED, now
            registration.offer_expires_at = None
        else:
            _check_open(event, now)
            _place(event, registration)
        registration.save()
        send_status_mail(registration, event)
        _seats_changed(registration.event_key)
    return registration


def cancel(token: str) -> Registration:
    registration = _from_token(token, "cancel")
    with transaction.atomic():
        _lock(registration.event_key)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        _check_link_state(registration, "cancel")
        _cancel(registration)
    return registration


def cancel_own(user, event_key) -> Registration:
    with transaction.atomic():
        _lock(event_key)
        registration = registration_for(event_key, user)
        if registration is None:
            raise Refused(_("You are not registered for this event."))
        _cancel(registration)
    return registration


def _cancel(registration: Registration) -> None:
    """Inside the event's lock: cancel, and offer a freed seat to the next one waiting."""
    held_seat = registration.status in HOLDS_SEAT
    registration.status, registration.position = CANCELLED, None
    registration.cancelled_at = timezone.now()
    registration.secret = new_secret()  # every link of it is void now
    registration.save()
    if held_seat:
        promote(registration.event_key)
        _seats_changed(registration.event_key)


def promote(event_key) -> list[Registration]:
    """Inside the event's lock: offer free seats to the first ones waiting (48 hours to
    take it, never past the start)."""
    from .mails import send_offer_mail

    event = event_for_key(event_key)
    if event is None or event.start <= timezone.now():
        return []
    offered = []
    free = event.capacity - seats_taken(event_key)
    waiting = Registration.objects.filter(event_key=event_key, status=WAITING) \
        .order_by("position", "pk")[:max(free, 0)]
    for registration in waiting:
        registration.status, registration.position = OFFERED, None
        registration.offer_expires_at = min(
            timezone.now() + datetime.timedelta(hours=OFFER_HOURS), event.start)
        registration.save()
        send_offer_mail(registration, event)
        offered.append(registration)
    return offered


def expire_offers(now=None) -> int:
    """Offers not taken in time are cancelled and the next one is asked. Safe to run twice at
    once: each event's offers are looked at again under its lock."""
    now = now or timezone.now()
    expired = 0
    keys = set(Registration.objects.filter(status=OFFERED, offer_expires_at__lte=now)
               .values_list("event_key", flat=True))
    for key in keys:
        with transaction.atomic():
            _lock(key)
            for registration in Registration.objects.filter(
                    event_key=key, status=OFFERED, offer_expires_at__lte=now):
                registration.status, registration.cancelled_at = CANCELLED, now
                registration.secret = new_secret()
                registration.save()
                expired += 1
            promote(key)
            _seats_changed(key)
    return expired


def forget_unconfirmed(now=None) -> int:
    """Guests who never confirmed their address: their registration goes after a week."""
    now = now or timezone.now()
    deleted, _rows = Registration.objects.filter(
        status=PENDING, created__lte=now - GUEST_CONFIRM_MAX_AGE).delete()
    return deleted
