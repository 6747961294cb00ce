"""Editor-maintained synonyms and the per-language search log behind the admin report."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_QUERY = 255


class Synonym(models.Model):
    """Words that mean the same to a reader, e.g. Zuschuss, Zuwendung, Förderung."""

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    terms = models.TextField(
        _("words with the same meaning"),
        help_text=_("Separate the words with commas, e.g. Zuschuss, Zuwendung, Förderung."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms

    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.split(",") if t.strip()]


class SearchLogEntry(models.Model):
    """How often a query was searched in a language on one day, and how often it found
    nothing. Kept only as long as Wagtail keeps its own daily hits."""

    query_string = models.CharField(max_length=MAX_LOGGED_QUERY)
    locale = models.CharField(max_length=8)
    date = models.DateField(default=timezone.localdate)
    searches = models.PositiveIntegerField(default=0)
    no_results = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "locale", "date"], name="unique_search_log_day"
            )
        ]
        indexes = [models.Index(fields=["locale", "date"])]

    def __str__(self):
        return f"{self.query_string} ({self.locale}, {self.date})"

    @classmethod
    def record(cls, query_string: str, locale: str, found: int) -> None:
        entry, _created = cls.objects.get_or_create(
            query_string=query_string[:MAX_LOGGED_QUERY], locale=locale,
            date=timezone.localdate(),
        )
        cls.objects.filter(pk=entry.pk).update(
            searches=F("searches") + 1, no_results=F("no_results") + (0 if found else 1)
        )

    @classmethod
    def prune(cls, days: int | None = None) -> int:
        return cls.objects.filter(date__lt=cls.cutoff(days)).delete()[0]

    @staticmethod
    def cutoff(days: int | None = None) -> datetime.date:
        """The first day kept: WAGTAILSEARCH_HITS_MAX_AGE days back, in the site's zone."""
        days = days or settings.WAGTAILSEARCH_HITS_MAX_AGE
        return timezone.localdate() - datetime.timedelta(days=days)
