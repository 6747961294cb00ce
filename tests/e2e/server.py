"""The site the browser tests use: gunicorn with production settings on a free port, over its
own throw-away database (a file for SQLite, `<test db>_e2e` for PostgreSQL), static files
collected and hashed as in production, and the demo content imported by `load_demo`.

The server runs in its own process, so what the browser sees is exactly what a deployment
serves, and nothing the journeys write leaks into the database of the other tests.
"""

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from tests.processes import free_port
from tests.processes import stop as stop_process

ROOT = Path(__file__).resolve().parents[2]
PREPARE = [sys.executable, "-m", "tests.e2e.prepare_site"]

EDITOR = ("e2e-editor", "editor-pass-2026")
TRANSLATOR = ("e2e-translator", "translator-pass-2026")
# A learner account (address confirmed) that coordinates a demo organisation.
COORDINATOR = ("koordination@example.org", "coordinator-pass-2026")
COORDINATED_ORGANISATION = "beispielverein-bruecke-leipzig"


@dataclass
class RunningSite:
    url: str
    process: subprocess.Popen | None
    log_path: Path | None
    mail_dir: Path | None = None  # the server's sent mails, one file per message
    database_url: str | None = None

    def mails(self) -> list[str]:
        """Every mail the server sent so far, oldest first, as text (headers and body)."""
        if self.mail_dir is None or not self.mail_dir.exists():
            return []
        files = sorted(self.mail_dir.iterdir(), key=lambda path: path.stat().st_mtime_ns)
        return [path.read_text(errors="replace") for path in files]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


def e2e_database_url(workdir: Path) -> str:
    """SQLite: a file in the run's folder. PostgreSQL: the test database's name + `_e2e`."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'e2e.sqlite3'}"
    parts = urlsplit(url)
    name = f"test_{parts.path.lstrip('/')}_e2e"
    return urlunsplit(parts._replace(path=f"/{name}"))


def _maintenance(url: str):
    parts = urlsplit(url)
    dsn = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    return psycopg.connect(dsn, autocommit=True), parts.path.lstrip("/")


def recreate_postgres_database(url: str) -> None:
    conn, name = _maintenance(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(url: str) -> None:
    conn, name = _maintenance(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(workdir: Path, database_url: str, port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.e2e.settings",
        DATABASE_URL=database_url,
        SECRET_KEY=uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1",
        CONTACT_EMAIL="kontakt@wegweiser.example.org",
        BASE_URL=f"http://127.0.0.1:{port}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        E2E_MAIL_DIR=str(workdir / "mail"),
        E2E_CACHE_PREFIX=f"e2e-{uuid.uuid4().hex[:12]}",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.pop("CELERY_BROKER_URL", None)  # tasks run in-process, as in the embedded default
    return env


def _die_with_parent():
    """Linux: the kernel ends gunicorn if pytest dies, so no server outlives a killed run."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _run(args: list, env: dict, log) -> None:
    result = subprocess.run(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    if result.returncode:
        raise RuntimeError(f"{' '.join(map(str, args))} failed; see {log.name}")


def start_site() -> tuple[RunningSite, Callable[[], None]]:
    """Prepare the database and static files, start gunicorn; returns the site and a stop
    function that ends the server and removes its database."""
    workdir = Path(tempfile.mkdtemp(prefix="wegweiser-e2e-"))
    database_url = e2e_database_url(workdir)
    if database_url.startswith("postgres"):
        recreate_postgres_database(database_url)
    port = free_port()
    env = server_environment(workdir, database_url, port)
    log_path = workdir / "server.log"
    log = log_path.open("a")
    manage = [sys.executable, "manage.py"]
    _run([*manage, "collectstatic", "--no-input", "-v0"], env, log)
    _run(PREPARE, env, log)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "wegweiser.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "60",
         "--access-logfile", "-"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    site = RunningSite(url=f"http://127.0.0.1:{port}", process=process, log_path=log_path,
                       mail_dir=workdir / "mail", database_url=database_url)

    def stop():
        stop_process(process)
        log.close()
        if database_url.startswith("postgres"):
            drop_postgres_database(database_url)
        shutil.rmtree(workdir, ignore_errors=True)

    try:
        wait_until_up(site)
    except Exception:
        stop()
        raise
    return site, stop


def wait_until_up(site: RunningSite, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if site.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{site.log()}")
        try:
            with urllib.request.urlopen(f"{site.url}/healthz/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{site.log()}")
