from django.conf import settings
from django.db import models
from django.utils.translation import pgettext_lazy


class TranslatorNotice(models.Model):
    """One e-mail told a translator that a German source changed. Keeps the task idempotent:
    a retried or repeated task finds the row and sends nothing twice."""

    source = models.ForeignKey("wagtail_localize.TranslationSource", on_delete=models.CASCADE,
                               related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    source_changed_at = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("translation state", "translator notice")
        constraints = [
            models.UniqueConstraint(fields=["source", "locale", "user", "source_changed_at"],
                                    name="one_notice_per_change"),
        ]

    def __str__(self):
        return f"{self.user} · {self.locale} · {self.source_changed_at:%Y-%m-%d %H:%M}"
