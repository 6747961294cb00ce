"""Which responses may be shared between readers, and the headers that say so.

A response is shared (cached by Django and by the proxy) only when everything speaks for it:
an anonymous GET without a session, a page or view that opted in, status 200, no cookie set,
no CSRF token rendered. Anything else is marked private, no-store.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

# Paths that are never cached by us, whatever the view says: the admin, the API (writes and
# per-user answers), documents (permission-checked downloads) and the health check. The
# search API is the exception: public content only, and asked on every keystroke.
NEVER_SHARED_PREFIXES = ("/admin/", "/api/", "/documents/", "/healthz/")
SHAREABLE_API_PREFIX = "/api/v1/search/"
SAFE_METHODS = ("GET", "HEAD")
# Views (URL names) whose answer is the same for every anonymous reader, besides the pages
# cms.views.serve_with_fallback marks itself. Search results are public content only.
SHAREABLE_URL_NAMES = {"search", "search_api", "search_autocomplete"}


def allow_sharing(request):
    """Called by a view whose answer is the same for every anonymous reader."""
    request.shareable = True


def repeat_on_cache_hit(request, function: str, *args):
    """Have Django's page cache call `function(*args)` (a dotted path; plain arguments, they
    are stored with the answer) on every later hit of this answer as well. For the search
    log: it must count every search, not every cache fill. Such an answer is kept out of
    the proxy, which would answer without telling the app."""
    request.cache_hit_calls = [*getattr(request, "cache_hit_calls", ()), (function, args)]


def proxy_may_store(request) -> bool:
    return not getattr(request, "cache_hit_calls", None)


def has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_anonymous_read(request) -> bool:
    """Could this request be answered from a shared cache? Decided from the request alone,
    before any view or authentication runs."""
    return (
        request.method in SAFE_METHODS
        and not has_session(request)
        and "HTTP_AUTHORIZATION" not in request.META
        and (not request.path_info.startswith(NEVER_SHARED_PREFIXES)
             or request.path_info.startswith(SHAREABLE_API_PREFIX))
    )


def view_allows_sharing(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return getattr(request, "shareable", False) or bool(
        match and match.url_name in SHAREABLE_URL_NAMES)


def is_shareable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        view_allows_sharing(request)
        and is_anonymous_read(request)
        and response.status_code == 200
        and (user is None or not user.is_authenticated)
        and not getattr(request, "is_preview", False)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
    )


def mark_public(response, proxy: bool = True):
    if proxy:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE,
                            s_maxage=settings.PAGE_CACHE_S_MAXAGE)
    else:  # public (nothing personal in it), but every request must reach the app
        patch_cache_control(response, public=True, no_cache=True, max_age=0)


def mark_private(response):
    """Replaces whatever the view said: a personal answer must not be stored anywhere."""
    if response.has_header("Cache-Control"):
        del response.headers["Cache-Control"]
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])


def apply_headers(request, response) -> bool:
    """Set Cache-Control on the way out; True when the response may be shared."""
    user = getattr(request, "user", None)
    personal = has_session(request) or (user is not None and user.is_authenticated)
    if personal:
        mark_private(response)
        return False
    if is_shareable(request, response):
        mark_public(response, proxy=proxy_may_store(request))
        return True
    if not response.has_header("Cache-Control"):
        mark_private(response)
    return False
