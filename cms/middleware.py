import re

from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext

# Paths outside the language-prefixed site: a 404 there is an answer, not a missing prefix.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml",
              "/robots.txt", "/healthz/")
# A first path segment shaped like a language code (xx, xxx, xx-yy): an address in a language
# the site does not have, which gets a 404, not a redirect to /de/xx/.
LANGUAGE_LIKE = re.compile(r"^/[A-Za-z]{2,3}(?:[-_@][A-Za-z0-9]{1,8})*(?:/|$)")
# Longer than any real address or query; refused before routing or caching.
MAX_PATH_LENGTH = 2000
MAX_QUERY_LENGTH = 4000


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware redirects every 404 to the same path under /de/. For the API,
    the admin and files that turns a clear 404 into a redirect to a page that does not exist;
    for /xx/… (an unknown language) into a redirect to /de/xx/…, which does not exist either."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        if response.status_code == 404 and LANGUAGE_LIKE.match(request.path_info):
            return response
        return super().process_response(request, response)


class RequestGuardMiddleware:
    """Refuses addresses no page can have before they reach routing, the cache or a database
    query: overlong paths (404) and query strings (400), and NUL characters, which SQLite and
    PostgreSQL reject with an error deep inside a query (400). Answered with the site's own
    error pages in the language of the address; under /api/ with the API's own JSON error
    (api_refusal)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from cms import views

        if len(request.path_info) > MAX_PATH_LENGTH:
            return views.page_not_found(request)
        if "\x00" in request.path_info:
            return views.bad_request(request)
        query = request.META.get("QUERY_STRING", "")
        if len(query) > MAX_QUERY_LENGTH:
            return api_refusal(request, _longest_keys(request), "too_long", len(query)) \
                or views.bad_request(request)
        nul_keys = _keys_with_nul(request)
        if nul_keys:
            return api_refusal(request, nul_keys, "nul") or views.bad_request(request)
        return self.get_response(request)


def api_refusal(request, keys: list[str], reason: str, length: int = 0) -> JsonResponse | None:
    """The 400 an API under /api/ gives for a bad parameter, each in its own shape: Wagtail's
    {"message": "…"} (English, as Wagtail's own messages) under /api/v2/, and the search
    API's {"error": "invalid parameters", "errors": {key: [message]}} in the language of
    ?lang= elsewhere. None for any other address."""
    path = request.path_info
    if not path.startswith("/api/"):
        return None
    if path.startswith("/api/v2/"):
        if reason == "nul":
            message = f"null characters are not allowed in: {', '.join(keys)}"
        else:
            message = (f"query string too long: {length} characters, at most "
                       f"{MAX_QUERY_LENGTH} (longest parameter: {', '.join(keys)})")
        return JsonResponse({"message": message}, status=400)
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    with translation.override(language if language in dict(settings.LANGUAGES) else "en"):
        if reason == "nul":
            message = str(ProhibitNullCharactersValidator.message)
        else:
            message = gettext("The query string is too long: %(length)d characters, at "
                              "most %(limit)d.") % {"length": length, "limit": MAX_QUERY_LENGTH}
    return JsonResponse({"error": "invalid parameters",
                         "errors": {key: [message] for key in keys}}, status=400)


def _keys_with_nul(request) -> list[str]:
    query = request.META.get("QUERY_STRING", "")
    if "%00" not in query and "\x00" not in query:
        return []
    return [key.replace("\x00", "") for key, values in request.GET.lists()
            if any("\x00" in item for item in (key, *values))]


def _longest_keys(request) -> list[str]:
    """The parameter(s) taking up most of an overlong query string: the one to name."""
    sizes = {key.replace("\x00", ""): len(key) + sum(len(value) for value in values)
             for key, values in request.GET.lists()}
    if not sizes:
        return ["query string"]
    largest = max(sizes.values())
    return [key for key, size in sizes.items() if size == largest]
