#!/usr/bin/env python3
"""Load benchmark: gunicorn (one sync worker, production settings, PostgreSQL + Redis) with
and without the caches, and nginx serving the same HTML as static files, driven by wrk.

    .venv/bin/python benchmarks/load.py                      # everything, 3 s per run
    .venv/bin/python benchmarks/load.py --write              # and update RESULTS.md

Everything listens on 127.0.0.1 free ports and is stopped at the end. Needs PostgreSQL and
Redis (DATABASE_URL / REDIS_URL, defaults below; the database is created if missing, migrated
and filled with the demo content), and varnishd, nginx and wrk (.ci/system-packages installs
them). Not a test: the figures depend on the machine and on what else runs on it, which is
why each run records `uptime`.
"""

import argparse
import gzip
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.cache.servers import nginx, varnish  # noqa: E402
from tests.processes import free_port  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START, END = "<!-- load-benchmark:start -->", "<!-- load-benchmark:end -->"
HOST = "localhost"
ENDPOINTS = {
    "home": "/de/",
    "guide": "/de/verein-gruenden/verein-gruenden/",
    "funding programme": "/de/foerdermittel/aktion-mensch-mikrofoerderung/",
    "search page": "/de/search/?q=Satzung",
    "search API": "/api/v1/search/?q=Satzung",
}


def environment(args, tmp: Path, page_cache: bool, frontend_cache: str = "") -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    env.update(
        DJANGO_SETTINGS_MODULE="wegweiser.settings.production",
        SECRET_KEY=args.secret_key,
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        BASE_URL=f"https://{HOST}",
        DATABASE_URL=args.database_url,
        DATABASE_CONN_MAX_AGE="60",
        REDIS_URL=args.redis_url,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        SEARCH_ENGINE="database",
        LOG_LEVEL="WARNING",
        PAGE_CACHE="true" if page_cache else "false",
        FRONTEND_CACHE_URL=frontend_cache,
        PYTHONPATH=str(ROOT),
    )
    env.pop("CELERY_BROKER_URL", None)
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def ensure_database(url: str):
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server.replace("postgres://", "postgresql://", 1),
                         autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


@contextmanager
def gunicorn(env, log: Path, app="wegweiser.wsgi:application", cwd=ROOT, python=sys.executable,
             ready="/healthz/"):
    """One sync worker of `app` (ours unless told), up once `ready` answers."""
    port = free_port()
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [python, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=cwd, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(urllib.request.Request(
                    f"http://127.0.0.1:{port}{ready}", headers={"Host": HOST}), timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: {log.read_text()}") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(30)


def set_up(env):
    """Migrated, with the catalogues, the demo content and the static files."""
    manage(env, "migrate", "--no-input")
    manage(env, "compile_catalogues")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--no-input", "-v0")


def fetch(port, path, **headers) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"Host": HOST, **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, b"", dict(error.headers)


def static_copy(port, endpoints, root: Path) -> str:
    """The same HTML, as files for nginx (the query string is ignored there), with a gzip
    copy beside each, compressed as Django's GZipMiddleware does (level 6)."""
    for path in endpoints.values():
        _status, body, _headers = fetch(port, path)
        target = root / path.split("?")[0].lstrip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        target.with_name("index.html.gz").write_bytes(gzip.compress(body, 6, mtime=0))
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return f"""server {{
    listen 80;
    root {root};
    default_type text/html;
    gzip_static on;
    gzip_vary on;
    location / {{ try_files $uri $uri/index.html =404; }}
}}"""


LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port, path, duration, connections) -> dict:
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "-H", f"Host: {HOST}",
         "-H", "Accept-Encoding: gzip", f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {int(p): float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {"rps": rps, "p50": latency[50], "p99": latency[99],
            "errors": int(non_2xx.group(1)) if non_2xx else 0}


def median_run(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def run(args) -> str:
    lines = []
    with ExitStack() as stack:
        tmp = Path(tempfile.mkdtemp(prefix="wegweiser-bench-"))
        tmp.chmod(0o755)
        stack.callback(shutil.rmtree, tmp, True)
        plain_env = environment(args, tmp, page_cache=False)
        if not args.skip_setup:
            print("setting up the database, demo content and static files ...", flush=True)
            ensure_database(args.database_url)
            set_up(plain_env)
        uncached = stack.enter_context(gunicorn(plain_env, tmp / "uncached.log"))
        endpoints = {}
        for name, path in ENDPOINTS.items():
            status, _body, _headers = fetch(uncached, path)
            if status == 200:
                endpoints[name] = path
            elif name == "search API":
                lines.append(f"- {path} answered {status}: the search API is not in this "
                             "branch, so only the search page is measured.")
            else:
                raise SystemExit(f"{path} answered {status}")
        cached = stack.enter_context(gunicorn(environment(args, tmp, page_cache=True),
                                           tmp / "cached.log"))
        proxy = stack.enter_context(varnish(uncached))
        static = stack.enter_context(nginx(static_copy(uncached, endpoints, tmp / "html"),
                                           tmp / "nginx"))
        sizes = {}
        targets = {"gunicorn, no cache": uncached, "gunicorn + Django cache": cached,
                   "Varnish": proxy, "nginx static file": static}
        for port in (cached, proxy):  # fill the caches
            for path in endpoints.values():
                fetch(port, path, **{"Accept-Encoding": "gzip"})
        # Every server must answer compressed, as it does for a browser.
        for target, port in targets.items():
            for path in endpoints.values():
                _status, body, headers = fetch(port, path, **{"Accept-Encoding": "gzip"})
                if headers.get("Content-Encoding") != "gzip":
                    raise SystemExit(f"{target} answered {path} uncompressed")
                sizes[path] = len(body)
        before = uptime()
        results = {}
        for name, path in endpoints.items():
            # Interleaved rounds, median of each figure: other work on the machine comes and
            # goes within seconds, and should not land on one server only.
            runs = {target: [] for target in targets}
            for _ in range(args.rounds):
                for target, port in targets.items():
                    runs[target].append(wrk(port, path, args.duration, args.connections))
                    print(name, target, runs[target][-1], flush=True)
            for target in targets:
                results[name, target] = median_run(runs[target])
            results[name, "single"] = wrk(uncached, path, args.duration, 1)
        after = uptime()

    table = ["| endpoint (gzip size) | server | req/s | p50 ms | p99 ms | ratio to nginx |",
             "|---|---|---:|---:|---:|---:|"]
    for name in endpoints:
        label = f"{name} ({sizes[endpoints[name]] / 1024:.1f} KB)"
        nginx_rps = results[name, "nginx static file"]["rps"]
        for target in targets:
            r = results[name, target]
            errors = f" ({r['errors']} non-2xx)" if r["errors"] else ""
            table.append(f"| {label} | {target} | {r['rps']:.0f}{errors} | {r['p50']:.2f} | "
                         f"{r['p99']:.2f} | {r['rps'] / nginx_rps:.2f} |")
    single = ["| endpoint | req/s | p50 ms | p99 ms |", "|---|---:|---:|---:|"]
    for name in endpoints:
        r = results[name, "single"]
        single.append(f"| {name} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} |")
    return "\n".join([
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: wrk -t1 "
        f"-c{args.connections}, {args.duration} s per run, median of {args.rounds} interleaved "
        "rounds; one gunicorn sync worker, production settings, PostgreSQL + Redis; every "
        "request with `Accept-Encoding: gzip`, as browsers send it (nginx serves pre-compressed "
        "copies, gzip_static).",
        "",
        f"- load before: `{before}`",
        f"- load after: `{after}`",
        *lines,
        "",
        f"Throughput ({args.connections} connections):",
        "",
        *table,
        "",
        "Latency of the uncached worker with one connection (no queueing):",
        "",
        *single,
    ])


def write_results(section: str):
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = f"{START}\n{section}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text,
                      flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Load (benchmarks/load.py)\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3,
                        help="interleaved runs per server and endpoint (median reported)")
    parser.add_argument("--database-url", default=os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wegweiser_bench"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "REDIS_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--skip-setup", action="store_true",
                        help="the database is migrated and has the demo content already")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    args.secret_key = secrets.token_urlsafe(50)
    if not args.database_url.startswith("postgres"):
        raise SystemExit("The load benchmark runs on PostgreSQL: set DATABASE_URL.")
    for program in ("wrk", "nginx", "varnishd"):
        if not (shutil.which(program) or Path(f"/usr/sbin/{program}").exists()):
            raise SystemExit(f"{program} is missing: run .ci/system-packages (as root).")
    section = run(args)
    print(section)
    if args.write:
        write_results(section)


if __name__ == "__main__":
    main()
