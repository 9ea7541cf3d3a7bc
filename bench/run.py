"""`make bench`: each public page type under load, side by side with a bare Django view.

    .venv/bin/python bench/run.py [--dataset demo|scale] [--seconds 5] [--rebuild]

It builds the data set (or reuses the one a previous run built), serves the site with
gunicorn as in production (two sync workers, DEBUG off, loopback) once with the page cache
on and once with `PAGE_CACHE=0`, serves the bare view of `bench/bare.py` the same way, and
measures each page with `wrk -t2 -c16 --latency`. Bytes come from one fetch of the page
(uncompressed), SQL queries from one fetch in-process with Django's test client after a
warm-up, as `manage.py bench` does. It prints one table and writes it as JSON to
`bench/results/<dataset>-<date>.json` and `bench/results/latest.json`."""

import argparse
import datetime
import hashlib
import json
import math
import os
import re
import shutil
import socket

# Every command is a fixed list of arguments, never a shell.
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TMP = Path(tempfile.gettempdir())
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
CONNECTIONS = 16
# As the site is served: two sync workers (a slow page at scale may take a while).
GUNICORN_OPTIONS = ["--workers", "2", "--worker-class", "sync", "--timeout", "120"]
ROW_KEYS = ("page", "cache", "dataset", "rps", "p50_ms", "p99_ms", "bytes", "queries")
ROW_KEYS += ("ratio_to_bare",)

# The data sets of issue 17: the demo, and the archive of a network that has grown.
DATASETS = {
    "demo": [],
    "scale": [
        *("--members", "10000", "--posts", "100000", "--practices", "10000"),
        *("--calls", "5000"),
    ],
}

# Production settings, as `make bench-inprocess` uses them; the database is added per run.
SITE_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghij",  # nosec B105
    "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "MEDIA_ROOT": str(TMP / "cpe-bench-media"),
    "PRIVATE_MEDIA_ROOT": str(TMP / "cpe-bench-private"),
    "DJANGO_SETTINGS_MODULE": "cpe_network.settings",
}


# --- Reading wrk ------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _duration_ms(text):
    """wrk's '812.00us', '3.03ms', '1.20s' or '2.00m', in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * _UNITS_MS[match[2]]


def parse_wrk(output):
    """Requests per second, the median and 99th percentile latencies (ms) and the count
    of failed requests (errors and answers other than 2xx or 3xx) from `wrk --latency`."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (rps and p50 and p99):
        raise ValueError("wrk's output has no requests/s or latency distribution")
    failed = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)) + sum(
        int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    )
    return {
        "rps": float(rps[1]),
        "p50_ms": _duration_ms(p50[1]),
        "p99_ms": _duration_ms(p99[1]),
        "failed": failed,
    }


def make_row(*, page, cache, dataset, measured, size, queries, bare_rps):
    """One row of the results, with exactly the keys of issue 17."""
    return {
        "page": page,
        "cache": cache,
        "dataset": dataset,
        "rps": round(measured["rps"], 1),
        "p50_ms": round(measured["p50_ms"], 2),
        "p99_ms": round(measured["p99_ms"], 2),
        "bytes": size,
        "queries": queries,
        "ratio_to_bare": round(measured["rps"] / bare_rps, 3) if bare_rps else None,
    }


def table(rows):
    lines = [
        f"{'page':<20} {'cache':<5} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'bytes':>9} {'queries':>7} {'ratio':>6}"
    ]
    for row in rows:
        queries = "" if row["queries"] is None else row["queries"]
        lines.append(
            f"{row['page']:<20} {row['cache']:<5} {row['rps']:>8.1f} {row['p50_ms']:>8.2f} "
            f"{row['p99_ms']:>8.2f} {row['bytes']:>9} {queries:>7} {row['ratio_to_bare']:>6.3f}"
        )
    return "\n".join(lines)


# --- The pages, resolved in-process (`run.py --probe`) ----------------------------------


def pages():
    """(name, address) of each page type, with slugs and ids read from the database."""
    from django.db.models import Count

    from collaboration.models import Call
    from members.models import Member, Topic
    from members.views import PER_PAGE
    from news.models import Event, Post
    from practices.models import Practice

    listed = Member.objects.listed()
    member = listed.order_by("sort_name").values_list("slug", flat=True).first() or "none"
    last_page = max(1, math.ceil(listed.count() / PER_PAGE))
    post = Post.objects.published().order_by("-publish_at").first()
    # The author of the latest post, so the member filter shows a full page.
    author = post.members.listed().values_list("slug", flat=True).first() if post else None
    event = (
        Event.objects.published().upcoming().values_list("slug", flat=True).first()
        or Event.objects.published().values_list("slug", flat=True).first()
        or "none"
    )
    practice = Practice.objects.most_travelled_slug()
    # A public open call (the one that closes last), and the topic most open research
    # calls are on, so the filtered list shows a full page where the data has one.
    calls = Call.objects.open().public()
    call = calls.order_by("-deadline", "-pk").values_list("slug", flat=True).first() or "none"
    topic = (
        Topic.objects.filter(calls__in=calls.filter(kind=Call.Kind.RESEARCH))
        .annotate(count=Count("calls"))
        .order_by("-count", "slug")
        .values_list("slug", flat=True)
        .first()
        or "research"
    )
    return [
        ("home", "/en/"),
        ("directory", "/en/members/"),
        ("directory-country", "/en/members/?country=FR"),
        ("directory-topic", "/en/members/?topic=prison-visits"),
        ("directory-search", "/en/members/?q=prison"),
        ("directory-page50", f"/en/members/?page={min(50, last_page)}"),
        ("member", f"/en/members/{member}/"),
        ("map", "/en/members/map/"),
        ("membership", "/en/membership/"),
        ("news", "/en/news/"),
        ("news-topic", "/fr/actualites/?topic=schools"),
        ("news-member", f"/en/news/?member={author or member}"),
        ("post", f"/en/news/{post.slug if post else 'none'}/"),
        ("events", "/en/events/"),
        ("event", f"/en/events/{event}/"),
        ("calendar", "/en/events/calendar.ics"),
        ("practices", "/en/practices/"),
        ("practices-faceted", "/fr/pratiques/?country=FR&rating=promising&age=6-11"),
        ("practice", f"/en/practices/{practice or 'none'}/"),
        ("evidence", "/en/practices/evidence/"),
        ("calls", "/en/collaborate/"),
        ("calls-filtered", f"/en/collaborate/?topic={topic}&kind=research"),
        ("call", f"/en/collaborate/{call}/"),
        ("search", "/en/search/?q=prison"),
        ("sitemap", "/sitemap.xml"),
    ]


def probe():
    """Print, as JSON, each page's address and SQL queries on its second fetch (the first
    warms the caches), under the environment this process was started with."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    found = []
    for name, path in pages():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            _body = b"".join(response) if response.streaming else response.content
        found.append(
            {"page": name, "path": path, "status": response.status_code, "queries": len(queries)}
        )
    json.dump(found, sys.stdout)


# --- Data set, servers, load ------------------------------------------------------------


def database_url(dataset):
    """The bench's own database: beside DATABASE_URL's when it names PostgreSQL (a
    database `cpe_bench_<dataset>` on the same server), else SQLite in /tmp."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        parts = urllib.parse.urlsplit(url)
        return urllib.parse.urlunsplit(parts._replace(path=f"/cpe_bench_{dataset}"))
    return f"sqlite:///{TMP / f'cpe-bench-{dataset}.sqlite3'}"


def _manage(env, *args, quiet=True):
    subprocess.run(  # nosec B603
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def _recreate_postgres(url):
    import psycopg2
    from psycopg2 import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    server = urllib.parse.urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    connection = psycopg2.connect(server)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def build_dataset(dataset, env, rebuild):
    """Migrate, set up the network and seed the data set, unless a previous run did."""
    url = env["DATABASE_URL"]
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    done = TMP / f"cpe-bench-{dataset}-{digest}.done"
    if done.exists() and not rebuild:
        print(f"Reusing the {dataset} data set ({url}); --rebuild makes it again.")
        _manage(env, "migrate", "--no-input", "--verbosity", "0")
        return
    print(f"Building the {dataset} data set in {url} ...")
    done.unlink(missing_ok=True)
    if url.startswith("sqlite:"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        _recreate_postgres(url)
    started = time.monotonic()
    _manage(env, "migrate", "--no-input", "--verbosity", "0")
    _manage(env, "setup_network")
    _manage(env, "seed_demo", *DATASETS[dataset])
    done.touch()
    print(f"  built in {time.monotonic() - started:.0f} s")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, timeout=120):
    """Status and body of one GET (uncompressed: no Accept-Encoding is sent)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # nosec B310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Server:
    """gunicorn serving `app` on a free loopback port, as the site is served (`options`:
    the bench's two sync workers, or `make loadtest`'s `-c gunicorn.conf.py`)."""

    def __init__(self, app, env, ready_path, label, port=None, options=GUNICORN_OPTIONS):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(TMP / f"cpe-bench-{label}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(  # nosec B603
            [GUNICORN, app, "--bind", f"127.0.0.1:{self.port}", *options],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(self.base + ready_path, timeout=5)
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"gunicorn did not start: see {self.log.name}") from None
                time.sleep(0.3)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def wrk(url, seconds):
    output = subprocess.run(  # nosec B603 B607
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return parse_wrk(output)


def measure_site(*, dataset, cache, env, seconds, bare_rps, only):
    """Rows for every page with the page cache on or off."""
    env = dict(env)
    if cache == "off":
        env["PAGE_CACHE"] = "0"
    probed = subprocess.run(  # nosec B603
        [PYTHON, str(Path(__file__).resolve()), "--probe"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    rows = []
    with Server("cpe_network.wsgi", env, "/healthz", f"site-cache-{cache}") as server:
        for page in json.loads(probed.stdout):
            if only and page["page"] not in only:
                continue
            status, body = fetch(server.base + page["path"])  # also warms the worker
            fetch(server.base + page["path"])  # and the other one
            if status != 200:
                print(f"  {page['page']} {page['path']}: status {status}", file=sys.stderr)
            measured = wrk(server.base + page["path"], seconds)
            if measured["failed"]:
                print(f"  {page['page']}: {measured['failed']} failed requests", file=sys.stderr)
            rows.append(
                make_row(
                    page=page["page"],
                    cache=cache,
                    dataset=dataset,
                    measured=measured,
                    size=len(body),
                    queries=page["queries"],
                    bare_rps=bare_rps,
                )
            )
            print(f"  {page['page']:<20} {cache:<3} {measured['rps']:>8.1f} requests/s")
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=sorted(DATASETS), default="demo")
    parser.add_argument("--seconds", type=int, default=5, help="of wrk per page (default 5)")
    parser.add_argument("--rebuild", action="store_true", help="build the data set again")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("pages", nargs="*", help="only these page types (default: all)")
    options = parser.parse_args(argv)
    if options.probe:
        probe()
        return
    if not shutil.which("wrk"):
        sys.exit("wrk not found: install it (apt-get install wrk)")

    env = {**os.environ, **SITE_ENV, "DATABASE_URL": database_url(options.dataset)}
    env.pop("PAGE_CACHE", None)  # "on" is the site's default
    build_dataset(options.dataset, env, options.rebuild)
    _manage(env, "collectstatic", "--no-input", "--verbosity", "0")

    with Server("bench.bare", env, "/", "bare") as bare:
        fetch(bare.base + "/")
        bare_rps = wrk(bare.base + "/", options.seconds)
    print(f"  {'bare':<20} {bare_rps['rps']:>12.1f} requests/s")
    rows = [
        make_row(
            page="bare",
            cache="off",
            dataset=options.dataset,
            measured=bare_rps,
            size=2,
            queries=0,
            bare_rps=bare_rps["rps"],
        )
    ]
    for cache in ("on", "off"):
        rows += measure_site(
            dataset=options.dataset,
            cache=cache,
            env=env,
            seconds=options.seconds,
            bare_rps=bare_rps["rps"],
            only=options.pages,
        )

    print()
    print(table(rows))
    if options.pages:  # a few pages are no full run: the results keep the last one
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(rows, indent=1) + "\n"
    dated = RESULTS / f"{options.dataset}-{datetime.date.today().isoformat()}.json"
    dated.write_text(text)
    (RESULTS / "latest.json").write_text(text)
    print(f"\nWritten to {dated.relative_to(ROOT)} and bench/results/latest.json")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
