"""Is the site able to serve, and what is down? The readiness check behind /healthz/ready/,
and the test of an exception that tells the 500 handler to answer 503 instead.

Liveness (/healthz/, /healthz/live/) asks nothing: the process answers. Readiness asks each
dependency once, each with a short timeout, and names what is down. Only the database makes
the site unready; without Redis pages are served uncached, without the broker tasks wait in
the outbox, without Elasticsearch the database engine answers, so those are "degraded".
"""

import time

from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connections

# Seconds a client should wait before asking again while the database is unreachable.
RETRY_AFTER_SECONDS = 30
# SQLite's words for a database file it cannot use right now (locked, busy, missing).
_SQLITE_UNAVAILABLE = ("database is locked", "unable to open database file", "disk i/o error")


def database_unavailable(error: BaseException | None, alias: str = "default") -> bool:
    """True when `error` means the database cannot be reached (refused, silent, gone away,
    locked), as opposed to a bug such as a missing table."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    connection = connections[alias].connection
    if connection is None or getattr(connection, "closed", False):
        return True  # connecting failed, or the server closed the connection
    return any(words in str(error).lower() for words in _SQLITE_UNAVAILABLE)


def _timed(check):
    started = time.monotonic()
    try:
        detail = check()
        ok = True
    except Exception as error:  # each dependency raises its own kind
        detail, ok = f"{type(error).__name__}: {error}"[:300], False
    return {"ok": ok, "detail": detail, "ms": round((time.monotonic() - started) * 1000)}


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
    return connections["default"].vendor


def check_cache():
    cache = caches["default"]
    if not hasattr(cache, "_breaker"):
        return "local memory (this process only)"
    cache._cache.get_client().ping()  # bypasses the breaker: the question is "now?"
    return "redis"


def check_broker():
    from celery import current_app

    from cms.outbox import dispatch
    from cms.outbox.models import PendingTask

    waiting = PendingTask.objects.count()
    if current_app.conf.task_always_eager:
        return f"none: tasks run in-process; {waiting} waiting in the outbox"
    with current_app.connection_for_write(
            connect_timeout=dispatch.PUBLISH_TIMEOUT,
            transport_options=dispatch.PUBLISH_TRANSPORT_OPTIONS) as connection:
        connection.ensure_connection(max_retries=1)
        connection.default_channel  # noqa: B018 - opening the channel talks to the broker
    return f"{connection.transport_cls}; {waiting} waiting in the outbox"


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}
REQUIRED = {"database"}


def register_check(name: str, check) -> None:
    """Apps above cms add their own dependency (search: Elasticsearch) at start-up."""
    CHECKS[name] = check


def readiness() -> tuple[str, dict]:
    """("ready" | "degraded" | "unavailable", {dependency: {ok, detail, ms}})."""
    results = {}
    for name, check in CHECKS.items():
        if name != "database" and not results.get("database", {}).get("ok", True):
            # The outbox count and the engine need the database: not worth a second timeout.
            results[name] = {"ok": None, "detail": "not checked: the database is down",
                             "ms": 0}
            continue
        results[name] = _timed(check)
    down = {name for name, result in results.items() if result["ok"] is False}
    if down & REQUIRED:
        return "unavailable", results
    return ("degraded" if down else "ready"), results

