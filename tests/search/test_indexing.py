"""Index updates go through Celery: the right task, with ids, queued after commit, and only
when Elasticsearch is the engine. A broker or a cluster that is down never fails a publish.

Messages are read back from a real broker: kombu's in-process memory transport always, and
Redis as well when REDIS_URL is set (the PostgreSQL + Redis run). The "down" cases use a
closed port on 127.0.0.1.
"""

import logging
import os
import time
from types import SimpleNamespace

import django_tasks
import pytest
from django_tasks.base import TaskResultStatus
from wagtail.models import Locale

from cms.models import GlossaryTerm, GuidePage, TopicPage
from cms.outbox.dispatch import flush
from cms.outbox.models import PendingTask
from search import tasks
from search.engines.base import EngineUnavailable
from tests.outages import celery_broker, closed_port, silent_port, silent_server
from wegweiser.celery import app

pytestmark = pytest.mark.django_db

BROKERS = ["memory://"]
if os.environ.get("REDIS_URL"):
    BROKERS.append(os.environ["REDIS_URL"])


def queued() -> list[tuple[str, list]]:
    """(task name, args) of every message waiting in the default queue, oldest first."""
    found = []
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue("celery")
        while True:
            try:
                message = queue.get(block=True, timeout=0.2)
            except queue.Empty:
                return found
            found.append((message.headers["task"], list(message.payload[0])))
            message.ack()


@pytest.fixture(params=BROKERS)
def broker(request, settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    with celery_broker(request.param):
        yield request.param


@pytest.fixture
def elasticsearch_down(settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


# --- What is queued ------------------------------------------------------------------------


def test_publishing_queues_an_index_task_with_ids(
        broker, guide, django_capture_on_commit_callbacks):
    publish(guide, django_capture_on_commit_callbacks)
    assert ("search.tasks.index_object", ["cms", "guidepage", guide.pk]) in queued()


def test_nothing_is_queued_before_the_transaction_commits(
        broker, guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        guide.save_revision().publish()
        assert queued() == []
    for callback in callbacks:
        callback()
    assert ("search.tasks.index_object", ["cms", "guidepage", guide.pk]) in queued()


def test_with_the_database_engine_no_task_is_queued(
        settings, guide, django_capture_on_commit_callbacks):
    settings.SEARCH_ENGINE = "database"
    with celery_broker("memory://"):
        publish(guide, django_capture_on_commit_callbacks)
        assert queued() == []


def test_unpublishing_in_the_admin_queues_an_update(
        broker, admin_client, guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{guide.pk}/unpublish/")
    assert response.status_code == 302
    guide.refresh_from_db()
    assert not guide.live
    # The task looks at the page when it runs: not live, so it removes the document.
    assert ("search.tasks.index_object", ["cms", "guidepage", guide.pk]) in queued()


def test_deleting_a_page_queues_its_removal(broker, guide, django_capture_on_commit_callbacks):
    pk = guide.pk
    with django_capture_on_commit_callbacks(execute=True):
        guide.delete()
    assert ("search.tasks.remove_object", ["cms", "guidepage", pk]) in queued()


def test_moving_a_page_reindexes_it_and_its_subtree(
        broker, guide, django_capture_on_commit_callbacks):
    target = TopicPage.objects.get(slug="foerdermittel", locale=Locale.get_default())
    with django_capture_on_commit_callbacks(execute=True):
        guide.move(target, pos="last-child")
    assert ("search.tasks.index_subtree", [guide.pk]) in queued()


def test_a_new_slug_reindexes_the_subtree(broker, guide, django_capture_on_commit_callbacks):
    topic = guide.get_parent().specific
    topic.slug = "verein-gruenden-neu"
    publish(topic, django_capture_on_commit_callbacks)
    assert ("search.tasks.index_subtree", [topic.pk]) in queued()


def test_making_a_page_private_reindexes_its_subtree(
        broker, guide, django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert queued() == [("search.tasks.index_subtree", [guide.pk])]


def test_publishing_the_glossary_page_reindexes_its_terms(
        broker, django_capture_on_commit_callbacks):
    from cms.models import GlossaryPage

    page = GlossaryPage.objects.get(locale__language_code="ar")
    publish(page, django_capture_on_commit_callbacks)
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="ar")
    assert ("search.tasks.index_object", ["cms", "glossaryterm", term.pk]) in queued()


def test_publishing_a_translation_queues_the_translation(
        broker, arabic_guide, django_capture_on_commit_callbacks):
    publish(arabic_guide, django_capture_on_commit_callbacks)
    assert ("search.tasks.index_object", ["cms", "guidepage", arabic_guide.pk]) in queued()


def test_glossary_terms_are_queued_on_save_and_delete(
        broker, django_capture_on_commit_callbacks):
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        term.definition = "تعريف جديد"
        term.save()
    pk = term.pk
    with django_capture_on_commit_callbacks(execute=True):
        term.delete()
    assert queued() == [("search.tasks.index_object", ["cms", "glossaryterm", pk]),
                        ("search.tasks.remove_object", ["cms", "glossaryterm", pk])]


def test_a_page_type_search_does_not_cover_is_not_queued(
        broker, django_capture_on_commit_callbacks):
    from cms.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    publish(home, django_capture_on_commit_callbacks)
    assert [name for name, args in queued() if args[:2] == ["cms", "homepage"]] == []


# --- Nothing that is down fails a publish ---------------------------------------------------


def test_publishing_with_the_broker_down_succeeds_quickly_and_keeps_the_update(
        settings, guide, caplog, django_capture_on_commit_callbacks):
    settings.SEARCH_ENGINE = "elasticsearch"
    guide.title = "Neuer Titel trotz Ausfall"
    with celery_broker(f"redis://127.0.0.1:{closed_port()}/0", reachable=False), \
            caplog.at_level(logging.WARNING, logger="cms.outbox.dispatch"):
        started = time.monotonic()
        publish(guide, django_capture_on_commit_callbacks)
        waited = time.monotonic() - started
    guide.refresh_from_db()
    assert guide.live and guide.title == "Neuer Titel trotz Ausfall"
    assert "Broker unreachable" in caplog.text
    # The index update waits in the outbox for the broker instead of being lost.
    assert [p.args for p in PendingTask.objects.filter(task="search.tasks.index_object")] == [
        ["cms", "guidepage", guide.pk]]
    assert waited < 2  # a refused connection, no retries


def test_publishing_with_elasticsearch_and_a_silent_broker_is_quick(
        settings, guide, django_capture_on_commit_callbacks):
    settings.SEARCH_ENGINE = "elasticsearch"
    with silent_port() as port, celery_broker(f"redis://127.0.0.1:{port}/0", reachable=False):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            guide.save_revision().publish()
        took = time.monotonic() - started
    assert took < 2
    assert PendingTask.objects.filter(task="search.tasks.index_object").exists()


def test_index_updates_kept_while_the_broker_was_down_reach_it_when_it_is_back(
        broker, guide, django_capture_on_commit_callbacks):
    guide.title = "Nach dem Ausfall im Index"
    with celery_broker(f"redis://127.0.0.1:{closed_port()}/0", reachable=False):
        publish(guide, django_capture_on_commit_callbacks)
    assert queued() == []
    with celery_broker(broker):
        waiting = PendingTask.objects.count()
        assert waiting > 0 and flush() == waiting
        assert ("search.tasks.index_object", ["cms", "guidepage", guide.pk]) in queued()
    assert not PendingTask.objects.exists()


def test_publishing_with_elasticsearch_down_succeeds_and_logs(
        elasticsearch_down, guide, caplog, django_capture_on_commit_callbacks):
    guide.title = "Veröffentlicht ohne Suchindex"
    with caplog.at_level(logging.WARNING, logger="search.tasks"):
        publish(guide, django_capture_on_commit_callbacks)  # eager: the task runs here
    guide.refresh_from_db()
    assert guide.live and guide.title == "Veröffentlicht ohne Suchindex"
    assert "Search index not updated (cms.guidepage" in caplog.text
    assert "Connection" in caplog.text


def test_unpublishing_in_the_admin_with_elasticsearch_down(
        elasticsearch_down, admin_client, guide, caplog, django_capture_on_commit_callbacks):
    with caplog.at_level(logging.WARNING, logger="search.tasks"), \
            django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{guide.pk}/unpublish/")
    assert response.status_code == 302
    guide.refresh_from_db()
    assert not guide.live
    assert "Search index not updated" in caplog.text


def test_a_slow_elasticsearch_holds_a_publish_up_for_one_timeout_only(
        settings, guide, caplog, django_capture_on_commit_callbacks):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_TIMEOUT = 1
    with silent_server() as url, caplog.at_level(logging.WARNING, logger="search.tasks"):
        settings.ELASTICSEARCH_URL = url
        started = time.monotonic()
        publish(guide, django_capture_on_commit_callbacks)
        waited = time.monotonic() - started
    guide.refresh_from_db()
    assert guide.live
    assert "Timeout" in caplog.text
    assert waited < 4  # cut off after the 1 s timeout, not retried in the request


def test_deleting_a_glossary_term_with_elasticsearch_down(
        elasticsearch_down, caplog, django_capture_on_commit_callbacks):
    term = GlossaryTerm.objects.get(slug="satzung", locale__language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        term.delete()
    assert not GlossaryTerm.objects.filter(pk=term.pk).exists()


# --- Wagtail's own index path ---------------------------------------------------------------


@django_tasks.task()
def _failing_wagtail_style_task():
    raise RuntimeError("the database index could not be written")


def test_wagtails_own_tasks_run_where_a_failure_cannot_fail_a_publish(settings):
    """Wagtail queues its database-index updates through django-tasks; the configured
    backend runs them in-process and records a failure instead of raising it."""
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    result = _failing_wagtail_style_task.enqueue()
    assert result.status == TaskResultStatus.FAILED
    assert "the database index could not be written" in result.errors[0].traceback


def test_the_database_index_is_wagtails_only_backend(settings):
    # Elasticsearch is written by our Celery tasks alone, so nothing is indexed twice.
    assert list(settings.WAGTAILSEARCH_BACKENDS) == ["default"]
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == (
        "wagtail.search.backends.database")


# --- The tasks -----------------------------------------------------------------------------


@pytest.mark.parametrize("task", [tasks.index_object, tasks.remove_object, tasks.index_subtree])
def test_tasks_retry_an_unavailable_cluster_with_backoff(task):
    assert EngineUnavailable in task.autoretry_for
    assert task.retry_backoff and task.retry_jitter
    assert task.max_retries == 8
    assert task.acks_late


def test_a_worker_retries_instead_of_dropping_the_update(elasticsearch_down, guide):
    """Outside eager mode the task raises, so the worker's autoretry schedules a retry."""
    in_a_worker = SimpleNamespace(request=SimpleNamespace(is_eager=False))
    with pytest.raises(EngineUnavailable):
        tasks._run(in_a_worker, "test",
                   lambda: tasks._engine().index_object("cms", "guidepage", guide.pk))


def test_an_unknown_object_is_simply_not_indexed(settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    # A model that search does not cover needs no cluster at all.
    assert tasks.index_object.apply(args=("cms", "homepage", 1)).get() is None
    assert GuidePage.objects.filter(pk=10**9).first() is None


def test_handlers_connect_once_however_often_ready_runs(
        broker, guide, django_capture_on_commit_callbacks):
    from search import signals

    signals.connect()  # as a second AppConfig.ready() would
    publish(guide, django_capture_on_commit_callbacks)
    assert queued().count(("search.tasks.index_object", ["cms", "guidepage", guide.pk])) == 1
