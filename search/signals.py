"""Signal handlers that queue index updates for Elasticsearch (connected in apps.py).

Wagtail keeps its own database index up to date itself (django-tasks, in-process); these
handlers do nothing unless SEARCH_ENGINE is "elasticsearch". Tasks go through the
outbox (cms.outbox): handed to the broker after the transaction commits, so a worker never
reads a row that is not there yet, and kept until the broker has them, so a broker that is
down costs the request one short timeout, never the publish or the index update.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.outbox.dispatch import send_after_commit
from search import tasks
from search.elastic.documents import type_for_model

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


def _queue_glossary_terms(locale_id) -> None:
    from cms.models import GlossaryTerm

    for pk in GlossaryTerm.objects.filter(locale_id=locale_id).values_list("pk", flat=True):
        queue(tasks.index_object, "cms", "glossaryterm", pk)


def on_page_changed(sender, instance, **kwargs):
    """Published or unpublished: the task indexes or removes it, whichever is true now."""
    from cms.models import GlossaryPage

    _queue_object(instance)
    if isinstance(instance, GlossaryPage):
        _queue_glossary_terms(instance.locale_id)  # terms are shown (and linked) there


def on_page_subtree_changed(sender, instance, **kwargs):
    """Moved or renamed: the URLs of the page and everything below it changed."""
    from cms.models import GlossaryPage

    if "url_path_after" in kwargs and kwargs["url_path_after"] == kwargs.get("url_path_before"):
        return  # only reordered among its siblings

    queue(tasks.index_subtree, instance.pk)
    if isinstance(instance, GlossaryPage):
        _queue_glossary_terms(instance.locale_id)


def on_page_deleted(sender, instance, **kwargs):
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is not None and type_for_model(model) is not None:
        queue(tasks.remove_object, model._meta.app_label, model._meta.model_name, instance.pk)


def on_restriction_changed(sender, instance, **kwargs):
    queue(tasks.index_subtree, instance.page_id)


def on_snippet_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _queue_object(instance)


def on_snippet_deleted(sender, instance, **kwargs):
    queue(tasks.remove_object, instance._meta.app_label, instance._meta.model_name,
          instance.pk)


def connect() -> None:
    from cms.models import GlossaryTerm

    page_published.connect(on_page_changed, dispatch_uid="search-es-page-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search-es-page-unpublished")
    post_page_move.connect(on_page_subtree_changed, dispatch_uid="search-es-page-moved")
    page_slug_changed.connect(on_page_subtree_changed, dispatch_uid="search-es-page-slug")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search-es-page-deleted")
    for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(on_restriction_changed, sender=PageViewRestriction,
                       dispatch_uid=f"search-es-restriction-{uid}")
    post_save.connect(on_snippet_saved, sender=GlossaryTerm, dispatch_uid="search-es-term-saved")
    post_delete.connect(on_snippet_deleted, sender=GlossaryTerm,
                        dispatch_uid="search-es-term-deleted")


def on_content_changed(sender, **kwargs):
    """New words must be searchable at once: the database engine's vocabulary (typos,
    inflections) would otherwise drop a word it has not seen for up to CHECK_EVERY_SECONDS."""
    from search.vocabulary import mark_stale

    transaction.on_commit(mark_stale)


def on_cache_writes_lost(sender, **kwargs):
    """A change announced while Redis was unreachable never reached the other processes."""
    from search.vocabulary import mark_stale

    mark_stale()


def connect_vocabulary() -> None:
    from cms.caching.resilient import writes_lost
    from cms.models import GlossaryTerm

    writes_lost.connect(on_cache_writes_lost, dispatch_uid="search-vocabulary-cache-lost")
    page_published.connect(on_content_changed, dispatch_uid="search-vocabulary-published")
    page_unpublished.connect(on_content_changed, dispatch_uid="search-vocabulary-unpublished")
    post_save.connect(on_content_changed, sender=GlossaryTerm,
                      dispatch_uid="search-vocabulary-term-saved")
