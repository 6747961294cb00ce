"""Who comes to an event. Keyed by the event page's `translation_key` (every translation of a
date shares it), never by a page row, so a registration survives a language switch.

Seats: confirmed and offered registrations hold one each; a guest's unconfirmed registration
(pending_confirmation) holds none until the guest confirms by the mailed link. Every change of
a status happens with the event's EventLock row locked (events/registration.py).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CONFIRMED, WAITING, CANCELLED, PENDING, OFFERED = (
    "confirmed", "waiting", "cancelled", "pending_confirmation", "offered")
STATUS_CHOICES = [
    (CONFIRMED, _("confirmed")), (WAITING, _("on the waiting list")),
    (CANCELLED, _("cancelled")), (PENDING, _("waiting for e-mail confirmation")),
    (OFFERED, _("seat offered")),
]
HOLDS_SEAT = (CONFIRMED, OFFERED)
ACTIVE = (CONFIRMED, WAITING, PENDING, OFFERED)


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class EventLock(models.Model):
    """One row per event, locked (SELECT … FOR UPDATE) while its seats are given out."""

    event_key = models.UUIDField(primary_key=True)

    def __str__(self):
        return str(self.event_key)


class Registration(models.Model):
    event_key = models.UUIDField(_("event"), db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.CASCADE, related_name="event_registrations")
    name = models.CharField(_("name"), max_length=200, blank=True)  # guests only
    email = models.EmailField(_("e-mail"), blank=True)  # guests only
    language = models.CharField(_("language"), max_length=10, default="de")
    status = models.CharField(_("status"), max_length=24, choices=STATUS_CHOICES)
    position = models.PositiveIntegerField(_("place on the waiting list"), null=True,
                                           blank=True)
    created = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Ticked by the organiser on the attendance list (events/attendance.py).
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    # A guest's name and address deleted some days after the event (events/retention.py);
    # the row stays, so the counts do.
    forgotten_at = models.DateTimeField(null=True, blank=True)
    # Part of every signed link; a new one makes the old links void.
    secret = models.CharField(max_length=32, default=new_secret)

    class Meta:
        verbose_name = _("registration")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event_key", "user"],
                                    condition=Q(user__isnull=False) & ~Q(status=CANCELLED),
                                    name="events_one_registration_per_user"),
            models.UniqueConstraint(Lower("email"), "event_key",
                                    condition=(Q(user__isnull=True) & ~Q(status=CANCELLED)
                                               & ~Q(email="")),
                                    name="events_one_registration_per_guest"),
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(email="")
                                   | Q(forgotten_at__isnull=False),
                                   name="events_registration_has_person"),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.status})"

    @property
    def display_name(self) -> str:
        if self.user_id:
            return self.user.full_name or self.user.email
        if self.forgotten_at:
            return gettext("Guest (name deleted)")
        return self.name

    @property
    def address(self) -> str:
        return self.user.email if self.user_id else self.email


class CalendarToken(models.Model):
    """The secret address of a person's calendar of their registrations. Only a hash is
    kept: the address is shown once, when it is made; making a new one voids the old."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="event_calendar")
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"calendar of {self.user_id}"
