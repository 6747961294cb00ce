from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import api_router
from cms.directory import views as directory_views
from cms.sitemaps import AllLanguagesSitemap
from feedback import views as feedback_views
from legal import views as legal_views
from search import views as search_views

handler400 = "cms.views.bad_request"
handler403 = "cms.views.permission_denied"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
handler429 = "cms.views.too_many_requests"  # allauth's rate limits answer with it

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Downloads through our wrapper (GET and HEAD only); Wagtail's other document URLs as is.
    re_path(r"^documents/(\d+)/(.*)$", views.serve_document, name="document_download"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/v1/search/", search_views.search_api, name="search_api"),
    path("api/v1/search/autocomplete/", search_views.autocomplete_api,
         name="search_autocomplete"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}),
    path("robots.txt", views.robots_txt),
    path("healthz/", views.healthz),
    path("healthz/live/", views.healthz, name="healthz_live"),
    path("healthz/ready/", views.healthz_ready, name="healthz_ready"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("organisationen/", directory_views.organisation_directory, name="organisation_directory"),
    path("_feedback/<int:page_id>/", feedback_views.answer, name="feedback_answer"),
    path("kontakt/", legal_views.contact, name="contact"),
    path("kontakt/danke/", legal_views.thanks, name="contact_thanks"),
    path("lernen/", include("learning.urls")),
    path("veranstaltungen/", include("events.urls")),
    path("foerderung/", include("funding.urls")),
    path("konto/", include("cms.learners.urls")),
    # Wagtail's own front-end routes, with our serve view in place of Wagtail's.
    *wagtail_urls.urlpatterns[:-1],
    re_path(r"^((?:[\w\-]+/)*)$", views.serve_with_fallback, name="wagtail_serve"),
    prefix_default_language=True,
)
