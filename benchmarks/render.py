"""Uncached page renders, in process: the demo content imported into a throw-away database,
then each page fetched through Django's test client (middleware, routing, template; no page
cache, no network) `--repeat` times after one warm-up. Prints wall time and the process's own
CPU time per render (p50 / p95) and the SQL queries of one render, per page and language.
The render memo (cms/caching/memo.py) is on, as in production, so the warm-up fills it:
`cold q` are the queries of the first render after a content change; `--no-memo` measures
every render as that first one.

    DATABASE_URL=sqlite:////tmp/render.sqlite3 .venv/bin/python benchmarks/render.py
"""

import argparse
import statistics
import time

from scratch_db import ROOT, setup_django

PAGES = [
    ("home", "/{lang}/"),
    ("topic", "/{lang}/verein-gruenden/"),
    ("guide", "/{lang}/verein-gruenden/satzung-schreiben/"),
    ("funding", "/{lang}/foerdermittel/aktion-mensch-mikrofoerderung/"),
    ("glossary", "/{lang}/glossar/"),
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="reuse the imported database")
    parser.add_argument("--no-memo", action="store_true", help="without the render memo")
    args = parser.parse_args()
    setup_django("_bench_render", keep=args.keep)

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cms.caching.invalidation import advance_generation
    from cms.models import GuidePage

    settings.PAGE_CACHE_ENABLED = False
    settings.RENDER_MEMO_ENABLED = not args.no_memo
    settings.ALLOWED_HOSTS = ["*"]
    if not GuidePage.objects.exists():
        call_command("import_content", ROOT / "content", verbosity=0)
    client = Client()
    print(f"{'page':10} {'lang':4} {'status':>6} {'cold q':>6} {'queries':>7} {'wall p50':>9}"
          f" {'wall p95':>9}"
          f" {'CPU p50':>8} {'CPU p95':>8}")
    for name, pattern in PAGES:
        for lang in ("de", "ar"):
            url = pattern.format(lang=lang)
            client.get(url)  # warm-up: locales, vocabulary, templates
            advance_generation()  # as after a content change: the memo starts empty
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                first = client.get(url)  # fills the memo
            cold = len(queries)
            # Each request empties the query log (request_started): start from an empty one.
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            count = len(queries)  # read now: the next request empties the log it points into
            walls, cpus = [], []
            for _ in range(args.repeat):
                wall, cpu = time.perf_counter(), time.process_time()
                client.get(url)
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            print(f"{name:10} {lang:4} {first.status_code:>6} {cold:>6} {count:>7}"
                  f" {statistics.median(walls):>8.1f}  {percentile(walls, .95):>8.1f}"
                  f" {statistics.median(cpus):>7.1f}  {percentile(cpus, .95):>7.1f}")


if __name__ == "__main__":
    main()
