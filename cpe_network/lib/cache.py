"""Django's Redis cache, made to degrade rather than fail: with Redis down or too slow,
the site answers as if its cache held nothing (every page built afresh, as for the first
visitor after a change) instead of answering 500 on every page.

- Each operation that cannot reach Redis (redis' ConnectionError or TimeoutError) gives
  what an empty cache gives, as Django's DummyCache does: `get` its default, `get_many`
  {}, `add` and `set` nothing stored, `incr` ValueError (the key is missing), and so
  `get_or_set` computes the value.
- Connecting and reading give up after half a second (OPTIONS may say otherwise), and
  after a failure the process leaves Redis alone for RETRY_SECONDS: a dead server costs
  one page half a second every few seconds, not every cache call of every page.
- One warning in the log per failure, so at most one every RETRY_SECONDS per process.

What this means for the cache's users: the forms' rate limits and one-time tokens
(cpe_network/lib/antispam.py) let sendings through while Redis is down (they fail open:
refusing every form would be worse than a few more robots for a while); sessions
(`cached_db`) are read from the database, so nobody is signed out; the page cache and
its parts are simply not kept."""

import logging
import time

from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 5
SOCKET_SECONDS = 0.5


class RedisCache(django_redis.RedisCache):
    # When this process may try Redis again (time.monotonic()), shared by its threads'
    # cache objects. 0: Redis is taken to be up.
    down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._options = {
            "socket_connect_timeout": SOCKET_SECONDS,
            "socket_timeout": SOCKET_SECONDS,
            **self._options,
        }

    def _call(self, operation, when_down, *args, **kwargs):
        """`operation(*args, **kwargs)` on Redis, or `when_down()` if Redis is unreachable
        now or was a moment ago."""
        if time.monotonic() < RedisCache.down_until:
            return when_down()
        try:
            return operation(*args, **kwargs)
        except UNREACHABLE as error:
            RedisCache.down_until = time.monotonic() + RETRY_SECONDS
            logger.warning(
                "Redis unreachable (%s): the cache holds nothing for %s seconds.",
                error,
                RETRY_SECONDS,
            )
            return when_down()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # True, as DummyCache: nothing else can hold the key, so a caller that takes it
        # (a form's one-time token) goes on.
        return self._call(super().add, lambda: True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(super().set, lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, lambda: _missing(key), key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._call(super().delete_many, lambda: None, keys, version)

    def clear(self):
        return self._call(super().clear, lambda: False)


def _missing(key):
    """What Django's contract says of incr() on a key the cache does not hold."""
    raise ValueError(f"Key '{key}' not found")
