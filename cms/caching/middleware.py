"""Django's cache in front of the views, for anonymous reads of shareable pages."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.module_loading import import_string

from . import policy
from .invalidation import current_generation

# Headers a cached answer keeps; cookies and per-request headers are never stored.
STORED_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary",
                  "X-Frame-Options", "Link")
HIT_HEADER = "X-Page-Cache"

logger = logging.getLogger(__name__)


def cache_key(request, generation: str) -> str:
    # The host was validated by then (get_host raises DisallowedHost otherwise).
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{generation}:{digest}"


class PageCacheMiddleware:
    """Answers anonymous GET/HEAD requests from the cache and stores shareable responses.

    Sits outside SessionMiddleware, so a hit costs two cache reads and no database query.
    Every stored page is keyed by the content generation, which any publish, unpublish, move
    or delete advances (see invalidation.py): a change is visible at once everywhere it shows
    (lists, fallback copies in other languages, search results) without tracking which pages
    show what.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous_read = policy.is_anonymous_read(request)
        enabled = settings.PAGE_CACHE_ENABLED and anonymous_read
        key = None
        if enabled:
            cache = caches[settings.PAGE_CACHE_ALIAS]
            request.content_generation = current_generation()  # cms.caching.memo reads it too
            key = cache_key(request, request.content_generation)
            stored = cache.get(key)
            if stored is not None:
                # A HEAD is answered like GET but is nobody reading: no hit bookkeeping.
                return self._rebuild(stored, run_calls=request.method == "GET")
        response = self.get_response(request)
        shareable = policy.apply_headers(request, response)
        if key and shareable and not response.streaming:
            # Only a GET is stored: a HEAD answer lacks the search log's hit calls.
            if request.method == "GET":
                caches[settings.PAGE_CACHE_ALIAS].set(
                    key, self._freeze(request, response), settings.PAGE_CACHE_TIMEOUT)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _freeze(request, response) -> tuple:
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        calls = tuple(getattr(request, "cache_hit_calls", ()))
        return (response.status_code, headers, response.content, calls)

    @staticmethod
    def _rebuild(stored, run_calls: bool = True) -> HttpResponse:
        status, headers, content, *rest = stored
        calls = rest[0] if rest else ()  # entries stored before hit calls existed
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[HIT_HEADER] = "hit"
        for function, args in calls if run_calls else ():
            try:
                import_string(function)(*args)
            except Exception:  # bookkeeping must never cost the reader the page
                logger.exception("Page cache hit: %s failed", function)
        return response
