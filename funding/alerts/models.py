"""Subscriptions, the log of mails sent, and the counter for confirmation mails."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret() -> str:
    return secrets.token_urlsafe(18)


class AlertSubscription(models.Model):
    """One address following one programme (all its translations: by translation_key) or
    one finder search (its query string). Unconfirmed rows are deleted after a few days
    (funding.alerts.following.forget_unconfirmed); stopping deletes the row."""

    programme_key = models.UUIDField(_("programme"), null=True, blank=True, db_index=True)
    search_query = models.CharField(_("finder search"), max_length=1000, blank=True)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    secret = models.CharField(max_length=32, default=new_secret)  # in every link; see links
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("funding alert")
        verbose_name_plural = _("funding alerts")
        constraints = [
            models.CheckConstraint(
                condition=(Q(programme_key__isnull=False, search_query="")
                           | (Q(programme_key__isnull=True) & ~Q(search_query=""))),
                name="alert_follows_one_thing"),
        ]
        indexes = [models.Index(fields=["confirmed_at", "created"], name="alert_confirmed")]

    def __str__(self):
        return f"alert {self.pk} ({'programme' if self.programme_key else 'search'})"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class AlertSent(models.Model):
    """A mail sent, written in the same transaction that queues it: the unique constraints
    let each (subscription, programme, deadline, kind) through once only."""

    class Kind(models.TextChoices):
        DAYS_14 = "14", _("14 days before the deadline")
        DAYS_3 = "3", _("3 days before the deadline")
        NEW = "new", _("new programme")

    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE,
                                     related_name="sent")
    programme_key = models.UUIDField()
    deadline = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=3, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # NULL is distinct from NULL in a unique index: the rolling programmes' new-
            # programme mail needs a constraint of its own.
            models.UniqueConstraint(fields=["subscription", "programme_key", "deadline", "kind"],
                                    condition=Q(deadline__isnull=False),
                                    name="alert_sent_once_per_deadline"),
            models.UniqueConstraint(fields=["subscription", "programme_key", "kind"],
                                    condition=Q(deadline__isnull=True),
                                    name="alert_sent_once_without_deadline"),
        ]

    def __str__(self):
        return f"{self.kind} for {self.programme_key} to alert {self.subscription_id}"


class AlertMailRequest(models.Model):
    """One confirmation mail asked for, for the hourly limits (funding.alerts.throttle): keyed
    hashes of the address and the client, never the addresses; pruned daily."""

    address_hash = models.CharField(max_length=64)
    client_hash = models.CharField(max_length=64)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        default_permissions = []
        indexes = [
            models.Index(fields=["address_hash", "requested_at"], name="alert_req_by_address"),
            models.Index(fields=["client_hash", "requested_at"], name="alert_req_by_client"),
        ]

    def __str__(self):
        return f"alert confirmation asked at {self.requested_at:%Y-%m-%d %H:%M}"
