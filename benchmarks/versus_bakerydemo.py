#!/usr/bin/env python3
"""Uncached Wegweiser pages against wagtail/bakerydemo's blog post, on the same machine in the
same run: one gunicorn sync worker each, production settings, no page cache, wrk -c8,
interleaved rounds (median), so load from elsewhere lands on every server alike.

bakerydemo is not part of this project: set it up once, as its README says, in a folder of
its own (its code is not committed here):

    git clone https://github.com/wagtail/bakerydemo /tmp/bakery && cd /tmp/bakery
    python3.12 -m venv .venv && .venv/bin/pip install -r requirements/production.txt gunicorn
    export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production DJANGO_SECRET_KEY=…
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_initial_data
    .venv/bin/python manage.py createcachetable  # its production settings cache in the database
    .venv/bin/python manage.py collectstatic --noinput

then, from this project:

    .venv/bin/python benchmarks/versus_bakerydemo.py --bakerydemo /tmp/bakery [--write]

Wegweiser runs twice, on a fresh SQLite file and on PostgreSQL (DATABASE_URL, created and
filled with the demo content if missing), both with Redis (REDIS_URL) as in production.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from argparse import Namespace
from contextlib import ExitStack
from pathlib import Path

from load import (
    ROOT,
    ensure_database,
    environment,
    fetch,
    gunicorn,
    manage,
    median_run,
    set_up,
    uptime,
    wrk,
)

START, END = "<!-- versus-bakerydemo:start -->", "<!-- versus-bakerydemo:end -->"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
OURS = {"guide": "/de/verein-gruenden/verein-gruenden/",
        "guide (ar)": "/ar/verein-gruenden/verein-gruenden/",
        "funding programme": "/de/foerdermittel/aktion-mensch-mikrofoerderung/"}
BLOG_POST = "/blog/wild-yeast/"


def bakerydemo_env(folder: Path) -> dict:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO", "DATABASE", "REDIS"))}
    env.update(DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
               DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="*",
               SECURE_SSL_REDIRECT="false", PYTHONPATH=str(folder))
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", type=Path, required=True,
                        help="a bakerydemo checkout, set up as the docstring says")
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database-url", default=os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wegweiser_bench"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "REDIS_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--sqlite", type=Path, default=Path("/tmp/wegweiser-versus.sqlite3"))
    parser.add_argument("--skip-setup", action="store_true",
                        help="both databases are migrated and have the demo content already")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    python = args.bakerydemo / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"{python} is missing: set bakerydemo up as the docstring says.")

    with ExitStack() as stack:
        tmp = Path(tempfile.mkdtemp(prefix="wegweiser-versus-"))
        servers = {}
        for label, url in (("SQLite", f"sqlite:///{args.sqlite}"),
                           ("PostgreSQL", args.database_url)):
            settings = Namespace(secret_key=secrets.token_urlsafe(50), database_url=url,
                                 redis_url=args.redis_url)
            (tmp / label).mkdir()
            env = environment(settings, tmp / label, page_cache=False)
            if not args.skip_setup:
                if label == "PostgreSQL":
                    ensure_database(url)
                print(f"setting up Wegweiser on {label} …", flush=True)
                set_up(env)
            else:  # the static files' folder is new for every run
                manage(env, "migrate", "--no-input", "-v0")
                manage(env, "collectstatic", "--no-input", "-v0")
            servers[label] = stack.enter_context(gunicorn(env, tmp / f"{label}.log"))
        bakery = stack.enter_context(gunicorn(
            bakerydemo_env(args.bakerydemo), tmp / "bakerydemo.log",
            app="bakerydemo.wsgi:application", cwd=args.bakerydemo, python=str(python),
            ready=BLOG_POST))
        targets = {f"Wegweiser {page}, {db}": (port, path)
                   for db, port in servers.items() for page, path in OURS.items()}
        targets["bakerydemo blog post, SQLite"] = (bakery, BLOG_POST)
        for name, (port, path) in targets.items():
            status, body, _headers = fetch(port, path)
            if status != 200:
                raise SystemExit(f"{name}: {path} answered {status}")
        before = uptime()
        runs = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, (port, path) in targets.items():
                runs[name].append(wrk(port, path, args.duration, args.connections))
                print(name, runs[name][-1], flush=True)
        after = uptime()

    bakery_rps = statistics.median(r["rps"] for r in runs["bakerydemo blog post, SQLite"])
    table = ["| page | req/s | p50 ms | p99 ms | × bakerydemo |", "|---|---:|---:|---:|---:|"]
    for name in targets:
        r = median_run(runs[name])
        errors = f" ({r['errors']:.0f} non-2xx)" if r["errors"] else ""
        table.append(f"| {name} | {r['rps']:.0f}{errors} | {r['p50']:.2f} | {r['p99']:.2f} | "
                     f"{r['rps'] / bakery_rps:.2f} |")
    section = "\n".join([
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: wrk -t1 -c{args.connections},"
        f" {args.duration} s per run, median of {args.rounds} interleaved rounds; one gunicorn "
        "sync worker per site, production settings, no page cache (Wegweiser's render memo on, "
        "as in production); bakerydemo at its repository's HEAD on SQLite with its production "
        "settings and demo data.",
        "",
        f"- load before: `{before}`",
        f"- load after: `{after}`",
        "",
        *table,
    ])
    print(section)
    if args.write:
        text = RESULTS.read_text(encoding="utf-8")
        block = f"{START}\n{section}\n{END}"
        if START in text:
            head, rest = text.split(START, 1)
            text = head + block + rest.split(END, 1)[1]
        else:
            text = (text.rstrip("\n") + "\n\n## Against wagtail/bakerydemo "
                    "(benchmarks/versus_bakerydemo.py)\n\n" + block + "\n")
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
