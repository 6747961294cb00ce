"""Indexing costs: how long a publish takes when the search index or the broker is down,
and how fast documents for a full Elasticsearch rebuild are built from the database.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python benchmarks/indexing.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wegweiser_es \\
        .venv/bin/python benchmarks/indexing.py --pages 1000

It builds a throw-away test database (`<name>_bench_indexing`), imports the demo content,
adds generated German guides, and prints the figures; they are recorded by hand in
benchmarks/RESULTS.md (section "Indexing"). Nothing here needs Elasticsearch: "down" is a
closed port on 127.0.0.1, "silent" a port that accepts connections and never answers.
"""

import argparse
import random
import socket
import statistics
import time

from scratch_db import ROOT, setup_django


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fill(pages: int) -> list:
    from cms.importer import import_path
    from cms.models import GuidePage, TopicPage

    import_path(ROOT / "content")
    rng = random.Random(4)
    words = (ROOT / "content").rglob("*.de.md")
    vocabulary = [w for path in words for w in path.read_text(encoding="utf-8").split()
                  if w.isalpha() and len(w) > 4]
    topics = list(TopicPage.objects.filter(locale__language_code="de"))
    created = []
    for number in range(pages):
        text = " ".join(rng.choice(vocabulary) for _ in range(300))
        page = GuidePage(title=f"Leitfaden {number} {rng.choice(vocabulary)}",
                         slug=f"bench-{number}", summary=text[:200],
                         body=[("text", f"<p>{text}</p>")])
        rng.choice(topics).add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created


def time_publishes(pages, runs: int) -> list[float]:
    timings = []
    for page in pages[:runs]:
        page.summary = page.summary + " x"
        started = time.perf_counter()
        page.save_revision().publish()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def describe(label: str, timings: list[float]) -> None:
    timings = sorted(timings)
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(f"{label:<58} n={len(timings):<4} p50={statistics.median(timings):8.1f} ms"
          f"  p95={p95:8.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    connection = setup_django("_bench_indexing")
    import logging

    from django.conf import settings
    from django.test.utils import override_settings

    from search.elastic.documents import iter_documents
    from wegweiser.celery import app

    logging.disable(logging.CRITICAL)  # the failures below are logged on purpose
    print(f"database: {connection.vendor}, generated guides: {args.pages}")
    started = time.perf_counter()
    pages = fill(args.pages)
    print(f"filled in {time.perf_counter() - started:.0f} s")

    with override_settings(SEARCH_ENGINE="database"):
        describe("publish, SEARCH_ENGINE=database", time_publishes(pages, args.runs))
    with override_settings(SEARCH_ENGINE="elasticsearch",
                           ELASTICSEARCH_URL=f"http://127.0.0.1:{closed_port()}"):
        describe("publish, Elasticsearch down (eager task)", time_publishes(pages, args.runs))
    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url = f"redis://127.0.0.1:{closed_port()}/0"
    app.conf.task_always_eager = False
    app._pool = None
    try:
        with override_settings(SEARCH_ENGINE="elasticsearch"):
            describe("publish, broker down", time_publishes(pages, args.runs))
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        app._pool = None
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    with override_settings(SEARCH_ENGINE="elasticsearch",
                           ELASTICSEARCH_URL=f"http://127.0.0.1:{listener.getsockname()[1]}"):
        describe(f"publish, Elasticsearch silent (timeout {settings.ELASTICSEARCH_TIMEOUT} s)",
                 time_publishes(pages, 5))
    listener.close()

    total, started = 0, time.perf_counter()
    for language, _name in settings.LANGUAGES:
        total += sum(1 for _doc in iter_documents(language))
    elapsed = time.perf_counter() - started
    print(f"documents built for a full rebuild: {total} in {elapsed:.1f} s "
          f"({total / elapsed:.0f} per second)")
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
