"""The sitemap index (/sitemap.xml), its sections (/sitemap-<section>.xml?p=N) and
robots.txt, read as a crawler reads them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Post
from pages import pagecache, sitemaps
from tests.factories import (
    CallFactory,
    CategoryFactory,
    EventFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def parse(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return ET.fromstring(response.content)


def section_files(client):
    """The addresses of the files the index lists, without the host."""
    root = parse(client, "/sitemap.xml")
    return [
        item.find("s:loc", NS).text.removeprefix(HOST) for item in root.findall("s:sitemap", NS)
    ]


def file_entries(client, address):
    """{address: {"alternates": {hreflang: href}, "lastmod": "YYYY-MM-DD" or None}}."""
    root = parse(client, address)
    return {
        url.find("s:loc", NS).text: {
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
            "lastmod": getattr(url.find("s:lastmod", NS), "text", None),
        }
        for url in root.findall("s:url", NS)
    }


def sitemap_entries(client):
    """Every entry of every file the index lists."""
    entries = {}
    for address in section_files(client):
        entries |= file_entries(client, address)
    return entries


@pytest.fixture
def rows(pages):
    """A few public rows of each kind, and some that must stay out of the sitemap."""
    now = timezone.now()
    members = [MemberFactory(slug="relais"), MemberFactory(slug="uepe")]
    past = timezone.localdate() - datetime.timedelta(days=3)
    return {
        "members": members,
        # Public calls, open and closed (in the archive): in the sitemap.
        "calls": [
            CallFactory(slug="partners-wanted", member=members[0]),
            CallFactory(slug="closed-call", member=members[1], deadline=past),
        ],
        "posts": [
            PostFactory(slug_en="opening", slug_fr="ouverture"),
            PostFactory(slug="annual-report"),
        ],
        "events": [EventFactory(slug_en="conference", slug_fr="colloque")],
        "practices": [PracticeFactory(slug_en="visiting-rooms", slug_fr="parloirs")],
        "hidden": [
            MemberFactory(slug="hidden-member", published=False),
            PostFactory(slug="draft-post", status="draft"),
            PostFactory(slug="scheduled-post", publish_at=now + datetime.timedelta(days=2)),
            EventFactory(slug="draft-event", status="draft"),
            PracticeFactory(slug="draft-practice", status="draft"),
            CallFactory(slug="members-only-call", member=members[0], is_public=False),
            CallFactory(slug="hidden-call", member=members[1], is_hidden=True),
        ],
    }


# The index and its sections.


def test_the_index_lists_one_file_per_section(client, rows):
    assert section_files(client) == [
        "/sitemap-main.xml",
        "/sitemap-pages.xml",
        "/sitemap-members.xml",
        "/sitemap-news.xml",
        "/sitemap-events.xml",
        "/sitemap-practices.xml",
        "/sitemap-calls.xml",
    ]


def index_dates(client):
    root = parse(client, "/sitemap.xml")
    return {
        item.find("s:loc", NS).text.removeprefix(HOST): getattr(
            item.find("s:lastmod", NS), "text", None
        )
        for item in root.findall("s:sitemap", NS)
    }


def test_the_index_dates_a_file_of_rows_by_its_latest_change(client, rows):
    latest_post = max(max(post.updated_at, post.publish_at) for post in rows["posts"])
    # (the drafts' and the scheduled post's dates do not count)

    assert datetime.datetime.fromisoformat(index_dates(client)["/sitemap-news.xml"]) == latest_post


def news_file(row, rows_per_file):
    """The address of the file that lists `row`: file N holds keys F + (N - 1) × R to
    F + N × R - 1, F being the smallest key of the published posts."""
    first = Post.objects.published().order_by("pk").values_list("pk", flat=True)[0]
    number = (row.pk - first) // rows_per_file + 1
    return "/sitemap-news.xml" if number == 1 else f"/sitemap-news.xml?p={number}"


def test_the_index_dates_each_file_of_a_section_by_its_own_rows(client, pages, monkeypatch):
    monkeypatch.setattr(sitemaps.Sitemap, "limit", 4)  # two posts a file
    old = timezone.now() - datetime.timedelta(days=30)
    posts = [PostFactory(publish_at=old) for _ in range(4)]
    Post.objects.update(updated_at=old)
    posts[3].save()  # in another file than the first post's

    dates = index_dates(client)

    assert datetime.datetime.fromisoformat(dates[news_file(posts[0], 2)]) == old
    assert datetime.datetime.fromisoformat(dates[news_file(posts[3], 2)]) > old


def test_the_index_and_the_sections_are_xml_kept_out_of_search_results(client, rows):
    for address in ["/sitemap.xml", "/sitemap-news.xml"]:
        response = client.get(address)

        assert response["Content-Type"] == "application/xml"
        assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_each_entry_follows_the_protocols_order(client, rows):
    # loc, then lastmod and priority when there are, then the alternates (sitemaps.org).
    order = {"loc": 0, "lastmod": 1, "priority": 2, "link": 3}
    for address in section_files(client):
        for url in parse(client, address).findall("s:url", NS):
            tags = [order[child.tag.rsplit("}", 1)[1]] for child in url]

            assert tags == sorted(tags)
            assert tags[0] == 0


def test_every_address_in_the_sitemap_answers(client, rows):
    entries = sitemap_entries(client)
    addresses = set(entries) | {
        href for entry in entries.values() for href in entry["alternates"].values()
    }

    failing = {a for a in addresses if client.get(a.removeprefix(HOST)).status_code != 200}

    assert failing == set()


def test_the_sitemap_lists_a_row_of_each_kind_in_both_languages(client, rows):
    entries = sitemap_entries(client)

    assert {
        f"{HOST}/en/members/relais/",
        f"{HOST}/fr/membres/relais/",
        f"{HOST}/en/news/opening/",
        f"{HOST}/fr/actualites/ouverture/",
        f"{HOST}/en/events/conference/",
        f"{HOST}/fr/evenements/colloque/",
        f"{HOST}/en/practices/visiting-rooms/",
        f"{HOST}/fr/pratiques/parloirs/",
        f"{HOST}/en/values/",
        f"{HOST}/fr/valeurs/",
    } <= set(entries)


def test_the_sitemap_lists_each_public_address_once(client, rows):
    # home, nine sections, contact, five pages; two members, two posts, an event, a
    # practice and two calls: 24 pages in two languages.
    assert len(sitemap_entries(client)) == 48


def test_drafts_scheduled_and_unpublished_rows_are_not_in_the_sitemap(client, rows):
    addresses = " ".join(sitemap_entries(client))

    for slug in ["hidden-member", "draft-post", "scheduled-post", "draft-event", "draft-practice"]:
        assert slug not in addresses


def test_public_calls_open_and_closed_are_in_the_sitemap_in_both_languages(client, rows):
    entries = file_entries(client, "/sitemap-calls.xml")

    assert set(entries) == {
        f"{HOST}/en/collaborate/partners-wanted/",
        f"{HOST}/fr/collaborer/partners-wanted/",
        f"{HOST}/en/collaborate/closed-call/",
        f"{HOST}/fr/collaborer/closed-call/",
    }
    assert entries[f"{HOST}/fr/collaborer/partners-wanted/"]["alternates"] == {
        "en": f"{HOST}/en/collaborate/partners-wanted/",
        "fr": f"{HOST}/fr/collaborer/partners-wanted/",
        "x-default": f"{HOST}/en/collaborate/partners-wanted/",
    }


def test_members_only_and_hidden_calls_are_never_in_the_sitemap(client, rows):
    addresses = " ".join(sitemap_entries(client))

    assert "members-only-call" not in addresses
    assert "hidden-call" not in addresses


def test_the_calls_list_and_archive_are_among_the_static_pages(client, pages):
    entries = file_entries(client, "/sitemap-main.xml")

    assert entries[f"{HOST}/fr/collaborer/"]["alternates"]["en"] == f"{HOST}/en/collaborate/"
    assert f"{HOST}/en/collaborate/archive/" in entries
    assert f"{HOST}/fr/collaborer/archives/" in entries


def test_a_call_made_members_only_leaves_the_sitemap_at_once(client, rows):
    call = rows["calls"][0]
    client.get("/sitemap-calls.xml")

    call.is_public = False
    call.save()

    assert f"{HOST}/en/collaborate/{call.slug}/" not in file_entries(client, "/sitemap-calls.xml")


def test_members_of_an_unlisted_category_are_not_in_the_sitemap(client, pages):
    hidden = CategoryFactory(slug="honorary", listed=False)
    MemberFactory(slug="honorary-one", category=hidden)

    assert f"{HOST}/en/members/honorary-one/" not in sitemap_entries(client)


def test_each_address_lists_the_other_languages_and_english_as_x_default(client, rows):
    entries = file_entries(client, "/sitemap-news.xml")
    alternates = {
        "en": f"{HOST}/en/news/opening/",
        "fr": f"{HOST}/fr/actualites/ouverture/",
        "x-default": f"{HOST}/en/news/opening/",
    }

    assert entries[f"{HOST}/en/news/opening/"]["alternates"] == alternates
    assert entries[f"{HOST}/fr/actualites/ouverture/"]["alternates"] == alternates


def test_every_address_has_alternates_that_list_it_back(client, rows):
    entries = sitemap_entries(client)

    one_way = [
        (address, href)
        for address, entry in entries.items()
        for code, href in entry["alternates"].items()
        if code != "x-default" and entries[href]["alternates"] != entry["alternates"]
    ]

    assert one_way == []


def test_the_static_pages_have_alternates_too(client, pages):
    entries = file_entries(client, "/sitemap-main.xml")

    assert entries[f"{HOST}/fr/pratiques/donnees-probantes/"]["alternates"] == {
        "en": f"{HOST}/en/practices/evidence/",
        "fr": f"{HOST}/fr/pratiques/donnees-probantes/",
        "x-default": f"{HOST}/en/practices/evidence/",
    }


def test_each_row_is_dated_by_its_last_change(client, rows):
    member = rows["members"][0]
    entries = sitemap_entries(client)

    changed = datetime.datetime.fromisoformat(entries[f"{HOST}/fr/membres/relais/"]["lastmod"])

    assert changed == member.updated_at.replace(microsecond=0)
    for section in ["members", "news", "events", "practices", "calls"]:
        entries = file_entries(client, f"/sitemap-{section}.xml")
        undated = [address for address, entry in entries.items() if not entry["lastmod"]]
        assert undated == [], section


def test_an_empty_section_is_an_empty_file(client, pages):
    assert file_entries(client, "/sitemap-events.xml") == {}
    assert index_dates(client)["/sitemap-events.xml"] is None


# Files of at most 50,000 addresses.


def test_a_file_holds_at_most_50000_addresses():
    assert all(cls.limit <= 50_000 for cls in sitemaps.SITEMAPS.values())


def test_a_long_section_is_split_into_files_of_limit_addresses(client, pages, monkeypatch):
    monkeypatch.setattr(sitemaps.Sitemap, "limit", 4)  # two posts in two languages a file
    posts = [PostFactory() for _ in range(5)]

    files = [a for a in section_files(client) if a.startswith("/sitemap-news.xml")]
    sizes = [len(file_entries(client, address)) for address in files]
    listed = set().union(*(file_entries(client, address) for address in files))

    assert files == list(dict.fromkeys(news_file(post, 2) for post in posts))
    assert sum(sizes) == 10 and max(sizes) <= 4
    assert listed == {
        f"{HOST}/{code}/{'news' if code == 'en' else 'actualites'}/{post.slug_en}/"
        for post in posts
        for code in ["en", "fr"]
    }


@pytest.mark.parametrize(
    "address",
    [
        "/sitemap-news.xml?p=2",  # past the last file
        "/sitemap-news.xml?p=0",
        "/sitemap-news.xml?p=01",  # the first file has one address only
        "/sitemap-news.xml?p=x",
        "/sitemap-nothing.xml",
    ],
)
def test_a_file_that_does_not_exist_is_a_404(client, rows, address):
    # (Django's LocaleMiddleware first tries /en/…/, which is no page either.)
    assert client.get(address, follow=True).status_code == 404


def test_a_section_that_does_not_exist_is_never_looked_up_in_the_cache(client, monkeypatch):
    looked_up, get = [], cache.get

    def looking_up(key, *args, **kwargs):
        looked_up.append(key)
        return get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", looking_up)

    client.get("/sitemap-" + "x" * 300 + ".xml", follow=True)

    assert looked_up and not [key for key in looked_up if "x" * 300 in key]  # memcached: 250


def test_the_first_file_starts_at_the_sections_first_row_whatever_its_key(
    client, pages, monkeypatch
):
    # PostgreSQL's keys do not restart: a section's first row may have any key.
    monkeypatch.setattr(sitemaps.Sitemap, "limit", 4)  # two posts a file
    *gone, kept = [PostFactory() for _ in range(5)]
    Post.objects.filter(pk__in=[post.pk for post in gone]).delete()

    assert f"{HOST}/en/news/{kept.slug_en}/" in file_entries(client, "/sitemap-news.xml")
    assert [a for a in section_files(client) if "news" in a] == ["/sitemap-news.xml"]


def test_a_file_of_a_long_section_reads_only_its_page_of_rows(
    client, pages, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(sitemaps.Sitemap, "limit", 4)
    for _ in range(9):
        PostFactory()

    posts = list(Post.objects.order_by("pk"))
    address = news_file(posts[4], 2)

    # The section's first key, one page of rows, and when the clock next changes what
    # is listed (three: posts, practices, events).
    with django_assert_max_num_queries(5) as queries:
        response = client.get(address)
    reads = [q["sql"] for q in queries.captured_queries if '"news_post"."slug_en"' in q["sql"]]

    assert response.content.count(b"<url>") == 4
    assert len(reads) == 1
    # Found by its keys, not past the rows before it.
    assert '"news_post"."id" >=' in reads[0] and "OFFSET" not in reads[0]


# The cache.


def test_a_sitemap_file_is_served_from_the_cache(client, rows, django_assert_num_queries):
    client.get("/sitemap-news.xml")

    with django_assert_num_queries(0):
        response = client.get("/sitemap-news.xml")

    assert b"/en/news/opening/" in response.content


def test_a_newly_published_post_is_listed_at_once(client, rows):
    draft = rows["hidden"][1]
    client.get("/sitemap.xml")
    client.get("/sitemap-news.xml")

    draft.status = "published"
    draft.save()

    assert f"{HOST}/en/news/draft-post/" in file_entries(client, "/sitemap-news.xml")


def test_a_member_taken_off_the_directory_leaves_the_sitemap_at_once(client, rows):
    member = rows["members"][0]
    client.get("/sitemap-members.xml")

    member.published = False
    member.save()

    assert f"{HOST}/en/members/relais/" not in file_entries(client, "/sitemap-members.xml")


def test_members_leave_the_sitemap_when_their_category_is_unlisted(client, rows):
    category = rows["members"][0].category
    client.get("/sitemap-members.xml")

    category.listed = False
    category.save()

    assert file_entries(client, "/sitemap-members.xml") == {}


def test_a_new_section_file_is_in_the_index_at_once(client, pages, monkeypatch):
    monkeypatch.setattr(sitemaps.Sitemap, "limit", 2)
    PostFactory()
    client.get("/sitemap.xml")

    post = PostFactory()

    assert news_file(post, 1) in section_files(client)


def test_the_sitemap_is_kept_until_the_next_scheduled_post_comes_due(db, settings):
    settings.PAGE_CACHE_SECONDS = 60 * 60  # as with a shared cache
    PostFactory(publish_at=timezone.now() + datetime.timedelta(minutes=10))

    assert 590 <= pagecache.seconds_to_keep() <= 601


def test_the_sitemap_is_kept_an_hour_when_nothing_is_scheduled(db, settings):
    settings.PAGE_CACHE_SECONDS = 60 * 60  # as with a shared cache
    PostFactory()

    assert pagecache.seconds_to_keep() == 60 * 60


def test_each_host_gets_its_own_addresses(client, rows, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    client.get("/sitemap-news.xml")

    response = client.get("/sitemap-news.xml", headers={"host": "other.example"})

    assert b"http://other.example/en/news/opening/" in response.content


# robots.txt


def disallowed(client):
    text = client.get("/robots.txt").text
    return [line.removeprefix("Disallow: ") for line in text.splitlines() if "Disallow" in line]


def test_robots_points_to_the_sitemap_index(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()


def test_robots_keeps_crawlers_out_of_the_admin_portal_accounts_and_switcher(client):
    assert disallowed(client) == [
        "/admin/",
        "/language/",
        "/en/portal/",
        "/en/accounts/",
        "/fr/espace-membre/",
        "/fr/comptes/",
    ]


@pytest.mark.parametrize("code", ["en", "fr"])
@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("members:portal", {}),
        ("members:edit_profile", {"slug": "relais"}),
        ("members:representatives", {"slug": "relais"}),
        ("account_login", {}),
        ("account_reset_password", {}),
        ("account_signup", {}),
        ("mfa_authenticate", {}),
        ("members:invitation", {"token": "e30:1abc:signature"}),
    ],
)
def test_robots_keeps_out_every_portal_and_account_page(client, code, name, kwargs):
    with translation.override(code):
        path = reverse(name, kwargs=kwargs)

    assert any(path.startswith(prefix) for prefix in disallowed(client)), path


def test_robots_leaves_the_public_pages_to_crawlers(client, rows):
    prefixes = disallowed(client)

    listed = [
        address.removeprefix(HOST)
        for address in sitemap_entries(client)
        if any(address.removeprefix(HOST).startswith(prefix) for prefix in prefixes)
    ]

    assert listed == []
