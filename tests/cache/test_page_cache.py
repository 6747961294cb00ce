"""Django's page cache (the embedded default): public pages are shared, changes show at once,
and nothing personal is ever stored or handed to someone else."""

import pytest
from django.test import Client

from tests.factories import GuidePageFactory, UserFactory

pytestmark = pytest.mark.django_db

GUIDE = "/de/verein-gruenden/test-guide/"
TOPIC = "/de/verein-gruenden/"
FALLBACK = "/fa/verein-gruenden/test-guide/"  # no Persian translation: the German page


def cached(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def test_anonymous_reads_are_shared_and_marked_public(client, page_cache):
    first = client.get(GUIDE)
    second = Client().get(GUIDE)
    assert (cached(first), cached(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "de"
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=600"
        assert "Set-Cookie" not in response.headers


def test_head_is_answered_from_the_cache(client, page_cache):
    client.get(GUIDE)
    response = client.head(GUIDE)
    assert response.status_code == 200 and cached(response) == "hit"


def test_each_address_and_query_is_its_own_entry(client, page_cache):
    client.get("/de/search/", {"q": "Testleitfaden"})
    other = client.get("/de/search/", {"q": "Widerspruch"})
    assert cached(other) == "miss"
    assert "Zweiter Leitfaden Widerspruch" in other.content.decode()
    assert cached(client.get("/ar/verein-gruenden/test-guide/")) == "miss"


@pytest.mark.parametrize("path", ["/de/search/?q=Testleitfaden",
                                  "/api/v1/search/?q=Testleitfaden&lang=de"])
def test_a_search_answered_from_the_cache_is_still_counted(client, page_cache, path):
    from wagtail.contrib.search_promotions.models import Query

    from search.models import SearchLogEntry

    first, second = client.get(path), Client().get(path)
    assert (cached(first), cached(second)) == ("miss", "hit")
    assert second.content == first.content
    assert SearchLogEntry.objects.get(query_string="testleitfaden", locale="de").searches == 2
    assert Query.get("testleitfaden").hits == 2  # Wagtail's own log, for promotions
    # Shared, but the proxy must pass every search on to the app.
    assert set(second["Cache-Control"].split(", ")) == {"public", "no-cache", "max-age=0"}


def test_autocomplete_is_shared_with_the_proxy(client, page_cache):
    path = "/api/v1/search/autocomplete/?q=Satz&lang=de"
    first, second = client.get(path), Client().get(path)
    assert (cached(first), cached(second)) == ("miss", "hit")
    assert second.json() == first.json()
    assert "s-maxage=600" in second["Cache-Control"]


def test_published_change_is_visible_at_once_everywhere_it_shows(client, guide, page_cache,
                                                                publish):
    for url in (GUIDE, TOPIC, FALLBACK):
        client.get(url)
        assert cached(client.get(url)) == "hit", url
    guide.title = "Neuer Titel nach Veröffentlichung"
    publish(guide)
    for url in (GUIDE, TOPIC, FALLBACK):
        response = client.get(url)
        assert cached(response) == "miss", url
        assert "Neuer Titel nach Veröffentlichung" in response.content.decode(), url


def test_a_draft_is_not_shown_and_does_not_evict(client, guide, page_cache):
    client.get(GUIDE)
    guide.title = "Nur ein Entwurf"
    guide.save_revision()
    response = client.get(GUIDE)
    assert cached(response) == "hit"
    assert "Nur ein Entwurf" not in response.content.decode()


def test_unpublished_page_disappears_at_once(client, guide, page_cache, committed):
    client.get(GUIDE)
    client.get(FALLBACK)
    with committed():
        guide.unpublish()
    assert client.get(GUIDE).status_code == 404
    assert client.get(FALLBACK).status_code == 404
    assert "Testleitfaden" not in client.get(TOPIC).content.decode()


def test_new_page_shows_in_cached_search_results_at_once(client, page_cache, publish):
    search = {"q": "Quittungsblock"}
    assert "Quittungsblock führen" not in client.get("/de/search/", search).content.decode()
    page = GuidePageFactory(title="Quittungsblock führen", live=False)
    publish(page)
    assert "Quittungsblock führen" in client.get("/de/search/", search).content.decode()


def test_deleted_and_moved_pages_leave_the_cache(client, page_cache, committed):
    from cms.models import GuidePage, TopicPage

    second = GuidePage.objects.get(slug="zweiter-leitfaden", locale__language_code="de")
    client.get("/de/behoerden/zweiter-leitfaden/")
    target = TopicPage.objects.get(slug="vereinsarbeit", locale__language_code="de")
    with committed():
        second.move(target, pos="last-child")
    # Not the cached page at the old address: Wagtail's redirect to the new one.
    old = client.get("/de/behoerden/zweiter-leitfaden/")
    assert old.status_code == 301
    assert old["Location"].endswith("/de/vereinsarbeit/zweiter-leitfaden/")
    assert client.get("/de/vereinsarbeit/zweiter-leitfaden/").status_code == 200
    with committed():
        GuidePage.objects.get(pk=second.pk).delete()
    assert client.get("/de/vereinsarbeit/zweiter-leitfaden/").status_code == 404


def test_page_made_private_leaves_the_cache_at_once(client, guide, page_cache, committed):
    from wagtail.models import PageViewRestriction

    client.get(GUIDE)
    with committed():
        PageViewRestriction.objects.create(page=guide, restriction_type="login")
    response = client.get(GUIDE)
    assert response.status_code == 302 and "login" in response["Location"]
    assert cached(response) is None


def test_password_protected_page_is_never_shared(client, guide, page_cache, committed):
    from wagtail.models import PageViewRestriction

    with committed():
        PageViewRestriction.objects.create(page=guide, restriction_type="password",
                                           password="geheim")
    form = client.get(GUIDE)
    assert form.status_code == 200 and 'name="password"' in form.content.decode()
    assert "private" in form["Cache-Control"] and cached(form) is None
    reader = Client()
    reader.post(form.content.decode().split('action="')[1].split('"')[0],
                {"password": "geheim", "return_url": GUIDE})
    unlocked = reader.get(GUIDE)
    assert "Testleitfaden Vereinsgründung" in unlocked.content.decode()
    assert unlocked["Cache-Control"] == "private, no-store"
    # The reader who knows the password never fills the cache for everybody else.
    stranger = Client().get(GUIDE)
    assert 'name="password"' in stranger.content.decode()
    assert "Testleitfaden Vereinsgründung</h1>" not in stranger.content.decode()


def test_logged_in_pages_are_private_and_never_served_from_the_cache(client, page_cache):
    Client().get(GUIDE)  # anonymous copy in the cache
    editor = UserFactory(username="redakteurin-a", is_superuser=True)
    client.force_login(editor)
    response = client.get(GUIDE)
    assert cached(response) is None
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]
    assert "userbar" in response.content.decode()  # her edit bar: personal
    # ... and it never reaches an anonymous reader or another user.
    assert "userbar" not in Client().get(GUIDE).content.decode()
    other = Client()
    other.force_login(UserFactory(username="leser-b"))
    answer = other.get(GUIDE)
    assert cached(answer) is None and "userbar" not in answer.content.decode()


def test_admin_response_of_one_user_never_reaches_another(page_cache):
    alice, bob = Client(), Client()
    alice.force_login(UserFactory(username="alice-admin", first_name="Alice",
                                  is_superuser=True))
    bob.force_login(UserFactory(username="bob-admin", first_name="Bob", is_superuser=True))
    first = alice.get("/admin/")
    assert "Alice" in first.content.decode()
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    second = bob.get("/admin/")
    assert "Bob" in second.content.decode() and "Alice" not in second.content.decode()
    assert Client().get("/admin/").status_code == 302  # anonymous: the login, not a copy


def test_a_session_alone_bypasses_the_cache(client, page_cache):
    Client().get(GUIDE)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(GUIDE)
    assert cached(response) is None and response["Cache-Control"] == "private, no-store"


def test_errors_and_other_methods_are_not_shared(client, page_cache):
    missing = client.get("/de/gibt-es-nicht/")
    assert missing.status_code == 404 and cached(missing) is None
    assert "public" not in missing["Cache-Control"]
    assert cached(client.get("/de/gibt-es-nicht/")) is None


def test_cache_off_means_nothing_is_stored(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(GUIDE)
    response = client.get(GUIDE)
    assert cached(response) is None
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=600"  # proxy may


@pytest.mark.parametrize("uses_form", [False, True])
def test_an_answer_with_a_csrf_token_or_cookie_is_never_shared(rf, uses_form):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from cms.caching import policy

    request = rf.get(GUIDE)
    request.user = AnonymousUser()
    policy.allow_sharing(request)
    if uses_form:
        get_token(request)  # what {% csrf_token %} does
    response = HttpResponse("<form></form>")
    assert policy.apply_headers(request, response) is (not uses_form)
    with_cookie = HttpResponse("")
    with_cookie.set_cookie("django_language", "ar")
    assert policy.apply_headers(request, with_cookie) is False
    assert with_cookie["Cache-Control"] == "private, no-store"
