"""gunicorn's settings for production: `gunicorn -c gunicorn.conf.py cpe_network.wsgi`.

Each value can be changed from the environment (gunicorn also reads `GUNICORN_CMD_ARGS`).
Threaded workers (gthread): a worker waits on slow clients without blocking its other
threads, so two half-sent requests no longer hold up the whole site as two sync workers
did; the proxy in front (nginx, see deploy/) still buffers requests and replies so that
slow phones are its affair, not the application's.
"""

import os
import sys

# The project's code, for the logging below, wherever gunicorn starts (it reads this file
# before it applies --chdir).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cpe_network.lib import logs

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core: the pages spend much of their time waiting on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request that takes longer than this is cut off and its worker replaced: the slowest
# page at scale answers within a second, so 30 s only ever catches a stuck worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
# Idle keep-alive connections are closed soon, so they do not take the threads.
keepalive = 5
# A worker is replaced after this many requests (with some jitter, not all at once), so
# that a slow leak cannot grow for weeks.
max_requests = 2000
max_requests_jitter = 200
# Limits on the request line and headers (gunicorn's defaults, stated): bigger ones are
# refused with 400 before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
# The site logs each request itself (one JSON line, without personal data); gunicorn's
# access log would repeat it with the client's address.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The site reads the client's address from X-Forwarded-For itself (TRUSTED_PROXY_COUNT);
# gunicorn needs to trust the proxy only for X-Forwarded-Proto and the like.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The workers' heartbeat files in memory, not on a disk that may be slow or full (bandit's
# B108 is about shared temporary files that others could replace; these are gunicorn's own,
# created with random names).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # nosec B108
# gunicorn's own lines (workers started, stopped, timed out) in the site's format: JSON,
# or text with LOG_FORMAT=text or DEBUG=1, through the filter that leaves out the client
# addresses and request addresses of its messages about bad requests
# (cpe_network/lib/logs.py). Read where the site's settings read them.
_debug = os.environ.get("DEBUG", "0").lower() in ("1", "true", "yes", "on")
_text = os.environ.get("LOG_FORMAT", "text" if _debug else "json") == "text"
logconfig_dict = logs.configuration(text=_text, level=loglevel.upper())
# gunicorn 27's control socket (runtime management) is not used: systemd reloads with
# HUP. Its default path is one per user, so two instances on one host would fight over it.
control_socket_disable = True
