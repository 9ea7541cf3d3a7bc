"""Version tokens for what is cached from many rows: a key that holds `current(name)`
is left behind, all at once, when `bump(name)` gives the name a new token.

    key = versions.key("pages", "sitemap", host, page)   # "pages:<token>:sitemap:…"
    page = cache.get(key)                                 # then cache.set(key, …, timeout)
    versions.bump("pages")                                # on a change: every old key is stale

Old entries are never read again and expire by their own timeout. The tokens live in
the default cache, so with a shared one (Redis, see CACHE_URL in the README) a bump in
one process is seen by all; with the in-process default each process has its own, and
only the timeout brings the others up to date. A token evicted from the cache is
replaced by a new random one, never an earlier one, so losing it costs a rebuild, never
a stale page.
"""

import uuid

from django.core.cache import cache

KEY = "version:{}"


def current(name):
    """The token of `name` now (made on first use)."""
    token = cache.get(KEY.format(name))
    if token is None:
        # add(), not set(): when two processes start at once, both keep the first token.
        cache.add(KEY.format(name), uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY.format(name), "none")  # "none": a cache that keeps nothing
    return token


def bump(name):
    """Give `name` a new token: whatever was cached under the old one is out of date."""
    cache.set(KEY.format(name), uuid.uuid4().hex, timeout=None)


def key(name, *parts):
    """A cache key for one thing cached under `name`, at its current token."""
    return ":".join([name, current(name), *map(str, parts)])
