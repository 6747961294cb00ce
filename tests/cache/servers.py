"""Real servers for the cache tests: the Django app on a socket, sharing the test's database
connection (so it sees the test's uncommitted data and everything is rolled back after), and
varnishd in front of it with the project's own VCL."""

import http.client
import os
import re
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from tests.processes import free_port, stop, wait_for_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VCL = PROJECT_ROOT / "docker" / "varnish" / "default.vcl"


@contextmanager
def app_server():
    """Django's WSGI server in a thread, one request per connection, on the test's connection.

    Single-threaded on purpose: the test's connection is shared, so requests must not overlap
    (the tests send one at a time).
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connections

    class OneRequestHandler(WSGIRequestHandler):
        def handle(self):
            self.close_connection = True
            self.handle_one_request()

        def log_message(self, *args):
            pass

    server = WSGIServer(("127.0.0.1", 0), OneRequestHandler, ipv6=False)
    server.set_app(WSGIHandler())
    # As Django's test client does: closing "old" connections after a request would end the
    # test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    connection = connections["default"]  # the wrapper itself, not the thread-local proxy
    connection.inc_thread_sharing()

    def run():
        connections["default"] = connection
        server.serve_forever(poll_interval=0.05)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
        connection.dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def varnishd_path() -> str | None:
    return shutil.which("varnishd") or next(
        (p for p in ("/usr/sbin/varnishd", "/usr/local/sbin/varnishd") if os.path.exists(p)),
        None)


def local_vcl(web_port: int, media_port: int | None = None) -> str:
    """The project's VCL with the compose service names replaced by local addresses; only
    127.0.0.1 may purge."""
    vcl = VCL.read_text(encoding="utf-8")
    vcl = re.sub(r'(backend web \{\s*\.host = )"web";\s*\.port = "8000";',
                 rf'\1"127.0.0.1"; .port = "{web_port}";', vcl)
    vcl = re.sub(r'(backend media \{\s*\.host = )"media";\s*\.port = "80";',
                 rf'\1"127.0.0.1"; .port = "{media_port or web_port}";', vcl)
    vcl = re.sub(r'\s*\("(web|worker|beat)"\);', "", vcl)
    assert '"web"' not in vcl and '"media"' not in vcl, "the VCL's backends changed shape"
    return vcl


@contextmanager
def varnish(web_port: int, media_port: int | None = None):
    binary = varnishd_path()
    workdir = Path(tempfile.mkdtemp(prefix="wegweiser-varnish-"))
    vcl_file = workdir / "test.vcl"
    vcl_file.write_text(local_vcl(web_port, media_port), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [binary, "-F", "-j", "none", "-n", str(workdir / "n"), "-f", str(vcl_file),
         "-a", f"127.0.0.1:{port}", "-T", "none", "-s", "malloc,32m",
         "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        wait_for_port(port, process, timeout=20.0)
        yield port
    finally:
        stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


def request(port, method, path, headers=None, source="127.0.0.1"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                      source_address=(source, 0))
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def nginx_path() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx")
                                     else None)


@contextmanager
def nginx(server_conf: str, workdir: Path):
    """nginx in the foreground with one server block (already pointing at local paths)."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    os.chmod(workdir, 0o755)  # workers may run as another user when the tests run as root
    (workdir / "server.conf").write_text(
        server_conf.replace("listen 80;", f"listen 127.0.0.1:{port};"), encoding="utf-8")
    (workdir / "nginx.conf").write_text(f"""
worker_processes 1;
error_log stderr warn;
pid {workdir}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    include {workdir}/server.conf;
}}
""", encoding="utf-8")
    process = subprocess.Popen(
        [nginx_path(), "-p", str(workdir), "-c", str(workdir / "nginx.conf"),
         "-g", "daemon off;"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, process, timeout=20.0)
        yield port
    finally:
        stop(process)
