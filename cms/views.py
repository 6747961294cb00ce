"""Serving pages in the reader's language, with German as fallback, and the site's small
utility views (robots.txt, health check, error pages)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Locale, Site
from wagtail.views import serve as wagtail_serve

from cms.i18n import active_language


def serve_with_fallback(request, path):
    """Wagtail's serve, but a page missing in the reader's language is served in German
    (the template then shows a notice in the reader's language)."""
    try:
        return wagtail_serve(request, path)
    except Http404:
        if active_language() == Locale.get_default().language_code:
            raise
        page, args, kwargs = _route_in_default_locale(request, path)
        for fn in hooks.get_hooks("before_serve_page"):
            result = fn(page, request, args, kwargs)
            if isinstance(result, HttpResponse):
                return result
        return page.serve(request, *args, **kwargs)


def _route_in_default_locale(request, path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.get_translation_or_none(Locale.get_default())
    if root is None:
        raise Http404
    components = [c for c in path.split("/") if c]
    return root.specific.route(request, components)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    # No context processors that touch the database: the error may be the database.
    return render(request, "500.html", status=500)
