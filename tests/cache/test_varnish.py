"""Through a real Varnish running the project's VCL, in front of the app: public pages are
cached and purged on every change (Wagtail's frontend cache), personal answers never are."""

import pytest
from django.test import Client

from tests.factories import GuidePageFactory, UserFactory

from .servers import app_server, request, varnish, varnishd_path

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(varnishd_path() is None,
                       reason="varnishd is not installed and could not be installed "
                              "(make test runs .ci/system-packages, which needs root and apt-get)"),
]

GUIDE = "/de/verein-gruenden/test-guide/"
FALLBACK = "/fa/verein-gruenden/test-guide/"
TOPIC = "/de/verein-gruenden/"


@pytest.fixture
def proxy(settings):
    """Varnish in front of the app, which purges it; Django's own page cache stays off so that
    every answer shows what Varnish did."""
    from wagtail.models import Site

    host = Site.objects.get(is_default_site=True).hostname
    with app_server() as web_port, varnish(web_port) as port:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                        "LOCATION": f"http://127.0.0.1:{port}"},
        }

        def get(path, method="GET", **headers):
            return request(port, method, path, {"Host": host, **headers})

        get.port = port
        get.host = host
        yield get


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cache_state(answer) -> str:
    return answer[1].get("x-cache")


def test_public_page_is_cached_with_public_headers(proxy):
    first, second = proxy(GUIDE), proxy(GUIDE)
    assert (first[0], second[0]) == (200, 200)
    assert (cache_state(first), cache_state(second)) == ("MISS", "HIT")
    assert second[2] == first[2] and "Testleitfaden Vereinsgründung" in second[2]
    assert second[1]["cache-control"] == "public, max-age=0, s-maxage=600"
    assert "set-cookie" not in second[1]
    head = proxy(GUIDE, method="HEAD")
    assert head[0] == 200 and cache_state(head) == "HIT" and head[2] == ""


def test_published_change_is_purged_in_every_language(proxy, guide, committed):
    for path in (GUIDE, FALLBACK, TOPIC):
        proxy(path)
        assert cache_state(proxy(path)) == "HIT", path
    guide.title = "Durch Varnish sofort sichtbar"
    with committed():
        guide.save_revision().publish()
    for path in (GUIDE, FALLBACK, TOPIC):
        status, headers, body = proxy(path)
        assert status == 200 and headers["x-cache"] == "MISS", path
        assert "Durch Varnish sofort sichtbar" in body, path


def test_unpublished_page_disappears_at_once(proxy, guide, committed):
    proxy(GUIDE)
    proxy(FALLBACK)
    with committed():
        guide.unpublish()
    assert proxy(GUIDE)[0] == 404
    assert proxy(FALLBACK)[0] == 404
    assert "Testleitfaden Vereinsgründung" not in proxy(TOPIC)[2]


def test_a_moved_page_leaves_its_old_address(proxy, guide, committed):
    from cms.models import TopicPage

    proxy(GUIDE)
    assert cache_state(proxy(GUIDE)) == "HIT"
    target = TopicPage.objects.get(slug="behoerden", locale=guide.locale)
    with committed():
        guide.move(target, pos="last-child")
    status, headers, _body = proxy(GUIDE)  # purged, not the copy from before the move
    assert status == 301 and headers["location"].endswith("/de/behoerden/test-guide/")
    assert proxy("/de/behoerden/test-guide/")[0] == 200


def test_searches_pass_the_proxy_so_that_every_one_is_counted(proxy):
    from search.models import SearchLogEntry

    for path in ("/de/search/?q=Testleitfaden", "/api/v1/search/?q=Testleitfaden&lang=de"):
        for _ in range(2):
            status, headers, _body = proxy(path)
            assert status == 200 and headers["x-cache"] == "MISS", path
    assert SearchLogEntry.objects.get(query_string="testleitfaden", locale="de").searches == 4


def test_cached_autocomplete_is_dropped_on_any_change(proxy, committed):
    suggest = "/api/v1/search/autocomplete/?q=Quittungs&lang=de"
    proxy(suggest)
    assert cache_state(proxy(suggest)) == "HIT"
    page = GuidePageFactory(title="Quittungsblock führen", live=False)
    with committed():
        page.save_revision().publish()
    status, headers, body = proxy(suggest)
    assert headers["x-cache"] == "MISS" and "Quittungsblock führen" in body


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def test_logged_in_answers_are_never_cached_or_shared(proxy):
    proxy(GUIDE)  # an anonymous copy is in the cache
    alice = _session_cookie(UserFactory(username="alice", first_name="Alice",
                                        is_superuser=True))
    for _ in range(2):
        status, headers, body = proxy(GUIDE, Cookie=alice)
        assert headers["x-cache"] == "MISS"
        assert headers["cache-control"] == "private, no-store"
        assert "Cookie" in headers["vary"]
        assert "userbar" in body  # her edit bar
    dashboard = proxy("/admin/", Cookie=alice)
    assert "Alice" in dashboard[2] and cache_state(dashboard) == "MISS"
    # Neither the anonymous reader nor Bob ever gets Alice's answers.
    assert "userbar" not in proxy(GUIDE)[2]
    bob = _session_cookie(UserFactory(username="bob", first_name="Bob", is_superuser=True))
    theirs = proxy("/admin/", Cookie=bob)
    assert "Bob" in theirs[2] and "Alice" not in theirs[2]
    assert proxy("/admin/")[0] == 302  # anonymous: sent to the login


def test_csrf_cookie_means_pass(proxy):
    proxy(GUIDE)
    for _ in range(2):
        assert cache_state(proxy(GUIDE, Cookie="csrftoken=abc")) == "MISS"


def test_other_cookies_share_the_public_copy(proxy):
    proxy(GUIDE)
    assert cache_state(proxy(GUIDE, Cookie="django_language=ar; _pk_id=1")) == "HIT"


def test_responses_with_set_cookie_are_not_cached(proxy):
    # The login form sets the CSRF cookie; it is under /admin/ and passed anyway, and its
    # answer says private.
    for _ in range(2):
        status, headers, _body = proxy("/admin/login/")
        assert status == 200 and headers["x-cache"] == "MISS"
        assert "csrftoken" in headers.get("set-cookie", "")


def test_writes_are_passed_to_the_app(proxy):
    # Without a CSRF token Django refuses it, with the site's own page.
    status, headers, body = proxy(GUIDE, method="DELETE")
    assert status == 403 and headers["x-cache"] == "MISS"
    assert '<html lang="de" dir="ltr">' in body and "Traceback" not in body
    assert proxy(GUIDE)[0] == 200


def test_purge_only_from_the_app(proxy):
    proxy(GUIDE)
    refused = request(proxy.port, "PURGE", GUIDE, {"Host": proxy.host}, source="127.0.0.2")
    assert refused[0] == 403
    assert cache_state(proxy(GUIDE)) == "HIT"
    allowed = request(proxy.port, "PURGE", GUIDE, {"Host": proxy.host})
    assert allowed[0] == 200
    assert cache_state(proxy(GUIDE)) == "MISS"


def test_private_page_is_not_cached(proxy, guide, committed):
    from wagtail.models import PageViewRestriction

    proxy(GUIDE)
    with committed():
        PageViewRestriction.objects.create(page=guide, restriction_type="login")
    status, headers, _body = proxy(GUIDE)
    assert status == 302 and headers["x-cache"] == "MISS"


def test_purge_reaches_copies_fetched_under_another_host_name(proxy, guide, committed):
    other_host = {"Host": "127.0.0.1"}  # allowed too; the Wagtail site is named differently
    request(proxy.port, "GET", GUIDE, other_host)
    assert cache_state(request(proxy.port, "GET", GUIDE, other_host)) == "HIT"
    guide.title = "Unter jedem Hostnamen neu"
    with committed():
        guide.save_revision().publish()
    status, headers, body = request(proxy.port, "GET", GUIDE, other_host)
    assert headers["x-cache"] == "MISS" and "Unter jedem Hostnamen neu" in body


def test_renamed_page_leaves_its_old_address(proxy, guide, committed):
    proxy(GUIDE)
    assert cache_state(proxy(GUIDE)) == "HIT"
    guide.slug = "test-guide-neu"
    with committed():
        guide.save_revision().publish()
    status, headers, _body = proxy(GUIDE)
    assert headers["x-cache"] == "MISS"
    assert status == 301 and headers["location"].endswith("/de/verein-gruenden/test-guide-neu/")
    assert proxy("/de/verein-gruenden/test-guide-neu/")[0] == 200
