"""The render memo (cms/caching/memo.py): the same HTML as working everything out afresh,
cold and warm, and any change (cms.changes) shows at once in every language."""

import uuid

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/{lang}/", "/{lang}/verein-gruenden/", "/{lang}/verein-gruenden/test-guide/",
         "/{lang}/behoerden/zweiter-leitfaden/", "/{lang}/foerdermittel/test-foerderung/",
         "/{lang}/glossar/"]
GUIDE = "/{lang}/verein-gruenden/test-guide/"


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def pages(lang):
    return [page.format(lang=lang) for page in PAGES]


def assert_same_as_uncached(client, settings, urls):
    settings.RENDER_MEMO_ENABLED = False
    reference = {url: html(client, url) for url in urls}
    settings.RENDER_MEMO_ENABLED = True
    for attempt in ("cold", "warm"):
        for url in urls:
            assert html(client, url) == reference[url], (attempt, url)


@pytest.mark.parametrize("lang", ["de", "ar", "uk"])
def test_remembered_renders_are_the_same_html(client, settings, render_memo, lang):
    assert_same_as_uncached(client, settings, pages(lang))


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_step_navigation_is_the_same_html(client, settings, render_memo, lang):
    from cms.models import TopicPage
    from tests.factories import GuidePageFactory

    TopicPage.objects.filter(slug="verein-gruenden").update(is_step_by_step=True)
    topic = TopicPage.objects.get(slug="verein-gruenden", locale__language_code="de")
    GuidePageFactory(parent=topic, slug="naechster-schritt")
    assert_same_as_uncached(client, settings, [GUIDE.format(lang=lang),
                                               f"/{lang}/verein-gruenden/"])
    assert "naechster-schritt" in html(client, GUIDE.format(lang=lang))


def test_a_redis_outage_renders_the_same_pages(client, settings, render_memo, monkeypatch):
    """Redis down: every generation read is a miss and a new value, so nothing is reused."""
    urls = pages("ar")
    settings.RENDER_MEMO_ENABLED = False
    reference = {url: html(client, url) for url in urls}
    settings.RENDER_MEMO_ENABLED = True
    monkeypatch.setattr("cms.caching.memo.current_generation", lambda: uuid.uuid4().hex)
    for url in urls * 2:
        assert html(client, url) == reference[url], url


def test_a_published_title_shows_at_once_in_every_language(client, render_memo, publish):
    from cms.models import GuidePage

    second = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    shown_on = ["/de/behoerden/", "/ar/behoerden/", GUIDE.format(lang="de"),
                GUIDE.format(lang="ar"), "/ar/behoerden/zweiter-leitfaden/"]
    for url in shown_on:
        html(client, url)
    second.title = "Neuer Titel überall"
    publish(second)
    for url in shown_on:
        assert "Neuer Titel überall" in html(client, url), url


def test_unpublishing_leaves_routes_and_lists_at_once(client, render_memo, committed):
    from cms.models import GuidePage

    german_only = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    html(client, "/ar/behoerden/zweiter-leitfaden/")
    html(client, GUIDE.format(lang="ar"))
    with committed():
        german_only.unpublish()
    assert client.get("/ar/behoerden/zweiter-leitfaden/").status_code == 404
    assert client.get("/de/behoerden/zweiter-leitfaden/").status_code == 404
    assert "zweiter-leitfaden" not in html(client, GUIDE.format(lang="ar"))


def test_a_glossary_change_shows_at_once(client, render_memo, committed):
    from cms.models import GlossaryTerm

    for lang in ("de", "ar"):
        html(client, GUIDE.format(lang=lang))
        html(client, f"/{lang}/glossar/")
    for term in GlossaryTerm.objects.filter(slug="satzung"):
        with committed():
            term.definition = f"Neu erklärt ({term.locale.language_code})"
            term.save()
    for lang in ("de", "ar"):
        assert f"Neu erklärt ({lang})" in html(client, GUIDE.format(lang=lang))
        assert f"Neu erklärt ({lang})" in html(client, f"/{lang}/glossar/")


def test_a_new_site_address_shows_at_once(client, settings, render_memo, committed):
    from cms.site_url import sync_default_site

    assert 'href="http://testserver/ar/verein-gruenden/test-guide/"' in \
        html(client, GUIDE.format(lang="de"))
    settings.WAGTAILADMIN_BASE_URL = "https://wegweiser.example.org"
    with committed():
        assert sync_default_site()
    body = html(client, GUIDE.format(lang="de"))
    assert 'href="https://wegweiser.example.org/ar/verein-gruenden/test-guide/"' in body


def test_a_redirect_starts_a_new_generation(render_memo, committed):
    from wagtail.contrib.redirects.models import Redirect

    from cms.caching.invalidation import current_generation

    before = current_generation()
    with committed():
        Redirect.objects.create(old_path="/de/alt", redirect_link="/de/")
    assert current_generation() != before


def test_a_restriction_is_checked_on_every_request(client, render_memo, guide):
    """Even without its commit (no new generation): the restriction is never remembered."""
    from wagtail.models import PageViewRestriction

    url = GUIDE.format(lang="de")
    html(client, url)
    html(client, url)
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert client.get(url).status_code == 302


def test_the_userbar_is_only_for_editors(client, admin_client, render_memo):
    url = GUIDE.format(lang="de")
    assert "wagtail-userbar" not in html(client, url)
    assert "wagtail-userbar" in html(admin_client, url)
    assert "wagtail-userbar" not in html(Client(), url)
