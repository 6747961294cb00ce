"""A certificate for a completed module: what was true when it was issued, kept as text.

The PDF is not stored: it is drawn on demand from these fields (learning/certificate_pdf.py),
so there is no file to keep in step or to delete. The name and the titles are snapshots, so
a later change of name or title does not change a certificate already handed out. A
certificate is never deleted by the site: revoked by staff, or withdrawn when the learner
erases their data (the name is removed), its code keeps answering "revoked" or "withdrawn"
instead of "unknown", and it is never given to anyone else.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# 32 symbols without 0/O and 1/I, which readers confuse: 12 of them are 60 random bits.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 12
CODE_GROUP = 4


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What someone typed or scanned -> the stored form: capitals, no spaces or hyphens."""
    return "".join(ch for ch in (text or "").upper() if ch.isascii() and ch.isalnum())


def group_code(code: str) -> str:
    """'ABCDEFGHJKLM' -> 'ABCD-EFGH-JKLM', as printed and in addresses."""
    return "-".join(code[i:i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


class Certificate(models.Model):
    # SET_NULL: a withdrawn certificate outlives its learner (learning/certificates.py)
    learner = models.ForeignKey("learning.Learner", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="certificates")
    module_key = models.UUIDField(db_index=True)
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True,
                            default=new_code, editable=False)
    name = models.CharField(_("name"), max_length=300, blank=True)
    module_title_de = models.CharField(_("module title (German)"), max_length=255)
    module_title = models.CharField(_("module title (language of the certificate)"),
                                    max_length=255)
    language = models.CharField(_("language"), max_length=10)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        default_permissions = []
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        ordering = ["-issued_at"]
        constraints = [models.UniqueConstraint(fields=["learner", "module_key"],
                                               name="one_certificate_per_module")]

    def __str__(self):
        return f"certificate {self.grouped_code}"

    @property
    def grouped_code(self) -> str:
        return group_code(self.code)

    @property
    def is_withdrawn(self) -> bool:
        """Withdrawn at the learner's request: revoked, with the name removed."""
        return self.revoked_at is not None and not self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None and bool(self.name)

    @property
    def shows_translated_title(self) -> bool:
        return bool(self.module_title) and self.module_title != self.module_title_de
