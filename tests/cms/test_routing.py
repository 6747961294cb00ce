"""The site finds pages by their path in one query (cms.views._route). It must find exactly
what Wagtail's own level-by-level routing finds, including the German fallback."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page

from cms import views

pytestmark = pytest.mark.django_db

LANGUAGES = ("de", "ar", "fa")


def routed(route_function, language, path):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        try:
            if route_function is views._walk:
                return views._walk(request, views.Site.find_for_request(request), path)[0]
            return route_function(request, path)[0]
        except Http404:
            return None


def every_path():
    german = Locale.objects.get(language_code="de")
    root = Page.objects.get(locale=german, depth=2)
    return ["", *(page.url_path.removeprefix(root.url_path)
                  for page in Page.objects.filter(locale=german, depth__gt=2))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_query_route_finds_what_wagtails_walk_finds(language):
    paths = [*every_path(), "gibt-es-nicht/", "verein-gruenden/gibt-es-nicht/"]
    assert len(paths) > 5
    for path in paths:
        assert routed(views._route, language, path) == routed(views._walk, language, path), path


def test_a_draft_translation_is_not_served_the_german_page_is(client, arabic_guide):
    arabic_guide.unpublish()
    body = client.get("/ar/verein-gruenden/test-guide/").content.decode()
    assert 'lang="de"' in body and "Testleitfaden Vereinsgründung" in body


def test_a_renamed_page_is_found_under_its_new_path_only(client, guide):
    guide.slug = "neuer-name"
    guide.save_revision().publish()
    assert client.get("/de/verein-gruenden/neuer-name/").status_code == 200
    assert client.get("/de/verein-gruenden/test-guide/").status_code == 404


def test_the_routed_page_is_specific_and_cached_for_wagtail(client):
    request = RequestFactory().get("/de/verein-gruenden/test-guide/")
    with translation.override("de"):
        page = views._route(request, "verein-gruenden/test-guide/")[0]
    assert type(page).__name__ == "GuidePage"
    assert request._wagtail_route_for_request[0] is page
