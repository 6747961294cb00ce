"""Django's Redis cache, failing soft: Redis down or silent never costs a reader the page.

Everything kept in the cache here can be rebuilt (pages, site root paths, the search
vocabulary's change stamp), so an unreachable Redis is treated as an empty cache that drops
writes. Short socket timeouts bound one slow call; after a failure the process stops asking
Redis for a few seconds (a circuit breaker), so a request makes at most one slow call instead
of one per cache look-up (a page reads the cache a dozen times).

Writes lost during an outage may have been invalidations (a publish advances the page
cache's generation). When Redis answers again, `writes_lost` is sent so that whatever keys
on those writes can reset itself (cms.caching.invalidation, search.vocabulary).
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent (sender: the cache backend) when Redis answers again after writes were dropped.
writes_lost = Signal()

CONNECT_TIMEOUT = 0.3  # seconds; Redis answers in well under a millisecond on a LAN
READ_TIMEOUT = 0.5
RETRY_AFTER = 5.0  # seconds without asking Redis after a failure


class _Breaker:
    def __init__(self, retry_after: float):
        self.retry_after = retry_after
        self.open_until = 0.0
        self.lost_writes = False
        self.lock = threading.Lock()

    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, error, write: bool, location) -> None:
        with self.lock:
            if not self.is_open():
                logger.warning("Cache %s unreachable (%s); serving without it for %.0f s",
                               location, error, self.retry_after)
            self.open_until = time.monotonic() + self.retry_after
            self.lost_writes |= write

    def take_lost_writes(self) -> bool:
        """True once after an outage in which writes were dropped."""
        if not self.lost_writes:
            return False
        with self.lock:
            lost, self.lost_writes = self.lost_writes, False
        return lost


def _soft(default, write=False):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._breaker.is_open():
                self._breaker.lost_writes |= write
                return default(args, kwargs)
            try:
                result = method(self, *args, **kwargs)
            except self._errors as error:
                self._breaker.trip(error, write, self._servers[0])
                return default(args, kwargs)
            if self._breaker.take_lost_writes():
                logger.warning("Cache reachable again; resetting what keyed on lost writes")
                writes_lost.send(sender=self)
                if not write:  # what was just read may be what the reset replaces
                    result = method(self, *args, **kwargs)
            return result

        return wrapper

    return decorate


def _given_default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _constant(value):
    return lambda args, kwargs: value


def _missing_key(args, kwargs):
    raise ValueError(f"Key '{args[0] if args else kwargs.get('key')}' not found.")


class ResilientRedisCache(RedisCache):
    """RedisCache with short timeouts, no retries inside redis-py and a circuit breaker.
    OPTIONS may override the timeouts (socket_connect_timeout, socket_timeout)."""

    def __init__(self, server, params):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        options = {
            "socket_connect_timeout": CONNECT_TIMEOUT,
            "socket_timeout": READ_TIMEOUT,
            "retry": Retry(NoBackoff(), 0),
            **params.get("OPTIONS", {}),
        }
        retry_after = options.pop("retry_after", RETRY_AFTER)
        super().__init__(server, {**params, "OPTIONS": options})
        self._errors = (redis.exceptions.RedisError, OSError)
        self._breaker = _Breaker(retry_after)

    get = _soft(_given_default)(RedisCache.get)
    get_many = _soft(_constant({}))(RedisCache.get_many)
    has_key = _soft(_constant(False))(RedisCache.has_key)
    add = _soft(_constant(False), write=True)(RedisCache.add)
    set = _soft(_constant(None), write=True)(RedisCache.set)
    set_many = _soft(_constant([]), write=True)(RedisCache.set_many)
    touch = _soft(_constant(False), write=True)(RedisCache.touch)
    delete = _soft(_constant(False), write=True)(RedisCache.delete)
    delete_many = _soft(_constant(None), write=True)(RedisCache.delete_many)
    incr = _soft(_missing_key, write=True)(RedisCache.incr)
    clear = _soft(_constant(False), write=True)(RedisCache.clear)
