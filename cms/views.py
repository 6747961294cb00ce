"""Serving pages in the reader's language, with German as fallback, and the site's small
utility views (robots.txt, document downloads, health check, error pages)."""

import sys
from functools import cache, wraps
from http import HTTPMethod

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from wagtail import hooks
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.url_routing import RouteResult

from cms.caching import memo
from cms.caching.policy import allow_sharing
from cms.i18n import active_language, attach_locales, locale_for_language
from cms.patches.document_content_encoding import without_bogus_content_encoding

# What a page answers unless its type declares its own allowed_http_methods: reading, and
# POST for pages with forms (CSRF-checked; a page that ignores it shows itself). PUT, PATCH
# and DELETE get a clear 405 instead of the page.
PAGE_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]
# What views that only show something answer (search, robots.txt, document downloads).
READ_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD]


def read_only(view):
    """GET and HEAD (which Django answers like GET, without the body) only, as Django's
    require_safe, but anything else gets the site's own 405 page with Allow."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            return method_not_allowed(request, READ_METHODS)
        return view(request, *args, **kwargs)

    return wrapper


def serve_with_fallback(request, path):
    """Wagtail's serve, but a page missing in the reader's language is served in German
    (the template then shows a notice in the reader's language). Public pages are marked
    shareable for the page cache and the proxy. What the render derives from the tree is
    remembered per content generation (cms.caching.memo), except for restricted pages."""
    with memo.serving(request):
        return _serve(request, path)


def _serve(request, path):
    page, args, kwargs = _route(request, path)
    methods = _allowed_methods(page)
    if request.method not in methods:
        return method_not_allowed(request, methods)
    if request.method == HTTPMethod.OPTIONS:
        return HttpResponse(headers={"Allow": ", ".join(methods)})
    restricted = bool(_view_restrictions_once(page))
    if restricted:
        memo.forget_for_this_request(request)  # a private page's render is never reused
    elif getattr(page, "cache_public", True):
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
    """The live page at `path` in the reader's language, else the German one.

    Wagtail's own routing walks the tree one level at a time (two queries per level, then
    the fallback walks it again); Wagtail keeps every page's `url_path` as the slugs from the
    tree root, so one query finds the page in both languages. Used only while no page type
    routes itself (RoutablePageMixin and the like); then Wagtail's walk is the truth.

    Which page a (host, language, path) leads to is remembered per content generation
    (cms.caching.memo); the page itself is read afresh, live, on every request."""
    site = memo.remembered(("site", request.get_port()), lambda: Site.find_for_request(request))
    if site is None:
        raise Http404
    request._wagtail_site = site  # what Site.find_for_request would keep on the request
    roots = memo.site_root_paths()
    if roots is not None:
        request._wagtail_cached_site_root_paths = roots  # page.get_url(request) reads these
    if not _all_pages_route_plainly():
        return _walk(request, site, path)
    found = memo.remembered(("route", path), lambda: _find(site, path))
    page = _live_specific(*found, path) if found else None
    if page is None and found and memo.active():  # gone or moved since: ask afresh
        found = _find(site, path)
        page = _live_specific(*found, path) if found else None
    if page is None:
        raise Http404
    attach_locales([page])  # the templates read page.locale
    route = RouteResult(page)
    request._wagtail_route_for_request = route  # what Page.route_for_request would cache
    return route


def _live_specific(content_type_id, pk, path):
    """The live page, as its own type, if it is still at `path` (below its language's root)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = next(iter(model.objects.filter(pk=pk, live=True)[:1]), None)
    return page if page is not None and page.url_path.endswith("/" + _suffix(path)) else None


def _suffix(path) -> str:
    return "".join(f"{component}/" for component in path.split("/") if component)


def _find(site, path) -> tuple[int, int] | None:
    """(content type id, pk) of the live page at `path` in the reader's language, else in
    German; None when there is none."""
    locales = [locale_for_language(active_language())]
    default = locale_for_language(settings.LANGUAGE_CODE)
    if default != locales[0]:
        locales.append(default)
    suffix = _suffix(path)
    site_root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    wanted = Q()
    for locale in locales:
        root_path = Page.objects.filter(
            locale=locale, translation_key=Subquery(site_root_key[:1])
        ).values("url_path")[:1]
        wanted |= Q(locale=locale, url_path=Concat(Subquery(root_path), Value(suffix),
                                                   output_field=TextField()))
    found = {page["locale_id"]: (page["content_type_id"], page["pk"])
             for page in Page.objects.live().filter(wanted)
             .values("locale_id", "content_type_id", "pk")}
    return next((found[locale.pk] for locale in locales if locale.pk in found), None)


@cache
def _all_pages_route_plainly() -> bool:
    return all(model.route is Page.route for model in get_page_models())


def _walk(request, site, path):
    route = Page.route_for_request(request, path)
    if route is not None:
        return route
    if active_language() == Locale.get_default().language_code:
        raise Http404
    root = site.root_page.get_translation_or_none(Locale.get_default())
    if root is None:
        raise Http404
    components = [c for c in path.split("/") if c]
    return root.specific.route(request, components)


def _view_restrictions_once(page):
    """The sharing policy here and Wagtail's check_view_restrictions hook both ask for the
    page's restrictions; the routed page lives for this request only, so it may keep the
    evaluated queryset. Read on every request, never remembered."""
    restrictions = view_restrictions(page)
    list(restrictions)  # evaluate once; iterating or .exists() again reads the kept rows
    page.get_view_restrictions = lambda: restrictions
    return restrictions


def view_restrictions(page):
    """Wagtail's Page.get_view_restrictions() (those of the page and its ancestors, an alias
    standing for its source page) in one query instead of two. Which pages to ask for is the
    tree's shape, remembered per content generation (cms.caching.memo); the restrictions
    themselves are read every time."""
    targets = _restriction_targets(page)
    if memo.active():
        targets = memo.remembered(("restriction-targets", page.pk), lambda: list(targets))
    return PageViewRestriction.objects.filter(page_id__in=targets)


def _restriction_targets(page):
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    return (Page.objects.filter(path__in=paths)
            .annotate(target=Coalesce("alias_of_id", "id")).values_list("target", flat=True))


def _allowed_methods(page) -> list[str]:
    declared = type(page).allowed_http_methods
    methods = PAGE_METHODS if declared is Page.allowed_http_methods else declared
    return [str(method.value if hasattr(method, "value") else method) for method in methods]


@read_only
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@read_only
def serve_document(request, document_id, document_filename):
    """Wagtail's document download (its privacy checks for collections included), for GET and
    HEAD only, without the bogus Content-Encoding header Wagtail adds."""
    response = wagtail_serve_document(request, document_id, document_filename)
    return without_bogus_content_encoding(response)


@read_only
def healthz(request):
    """Liveness: the process answers. Asks no dependency, so an outage elsewhere never gets
    a healthy web process restarted."""
    return HttpResponse("ok", content_type="text/plain")


@read_only
def healthz_ready(request):
    """Readiness: each dependency asked once, with short timeouts; 503 when the site cannot
    serve (the database), 200 with "degraded" when it serves without something."""
    from cms.health import readiness

    status, checks = readiness()
    response = JsonResponse({"status": status, "checks": checks},
                            status=503 if status == "unavailable" else 200)
    response["Cache-Control"] = "no-store"
    return response


# --- Error pages -------------------------------------------------------------------------
# In the language of the address's prefix when it is one of ours, else German; never in the
# browser's preferred language, which would make /xx/ answer differently for each reader.


def error_language(request) -> str:
    prefix = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
    return prefix if prefix in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


# One template (error.html) for every error page but 500's; what it says, per status.
ERROR_TEXTS = {
    400: (_("Bad request"),
          _("Your browser sent a request we could not understand. Please check the address.")),
    403: (_("Access denied"),
          _("You may not open this page, or the form you sent has expired. Please go back, "
            "reload the page and try again.")),
    404: (_("Page not found"),
          _("We could not find this page. It may have moved, or the address may have a typing "
            "mistake.")),
    405: (_("Not possible here"), _("This address can only be read, not changed.")),
    429: (_("Too many attempts"),
          _("You have tried this too often in a short time. Please wait a few minutes and "
            "try again.")),
    503: (_("Temporarily unavailable"),
          _("The guides cannot be loaded right now because of a technical problem on our side. "
            "Nothing is lost. Please try again in a minute.")),
}


def render_error(request, status, template="error.html"):
    heading, message = ERROR_TEXTS.get(status, ("", ""))
    with translation.override(error_language(request)):
        # `status` tells the layout it is an error page, which asks the database nothing.
        response = render(request, template,
                          {"heading": heading, "message": message, "status": status},
                          status=status)
        response.headers["Content-Language"] = translation.get_language()
    return response


def page_not_found(request, exception=None):
    return render_error(request, 404)


def bad_request(request, exception=None):
    return render_error(request, 400)


def permission_denied(request, exception=None):
    return render_error(request, 403)


def too_many_requests(request, exception=None):
    return render_error(request, 429)


def csrf_failure(request, reason=""):
    return render_error(request, 403)


def method_not_allowed(request, methods):
    response = render_error(request, 405)
    response["Allow"] = ", ".join(methods)
    return response


def server_error(request):
    from cms.health import database_unavailable

    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    # A page of its own (not base.html): whatever failed may be used by the site's layout.
    return render_error(request, 500, template="500.html")


def service_unavailable(request):
    """The database cannot be reached: a temporary state, said so, with when to try again.
    Nothing on this page asks the database."""
    from cms.health import RETRY_AFTER_SECONDS

    if request.path_info.startswith("/api/"):
        response = JsonResponse({"error": "service unavailable",
                                 "retry_after": RETRY_AFTER_SECONDS}, status=503)
    else:
        response = render_error(request, 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
