"""docker/entrypoint.sh and docker/healthcheck.py, run outside a container."""

import http.client
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.processes import free_port, stop, wait_for_port

from ._support import (
    DOCKER_DIR,
    PROJECT_ROOT,
    dockerfile_instructions,
    final_stage,
    production_environment,
)

ENTRYPOINT = DOCKER_DIR / "entrypoint.sh"
HEALTHCHECK = DOCKER_DIR / "healthcheck.py"
VENV_BIN = Path(sys.executable).parent


def load_healthcheck():
    spec = importlib.util.spec_from_file_location("wegweiser_healthcheck", HEALTHCHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


healthcheck = load_healthcheck()


# --- entrypoint.sh ------------------------------------------------------------------------


@pytest.fixture
def stub_python(tmp_path):
    """A `python` first on PATH that logs its arguments instead of running manage.py."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "python"
    stub.write_text('#!/bin/sh\necho "$*" >> "$STUB_LOG"\nexit "${STUB_EXIT:-0}"\n')
    stub.chmod(0o755)
    log = tmp_path / "python-calls.log"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "STUB_LOG": str(log),
        "HOME": str(tmp_path),
    }
    return env, log


def run_entrypoint(env, *command):
    return subprocess.run(
        ["sh", str(ENTRYPOINT), *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_entrypoint_is_valid_posix_sh_and_executable():
    assert subprocess.run(["sh", "-n", str(ENTRYPOINT)], timeout=10).returncode == 0
    assert ENTRYPOINT.read_text().startswith("#!/bin/sh\n")
    assert os.access(ENTRYPOINT, os.X_OK)


@pytest.mark.parametrize("value", [None, "0", ""])
def test_entrypoint_without_run_migrations_only_runs_the_command(stub_python, value):
    env, log = stub_python
    if value is not None:
        env["RUN_MIGRATIONS"] = value
    result = run_entrypoint(env, "echo", "started")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "started\n"
    assert not log.exists()


def test_entrypoint_migrates_and_compiles_before_the_command(stub_python):
    env, log = stub_python
    env["RUN_MIGRATIONS"] = "1"
    result = run_entrypoint(env, "echo", "started")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "started\n"
    manage = PROJECT_ROOT / "manage.py"
    assert log.read_text().splitlines() == [
        f"{manage} migrate --noinput",
        f"{manage} compile_catalogues",
    ]


def test_entrypoint_stops_when_migrations_fail(stub_python):
    env, log = stub_python
    env.update(RUN_MIGRATIONS="1", STUB_EXIT="3")
    result = run_entrypoint(env, "echo", "started")
    assert result.returncode == 3
    assert "started" not in result.stdout
    assert log.read_text().splitlines() == [f"{PROJECT_ROOT / 'manage.py'} migrate --noinput"]


def test_entrypoint_execs_the_command(stub_python):
    """The command replaces the shell (same PID), so it gets the container's signals."""
    env, _ = stub_python
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT), "sh", "-c", "echo $$"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    stdout, _ = process.communicate(timeout=30)
    assert int(stdout.strip()) == process.pid


# --- healthcheck.py -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("allowed_hosts", "host"),
    [
        ("wegweiser.example.org", "wegweiser.example.org"),
        (" wegweiser.example.org , www.example.org", "wegweiser.example.org"),
        (".example.org", "example.org"),
        ("*", "localhost"),
        ("", "localhost"),
    ],
)
def test_probe_host_is_one_django_accepts(allowed_hosts, host):
    assert healthcheck.probe_host(allowed_hosts) == host


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if self.path == "/redirect/":
            self.send_response(301)
            self.send_header("Location", "https://elsewhere.invalid/")
        elif self.headers["Host"] == "wegweiser.example.org" and self.path == "/healthz/":
            self.send_response(200)
        else:
            self.send_response(400)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_http_check_sends_an_allowed_host(http_server, monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "wegweiser.example.org")
    assert healthcheck.check_http(f"{http_server}/healthz/") is None
    monkeypatch.setenv("ALLOWED_HOSTS", "other.example.org")
    assert "HTTP 400" in healthcheck.check_http(f"{http_server}/healthz/")


def test_http_check_does_not_follow_redirects(http_server, monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "wegweiser.example.org")
    assert "HTTP 301" in healthcheck.check_http(f"{http_server}/redirect/")


def test_http_check_reports_a_closed_port():
    assert healthcheck.check_http(f"http://127.0.0.1:{free_port()}/healthz/")


def test_broker_check():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert healthcheck.check_broker(f"redis://127.0.0.1:{port}/0") is None
    assert healthcheck.check_broker(f"redis://127.0.0.1:{free_port()}/0")
    assert healthcheck.check_broker("") == "CELERY_BROKER_URL is not set"


def test_beat_process_is_found(tmp_path):
    fake_celery = tmp_path / "celery"
    fake_celery.write_text("import time\ntime.sleep(60)\n")
    process = subprocess.Popen([sys.executable, str(fake_celery), "-A", "wegweiser", "beat"])
    try:
        deadline = time.monotonic() + 10
        while not healthcheck.celery_beat_running() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert healthcheck.celery_beat_running()
    finally:
        process.kill()
        process.wait()


def test_healthcheck_usage_error():
    assert healthcheck.main([]) == 2
    assert healthcheck.main(["nonsense"]) == 2


# --- The web container's command, end to end (gunicorn, production settings) -------------


@pytest.fixture
def gunicorn_server(tmp_path):
    """The Dockerfile's CMD, through the entrypoint, on a free local port instead of 8000."""
    port = free_port()
    command = json.loads(dict(final_stage(dockerfile_instructions()))["CMD"])
    command[-1] = command[-1].replace("0.0.0.0:8000", f"127.0.0.1:{port}")
    env = production_environment(tmp_path)
    env.update(PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}", WEB_CONCURRENCY="1")
    env.pop("RUN_MIGRATIONS", None)
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT), *command],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port, process)
    except RuntimeError as error:
        pytest.fail(str(error))
    yield port, env
    stop(process, timeout=30)


def run_http_probe(url, env):
    """Exactly the command the Dockerfile's HEALTHCHECK and the compose healthcheck run."""
    return subprocess.run(
        [sys.executable, str(HEALTHCHECK), "http", url],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_web_healthcheck_passes_against_gunicorn_with_production_settings(gunicorn_server):
    port, env = gunicorn_server
    url = f"http://127.0.0.1:{port}/healthz/"
    result = run_http_probe(url, env)
    assert result.returncode == 0, result.stderr
    # Why the probe needs its Host header: production rejects the container's own address.
    env_without_hosts = dict(env, ALLOWED_HOSTS="not-the-site.example.org")
    result = run_http_probe(url, env_without_hosts)
    assert result.returncode == 1
    # DisallowedHost: 400 - or 500 here, because the 400 page's template needs the database
    # and this throw-away SQLite database has no tables (with a migrated one it is 400).
    assert re.search(r"HTTP (400|500)", result.stderr), result.stderr


def test_gunicorn_serves_production_settings(gunicorn_server):
    """Plain HTTP is redirected to HTTPS (SECURE_SSL_REDIRECT), except for /healthz/."""
    port, _ = gunicorn_server

    def get(path, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": "wegweiser.example.org", **headers})
            response = connection.getresponse()
            return response.status, response.getheader("Location"), response.read()
        finally:
            connection.close()

    assert get("/de/") == (301, "https://wegweiser.example.org/de/", b"")
    assert get("/healthz/") == (200, None, b"ok")
