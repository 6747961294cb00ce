"""Celery tasks of the search app: keeping the Elasticsearch index in line with the database,
and the daily pruning of the query logs (CELERY_BEAT_SCHEDULE).

The indexing tasks take ids, never objects, and look at the object as it is when they
run, so running one twice (acks_late redelivery, a retry) or out of order gives the same
index. An unreachable cluster is retried with exponential backoff by the worker; in eager
mode (no broker, the embedded default) the task gives up at once with a warning instead,
because it runs inside the editor's request and `search_reindex` can catch up later.
"""

import logging

from celery import shared_task

from search.engines.base import EngineUnavailable
from search.models import SearchLogEntry

logger = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": (EngineUnavailable,),
    "retry_backoff": 2,  # 2, 4, 8 … seconds
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
    "acks_late": True,
}


def _engine():
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine()


def _run(task, what: str, call):
    try:
        return call()
    except EngineUnavailable as exc:
        if task.request.is_eager:
            logger.warning("Search index not updated (%s): %s", what, exc)
            return None
        logger.info("Search index update failed, will retry (%s): %s", what, exc)
        raise


@shared_task(bind=True, **RETRY)
def index_object(self, app_label: str, model_name: str, pk: int):
    """Write the object to the index if it is live and public, else remove it."""
    what = f"{app_label}.{model_name} {pk}"
    return _run(self, what, lambda: _engine().index_object(app_label, model_name, pk))


@shared_task(bind=True, **RETRY)
def remove_object(self, app_label: str, model_name: str, pk: int):
    what = f"remove {app_label}.{model_name} {pk}"
    return _run(self, what, lambda: _engine().remove_object(app_label, model_name, pk))


@shared_task(bind=True, **RETRY)
def index_subtree(self, page_pk: int):
    """Re-index a page and everything below it (move, slug change, privacy change)."""
    return _run(self, f"subtree of page {page_pk}", lambda: _engine().index_subtree(page_pk))


@shared_task
def prune_search_log(days: int | None = None) -> int:
    """Forget what readers typed after WAGTAILSEARCH_HITS_MAX_AGE days: our per-language log
    and Wagtail's daily hits (which only its own command would prune), and redact e-mail
    addresses and numbers still in them (search/privacy.py). Returns our entries
    deleted. Run daily by Celery beat; `manage.py search_prune_log` runs it by hand."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from search.privacy import redact_stored_logs

    deleted = SearchLogEntry.prune(days)
    redact_stored_logs()  # entries from before the logs were redacted, or an older release
    # Not QueryDailyHits.garbage_collect: it counts days in UTC, the log in the site's time
    # zone, and for an hour after midnight the two logs would keep different days.
    QueryDailyHits.objects.filter(date__lt=SearchLogEntry.cutoff(days)).delete()
    Query.garbage_collect()  # queries left without hits or editors' picks
    return deleted
