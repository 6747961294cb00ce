"""Keeping caches right when content changes.

Two caches, two strategies:

- Django's page cache keys every page by a *generation*; a change advances it, so all pages
  are fresh at once (a guide's title also shows on its topic, on the home page, in related
  guides, in search results and in the German fallback under every other language prefix).
- The proxy (Varnish, through wagtail.contrib.frontend_cache) is purged URL by URL: the
  changed page, its ancestors (they list it), the pages that link to it (reference index),
  each in every language (frontend_cache expands the language prefix); the VCL also drops
  cached search pages on every purge.

Both run after the transaction commits: before that, a request could still read the old
content and put it back into the cache.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from cms.changes import content_changed

from .resilient import writes_lost

GENERATION_KEY = "page:generation"


def current_generation() -> str:
    cache = caches[settings.PAGE_CACHE_ALIAS]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        # add(): when two processes start at once, both end up using the same value.
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def advance_generation() -> None:
    caches[settings.PAGE_CACHE_ALIAS].set(GENERATION_KEY, uuid.uuid4().hex, None)


# --- What a change affects -----------------------------------------------------------------


def page_urls(pages) -> set[str]:
    urls = set()
    for page in pages:
        url = page.get_full_url()
        if url:
            urls.add(url)
    return urls


def referencing_pages(obj):
    """Pages whose content points at obj (related guides, glossary links, rich-text links)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(object_id).isdigit()
    ]
    return Page.objects.filter(pk__in=ids)


def affected_urls(page, with_descendants=False) -> set[str]:
    """Every URL (in the page's own language; purging expands to all) that shows page."""
    if not purging():
        return set()
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    if with_descendants:
        pages += list(page.get_descendants())
    pages += list(referencing_pages(page))
    return page_urls(pages)


# --- Acting on a change --------------------------------------------------------------------


def purging() -> bool:
    """Is there a proxy to purge? Without one, the URLs are not worth working out."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_urls(urls) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if urls and purging():
        purge_urls_from_cache(sorted(urls))


def refresh_after_commit(urls=()) -> None:
    urls = set(urls)

    def refresh():
        advance_generation()
        purge_urls(urls)

    transaction.on_commit(refresh)


def _on_content_changed(sender, instance, action, **extra):
    """Every content change (cms.changes) leaves both caches fresh after the commit."""
    if action == "moving":  # the old addresses are only known now; purged after the move
        instance._urls_before_move = affected_urls(instance, with_descendants=True)
        return
    if not isinstance(instance, Page):
        refresh_after_commit(_snippet_urls(instance))
    elif action == "moved" and extra.get("before") is not None:
        refresh_after_commit(_urls_before_slug_change(instance, extra["before"]))
    elif action in ("moved", "restricted"):
        # A page that became private must leave every cache now, with all its subpages.
        before = getattr(instance, "_urls_before_move", set())
        refresh_after_commit(before | affected_urls(instance, with_descendants=True))
    else:
        refresh_after_commit(affected_urls(instance))


def _snippet_urls(instance) -> set[str]:
    """A snippet (a glossary term, an organisation) shows on the pages that use it and on
    those it names itself."""
    if not purging():
        return set()
    showing = getattr(instance, "pages_showing", None)
    return page_urls(referencing_pages(instance)) | (page_urls(showing()) if showing else set())


def _urls_before_slug_change(instance, before) -> set[str]:
    """The page and its subpages also lived at the old address until now."""
    old, new = before.get_full_url(), instance.get_full_url()
    urls = affected_urls(before)
    if old and new and purging():
        urls |= {old + url[len(new):] for url in page_urls(instance.get_descendants())
                 if url.startswith(new)}
    return urls


def _on_writes_lost(sender, **kwargs):
    if sender is caches[settings.PAGE_CACHE_ALIAS]:
        advance_generation()


def connect():
    from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers

    uid = "wegweiser-caching"
    for model in _page_models():
        # Replace Wagtail's handlers: they purge inside the transaction and only the page.
        page_published.disconnect(wagtail_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(
            wagtail_handlers.page_unpublished_signal_handler, sender=model)
    content_changed.connect(_on_content_changed, dispatch_uid=f"{uid}-content")
    # Invalidations dropped while Redis was unreachable: start a new generation.
    writes_lost.connect(_on_writes_lost, dispatch_uid=f"{uid}-writes-lost")


def _page_models():
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Page)]
