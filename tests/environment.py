"""Loaded by pytest before Django reads its settings (`-p tests.environment`), so the
suite runs with the production code paths: DEBUG off, a secret key, plain HTTP on the
test server. DATABASE_URL is left to the caller (`make test-postgres` sets it)."""

import os

os.environ["DEBUG"] = "0"
os.environ["SECRET_KEY"] = "test-only-secret-key-" + "x" * 40
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["SECURE_COOKIES"] = "0"
os.environ["ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
os.environ["CACHE_URL"] = "locmemcache://"
os.environ["EMAIL_URL"] = "consolemail://"
# Pages are built for every request, as for the first visitor after a change: the query
# budgets measure that. tests/test_pagecache.py turns the anonymous page cache on.
os.environ["PAGE_CACHE"] = "0"
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to run beside one unless told (browser tests only touch the database to set up).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
