from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside the language-prefixed site: a 404 there is an answer, not a missing prefix.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml",
              "/robots.txt", "/healthz/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware redirects every 404 to the same path under /de/. For the API,
    the admin and files that turns a clear 404 into a redirect to a page that does not exist."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
