"""Handing tasks to the broker: after commit, with a short timeout and a circuit breaker."""

import datetime
import logging
import threading
import time

from celery import current_app
from django.db import transaction
from django.utils import timezone

from .models import PendingTask

logger = logging.getLogger(__name__)

RETRY_AFTER = 30.0  # seconds this process leaves the broker alone after a failure
# For handing over only (the worker's long polls keep the broker settings): a broker that
# does not answer within a second is treated as down.
PUBLISH_TIMEOUT = 1.0
PUBLISH_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": PUBLISH_TIMEOUT, "socket_timeout": PUBLISH_TIMEOUT,  # Redis
    "read_timeout": PUBLISH_TIMEOUT, "write_timeout": PUBLISH_TIMEOUT,  # AMQP
    "max_retries": 0,
}
MAX_BACKOFF = datetime.timedelta(hours=1)
FLUSH_BATCH = 500


class _Breaker:
    def __init__(self):
        self.open_until = 0.0
        self.lock = threading.Lock()

    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, error) -> None:
        with self.lock:
            if not self.is_open():
                logger.warning("Broker unreachable (%s); tasks wait in the outbox and are "
                               "handed over by flush_outbox", error)
            self.open_until = time.monotonic() + RETRY_AFTER

    def reset(self) -> None:
        self.open_until = 0.0


breaker = _Breaker()


def send_after_commit(task, *args) -> None:
    """Run `task(*args)` in the background once the current transaction commits. The call
    is recorded in the same transaction, so it is neither lost when the broker is down nor
    sent when the transaction rolls back."""
    pending = PendingTask.objects.create(task=task.name, args=list(args))
    transaction.on_commit(lambda: deliver(pending.pk), robust=True)


def deliver(pk: int) -> bool:
    """Hand one pending task over; True when it left the outbox."""
    pending = PendingTask.objects.filter(pk=pk).first()
    if pending is None:
        return True  # a flush took it meanwhile
    if _eager():
        return _run_here(pending)
    if breaker.is_open():
        return False
    try:
        _publish(pending)
    except Exception as error:  # kombu, redis-py and sockets each raise their own
        breaker.trip(error)
        _record_failure(pending, error)
        return False
    pending.delete()
    return True


def flush(limit: int = FLUSH_BATCH) -> int:
    """Hand over every task that is due; returns how many left the outbox. Rows are locked
    while they are sent, so two flushes at once never send one task twice."""
    breaker.reset()  # asked explicitly: try the broker again
    sent = 0
    with transaction.atomic():
        due = (PendingTask.objects.select_for_update(skip_locked=True)
               .filter(next_attempt_at__lte=timezone.now())[:limit])
        for pending in due:
            if _eager():
                sent += _run_here(pending)
                continue
            try:
                _publish(pending)
            except Exception as error:
                _record_failure(pending, error)
                break  # the broker is down again: the rest waits for the next flush
            pending.delete()
            sent += 1
    return sent


def _publish(pending) -> None:
    conf = current_app.conf
    options = {**(conf.broker_transport_options or {}), **PUBLISH_TRANSPORT_OPTIONS}
    with current_app.connection_for_write(connect_timeout=PUBLISH_TIMEOUT,
                                          transport_options=options) as connection:
        current_app.send_task(pending.task, args=pending.args, retry=False,
                              connection=connection)


def _eager() -> bool:
    return bool(current_app.conf.task_always_eager)


def _run_here(pending) -> bool:
    """Without a broker (the embedded default) the task runs in this process."""
    result = current_app.tasks[pending.task].apply(args=pending.args, throw=False)
    if result.failed():
        logger.error("Background task %s failed; it stays in the outbox: %r", pending,
                     result.result)
        _postpone(pending, result.result)
        return False
    pending.delete()
    return True


def _record_failure(pending, error) -> None:
    """The broker failed, not the task: it is due again at the next flush."""
    pending.attempts += 1
    pending.last_error = repr(error)[:2000]
    pending.save(update_fields=["attempts", "last_error"])


def _postpone(pending, error) -> None:
    """The task itself failed (run here without a broker): back off before the next try."""
    pending.attempts += 1
    pending.last_error = repr(error)[:2000]
    delay = min(datetime.timedelta(minutes=2 ** min(pending.attempts - 1, 10)), MAX_BACKOFF)
    pending.next_attempt_at = timezone.now() + delay
    pending.save(update_fields=["attempts", "last_error", "next_attempt_at"])
