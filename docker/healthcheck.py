#!/usr/bin/env python
"""Container health checks for Wegweiser; standard library only, so they start fast.

    healthcheck.py http URL   web: GET URL (the /healthz/ view) must answer 200.
    healthcheck.py beat       beat: a `celery ... beat` process is alive and the broker
                              (CELERY_BROKER_URL) accepts TCP connections.

The worker is checked with `celery inspect ping` instead (see docker-compose.yml).
Exit status 0 means healthy; on failure the reason is printed for `docker inspect`.
"""

import http.client
import os
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

TIMEOUT = 5


def probe_host(allowed_hosts: str) -> str:
    """A Host header that Django accepts: the first ALLOWED_HOSTS entry.

    Without it the probe's Host would be 127.0.0.1, which production's ALLOWED_HOSTS does not
    list, and Django would answer 400 (DisallowedHost).
    """
    for entry in allowed_hosts.split(","):
        entry = entry.strip()
        if not entry:
            continue
        if entry == "*":
            return "localhost"
        # ".example.org" matches example.org and its subdomains.
        return entry.lstrip(".")
    return "localhost"


def check_http(url: str) -> str | None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname or "127.0.0.1", parts.port or 80, timeout=TIMEOUT
    )
    headers = {
        "Host": probe_host(os.environ.get("ALLOWED_HOSTS", "")),
        # /healthz/ is exempt from the HTTPS redirect anyway; this keeps the probe working if
        # that exemption is ever dropped. Redirects are deliberately not followed.
        "X-Forwarded-Proto": "https",
        "User-Agent": "wegweiser-healthcheck",
    }
    try:
        connection.request("GET", parts.path or "/", headers=headers)
        response = connection.getresponse()
        body = response.read(200)
    except OSError as error:
        return f"{url}: {error}"
    finally:
        connection.close()
    if response.status != 200:
        return f"{url}: HTTP {response.status} {body!r}"
    return None


def celery_beat_running() -> bool:
    own_pid = str(os.getpid())
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or proc.name == own_pid:
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        names = [Path(arg.decode(errors="replace")).name for arg in argv if arg]
        # `celery ... beat` or `python .../celery ... beat`; the container's init process and
        # the entrypoint shell carry the same words further along their argv and must not
        # count: if celery exits they exit too.
        if "beat" in names and any(name.startswith("celery") for name in names[:2]):
            return True
    return False


def check_broker(url: str) -> str | None:
    if not url:
        return "CELERY_BROKER_URL is not set"
    parts = urlsplit(url)
    host, port = parts.hostname or "localhost", parts.port or 6379
    try:
        with socket.create_connection((host, port), timeout=TIMEOUT):
            return None
    except OSError as error:
        return f"broker {host}:{port}: {error}"


def check_beat() -> str | None:
    if not celery_beat_running():
        return "no celery beat process is running"
    return check_broker(os.environ.get("CELERY_BROKER_URL", ""))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "http":
        problem = check_http(argv[1])
    elif argv == ["beat"]:
        problem = check_beat()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if problem:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    print("healthy")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
