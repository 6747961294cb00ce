"""Every answer carries a Content-Security-Policy and a Permissions-Policy: strict on the
public site (cached answers included), widened only as far as Wagtail's admin needs; no
third party (such as gravatar.com) is asked for anything."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, set[str]]:
    policy = response.headers["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = set(values)
    return parsed


@pytest.mark.parametrize("path", [
    "/de/", "/ar/verein-gruenden/test-guide/", "/de/search/?q=Satzung", "/de/gibt-es-nicht/",
    "/api/v1/search/?q=Satzung", "/robots.txt",
])
def test_public_answers_have_a_strict_policy(client, path):
    policy = directives(client.get(path))
    assert policy["default-src"] == {"'none'"}
    assert policy["script-src"] == {"'self'"}  # no inline script, no eval, nothing foreign
    assert policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"} and policy["base-uri"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["form-action"] == {"'self'"}


def test_a_page_from_the_page_cache_keeps_its_policy(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    url = "/de/verein-gruenden/test-guide/?policy-test"
    client.get(url)
    cached = client.get(url)
    assert cached.headers["X-Page-Cache"] == "hit"
    assert directives(cached)["script-src"] == {"'self'"}


def test_the_admin_gets_only_what_wagtail_needs(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert policy["frame-ancestors"] == {"'self'"}  # previews frame the admin itself
    assert policy["object-src"] == {"'none'"} and policy["default-src"] == {"'none'"}
    assert "gravatar.com" not in response.content.decode()


def test_powerful_browser_features_are_off(client):
    header = client.get("/de/").headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "browsing-topics"):
        assert f"{feature}=()" in header
