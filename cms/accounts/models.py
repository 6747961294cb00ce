from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's own user model, in place from the first migration so that fields
    (e.g. for learners) can be added later without a painful swap.

    Learners sign up with an e-mail address (django-allauth, cms/learners/); `full_name` is the
    name printed on their certificates, `preferred_language` the language of their mails when
    no request says otherwise and of the home page they land on after signing in."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True,
                                 help_text=_("As it should appear on your certificates."))
    preferred_language = models.CharField(_("preferred language"), max_length=10,
                                          choices=settings.LANGUAGES,
                                          default=settings.LANGUAGE_CODE)

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"


class PasswordResetRequest(models.Model):
    """One request for a password-reset mail, for the hourly limits (cms/accounts/signin.py).
    Holds keyed hashes of the e-mail address and the client address, never the addresses;
    rows older than the window are pruned daily."""

    address_hash = models.CharField(max_length=64)
    client_hash = models.CharField(max_length=64)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "password reset request"
        verbose_name_plural = "password reset requests"
        default_permissions = []
        indexes = [
            models.Index(fields=["address_hash", "requested_at"], name="reset_by_address"),
            models.Index(fields=["client_hash", "requested_at"], name="reset_by_client"),
            models.Index(fields=["requested_at"], name="reset_by_time"),
        ]

    def __str__(self):
        return f"password reset request at {self.requested_at:%Y-%m-%d %H:%M}"


class SignInSecurity(models.Model):
    """No table: holds the permission to see and lift sign-in lockouts, which superusers
    have anyway and which can be given to a group in Wagtail's group editor."""

    class Meta:
        managed = False
        default_permissions = []
        permissions = [("manage_lockouts", _("Can see and lift sign-in lockouts"))]

    def __str__(self):
        return "sign-in security"
