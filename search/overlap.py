"""A search in another language asks the engine twice: in the reader's language and, with the
question's words in German, for the German pages without a translation. The two answers do
not depend on each other, and each spends about half its time waiting for the database. Here
the German one runs on a thread of its own while the reader's is asked, on a connection of
its own, so that one waits while the other computes (benchmarks/RESULTS.md, "Both parts at
once").

Not inside a transaction: another connection would not see what it wrote (a view that wrote
before searching; every test that rolls back). There the call runs where it was made.
"""

from __future__ import annotations

import contextvars
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.db import connections

_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def start(function, *args) -> Future:
    """function(*args) on the search thread, with the caller's context (active language, the
    search's memo); or at once, here, where it may not overlap."""
    if not may_overlap():
        return _done(function, *args)
    context = contextvars.copy_context()
    return _pool().submit(context.run, _on_own_connection, function, *args)


def may_overlap() -> bool:
    if not getattr(settings, "SEARCH_OVERLAP_PARTS", True):
        return False
    return not any(c.in_atomic_block for c in connections.all(initialized_only=True))


def _done(function, *args) -> Future:
    future = Future()
    try:
        future.set_result(function(*args))
    except BaseException as error:  # re-raised by result(), as from the thread
        future.set_exception(error)
    return future


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            # One thread: a search asks for one German part at a time; a threaded server's
            # searches queue for it rather than open a connection each.
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-german")
        return _executor


def _on_own_connection(function, *args):
    # The thread keeps its connection from search to search (opening one costs about as much
    # as the overlap saves), checked first as CONN_HEALTH_CHECKS would: the database may have
    # restarted since the last search.
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            connection.close()
    return function(*args)


def shutdown() -> None:
    """Close the thread's connections and stop it (before a test database is dropped)."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.submit(connections.close_all).result()
        executor.shutdown()
