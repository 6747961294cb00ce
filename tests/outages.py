"""Real, local network endpoints that misbehave the way a broken service does, and Celery
pointed at them: for the tests of what the site does when Redis, the broker, Elasticsearch or
the database is down (refused at once) or silent (accepts, never answers)."""

import contextlib
import socket
import threading

from kombu import pools


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def silent_port():
    """A port that accepts connections (the kernel's backlog) but never answers, like a
    server stuck in garbage collection or behind a dropped route. Yields the port."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


@contextlib.contextmanager
def silent_server():
    """silent_port() as an http:// URL."""
    with silent_port() as port:
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def celery_broker(url, reachable=True):
    """Send tasks to a real broker at `url` instead of running them eagerly; the queue is
    emptied before and after when the broker is reachable."""
    from cms.outbox.dispatch import breaker
    from wegweiser.celery import app

    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = url, False
    _drop_connections(app)
    breaker.reset()
    try:
        if reachable:
            with app.connection_for_read() as connection:
                connection.SimpleQueue("celery").clear()
        yield
    finally:
        if reachable:
            with app.connection_for_read() as connection:
                connection.SimpleQueue("celery").clear()
        app.conf.broker_url, app.conf.task_always_eager = saved
        _drop_connections(app)
        breaker.reset()


def _drop_connections(app):
    # Celery keeps its connection and producer pools; new ones pick up the broker URL.
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()


class CuttableProxy:
    """A TCP proxy to a real server that the test can cut (connections dropped, new ones
    refused) and restore on the same port: a service that goes away and comes back."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = closed_port()
        self._listener = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            sockets, self._sockets = [self._listener, *self._sockets], []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
