"""`make loadtest`: the public site under a bounded load, as in production, with the mail
server down, and nothing lost.

    .venv/bin/python bench/loadtest.py [--users 50] [--seconds 60] [--mail-down 30] [--rebuild]

It builds the demo data set in a database of its own (`cpe_loadtest` beside
DATABASE_URL's, once: `--rebuild` makes it again), serves the site with gunicorn as in
production (`gunicorn.conf.py`, DEBUG off, Redis cache, database task queue with
`manage.py run_worker` running, loopback), and sends it `--users` visitors (locust, headless,
bench/locustfile.py) for `--seconds`: the directory and its filters, member pages, news,
events, practices, search, and the join form, shown and sent with its PDFs. The mail
server (EMAIL_URL) is a closed port for the first `--mail-down` seconds (half the run by
default; as long as the run or longer: down throughout), then a mail server of its own.

It prints requests per second, p50 and p99 (all requests, and per page kind) as a
Markdown table, writes them to `bench/results/loadtest-<date>.json`, and exits non-zero
on any failed request (an answer other than the expected one, or a connection error),
any application the site accepted but did not store, or any email of theirs that is
missing, failed, sent but not received, or waiting without a task to send it."""

import argparse
import datetime
import email
import json
import logging
import os
import re
import resource
import socket

# Every command is a fixed list of arguments, never a shell.
import subprocess  # nosec B404
import sys
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PYTHON, RESULTS, SITE_ENV, TMP, Server, _manage, build_dataset, fetch  # noqa: E402

LOCUST = str(Path(sys.executable).parent / "locust")
FIRST_PORT = 9400  # the server's and the mail server's ports: the first two free from here
# The page kinds in the order of the table (bench/locustfile.py names its requests so).
KINDS = [
    *("directory", "directory-filter", "member", "news", "post", "events", "event"),
    *("practices", "practice", "search", "join-form", "join-post", "join-thanks"),
]


def free_ports(count, first=FIRST_PORT):
    found = []
    port = first
    while len(found) < count:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
                found.append(port)
            except OSError:
                pass
        port += 1
    return found


def database_url():
    """`cpe_loadtest` on the PostgreSQL server of DATABASE_URL (the default of `make`)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        sys.exit("DATABASE_URL must name a PostgreSQL server: the load test runs on PostgreSQL")
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/cpe_loadtest"))


def targets(run):
    """The addresses of each page kind, in English and French, read from the database."""
    from django.urls import reverse
    from django.utils.translation import override

    from members.models import Member, Topic
    from news.models import Event, Post
    from practices.models import Practice

    def both(name, query="", **kwargs):
        paths = []
        for language in ("en", "fr"):
            with override(language):
                paths.append(reverse(name, kwargs=kwargs or None) + query)
        return paths

    listed = Member.objects.listed()
    countries = sorted({str(code) for code in listed.values_list("country", flat=True)})
    topics = list(Topic.objects.values_list("slug", flat=True))
    posts = Post.objects.published().order_by("-publish_at")
    words = ["prison", "children", "family", "visits", "school", "parent", "enfants"]
    pages = {
        "directory": both("members:directory") + both("members:directory", "?page=2"),
        "directory-filter": [
            *(f"/en/members/?country={code}" for code in countries),
            *(f"/en/members/?topic={slug}" for slug in topics),
            *(f"/fr/membres/?q={word}" for word in words),
            "/en/members/?support=families&country=FR",
        ],
        "member": [
            path
            for slug in listed.values_list("slug", flat=True)[:100]
            for path in both("members:detail", slug=slug)
        ],
        "news": both("news:list")
        + [f"/en/news/?topic={slug}" for slug in topics]
        + [f"/fr/actualites/?page={n}" for n in (2, 3)],
        # Each item at its own address in each language (its slug is translated).
        "post": [path for post in posts[:100] for path in post.addresses().values()],
        "events": both("news:events") + both("news:events", "?when=past"),
        "event": [
            path for event in Event.objects.published()[:50] for path in event.addresses().values()
        ],
        "practices": both("practices:list")
        + [f"/en/practices/?country={code}" for code in countries]
        + ["/fr/pratiques/?country=FR&rating=promising&age=6-11"],
        "practice": [
            path
            for practice in Practice.objects.published()[:100]
            for path in practice.addresses().values()
        ],
        "search": [f"/en/search/?q={word}" for word in words]
        + [f"/fr/recherche/?q={word}" for word in words],
    }
    empty = [kind for kind, paths in pages.items() if not paths]
    if empty:
        sys.exit(f"The data set has nothing for {', '.join(empty)}: run with --rebuild")
    return {
        "run": run,
        "pages": pages,
        "join": reverse("members:join"),
        "thanks": reverse("members:join_thanks"),
        # The thanks page links to the application's status page, under its token, in
        # the language the applicant chose.
        "status_pattern": "(?:{})([-\\w]+)/".format(
            "|".join(
                re.escape(path).replace("T" * 24, "").removesuffix("/")
                for path in both("members:application_status", token="T" * 24)
            )
        ),
        "min_seconds": _min_seconds(),
    }


def _min_seconds():
    from django.conf import settings

    return settings.FORM_MIN_SECONDS


class MailServer:
    """The mail server that comes back: an SMTP server (aiosmtpd) that keeps the
    Message-ID of every email it receives."""

    def __init__(self, port):
        from aiosmtpd.controller import Controller

        self.received = set()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's name
        self.received.add(email.message_from_bytes(envelope.content)["Message-ID"])
        return "250 OK"

    back_after = None  # seconds from the start of the load, once it is back
    thread = None

    def come_back(self, run, after, stop):
        """Start, in a thread, once `after` seconds have passed and an email of the run
        has failed to go (so the outage is tested however slow the machine); not once
        `stop` is set."""

        def wait_and_start():
            from django.db import connection

            try:
                if stop.wait(after):
                    return
                while not run_emails(run).filter(attempts__gte=1).exists():
                    if stop.wait(1):
                        return
                self.controller.start()
                self.back_after = round(time.monotonic() - started)
            finally:
                connection.close()

        started = time.monotonic()
        self.thread = threading.Thread(target=wait_and_start, daemon=True)
        self.thread.start()

    def stop(self):
        self.controller.stop()


def warm_up(base, pages):
    """Fetch every page once, as visitors have before the load starts (the page cache and
    each process's own caches filled): the addresses that do not answer 200."""
    paths = [path for kind_paths in pages.values() for path in kind_paths]
    with ThreadPoolExecutor(4) as pool:
        statuses = pool.map(lambda path: (path, fetch(base + path)[0]), paths)
        return [f"warm-up: {path} answered {status}" for path, status in statuses if status != 200]


def read_stats(path):
    """Per page kind and overall: requests, failures, requests/s (over the whole run),
    p50 and p99 (ms), from locust's final statistics (`--json-file`)."""
    entries = json.loads(Path(path).read_text())
    if not entries:
        return []
    seconds = max(e["last_request_timestamp"] for e in entries) - min(
        e["start_time"] for e in entries
    )
    merged = {"name": "all", "num_requests": 0, "num_failures": 0, "response_times": {}}
    for entry in entries:
        merged["num_requests"] += entry["num_requests"]
        merged["num_failures"] += entry["num_failures"]
        for ms, count in entry["response_times"].items():
            merged["response_times"][ms] = merged["response_times"].get(ms, 0) + count
    order = {kind: n for n, kind in enumerate([*KINDS, "all"])}
    rows = [
        {
            "kind": entry["name"],
            "requests": entry["num_requests"],
            "failures": entry["num_failures"],
            "rps": round(entry["num_requests"] / max(seconds, 1), 1),
            "p50_ms": percentile(entry["response_times"], 0.50),
            "p99_ms": percentile(entry["response_times"], 0.99),
        }
        for entry in [*entries, merged]
    ]
    return sorted(rows, key=lambda row: order.get(row["kind"], len(order)))


def percentile(response_times, fraction):
    """The time (ms) within which `fraction` of the requests were answered, from
    locust's counts per time (rounded as locust rounds them: to 10 ms above 100 ms, to
    100 ms above a second)."""
    total = sum(response_times.values())
    seen = 0
    for ms, count in sorted((float(ms), count) for ms, count in response_times.items()):
        seen += count
        if seen >= fraction * total:
            return ms
    return None


def wait_for_the_worker(run, seconds=60):
    """Until the worker has tried every email of the run that was due (none still
    'queued' with its task due), `seconds` at most."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from outbox.models import OutboundEmail

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        due = DBTaskResult.objects.filter(status="READY", run_after__lte=timezone.now())
        queued = run_emails(run).filter(status=OutboundEmail.Status.QUEUED)
        if not due.exists() and not queued.exists():
            return
        time.sleep(1)


def forget_past_runs():
    """Past runs' applications (and their PDFs), emails and tasks: the worker would try
    their emails again, and the figures would count them."""
    from django_tasks_db.models import DBTaskResult

    from members.models import Application
    from outbox.models import OutboundEmail

    for application in Application.objects.filter(organisation__startswith="Loadtest "):
        for name in Application.DOCUMENTS:
            getattr(application, name).delete(save=False)
        application.delete()
    OutboundEmail.objects.all().delete()
    DBTaskResult.objects.all().delete()


def run_emails(run):
    from django.db.models import Q

    from outbox.models import OutboundEmail

    return OutboundEmail.objects.filter(
        Q(to__startswith=f"loadtest-{run}-") | Q(to=f"secretariat-{run}@example.org")
    )


def check_applications(run, accepted):
    """Every application the site said it stored is stored, and no other."""
    from members.models import Application

    stored = set(
        Application.objects.filter(organisation__startswith=f"Loadtest {run} ").values_list(
            "token", flat=True
        )
    )
    accepted = set(accepted)
    return {
        "accepted": len(accepted),
        "stored": len(stored),
        "lost": len(accepted - stored),
        "stored_not_acknowledged": len(stored - accepted),
    }


def check_emails(run, applications, received):
    """Two emails per stored application (the applicant's acknowledgement and the staff
    notice), each sent and received, or waiting for its next try with a task to make it."""
    from django_tasks_db.models import DBTaskResult

    from outbox.models import OutboundEmail

    emails = list(run_emails(run).values("pk", "status", "attempts", "headers"))
    pending = set()
    for args in DBTaskResult.objects.filter(
        status="READY", task_path="outbox.tasks.send_email"
    ).values_list("args_kwargs", flat=True):
        pending.update(args.get("args", []))
    by_status = dict.fromkeys(OutboundEmail.Status.values, 0)
    for row in emails:
        by_status[row["status"]] += 1
    sent = [row for row in emails if row["status"] == OutboundEmail.Status.SENT]
    ours = {row["headers"].get("Message-ID") for row in emails}
    waiting = [row for row in emails if row["status"] in ("queued", "retrying")]
    return {
        "expected": 2 * applications["stored"],
        "stored": len(emails),
        **by_status,
        "tried_while_down": sum(
            1 for row in emails if row["attempts"] > 1 or row["status"] == "retrying"
        ),
        "sent_on_a_later_try": sum(1 for row in sent if row["attempts"] > 1),
        "sent_not_received": sum(
            1 for row in sent if row["headers"].get("Message-ID") not in received
        ),
        "waiting_without_task": sum(1 for row in waiting if row["pk"] not in pending),
        "received_by_mail_server": len(received & ours),
    }


def problems(stats, failures, applications, emails, worker_alive, mail_down, seconds):
    found = list(failures)
    overall = next((row for row in stats if row["kind"] == "all"), None)
    if overall is None or not overall["requests"]:
        found.append("no request was made")
    elif overall["failures"] and not failures:
        found.append(f"{overall['failures']} failed requests")
    if not applications["accepted"]:
        found.append("no application was sent")
    if applications["lost"]:
        found.append(f"{applications['lost']} applications accepted but not stored")
    if applications["stored_not_acknowledged"]:
        found.append(f"{applications['stored_not_acknowledged']} stored without a success answer")
    if emails["stored"] != emails["expected"]:
        found.append(f"{emails['stored']} emails stored for {emails['expected']} expected")
    if emails["failed"]:
        found.append(f"{emails['failed']} emails marked failed")
    if emails["sent_not_received"]:
        found.append(f"{emails['sent_not_received']} emails marked sent but not received")
    if emails["waiting_without_task"]:
        found.append(f"{emails['waiting_without_task']} emails waiting with no task to send them")
    if mail_down and not emails["tried_while_down"]:
        found.append("no email was tried while the mail server was down: the outage was not tested")
    if mail_down < seconds and not emails["sent"]:
        found.append("no email was sent once the mail server was back")
    if not worker_alive:
        found.append("the task worker (run_worker) stopped")
    return found


def markdown(stats):
    lines = [
        "| page kind | requests | requests/s | p50 ms | p99 ms | failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in stats:
        lines.append(
            f"| {row['kind']} | {row['requests']:,} | {row['rps']:,.1f} | "
            f"{row['p50_ms']:g} | {row['p99_ms']:g} | {row['failures']} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=int(os.environ.get("LOADTEST_USERS", 50)))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOADTEST_SECONDS", 60)))
    parser.add_argument(
        "--mail-down",
        type=int,
        default=os.environ.get("LOADTEST_MAIL_DOWN") or None,
        help="seconds the mail server is down from the start (default: half the run)",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the data set again")
    options = parser.parse_args(argv)
    mail_down = options.seconds // 2 if options.mail_down is None else int(options.mail_down)

    run = uuid.uuid4().hex[:8]
    port, mail_port = free_ports(2)
    env = {
        **os.environ,
        **SITE_ENV,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "0",
        "CACHE_URL": os.environ.get("LOADTEST_CACHE_URL", "redis://127.0.0.1:6379/7"),
        "TASKS_BACKEND": "database",
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_port}",
        "STAFF_NOTIFICATION_EMAILS": f"secretariat-{run}@example.org",
        # Each visitor sends from its own address (X-Forwarded-For, one trusted proxy),
        # and more often than a person would: the limit per address is raised.
        "TRUSTED_PROXY_COUNT": "1",
        "FORM_RATE_LIMIT_PER_HOUR": "100000",
        "MEDIA_ROOT": str(TMP / "cpe-loadtest-media"),
        "PRIVATE_MEDIA_ROOT": str(TMP / "cpe-loadtest-private"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    env.pop("PAGE_CACHE", None)  # on, as in production
    build_dataset("demo", env, options.rebuild)
    _manage(env, "collectstatic", "--no-input", "--verbosity", "0")

    os.environ.update(env)
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear()  # the load test's own Redis database: no counters or pages of a past run
    forget_past_runs()
    target_file = TMP / f"cpe-loadtest-{run}-targets.json"
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's every command
    target = targets(run)
    target_file.write_text(json.dumps(target))
    outcome_file = TMP / f"cpe-loadtest-{run}-outcome.json"
    prefix = str(TMP / f"cpe-loadtest-{run}")

    load_average = os.getloadavg()[0]
    print(
        f"Load: {options.users} visitors for {options.seconds} s; mail server down for "
        f"{mail_down} s; load average before: {load_average:.2f} on {os.cpu_count()} CPUs"
    )
    worker_log = open(TMP / "cpe-loadtest-worker.log", "w")  # noqa: SIM115
    worker = subprocess.Popen(  # nosec B603
        [PYTHON, "manage.py", "run_worker", "--no-reload", "--interval", "1"],
        cwd=ROOT,
        env=env,
        stdout=worker_log,
        stderr=subprocess.STDOUT,
    )
    mail_server = MailServer(mail_port)
    server = Server(
        "cpe_network.wsgi",
        env,
        "/healthz",
        "loadtest",
        port=port,
        options=["-c", "gunicorn.conf.py"],
    )
    try:
        started = time.monotonic()
        warm_up_problems = warm_up(server.base, target["pages"])
        count = sum(map(len, target["pages"].values()))
        print(f"Warm-up: each of {count} pages fetched once in {time.monotonic() - started:.0f} s")
        stop = threading.Event()
        used_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        if mail_down < options.seconds:
            mail_server.come_back(run, mail_down, stop)
        locust = subprocess.run(  # nosec B603
            [
                LOCUST,
                *("-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--only-summary"),
                *("--users", str(options.users), "--spawn-rate", str(options.users)),
                *("--run-time", f"{options.seconds}s", "--stop-timeout", "15"),
                *("--host", server.base, "--json-file", prefix, "--loglevel", "WARNING"),
            ],
            cwd=ROOT,
            env={
                **env,
                "LOADTEST_TARGETS": str(target_file),
                "LOADTEST_OUTCOME": str(outcome_file),
            },
            check=False,
        )
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        client_cpu = (used.ru_utime + used.ru_stime) - (used_before.ru_utime + used_before.ru_stime)
        stop.set()
        if mail_server.thread:
            mail_server.thread.join()
        wait_for_the_worker(run)
        worker_alive = worker.poll() is None
    finally:
        server.stop()
        worker.terminate()
        worker.wait(timeout=30)
        worker_log.close()
        if mail_server.controller.server is not None:  # started
            mail_server.stop()

    stats_file = Path(f"{prefix}.json")
    if not stats_file.exists():
        sys.exit(f"locust gave no statistics (exit code {locust.returncode}): see above")
    stats = read_stats(stats_file)
    outcome = json.loads(outcome_file.read_text()) if outcome_file.exists() else {}
    for done in (stats_file, outcome_file, target_file):
        done.unlink(missing_ok=True)
    accepted = outcome.get("accepted", [])
    failures = [f"{count} x {what}" for what, count in outcome.get("failures", {}).items()]
    applications = check_applications(run, accepted)
    emails = check_emails(run, applications, mail_server.received)
    found = warm_up_problems + problems(
        stats, failures, applications, emails, worker_alive, mail_down, options.seconds
    )
    if locust.returncode and not found:
        found.append(f"locust exited with {locust.returncode}")

    print()
    print(markdown(stats))
    print()
    print(f"Load generator's CPU: {client_cpu:.0f} s in {options.seconds} s (on the same machine)")
    back = "never" if mail_server.back_after is None else f"{mail_server.back_after} s"
    print(f"Mail server back after: {back} of the load")
    print("Applications:", ", ".join(f"{key} {value}" for key, value in applications.items()))
    print("Their emails:", ", ".join(f"{key} {value}" for key, value in emails.items()))
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "users": options.users,
        "seconds": options.seconds,
        "mail_server_back_after_seconds": mail_server.back_after,
        "cpus": os.cpu_count(),
        "load_average_before": round(load_average, 2),
        "load_generator_cpu_seconds": round(client_cpu, 1),
        "pages": stats,
        "applications": applications,
        "emails": emails,
        "problems": found,
        "passed": not found,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    # A shorter or smaller try does not overwrite the day's run of 50 visitors for 60 s.
    name = f"loadtest-{datetime.date.today().isoformat()}"
    if (options.users, options.seconds) != (50, 60):
        name += f"-{options.users}x{options.seconds}s"
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    print(f"Written to {path.relative_to(ROOT)}; logs: {server.log.name}, {worker_log.name}")
    if found:
        print("\nFAILED:\n  " + "\n  ".join(found), file=sys.stderr)
        sys.exit(1)
    print("\nPassed: no failed request, no application or email lost.")


if __name__ == "__main__":
    main()
