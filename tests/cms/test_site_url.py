"""The public address comes from BASE_URL: sitemap.xml, hreflang links and the API name it, not
the `localhost` of the first migration, and `check --deploy` refuses an address readers
cannot reach (tests/deploy/test_check_deploy.py runs it as a deploy would)."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.site_url import check_base_url, sync_default_site

pytestmark = pytest.mark.django_db

PUBLIC = "https://wegweiser.example.org"


@pytest.fixture
def public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["wegweiser.example.org", "testserver"]
    assert sync_default_site() is True
    return PUBLIC


def test_the_test_database_already_names_the_configured_host():
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)


def test_sitemap_hreflang_and_api_name_the_configured_address(client, guide, public_address):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{PUBLIC}/de/verein-gruenden/test-guide/</loc>" in sitemap
    assert "localhost" not in sitemap and "testserver" not in sitemap

    page = client.get("/de/verein-gruenden/test-guide/").content.decode()
    assert f'hreflang="ar" href="{PUBLIC}/ar/verein-gruenden/test-guide/"' in page

    api = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert api["meta"]["html_url"] == f"{PUBLIC}/de/verein-gruenden/test-guide/"
    assert api["meta"]["detail_url"].startswith(f"{PUBLIC}/api/v2/pages/")


def test_migrate_applies_a_changed_address_once(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://neu.example.org"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("neu.example.org", 443)
    assert site.root_url == "https://neu.example.org"
    assert sync_default_site() is False  # nothing left to change


def test_a_cached_page_shows_the_new_address_at_once(client, guide, settings,
                                                    django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_ENABLED = True
    url = "/de/verein-gruenden/test-guide/"
    assert "http://testserver/ar/" in client.get(url).content.decode()
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    with django_capture_on_commit_callbacks(execute=True):
        sync_default_site()
    assert f"{PUBLIC}/ar/" in client.get(url).content.decode()


@pytest.mark.parametrize(("url", "hosts", "ids"), [
    ("https://wegweiser.example.org", ["wegweiser.example.org"], set()),
    ("https://wegweiser.example.org/", [".example.org"], set()),
    ("http://wegweiser.example.org", ["wegweiser.example.org"], {"wegweiser.E101"}),
    ("https://127.0.0.1:8000", ["127.0.0.1"], {"wegweiser.E102"}),
    ("https://localhost", ["*"], {"wegweiser.E102"}),
    ("https://andere.example.net", ["wegweiser.example.org"], {"wegweiser.E103"}),
    ("https://wegweiser.example.org/wegweiser/", ["wegweiser.example.org"], {"wegweiser.E104"}),
])
def test_check_deploy_refuses_an_address_readers_cannot_reach(settings, url, hosts, ids):
    settings.WAGTAILADMIN_BASE_URL, settings.ALLOWED_HOSTS = url, hosts
    assert {problem.id for problem in check_base_url()} == ids
