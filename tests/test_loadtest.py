"""`make loadtest` (bench/loadtest.py): its figures from locust's statistics, and what
makes a run fail. The run itself is `make loadtest`, not part of the suite."""

import json

import pytest

from bench.loadtest import problems, read_stats

CLEAN = {
    "applications": {"accepted": 3, "stored": 3, "lost": 0, "stored_not_acknowledged": 0},
    "emails": {
        "expected": 6,
        "stored": 6,
        "queued": 0,
        "retrying": 2,
        "sent": 4,
        "failed": 0,
        "tried_while_down": 2,
        "sent_not_received": 0,
        "waiting_without_task": 0,
    },
}


def entry(name, times, failures=0, start=1000.0, last=1060.0):
    """One of locust's statistics entries: `times` maps milliseconds to a count."""
    return {
        "name": name,
        "num_requests": sum(times.values()),
        "num_failures": failures,
        "response_times": {str(ms): count for ms, count in times.items()},
        "start_time": start,
        "last_request_timestamp": last,
    }


@pytest.fixture
def stats(tmp_path):
    path = tmp_path / "stats.json"
    path.write_text(
        json.dumps(
            [
                entry("member", {10: 98, 20: 1, 900: 1}),
                entry("search", {30: 50, 40: 50}, failures=1, start=1001.0),
            ]
        )
    )
    return {row["kind"]: row for row in read_stats(path)}


def test_requests_per_second_are_over_the_whole_run(stats):
    assert stats["member"]["rps"] == pytest.approx(100 / 60, abs=0.05)
    assert stats["all"]["rps"] == pytest.approx(200 / 60, abs=0.05)


def test_the_median_and_99th_percentile_are_read_per_kind_and_overall(stats):
    assert (stats["member"]["p50_ms"], stats["member"]["p99_ms"]) == (10, 20)
    assert (stats["search"]["p50_ms"], stats["search"]["p99_ms"]) == (30, 40)
    assert (stats["all"]["p50_ms"], stats["all"]["p99_ms"]) == (30, 40)
    assert stats["all"]["failures"] == 1


def check(stats=None, failures=(), worker_alive=True, mail_down=30, **changes):
    rows = stats or [{"kind": "all", "requests": 100, "failures": 0}]
    applications = CLEAN["applications"] | changes.pop("applications", {})
    emails = CLEAN["emails"] | changes.pop("emails", {})
    return problems(rows, list(failures), applications, emails, worker_alive, mail_down, 60)


def test_a_clean_run_passes():
    assert check() == []


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"applications": {"lost": 1}}, "1 applications accepted but not stored"),
        ({"applications": {"stored_not_acknowledged": 2}}, "2 stored without a success answer"),
        ({"emails": {"stored": 5}}, "5 emails stored for 6 expected"),
        ({"emails": {"failed": 1}}, "1 emails marked failed"),
        ({"emails": {"sent_not_received": 1}}, "1 emails marked sent but not received"),
        ({"emails": {"waiting_without_task": 1}}, "1 emails waiting with no task to send them"),
        ({"emails": {"tried_while_down": 0}}, "the outage was not tested"),
        ({"emails": {"sent": 0}}, "no email was sent once the mail server was back"),
        ({"worker_alive": False}, "the task worker (run_worker) stopped"),
    ],
)
def test_anything_lost_or_stopped_fails_the_run(changes, said):
    assert any(said in problem for problem in check(**changes))


def test_failed_requests_fail_the_run_and_are_listed():
    rows = [{"kind": "all", "requests": 100, "failures": 2}]

    assert check(rows, failures=["2 x search: 502"]) == ["2 x search: 502"]
    assert check(rows) == ["2 failed requests"]


def test_with_the_mail_server_down_throughout_nothing_need_be_sent():
    assert check(mail_down=60, emails={"sent": 0, "retrying": 6}) == []
