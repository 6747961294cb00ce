"""The database down (refused) or silent: every address answers 503 with Retry-After and the
site's own page in the reader's language (JSON under /api/), quickly; liveness stays 200,
readiness says what is down. gunicorn with the production settings, pointed at a PostgreSQL
URL on a closed or silent port. Error pages themselves ask the database nothing."""

import json
import time

import pytest
from django.test import RequestFactory

from cms import views
from tests.deploy._support import PROJECT_ROOT, production_environment, run_manage
from tests.outages import closed_port, silent_port
from tests.processes import fetch, gunicorn

PAGES = [
    ("/de/", "de", "Vorübergehend nicht erreichbar"),
    ("/de/verein-gruenden/test-guide/", "de", "Vorübergehend nicht erreichbar"),
    ("/de/gibt-es-nicht/", "de", "Vorübergehend nicht erreichbar"),
    ("/ar/verein-gruenden/", "ar", "غير متاح مؤقتًا"),
    ("/de/search/?q=Satzung", "de", "Vorübergehend nicht erreichbar"),
]


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("database-outage")
    env = production_environment(tmp_path)
    env["LOG_LEVEL"] = "CRITICAL"  # each request would log the refused connection
    collected = run_manage("collectstatic", "--noinput", "-v0", env=env, timeout=300)
    assert collected.returncode == 0, collected.stderr
    return env, tmp_path


@pytest.fixture(scope="module")
def refused(environment):
    env, tmp_path = environment
    env = {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/wegweiser"}
    with gunicorn(env, tmp_path / "refused.log", PROJECT_ROOT) as server:
        yield server


@pytest.mark.parametrize(("path", "lang", "title"), PAGES)
def test_pages_answer_503_with_retry_after_in_the_readers_language(refused, path, lang, title):
    status, headers, body = fetch(refused.port, path)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert f'<html lang="{lang}"' in body and f"<h1>{title}</h1>" in body
    assert "no-store" in headers["Cache-Control"]
    assert "Traceback" not in body


def test_the_api_answers_503_in_json(refused):
    status, headers, body = fetch(refused.port, "/api/v2/pages/")
    assert status == 503 and headers["Retry-After"] == "30"
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"error": "service unavailable", "retry_after": 30}


def test_liveness_stays_up_and_readiness_names_the_database(refused):
    assert fetch(refused.port, "/healthz/")[0] == 200
    assert fetch(refused.port, "/healthz/live/")[0] == 200
    status, _headers, body = fetch(refused.port, "/healthz/ready/")
    report = json.loads(body)
    assert status == 503 and report["status"] == "unavailable"
    assert report["checks"]["database"]["ok"] is False
    assert "Connection refused" in report["checks"]["database"]["detail"]
    assert report["checks"]["cache"]["ok"] is None  # not asked: it would not change the answer


def test_robots_txt_needs_no_database(refused):
    status, _headers, body = fetch(refused.port, "/robots.txt")
    assert status == 200 and "Sitemap:" in body


def test_a_silent_database_costs_the_connect_timeout_not_minutes_then_503(environment):
    env, tmp_path = environment
    with silent_port() as port:
        env = {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/wegweiser",
               "DATABASE_CONNECT_TIMEOUT": "2"}
        with gunicorn(env, tmp_path / "silent.log", PROJECT_ROOT) as server:
            started = time.monotonic()
            status, headers, _body = fetch(server.port, "/de/")
            took = time.monotonic() - started
    assert status == 503 and headers["Retry-After"] == "30"
    # The 2 s connect timeout (libpq's minimum) plus a fresh worker's first request: 3.3 s
    # measured beside a test run, 5.3 s once on a loaded 2-core machine. Without the timeout
    # the kernel's SYN retries take about two minutes.
    assert took < 10, took


# --- In-process: the error pages ask the database nothing -----------------------------------
# (What leads to them may: a 404 first looks for a redirect. With the database down that
# look-up fails too, and the answer is the 503 above.)

ERROR_VIEWS = [
    (views.page_not_found, 404), (views.bad_request, 400), (views.permission_denied, 403),
    (views.csrf_failure, 403), (views.service_unavailable, 503), (views.server_error, 500),
    (lambda request: views.method_not_allowed(request, ["GET"]), 405),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("view", "status"), ERROR_VIEWS)
def test_error_pages_make_no_database_query(view, status, django_assert_num_queries):
    request = RequestFactory().get("/ar/verein-gruenden/")
    with django_assert_num_queries(0):
        response = view(request)
    assert response.status_code == status
    assert '<html lang="ar"' in response.content.decode()
