"""`make bench` (bench/run.py): reading wrk's output and the shape of the rows it writes."""

import pytest

from bench.run import make_row, parse_wrk, table

WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:8765/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.07ms  325.50us   7.03ms   78.10%
    Req/Sec     2.57k   106.72     2.70k    77.50%
  Latency Distribution
     50%  812.00us
     75%    3.21ms
     90%    3.42ms
     99%    1.20s
  10221 requests in 2.00s, 1.55MB read
  Socket errors: connect 0, read 0, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:   5108.64
Transfer/sec:    793.24KB
"""


def test_wrk_requests_per_second_are_read():
    assert parse_wrk(WRK_OUTPUT)["rps"] == 5108.64


def test_wrk_median_in_microseconds_is_read_as_milliseconds():
    assert parse_wrk(WRK_OUTPUT)["p50_ms"] == pytest.approx(0.812)


def test_wrk_99th_percentile_in_seconds_is_read_as_milliseconds():
    assert parse_wrk(WRK_OUTPUT)["p99_ms"] == pytest.approx(1200)


def test_wrk_timeouts_and_error_statuses_count_as_failed():
    assert parse_wrk(WRK_OUTPUT)["failed"] == 5


def test_wrk_output_without_figures_is_refused():
    with pytest.raises(ValueError):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def _row():
    measured = {"rps": 510.0, "p50_ms": 30.0, "p99_ms": 55.5, "failed": 0}
    return make_row(
        page="directory",
        cache="off",
        dataset="demo",
        measured=measured,
        size=23456,
        queries=9,
        bare_rps=5100.0,
    )


def test_row_has_exactly_the_keys_of_issue_17():
    assert set(_row()) == {
        "page",
        "cache",
        "dataset",
        "rps",
        "p50_ms",
        "p99_ms",
        "bytes",
        "queries",
        "ratio_to_bare",
    }


def test_row_ratio_is_to_the_bare_view():
    assert _row()["ratio_to_bare"] == 0.1


def test_table_shows_each_row():
    assert "directory" in table([_row()]).splitlines()[1]
