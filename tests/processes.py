"""Servers the tests start as real processes (gunicorn, varnishd, nginx): a free port, waiting
until one listens, and stopping it whatever state it is in."""

import socket
import subprocess
import time


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
