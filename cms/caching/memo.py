"""What a page's render derives from the content tree, remembered per process.

Routing (host, language, path -> page), the site, Wagtail's site root paths, breadcrumbs,
the lists a page shows (topics, guides, related guides, glossary terms, step navigation) and
a page's translations (hreflang links, language switcher) are the same for every reader of
a page in a language until content changes. They are kept here, in the process's memory, under
the content *generation* (cms.caching.invalidation), which every change advances after its
commit (the one content-changed signal, cms.changes; a site's address too): the first render
after a change works everything out afresh, in every process, in every language.

Kept only while a page is served by cms.views.serve_with_fallback for a page without view
restrictions (`serving`); previews, drafts and the admin never see it. The page itself, its
view restrictions and anything personal (userbar, forms) are read on every request. What is
kept holds no model instance (cms.frozen), so nothing in it can query or change later.

The generation is read once per request (one cache read; with Redis down each request gets a
fresh one, so nothing is reused until Redis answers again). At most MAX_ENTRIES are kept,
least recently used dropped first.
"""

import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.utils import translation

from .invalidation import current_generation

MAX_ENTRIES = 5000

_entries: OrderedDict = OrderedDict()
_lock = threading.Lock()
_scope: ContextVar[tuple | None] = ContextVar("wegweiser_render_scope", default=None)
_MISSING = object()


@contextmanager
def serving(request):
    """Remember within this block (the view), and while its template response is rendered
    for calls that pass the request, for this request's host and content generation."""
    scope = None
    if settings.RENDER_MEMO_ENABLED and not getattr(request, "is_preview", False):
        generation = getattr(request, "content_generation", None) or current_generation()
        scope = (generation, request.get_host())
    request._render_memo_scope = scope
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def forget_for_this_request(request) -> None:
    """From here on nothing is read or kept (a page under view restrictions)."""
    request._render_memo_scope = None
    _scope.set(None)


def _scope_of(request):
    scope = _scope.get()
    if scope is None and request is not None:
        scope = getattr(request, "_render_memo_scope", None)
    return scope


def active(request=None) -> bool:
    return _scope_of(request) is not None


def remembered(key: tuple, build, request=None):
    """build()'s value, kept under `key`, the language, the host and the generation. The
    value must not be changed by whoever reads it. `request`: for calls made while the
    template is rendered, after the view returned."""
    scope = _scope_of(request)
    if scope is None:
        return build()
    full = (*scope, translation.get_language(), *key)
    with _lock:
        value = _entries.get(full, _MISSING)
        if value is not _MISSING:
            _entries.move_to_end(full)
            return value
    value = build()
    with _lock:
        _entries[full] = value
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


# Rendered parts of pages ({% remember %}, cms/templatetags/render_memo.py) are large (a
# guide's body is 5-40 KB): kept apart from the small entries above, and bounded by size, so
# a crawler walking every page in every language cannot push routing out or fill the memory.
MAX_FRAGMENT_CHARACTERS = 16_000_000  # about 16-32 MB of str per process
_fragments: OrderedDict = OrderedDict()
_fragment_size = {"characters": 0}


def remembered_html(key: tuple, build, request=None) -> str:
    """build()'s str, kept like `remembered` but in the size-bounded store for page parts."""
    scope = _scope_of(request)
    if scope is None:
        return build()
    full = (*scope, translation.get_language(), *key)
    with _lock:
        value = _fragments.get(full)
        if value is not None:
            _fragments.move_to_end(full)
            return value
    value = build()
    if len(value) > MAX_FRAGMENT_CHARACTERS // 100:  # one part may not take a hundredth
        return value
    with _lock:
        if full not in _fragments:
            _fragments[full] = value
            _fragment_size["characters"] += len(value)
        while _fragment_size["characters"] > MAX_FRAGMENT_CHARACTERS:
            _key, dropped = _fragments.popitem(last=False)
            _fragment_size["characters"] -= len(dropped)
    return value


def site_root_paths(request=None):
    """Wagtail's Site.get_site_root_paths() (a cache read, i.e. a Redis round trip, for every
    page whose URL is built), once per generation; None outside `serving`."""
    if not active(request):
        return None
    from wagtail.models import Site

    return remembered(("site-root-paths",), Site.get_site_root_paths, request)


def clear() -> None:
    with _lock:
        _entries.clear()
        _fragments.clear()
        _fragment_size["characters"] = 0
