"""What readers answered: one row per page, reader's language and day with two counters, and
the optional notes after "No" (kept FEEDBACK_NOTE_MAX_AGE_DAYS days)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The page types that ask (app_label.model); their templates include feedback/form.html.
PAGE_TYPES = ("cms.guidepage", "funding.fundingprogrammepage")
NOTE_MAX_LENGTH = 500


class PageFeedback(models.Model):
    """How many readers of `page` in `language` (the address's prefix: a German page read
    under /fa/ counts for fa) answered yes or no on `date`. Incremented in the database
    (UPDATE … SET helpful = helpful + 1), never read-modify-write."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("page"))
    language = models.CharField(_("readers' language"), max_length=8,
                                choices=settings.LANGUAGES)
    date = models.DateField(_("date"), default=timezone.localdate)
    helpful = models.PositiveIntegerField(_("yes"), default=0)
    not_helpful = models.PositiveIntegerField(_("no"), default=0)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        constraints = [models.UniqueConstraint(fields=["page", "language", "date"],
                                               name="unique_page_feedback_day")]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.date}"

    @classmethod
    def record(cls, page_id: int, language: str, helpful: bool) -> None:
        """Count one answer. Safe under concurrency on SQLite and PostgreSQL: the increment
        is an SQL expression, and the day's first answer is created by get_or_create, which
        falls back to reading the row when a concurrent request created it first (the
        unique constraint)."""
        field = "helpful" if helpful else "not_helpful"
        day = {"page_id": page_id, "language": language, "date": timezone.localdate()}
        if cls.objects.filter(**day).update(**{field: F(field) + 1}):
            return  # the usual case: one query
        row, created = cls.objects.get_or_create(**day, defaults={field: 1})
        if not created:
            cls.objects.filter(pk=row.pk).update(**{field: F(field) + 1})


class FeedbackNote(models.Model):
    """"What was missing?" after a "No": capped, with e-mail addresses and numbers replaced
    before it is stored, deleted after FEEDBACK_NOTE_MAX_AGE_DAYS days."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("page"))
    language = models.CharField(_("readers' language"), max_length=8,
                                choices=settings.LANGUAGES)
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what was missing"), max_length=NOTE_MAX_LENGTH)

    class Meta:
        verbose_name = _("reader's note")
        verbose_name_plural = _("readers' notes")
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return self.text[:60]

    @classmethod
    def prune(cls, days: int | None = None) -> int:
        days = days or settings.FEEDBACK_NOTE_MAX_AGE_DAYS
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        return cls.objects.filter(date__lt=cutoff).delete()[0]
