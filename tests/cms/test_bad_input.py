"""Bad addresses and odd requests get the site's own 400/404/405 pages in the right language
(the prefix's language when it is one of ours, German otherwise), never a 500 or a trace."""

import re
import time

import pytest
from django.test import Client

from tests.deploy._support import PROJECT_ROOT, production_environment, run_manage
from tests.processes import fetch, gunicorn

pytestmark = pytest.mark.django_db

GUIDE = "/de/verein-gruenden/test-guide/"
TITLES = {
    (404, "de"): "Seite nicht gefunden",
    (404, "ar"): "الصفحة غير موجودة",
    (400, "de"): "Ungültige Anfrage",
    (400, "ar"): "طلب غير صالح",
    (405, "de"): "Hier nicht möglich",
    (403, "de"): "Zugriff verweigert",
}


def assert_own_error_page(response, status, lang):
    body = response.content.decode()
    assert response.status_code == status, body[:300]
    direction = "rtl" if lang in {"ar", "fa"} else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in body
    assert f"<h1>{TITLES[(status, lang)]}</h1>" in body
    assert response["Content-Language"] == lang
    assert "Traceback" not in body and "Exception" not in body


@pytest.mark.parametrize("path", ["/xx/verein-gruenden/", "/xx/", "/en-zz/foo/", "/DE/foo/"])
def test_unknown_language_prefix_is_a_404_in_german_not_a_redirect(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert_own_error_page(response, 404, "de")


def test_addresses_without_prefix_still_lead_to_the_readers_language(client):
    assert client.get("/")["Location"] == "/de/"
    assert client.get("/ar")["Location"] == "/ar/"
    response = client.get("/verein-gruenden/test-guide/")
    assert response.status_code == 302 and response["Location"] == GUIDE


@pytest.mark.parametrize("path", [
    "/de/%ff/", "/de/%c0%af/", "/de/..%2f..%2fetc/passwd", "/de/<script>alert(1)</script>/",
    "/de/verein-gruenden/test-guide/%ZZ/", "/de/a b/", "/de//verein-gruenden//",
])
def test_malformed_paths_are_a_404(client, path):
    assert_own_error_page(client.get(path), 404, "de")


def test_missing_page_under_arabic_prefix_is_answered_in_arabic(client):
    assert_own_error_page(client.get("/ar/%ff/"), 404, "ar")


def test_nul_characters_are_a_400(client):
    assert_own_error_page(client.get("/de/search/", {"q": "Satzung\x00"}), 400, "de")
    assert_own_error_page(client.get("/ar/search/", {"q\x00": "x"}), 400, "ar")
    assert_own_error_page(client.get("/de/%00/"), 400, "de")


def test_overlong_path_is_a_404_and_overlong_query_a_400(client):
    assert_own_error_page(client.get("/de/" + "abschnitt/" * 300), 404, "de")
    assert_own_error_page(client.get("/ar/" + "x" * 2100), 404, "ar")
    assert_own_error_page(client.get("/de/search/", {"q": "Satzung " * 600}), 400, "de")
    # A long but plausible query is still answered.
    assert client.get("/de/search/", {"q": "Satzung " * 300}).status_code == 200


def test_head_answers_without_body(client):
    response = client.head(GUIDE)
    assert response.status_code == 200 and response.content == b""
    assert client.head("/de/gibt-es-nicht/").status_code == 404


def test_options_lists_the_methods_a_page_answers(client):
    response = client.options(GUIDE)
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"
    assert response.content == b""
    assert client.options("/de/gibt-es-nicht/").status_code == 404


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_writing_to_a_page_is_a_405(client, method):
    response = getattr(client, method)(GUIDE)
    assert_own_error_page(response, 405, "de")
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"


def test_post_without_csrf_token_gets_the_own_403_page():
    response = Client(enforce_csrf_checks=True).post(GUIDE, {"x": "1"})
    assert_own_error_page(response, 403, "de")


@pytest.mark.parametrize(("path", "lang"), [(GUIDE, "de"), ("/ar/", "ar"), ("/xx/", "de")])
def test_host_not_allowed_is_a_400(client, path, lang):
    assert_own_error_page(client.get(path, HTTP_HOST="evil.example"), 400, lang)


# --- Through gunicorn with the production settings (DEBUG off) -----------------------------


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """gunicorn with production settings and collected static files; the database is empty:
    none of these answers needs it."""
    tmp_path = tmp_path_factory.mktemp("production")
    env = production_environment(tmp_path)
    env["LOG_LEVEL"] = "ERROR"
    collected = run_manage("collectstatic", "--noinput", "-v0", env=env, timeout=300)
    assert collected.returncode == 0, collected.stderr
    with gunicorn(env, tmp_path / "server.log", PROJECT_ROOT) as server:
        yield server


@pytest.mark.parametrize(("path", "lang", "title"), [
    ("/de/verein-gruenden/", "de", "Ungültige Anfrage"),
    ("/ar/verein-gruenden/", "ar", "طلب غير صالح"),
    ("/xx/", "de", "Ungültige Anfrage"),
])
def test_gunicorn_answers_a_foreign_host_with_the_own_400_page(production_server, path, lang,
                                                              title):
    status, headers, body = fetch(production_server.port, path, host="evil.example")
    assert status == 400
    assert re.search(rf'<html lang="{lang}" dir="(ltr|rtl)">', body)
    assert f"<h1>{title}</h1>" in body
    assert "Traceback" not in body and "DisallowedHost" not in body
    assert headers["Content-Type"].startswith("text/html")


def test_a_foreign_host_is_one_log_line_not_a_traceback(production_server):
    fetch(production_server.port, "/de/", host="probe-for-the-log.example")
    time.sleep(0.2)  # the worker writes its log line after answering
    log = production_server.log.read_text()
    assert "probe-for-the-log.example" in log  # still recorded for whoever reads the log
    assert "Traceback" not in log


def test_gunicorn_answers_overlong_and_nul_addresses_with_own_pages(production_server):
    status, _headers, body = fetch(production_server.port, "/de/" + "a" * 5000)
    assert status == 404 and "<h1>Seite nicht gefunden</h1>" in body
    status, _headers, body = fetch(production_server.port, "/ar/search/?q=%00")
    assert status == 400 and "<h1>طلب غير صالح</h1>" in body
