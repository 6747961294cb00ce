"""Celery application. Without CELERY_BROKER_URL every task runs eagerly in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("wegweiser")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
