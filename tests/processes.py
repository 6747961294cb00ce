"""Servers the tests start as real processes (gunicorn, varnishd, nginx): a free port, waiting
until one listens, and stopping it whatever state it is in."""

import contextlib
import http.client
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Return once something listens on the port; raise with the process's output when it
    exits or does not listen in time (stdout must be a pipe or a file the caller reads)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                output = process.stdout.read() if process.stdout else ""
                raise RuntimeError(
                    f"{process.args[0]} did not start listening:\n{output}") from None
            time.sleep(0.05)


def stop(process: subprocess.Popen, timeout: float = 10.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@dataclass
class Server:
    port: int
    log: Path


@contextlib.contextmanager
def gunicorn(env: dict, log: Path, cwd: Path):
    """gunicorn as in the image (the project's gunicorn.conf.py applies), one worker, with
    `env`; yields a Server once it listens."""
    port = free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "wegweiser.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", "1"],
            cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        try:
            wait_for_port(port, process)
        except RuntimeError as error:
            raise RuntimeError(f"{error}{log.read_text()}") from None
        try:
            yield Server(port, log)
        finally:
            stop(process, timeout=30)


def fetch(port, path, host="wegweiser.example.org", method="GET", timeout=30):
    """(status, headers, body) of one request over a fresh connection, as the TLS proxy
    sends it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host)
        connection.putheader("X-Forwarded-Proto", "https")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()
