"""The query logs are pruned daily by Celery beat: the schedule names a task the worker knows,
and that task, looked up by the name beat sends, deletes what is too old."""

import datetime

import pytest
from celery.schedules import crontab
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import SearchLogEntry
from wegweiser.celery import app

ENTRY = "prune-search-log"


@pytest.fixture
def registered():
    app.loader.import_default_modules()  # what a worker does at start: autodiscover tasks
    return app.tasks


def test_schedule_names_a_registered_task_run_daily(registered):
    entry = app.conf.beat_schedule[ENTRY]  # read from CELERY_BEAT_SCHEDULE
    assert entry["task"] in registered
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab)
    assert len(schedule.hour) == 1 and len(schedule.minute) == 1  # once a day …
    assert schedule.day_of_week == set(range(7))  # … every day
    assert schedule.day_of_month == set(range(1, 32))
    assert schedule.month_of_year == set(range(1, 13))


@pytest.mark.django_db
def test_scheduled_task_deletes_old_entries_only(registered, settings):
    today = timezone.localdate()
    old = today - datetime.timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE + 1)
    recent = today - datetime.timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE - 1)
    for day in (old, recent):
        SearchLogEntry.objects.create(query_string=f"satzung {day}", locale="de", date=day,
                                      searches=2)
    forgotten, kept = Query.get("kindergeld"), Query.get("satzung")
    QueryDailyHits.objects.create(query=forgotten, date=old, hits=1)
    QueryDailyHits.objects.create(query=kept, date=recent, hits=1)

    task = registered[app.conf.beat_schedule[ENTRY]["task"]]
    assert task.apply().get() == 1

    assert list(SearchLogEntry.objects.values_list("date", flat=True)) == [recent]
    assert list(QueryDailyHits.objects.values_list("date", flat=True)) == [recent]
    assert list(Query.objects.values_list("query_string", flat=True)) == ["satzung"]
