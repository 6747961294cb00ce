from django.db import models
from django.utils import timezone


class PendingTask(models.Model):
    """A Celery task (by name, with JSON arguments) the broker has not taken yet."""

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["next_attempt_at", "pk"]

    def __str__(self):
        return f"{self.task}{tuple(self.args)!r}"
