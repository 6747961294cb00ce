"""Serving pages in the reader's language, with German as fallback, and the site's small
utility views (robots.txt, health check, error pages)."""

from http import HTTPMethod

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from cms.caching.policy import allow_sharing
from cms.i18n import active_language

# What a page answers unless its type declares its own allowed_http_methods: reading, and
# POST for pages with forms (CSRF-checked; a page that ignores it shows itself). PUT, PATCH
# and DELETE get a clear 405 instead of the page.
PAGE_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]


def serve_with_fallback(request, path):
    """Wagtail's serve, but a page missing in the reader's language is served in German
    (the template then shows a notice in the reader's language). Public pages are marked
    shareable for the page cache and the proxy."""
    page, args, kwargs = _route(request, path)
    methods = _allowed_methods(page)
    if request.method not in methods:
        return method_not_allowed(request, methods)
    if request.method == HTTPMethod.OPTIONS:
        return HttpResponse(headers={"Allow": ", ".join(methods)})
    if getattr(page, "cache_public", True) and not page.get_view_restrictions().exists():
        allow_sharing(request)

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def _route(request, path):
    route = Page.route_for_request(request, path)
    if route is not None:
        return route
    if active_language() == Locale.get_default().language_code:
        raise Http404
    return _route_in_default_locale(request, path)


def _route_in_default_locale(request, path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.get_translation_or_none(Locale.get_default())
    if root is None:
        raise Http404
    components = [c for c in path.split("/") if c]
    return root.specific.route(request, components)


def _allowed_methods(page) -> list[str]:
    declared = type(page).allowed_http_methods
    methods = PAGE_METHODS if declared is Page.allowed_http_methods else declared
    return [str(method.value if hasattr(method, "value") else method) for method in methods]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


# --- Error pages -------------------------------------------------------------------------
# In the language of the address's prefix when it is one of ours, else German; never in the
# browser's preferred language, which would make /xx/ answer differently for each reader.


def error_language(request) -> str:
    prefix = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
    return prefix if prefix in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_error(request, template, status, **context):
    with translation.override(error_language(request)):
        response = render(request, template, context, status=status)
        response.headers["Content-Language"] = translation.get_language()
    return response


def page_not_found(request, exception=None):
    return render_error(request, "404.html", 404)


def bad_request(request, exception=None):
    return render_error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    return render_error(request, "403.html", 403)


def method_not_allowed(request, methods):
    response = render_error(request, "405.html", 405)
    response["Allow"] = ", ".join(methods)
    return response


def server_error(request):
    # No context processors that touch the database: the error may be the database.
    return render(request, "500.html", status=500)
