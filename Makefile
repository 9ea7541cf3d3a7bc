# Two commands for a newcomer: `make run` and `make test`. Nothing else to install:
# the virtual environment is made on first use, with a Python >= 3.12 found here.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PYTEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cpe_network

# The newest Python 3.12 or newer found on PATH or among pyenv's installed versions (early
# patch releases have bugs that later ones fix).
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.*/bin/python3 2>/dev/null); do \
	$$p -c 'import sys; sys.version_info >= (3, 12) and print("%d.%d.%d" % sys.version_info[:3], sys.executable)' \
	2>/dev/null; done | sort -rV | head -n 1 | cut -d " " -f 2)

.PHONY: help venv compiled-messages run test test-postgres lint format messages bench bench-inprocess loadtest lighthouse clean

help:
	@echo "make run            set up (first time) and serve the site on http://127.0.0.1:8000/"
	@echo "make test           the whole test suite on SQLite (browser tests need Chromium)"
	@echo "make test-postgres  the same suite on PostgreSQL (PYTEST_DATABASE_URL=$(PYTEST_DATABASE_URL))"
	@echo "make lint           ruff check, ruff format --check and bandit (security)"
	@echo "make messages       refresh the French catalogue after changing interface text"
	@echo "make bench          each page type under wrk beside a bare Django view, cache on and off (DATASET=demo|scale, BENCH_SECONDS=5)"
	@echo "make bench-inprocess  server time and queries of each page in-process, with 1,000 extra members, posts, practices and calls"
	@echo "make loadtest       50 visitors for 60 s on gunicorn as in production, mail server down half the time; fails on any error or loss (LOADTEST_USERS, LOADTEST_SECONDS)"
	@echo "make lighthouse     Lighthouse's scores and each page's HTML weight on the demo data (LIGHTHOUSE_ARGS=\"--port 8811 home\")"

$(STAMP): requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer found (on PATH or under pyenv). Install one, or run"; \
		echo "  make run PYTHON=/path/to/python3.12"; exit 1; fi
	@[ -x $(PY) ] || { echo "Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(STAMP)

compiled-messages: $(STAMP)
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install gettext (apt-get install gettext)"; exit 1; }
	@DEBUG=1 $(PY) manage.py compilemessages --verbosity 0 --ignore '$(VENV)'

run: compiled-messages
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py setup_network
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: compiled-messages
	DATABASE_URL=sqlite:///:memory: $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: compiled-messages
	DATABASE_URL=$(PYTEST_DATABASE_URL) $(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --configfile pyproject.toml --recursive --quiet .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# templates/admin/edit_inline/ holds copies of Django's templates: Django translates them.
messages: $(STAMP)
	DEBUG=1 $(PY) manage.py makemessages --locale fr --no-location --no-obsolete \
		--ignore '$(VENV)/*' --ignore 'tests/*' --ignore 'templates/admin/edit_inline/*'
	@echo "Now translate the new entries in locale/fr/LC_MESSAGES/django.po (and clear any fuzzy flag)."

BENCH_ENV := DEBUG=0 SECRET_KEY=bench-only-secret-key-0123456789abcdefghij \
	ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=0 DATABASE_URL=sqlite:////tmp/cpe-bench.sqlite3 \
	MEDIA_ROOT=/tmp/cpe-bench-media PRIVATE_MEDIA_ROOT=/tmp/cpe-bench-private

# Issue 17's measure: gunicorn as in production, wrk, the bare view of bench/bare.py
# measured in the same run (bench/run.py; results in bench/results/).
DATASET ?= demo
BENCH_SECONDS ?= 5

# On PostgreSQL (a database cpe_bench_<dataset> beside PYTEST_DATABASE_URL's) unless
# DATABASE_URL names SQLite: `make bench DATABASE_URL=sqlite://`.
bench: compiled-messages
	@command -v wrk >/dev/null || { echo "wrk not found: install it (apt-get install wrk)"; exit 1; }
	DATABASE_URL=$${DATABASE_URL:-$(PYTEST_DATABASE_URL)} \
		$(PY) bench/run.py --dataset $(DATASET) --seconds $(BENCH_SECONDS) $(BENCH_ARGS)

# Issue 19's load: locust's visitors on the public pages and the join form, against
# gunicorn.conf.py with Redis, the database task queue and its worker, the mail server
# down for half the run (bench/loadtest.py, bench/locustfile.py). On PostgreSQL: a database
# cpe_loadtest beside PYTEST_DATABASE_URL's; Redis database 7 (LOADTEST_CACHE_URL).
LOADTEST_USERS ?= 50
LOADTEST_SECONDS ?= 60

loadtest: compiled-messages
	DATABASE_URL=$${DATABASE_URL:-$(PYTEST_DATABASE_URL)} LOADTEST_USERS=$(LOADTEST_USERS) \
		LOADTEST_SECONDS=$(LOADTEST_SECONDS) $(PY) bench/loadtest.py $(LOADTEST_ARGS)

# Lighthouse 12 (mobile) with Debian's Chromium on each page type, served as in production
# (bench/lighthouse.py; results in bench/results/lighthouse.json). Not part of the site's
# dependencies: mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@12).
lighthouse: compiled-messages
	$(PY) bench/lighthouse.py $(LIGHTHOUSE_ARGS)

# Server time only, through Django's test client (pages/management/commands/bench.py).
bench-inprocess: compiled-messages
	rm -f /tmp/cpe-bench.sqlite3
	$(BENCH_ENV) $(PY) manage.py migrate --no-input --verbosity 0
	$(BENCH_ENV) $(PY) manage.py setup_network > /dev/null
	$(BENCH_ENV) $(PY) manage.py seed_demo --members 1000 --posts 1000 --practices 1000 --calls 1000 > /dev/null
	$(BENCH_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0 > /dev/null
	$(BENCH_ENV) $(PY) manage.py bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
	find . -name '*.mo' -path './locale/*' -delete
