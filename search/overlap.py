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

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.db import connections
from django.utils import translation

from cms.searchable import one_search, this_search

_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()
# One thread with one connection per process. While it works for one search, another
# search (a threaded server) asks its German part itself rather than wait in line.
_idle = threading.Semaphore(1)


def start(function, *args) -> Future:
    """function(*args) on the search thread, in the caller's language and search (its memo of
    what a search reads once); or at once, here, where it may not overlap or the thread is
    busy."""
    if not may_overlap() or not _idle.acquire(blocking=False):
        return _done(function, *args)
    try:
        return _pool().submit(_as_the_caller, function, args, translation.get_language(),
                              this_search())
    except BaseException:
        _idle.release()
        raise


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
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-german")
        return _executor


def _forget_pool() -> None:
    """In a forked child the thread is gone: the next search starts a new one."""
    global _executor, _lock, _idle
    _executor, _lock, _idle = None, threading.Lock(), threading.Semaphore(1)


os.register_at_fork(after_in_child=_forget_pool)


def _as_the_caller(function, args, language, memo):
    # The thread's own context, not a copy of the caller's: Django keeps its cache clients
    # (Redis, and their circuit breakers) per thread and context, and a fresh copy per search
    # would build new ones every time. Only the language and the search's memo are carried.
    # The thread keeps its database connection from search to search (opening one costs
    # about as much as the overlap saves), checked first as CONN_HEALTH_CHECKS would: the
    # database may have restarted since the last search.
    try:
        for connection in connections.all(initialized_only=True):
            if connection.connection is not None and not connection.is_usable():
                connection.close()
        with translation.override(language), one_search(memo):
            return function(*args)
    finally:
        _idle.release()  # before the caller has the result: its next search may use the thread


def shutdown() -> None:
    """Close the thread's connections and stop it (before a test database is dropped)."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.submit(connections.close_all).result()
        executor.shutdown()
