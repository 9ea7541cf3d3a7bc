"""The anonymous page cache (pages/pagecache.py): a public page is built once for
visitors who are not signed in, and built again as soon as anything it shows changes;
never a page for one person, a page with a form that posts, or one that sets a cookie."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from django.utils.csp import LazyNonce

from cpe_network.lib import versions
from members.models import Application
from news.models import Post
from pages import pagecache
from tests.factories import (
    CategoryFactory,
    EventFactory,
    MemberFactory,
    PostFactory,
    TopicFactory,
    UserFactory,
)
from tests.forms import application_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 60 * 60  # as with a shared cache (Redis)


def test_a_public_page_is_built_once(client, pages, django_assert_num_queries):
    PostFactory(title_en="Visits reopen")
    first = client.get("/en/news/")

    with django_assert_num_queries(0):
        again = client.get("/en/news/")

    assert again.status_code == 200
    assert "Visits reopen" in again.text
    assert again.content == first.content
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_published_change_shows_at_once(client, pages):
    post = PostFactory(title_en="Visits reopen")
    client.get("/en/news/")
    client.get(post.get_absolute_url())

    post.title_en = "Visits reopen in May"
    post.save()

    assert "Visits reopen in May" in client.get("/en/news/").text
    assert "Visits reopen in May" in client.get(post.get_absolute_url()).text


def test_a_post_unpublished_in_bulk_leaves_the_list_and_sitemap_at_once(
    admin_client, client, pages
):
    post = PostFactory(title_en="Visits reopen")
    assert "Visits reopen" in client.get("/en/news/").text
    assert post.get_absolute_url() in client.get("/sitemap-news.xml").text

    admin_client.post("/admin/news/post/", {"action": "unpublish", ACTION_CHECKBOX_NAME: [post.pk]})

    assert Post.objects.get().status == Post.Status.DRAFT
    assert "Visits reopen" not in client.get("/en/news/").text
    assert post.get_absolute_url() not in client.get("/sitemap-news.xml").text


def test_a_member_published_in_bulk_appears_at_once(admin_client, client, pages):
    member = MemberFactory(name="Relais Lyon", published=False)
    assert "Relais Lyon" not in client.get("/en/members/").text

    admin_client.post(
        "/admin/members/member/",
        {"action": "publish", ACTION_CHECKBOX_NAME: [member.pk]},
    )

    assert "Relais Lyon" in client.get("/en/members/").text


def test_a_page_is_kept_only_until_a_scheduled_post_comes_due(client, pages):
    PostFactory(title_en="Spring fair", publish_at=timezone.now() + datetime.timedelta(minutes=5))

    assert "Spring fair" not in client.get("/en/news/").text
    assert 290 <= pagecache.seconds_to_keep() <= 301


def test_a_page_is_kept_only_until_the_next_event_ends(client, pages):
    now = timezone.now()
    EventFactory(start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(minutes=10))
    client.get("/en/events/")

    assert 590 <= pagecache.seconds_to_keep() <= 601


def test_each_language_and_query_has_its_page(client, pages):
    PostFactory(title_en="Visits reopen", title_fr="Les parloirs rouvrent")

    assert "Visits reopen" in client.get("/en/news/").text
    assert "Les parloirs rouvrent" in client.get("/fr/actualites/").text
    assert "Visits reopen" in client.get("/en/news/", {"q": "visits"}).text
    assert "Visits reopen" not in client.get("/en/news/", {"q": "garden"}).text


def test_the_order_of_the_parameters_makes_no_other_page(client, pages, django_assert_num_queries):
    client.get("/en/members/?country=FR&q=lyon")

    with django_assert_num_queries(0):
        client.get("/en/members/?q=lyon&country=FR")


def test_signed_in_visitors_never_get_or_leave_a_cached_page(rep_client, pages):
    visitor = Client()
    PostFactory(title_en="Visits reopen")
    assert "Member portal" not in visitor.get("/en/news/").text

    signed_in = rep_client.get("/en/news/")

    assert "private" in signed_in["Cache-Control"]
    assert "Member portal" in signed_in.text
    assert "Member portal" not in visitor.get("/en/news/").text


def test_a_page_with_a_form_that_posts_is_never_kept(client, pages):
    CategoryFactory()  # open to applications: the join page shows its form
    client.get("/en/join/")

    response = client.get("/en/join/")

    assert "csrfmiddlewaretoken" in response.text
    assert response.wsgi_request.resolver_match is not None  # built again, not kept


def test_a_visitor_with_a_session_gets_a_page_built_for_them(client, pages):
    PostFactory(title_en="Visits reopen")
    client.get("/en/news/")
    client.cookies["sessionid"] = "whatever"

    response = client.get("/en/news/")

    assert response.status_code == 200
    assert response.wsgi_request.resolver_match is not None  # the view ran


def test_a_kept_page_that_used_a_nonce_is_served_with_the_requests_own(rf):
    """No template uses a Content Security Policy nonce today; one that does keeps it
    unique to each response."""
    first, second = rf.get("/en/"), rf.get("/en/")
    for request in (first, second):
        request._csp_nonce = LazyNonce()
    response = HttpResponse(f'<script nonce="{first._csp_nonce}"></script>')

    served = pagecache._served(second, pagecache._stored(first, response))

    assert served.content == f'<script nonce="{second._csp_nonce}"></script>'.encode()
    assert str(first._csp_nonce) != str(second._csp_nonce)


def test_an_unchanged_page_answers_304(client, pages):
    PostFactory(title_en="Visits reopen")
    first = client.get("/en/news/")

    assert first.has_header("ETag")
    again = client.get("/en/news/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_with_each_process_its_own_cache_a_page_is_kept_half_a_minute(settings, db):
    """Without CACHE_URL, a change in one server process is not seen by the others:
    their pages (and sitemaps) are out of date for 30 seconds at most."""
    settings.PAGE_CACHE_SECONDS = 30

    assert pagecache.seconds_to_keep() == 30


def test_an_address_with_many_parameters_is_served_but_not_kept(client, pages):
    address = "/en/news/?" + "&".join(f"x{n}=1" for n in range(9))
    client.get(address)

    again = client.get(address)

    assert again.status_code == 200
    assert again.wsgi_request.resolver_match is not None  # built again, not kept


def test_an_application_leaves_the_kept_pages_in_place(client, pages, django_assert_num_queries):
    """Anyone may send the join form, and no public page shows an application: were each
    one to renew every page, a stream of them would leave the site uncached (as
    `make loadtest` found)."""
    category = CategoryFactory()
    client.get("/en/news/")

    sent = Client().post("/en/join/", application_data(category))

    assert sent.status_code == 302
    assert Application.objects.count() == 1
    with django_assert_num_queries(0):
        assert client.get("/en/news/").status_code == 200


def test_a_members_topics_renew_the_pages_an_accounts_groups_do_not(db):
    member, topic, user = MemberFactory(), TopicFactory(), UserFactory()
    before = versions.current(pagecache.VERSION)

    user.groups.add(Group.objects.create(name="Editors"))
    assert versions.current(pagecache.VERSION) == before

    member.topics.add(topic)
    assert versions.current(pagecache.VERSION) != before
