import re

from django.core.validators import ProhibitNullCharactersValidator
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

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
    error pages in the language of the address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from cms import views

        if len(request.path_info) > MAX_PATH_LENGTH:
            return views.page_not_found(request)
        query = request.META.get("QUERY_STRING", "")
        if len(query) > MAX_QUERY_LENGTH:
            return views.bad_request(request)
        if "\x00" in request.path_info:
            return views.bad_request(request)
        nul_keys = _keys_with_nul(request)
        if nul_keys:
            if request.path_info.startswith("/api/"):
                # API clients get the same error shape as the API's own validation.
                message = ProhibitNullCharactersValidator.message
                return JsonResponse({"error": "invalid parameters",
                                     "errors": {key: [str(message)] for key in nul_keys}},
                                    status=400)
            return views.bad_request(request)
        return self.get_response(request)


def _keys_with_nul(request) -> list[str]:
    query = request.META.get("QUERY_STRING", "")
    if "%00" not in query and "\x00" not in query:
        return []
    return [key.replace("\x00", "") for key, values in request.GET.lists()
            if any("\x00" in item for item in (key, *values))]
