"""Learners in organisations: who belongs to which organisation, who manages its members,
and the invitation links that let someone join.

Memberships and invitations point at the German (source) row of the translatable
Organisation snippet: the organisation is one thing in every language, the German row is
where partner access already lives (Organisation.source), and a real foreign key keeps the
database consistent (deleting the organisation deletes its memberships). Views normalise
any translation to its source with `Organisation.source`.

An invitation link carries a random token; only its SHA-256 is stored, so a copy of the
database cannot be turned into working links. A link can be used up to `max_uses` times
(a coordinator shares one link with the whole board) until it expires or is revoked.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_LIFETIME = datetime.timedelta(days=14)
INVITATION_MAX_USES = 50


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        COORDINATOR = "coordinator", _("Coordinator")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    organisation = models.ForeignKey("cms.Organisation", on_delete=models.CASCADE,
                                     related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices,
                            default=Role.MEMBER)
    # The member's consent that the organisation's coordinators see their learning progress
    # (the organisation dashboard reads it); off until the member switches it on.
    shares_progress = models.BooleanField(_("shares learning progress"), default=False)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation_id", "joined_at"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"],
                                               name="one_membership_per_organisation")]

    def __str__(self):
        return f"{self.user_id} in {self.organisation_id} ({self.role})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR

    @classmethod
    def make_coordinator(cls, user, organisation) -> "Membership":
        """Make `user` a coordinator of `organisation` (its German row), joining if need be."""
        membership, _created = cls.objects.update_or_create(
            user=user, organisation=organisation.source,
            defaults={"role": cls.Role.COORDINATOR})
        return membership


class InvitationQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now,
                           used_count__lt=models.F("max_uses"))


class Invitation(models.Model):
    organisation = models.ForeignKey("cms.Organisation", on_delete=models.CASCADE,
                                     related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    max_uses = models.PositiveIntegerField(default=INVITATION_MAX_USES)
    used_count = models.PositiveIntegerField(default=0)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"invitation to {self.organisation_id} until {self.expires_at:%Y-%m-%d}"

    @classmethod
    def create_for(cls, organisation, created_by, *, lifetime=INVITATION_LIFETIME,
                   max_uses=INVITATION_MAX_USES) -> tuple["Invitation", str]:
        """A new invitation and its token (shown once, in the link; never stored)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            organisation=organisation, token_hash=hash_token(token), created_by=created_by,
            expires_at=timezone.now() + lifetime, max_uses=max_uses)
        return invitation, token

    @classmethod
    def find(cls, token: str):
        """The invitation a token belongs to, usable or not; None for a forged token."""
        if not token or len(token) > 200:
            return None
        return cls.objects.select_related("organisation").filter(
            token_hash=hash_token(token)).first()

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.revoked_at is None and self.expires_at > now
                and self.used_count < self.max_uses)
