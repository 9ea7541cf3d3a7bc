"""Time at scale (issue 17): with 10,000 members, 10,000 practices, 100,000 news
posts and 5,000 calls, no query of a public page takes more than 50 ms, and on
PostgreSQL no plan reads a big table from end to end to keep a few of its rows. The
query budgets elsewhere count queries; a flat count once hid a news list that took two
minutes in one `DISTINCT`.

One test builds the data (about a minute) and fetches each page type of `make bench`."""

import io
import json
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.run import pages
from members.models import Member, MembershipCategory, Topic, User
from practices.models import Practice

MEMBERS, POSTS, PRACTICES, CALLS = 10_000, 100_000, 10_000, 5_000
# PostgreSQL, production's database, answers every query within 50 ms. SQLite (the
# default for one server) counts the news list's country facet over every published post
# in 30-80 ms depending on the machine's load that day: its limit is twice as wide, so the
# test catches a query that grows with the data (hundreds of ms), not a slow day.
LIMIT_MS = 50 if connection.vendor == "postgresql" else 100
# The tables that grow with the network: a plan that reads one of them whole grows with it.
BIG_TABLES = {
    "members_member",
    "members_member_topics",
    "news_post",
    "news_post_members",
    "news_post_topics",
    "practices_practice",
    "practices_practice_topics",
    "collaboration_call",
    "collaboration_call_topics",
    "search_entry",
}
# Each query is run again this many times, and its time is its fastest, so that a pause
# of the machine is not taken for a slow query; one found slow is timed so again after
# a pause, up to RETRIES times (a busy neighbour passes; a slow plan stays slow: on this
# 2-core machine the same facet count took 55 ms in one run and under 25 in the next).
RUNS = 5
RETRIES = 3
RETRY_PAUSE_SECONDS = 2


@pytest.fixture
def scale_data(transactional_db):
    """Committed, as in production: PostgreSQL's VACUUM, which `seed_demo` runs after
    its bulk rows, then marks them visible, and plans are those of a live site."""
    call_command(
        "seed_demo",
        members=MEMBERS,
        posts=POSTS,
        practices=PRACTICES,
        calls=CALLS,
        stdout=io.StringIO(),
    )


def _every_filter():
    """Beside `make bench`'s pages: each filter and order of each list once, so that each
    has an index to read."""
    category = MembershipCategory.objects.filter(listed=True).values_list("slug", flat=True)[0]
    topic = Topic.objects.values_list("slug", flat=True)[0]
    kind, setting = Member.Kind.values[0], Member.Setting.values[0]
    practice = {
        "kind": Practice.Kind.values[0],
        "setting": Practice.Setting.values[0],
        "age": Practice.AgeGroup.values[0],
    }
    return [
        ("directory-filters", f"/en/members/?kind={kind}&setting={setting}&support=families"),
        ("directory-category", f"/fr/membres/?category={category}&topic={topic}"),
        ("news-country", "/en/news/?country=FR"),
        ("news-search", "/fr/actualites/?q=prison"),
        ("news-page-200", "/en/news/?page=200"),
        ("events-past", "/en/events/?when=past"),
        ("practices-title", "/fr/pratiques/?sort=title"),
        ("practices-evidence", "/en/practices/?sort=evidence&adapted=yes&reach=several"),
        ("practices-more", "/en/practices/?" + "&".join(f"{k}={v}" for k, v in practice.items())),
        ("practices-topic", f"/en/practices/?topic={topic}&q=practice"),
        ("sitemap-news-last", "/sitemap-news.xml?p=20"),
        ("calls-archive", "/fr/collaborer/archives/"),
        ("calls-country", f"/en/collaborate/?country=FR&topic={topic}"),
        ("calls-search", "/en/collaborate/?q=visits"),
        ("search-calls", "/en/search/?q=family+visits"),
        ("sitemap-calls", "/sitemap-calls.xml"),
    ]


def _page_queries(client, path):
    """The SELECTs of one page, as for the first visitor after a change."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        b"".join(response) if response.streaming else response.content
    assert response.status_code == 200, (path, response.status_code)
    return [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith("SELECT")
    ]


def _settled_milliseconds(sql):
    """`_milliseconds(sql)`, timed again after a pause while it is over the limit."""
    ms = _milliseconds(sql)
    for _ in range(RETRIES):
        if ms <= LIMIT_MS:
            break
        time.sleep(RETRY_PAUSE_SECONDS)
        ms = min(ms, _milliseconds(sql))
    return ms


def _milliseconds(sql):
    """The fastest of a few runs of `sql`, every row fetched: SQLite finds the rows
    of a plain query as they are fetched, so the time of execute() alone is not it."""
    times = []
    with connection.cursor() as cursor:
        for _ in range(RUNS):
            started = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            times.append(time.perf_counter() - started)
    return min(times) * 1000


def _rows_read_to_be_thrown_away(sql):
    """The big tables that PostgreSQL reads from end to end, running `sql`, to keep
    less than a tenth of what it reads: a missing index. A scan that keeps more (a
    count of every published row, of a third of them) is the right plan, and is not
    counted; nor is one whose filter is a LIKE on a list of values held as text (a
    practice's countries or ages), which no B-tree index can answer."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()
    if isinstance(plan, str):
        plan = json.loads(plan)
    found, nodes = set(), [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.get("Plans", []))
        if node["Node Type"] != "Seq Scan" or node["Relation Name"] not in BIG_TABLES:
            continue
        kept = node["Actual Rows"] * node["Actual Loops"]
        thrown = node.get("Rows Removed by Filter", 0) * node["Actual Loops"]
        if thrown >= 1000 and kept * 10 < kept + thrown and "~~" not in node.get("Filter", ""):
            found.add(node["Relation Name"])
    return found


def _as_a_member():
    """Pages a signed-in member sees otherwise than a visitor: the calls, members-only
    ones too (the demo representative of an active member; never from the page cache)."""
    member = Client()
    member.force_login(User.objects.get(email="rep@example.org"))
    paths = [
        ("search-calls-member", "/en/search/?q=family+visits"),
        ("search-call-member", "/fr/recherche/?q=partenaires"),
        ("calls-member", "/en/collaborate/"),
    ]
    return [(member, name, path) for name, path in paths]


# Building the data takes two minutes here, more on a slower machine: over the suite's
# five-minute limit for a test (pyproject.toml) but not stuck.
@pytest.mark.timeout(1500)
@pytest.mark.usefixtures("scale_data")
def test_no_query_of_a_public_page_takes_more_than_50_ms_at_scale(client):
    slow, scans = [], []
    fetched = [(client, name, path) for name, path in pages() + _every_filter()]
    for who, name, path in fetched + _as_a_member():
        for sql in _page_queries(who, path):
            if (ms := _settled_milliseconds(sql)) > LIMIT_MS:
                slow.append(f"{name} {path}: {ms:.0f} ms: {sql[:300]}")
            if connection.vendor == "postgresql" and (found := _rows_read_to_be_thrown_away(sql)):
                scans.append(f"{name} {path}: {sorted(found)}: {sql[:300]}")
    assert not slow + scans, "\n".join(["Slow:", *slow, "Whole tables read:", *scans])
