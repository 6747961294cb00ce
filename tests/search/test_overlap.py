"""search.overlap: the German part of a search on a thread of its own. Its results through a
real server are checked in the browser (tests/e2e/test_reader_journey.py); these check what
the thread carries over from the search it works for."""

import threading

from django.core.cache import caches
from django.utils import translation

from cms.searchable import once_per_search, one_search
from search import overlap


def _what_the_part_sees():
    return (threading.current_thread().name, translation.get_language(),
            once_per_search("asked", lambda: "asked again"), id(caches["default"]))


def test_the_part_runs_on_its_thread_in_the_readers_language_and_search():
    with translation.override("ar"), one_search():
        once_per_search("asked", lambda: "asked by the search")
        first = overlap.start(_what_the_part_sees).result()
        second = overlap.start(_what_the_part_sees).result()
    thread, language, memo, cache = first
    assert thread.startswith("search-german") and thread != threading.current_thread().name
    assert language == "ar"  # labels it makes are in the reader's language
    assert memo == "asked by the search"  # what the search read once is not read again
    assert second[3] == cache  # one cache client (Redis, its breaker) for the thread


def test_inside_a_transaction_the_part_runs_where_it_was_asked(db):
    # Another connection would not see what this transaction wrote.
    thread = overlap.start(_what_the_part_sees).result()[0]
    assert thread == threading.current_thread().name


def test_turned_off_the_part_runs_where_it_was_asked(settings):
    settings.SEARCH_OVERLAP_PARTS = False
    thread = overlap.start(_what_the_part_sees).result()[0]
    assert thread == threading.current_thread().name


def test_while_the_thread_works_for_one_search_another_asks_its_part_itself():
    # A threaded server's second search does not wait in line for the first one's part.
    working, done = threading.Event(), threading.Event()

    def long_part():
        working.set()
        done.wait(10)
        return threading.current_thread().name

    first = overlap.start(long_part)
    assert working.wait(10)
    try:
        assert overlap.start(_what_the_part_sees).result()[0] == threading.current_thread().name
    finally:
        done.set()
    assert first.result().startswith("search-german")
    assert overlap.start(_what_the_part_sees).result()[0].startswith("search-german")
