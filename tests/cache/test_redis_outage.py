"""What readers and editors get while Redis is down (refused at once) or silent (accepts
connections, never answers): the site keeps serving, uncached, within a second, and what was
published meanwhile shows once Redis is back. Real closed and silent ports, and a real Redis
behind a proxy that is cut and restored. The broker's turn: tests/partners/
test_review_broker_outage.py and tests/search/test_indexing.py; the database's:
tests/cms/test_database_outage.py."""

import time

import pytest
import redis
from django.core.cache import caches

from cms.models import GuidePage
from tests.outages import CuttableProxy, closed_port, silent_port

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/de/", "/ar/", "/de/verein-gruenden/", "/de/verein-gruenden/test-guide/",
    "/ar/verein-gruenden/test-guide/", "/fa/verein-gruenden/test-guide/",
    "/de/foerdermittel/test-foerderung/", "/de/glossar/", "/de/organisationen/",
    "/de/search/?q=Satzung", "/api/v1/search/?q=Satzung&lang=de",
    "/api/v1/search/autocomplete/?q=Sat", "/robots.txt", "/sitemap.xml",
    "/de/gibt-es-nicht/", "/api/v2/pages/",
]
# Redis answers in well under a millisecond; an outage may cost one short timeout.
ONE_SECOND = 1.0


def use_redis(settings, url, **options):
    settings.CACHES = {"default": {"BACKEND": "cms.caching.resilient.ResilientRedisCache",
                                   "LOCATION": url, "KEY_PREFIX": "wegweiser-outage-test",
                                   "OPTIONS": options}}
    settings.PAGE_CACHE_ENABLED = True


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


@pytest.fixture
def answers_with_working_cache(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    return {url: client.get(url).status_code for url in PUBLIC_URLS}


def test_with_redis_refused_every_public_url_answers_as_usual_and_at_once(
        client, settings, answers_with_working_cache):
    use_redis(settings, f"redis://127.0.0.1:{closed_port()}/0")
    for url in PUBLIC_URLS:
        response, took = timed_get(client, url)
        assert response.status_code == answers_with_working_cache[url], url
        assert took < ONE_SECOND, (url, took)
    assert answers_with_working_cache["/de/verein-gruenden/test-guide/"] == 200


def test_with_redis_silent_every_public_url_answers_within_a_second(
        client, settings, answers_with_working_cache):
    with silent_port() as port:
        use_redis(settings, f"redis://127.0.0.1:{port}/0")
        for url in PUBLIC_URLS:
            response, took = timed_get(client, url)
            assert response.status_code == answers_with_working_cache[url], url
            assert took < ONE_SECOND, (url, took)


def test_an_editor_publishes_while_redis_is_down(admin_client, settings, guide,
                                                 django_capture_on_commit_callbacks):
    use_redis(settings, f"redis://127.0.0.1:{closed_port()}/0")
    guide.title = "Veröffentlicht trotz Cache-Ausfall"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
        response = admin_client.post(f"/admin/pages/{guide.pk}/unpublish/")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{guide.get_parent().pk}/"
    guide.refresh_from_db()
    assert guide.title == "Veröffentlicht trotz Cache-Ausfall" and not guide.live


@pytest.fixture
def real_redis():
    url = "redis://127.0.0.1:6379/13"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs the Redis server at 127.0.0.1:6379")
    proxy = CuttableProxy(6379)
    yield proxy
    proxy.cut()
    redis.Redis.from_url(url).flushdb()


def test_a_change_published_while_redis_was_cut_shows_once_it_is_back(
        client, settings, guide, real_redis, django_capture_on_commit_callbacks):
    """The publish could not advance the page cache's generation in Redis; the copy cached
    before the outage must not come back with Redis."""
    use_redis(settings, f"redis://127.0.0.1:{real_redis.port}/13", retry_after=0.2)
    url = "/de/verein-gruenden/test-guide/"
    assert client.get(url).headers["X-Page-Cache"] == "miss"
    assert client.get(url).headers["X-Page-Cache"] == "hit"

    real_redis.cut()
    with django_capture_on_commit_callbacks(execute=True):
        page = GuidePage.objects.get(pk=guide.pk)
        page.title = "Während des Ausfalls geändert"
        page.save_revision().publish()
    assert "Während des Ausfalls geändert" in client.get(url).content.decode()

    real_redis.restore()
    time.sleep(0.3)  # the breaker asks Redis again after retry_after
    assert "Während des Ausfalls geändert" in client.get(url).content.decode()
    response = client.get(url)
    assert "Während des Ausfalls geändert" in response.content.decode()
    assert response.headers["X-Page-Cache"] == "hit"  # and cached again
    caches["default"].clear()
