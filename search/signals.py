"""Signal handlers that queue index updates for Elasticsearch (connected in apps.py).

Wagtail keeps its own database index up to date itself (django-tasks, in-process); these
handlers do nothing unless SEARCH_ENGINE is "elasticsearch". Tasks go through the
outbox (cms.outbox): handed to the broker after the transaction commits, so a worker never
reads a row that is not there yet, and kept until the broker has them, so a broker that is
down costs the request one short timeout, never the publish or the index update.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from cms.outbox.dispatch import send_after_commit
from search import tasks
from search.registry import type_for_model

logger = logging.getLogger(__name__)


def elasticsearch_enabled() -> bool:
    return settings.SEARCH_ENGINE == "elasticsearch"


def queue(task, *args) -> None:
    if elasticsearch_enabled():
        send_after_commit(task, *args)


def _queue_object(instance) -> None:
    if type_for_model(type(instance)) is not None:
        queue(tasks.index_object, instance._meta.app_label, instance._meta.model_name,
              instance.pk)


def _queue_dependents(instance) -> None:
    """Objects whose documents carry this page's address (a glossary page's terms)."""
    dependents = getattr(instance, "search_dependents", None)
    for obj in dependents() if dependents else ():
        _queue_object(obj)


def on_content_changed(sender, instance, action, **extra):
    """Every content change (cms.changes): new words for the vocabulary; for Elasticsearch,
    the object (published, unpublished), its subtree (moved, restricted) or its removal."""
    if action == "moving":
        return
    transaction.on_commit(_mark_vocabulary_stale)
    transaction.on_commit(_mark_dictionary_stale)
    if not elasticsearch_enabled():
        return
    if action == "deleted":
        if type_for_model(type(instance)) is not None:
            queue(tasks.remove_object, instance._meta.app_label, instance._meta.model_name,
                  instance.pk)
        return
    if action in ("published", "unpublished"):
        _queue_object(instance)
    elif isinstance(instance, Page):  # moved, renamed or restricted: every address below
        before, after = extra.get("url_path_before"), extra.get("url_path_after")
        if before is not None and before == after:
            return  # only reordered among its siblings
        queue(tasks.index_subtree, instance.pk)
    _queue_dependents(instance)


def _mark_vocabulary_stale():
    """New words must be searchable at once: the database engine's vocabulary (typos,
    inflections) would otherwise drop a word it has not seen for up to CHECK_EVERY_SECONDS."""
    from search.vocabulary import mark_stale

    mark_stale()


def _mark_dictionary_stale():
    """Terms, titles and synonyms make the cross-language dictionary (search.crosslingual)."""
    from search.crosslingual import mark_stale

    mark_stale()


def on_cache_writes_lost(sender, **kwargs):
    """A change announced while Redis was unreachable never reached the other processes."""
    from search.vocabulary import mark_stale

    mark_stale()
    _mark_dictionary_stale()


def _forget_synonyms(sender, **kwargs):
    from search.synonyms import forget

    forget()
    _mark_dictionary_stale()


def _forget_promotions(sender, **kwargs):
    from search.promotions import forget_promotions

    forget_promotions()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from cms.caching.resilient import writes_lost
    from cms.changes import content_changed

    content_changed.connect(on_content_changed, dispatch_uid="search-content-changed")
    writes_lost.connect(on_cache_writes_lost, dispatch_uid="search-vocabulary-cache-lost")
    # Synonyms and promoted queries are kept per process; a change is seen at once.
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(_forget_synonyms, sender="search.Synonym",
                       dispatch_uid=f"search-forget-synonyms-{name}")
        signal.connect(_forget_promotions, sender="wagtailsearchpromotions.SearchPromotion",
                       dispatch_uid=f"search-forget-promotions-{name}")
