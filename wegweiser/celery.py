"""Celery application. Without CELERY_BROKER_URL every task runs eagerly in-process."""

import os

from celery import Celery

# Safe default for worker and beat; manage.py and pytest set their own before this runs.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegweiser.settings.production")

app = Celery("wegweiser")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
