import datetime
import re

import feedparser
import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cpe_network.lib import versions
from news import views as news_views
from news.models import Post
from tests.factories import EventFactory, MemberFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="post-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', response.text)


def test_news_list_shows_published_posts_newest_first_in_both_languages(client):
    now = timezone.now()
    PostFactory(
        title_en="Older", title_fr="Plus ancien", publish_at=now - datetime.timedelta(days=2)
    )
    PostFactory(
        title_en="Newer", title_fr="Plus récent", publish_at=now - datetime.timedelta(days=1)
    )
    PostFactory(title_en="Draft", status="draft")
    PostFactory(title_en="Waiting", status="submitted")

    assert titles(client.get("/en/news/")) == ["Newer", "Older"]
    assert titles(client.get("/fr/actualites/")) == ["Plus récent", "Plus ancien"]


def test_a_post_dated_tomorrow_appears_by_itself_tomorrow(client, monkeypatch):
    today = timezone.now()
    PostFactory(
        title_en="Scheduled", slug="scheduled", publish_at=today + datetime.timedelta(days=1)
    )

    assert titles(client.get("/en/news/")) == []
    assert client.get("/en/news/scheduled/").status_code == 404
    monkeypatch.setattr(timezone, "now", lambda: today + datetime.timedelta(days=1, minutes=1))
    assert titles(client.get("/en/news/")) == ["Scheduled"]
    assert client.get("/en/news/scheduled/").status_code == 200


def test_drafts_are_hidden_from_visitors_and_previewed_by_staff(client, admin_client):
    PostFactory(slug="draft", status="draft", title_en="Not yet")

    assert client.get("/en/news/draft/").status_code == 404
    preview = admin_client.get("/en/news/draft/")
    assert preview.status_code == 200
    assert "Preview: this post is not public yet." in preview.text


@pytest.mark.parametrize("path", ["/en/news/draft/", "/fr/evenements/draft/"])
def test_without_a_second_factor_staff_see_no_preview_when_one_is_required(
    admin_client, admin_user, settings, path
):
    PostFactory(slug="draft", status="draft", title_en="Not yet")
    EventFactory(slug="draft", status="draft")
    settings.STAFF_REQUIRE_MFA = True

    refused = admin_client.get(path)
    Authenticator.objects.create(user=admin_user, type=Authenticator.Type.TOTP, data={})
    shown = admin_client.get(path)

    assert refused.status_code == 404
    assert "Not yet" not in refused.text
    assert shown.status_code == 200


def test_stored_text_is_sanitised():
    post = PostFactory(
        body_en=(
            "Hello <script>alert(1)</script> **bold** <img src=x onerror=alert(2)> "
            '[click](javascript:alert(3)) <a href="https://ok.example" onclick="x()">ok</a> '
            "<style>body{}</style>\n\n## Heading\n\n- item\n\n> quote"
        )
    )

    html = Post.objects.get(pk=post.pk).body_html_en
    for bad in ["<script", "onerror", "javascript:", "onclick", "<style", "<img"]:
        assert bad not in html
    for good in [
        "<strong>bold</strong>",
        "<h2>Heading</h2>",
        "<li>item</li>",
        "<blockquote>",
        'href="https://ok.example"',
    ]:
        assert good in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=schools", ["About schools"]),
        ("country=IT", ["In Italy"]),
        ("member=relais", ["From Relais"]),
    ],
)
def test_filters(client, query, expected):
    PostFactory(title_en="About schools").topics.add(TopicFactory(slug="schools"))
    PostFactory(title_en="In Italy", countries=["IT"])
    PostFactory(title_en="From Relais").members.add(MemberFactory(slug="relais"))

    assert titles(client.get(f"/en/news/?{query}")) == expected


def options(response, name):
    """The values a select of the filter panel offers."""
    select = re.search(rf'<select id="filter-{name}".*?</select>', response.text, re.S)
    return re.findall(r'<option value="([^"]+)"', select.group()) if select else []


def test_country_filter_offers_only_countries_with_news(client):
    PostFactory(countries=["IT", "FR"])
    PostFactory(countries=["FR"])
    PostFactory(countries=["DE"], status="draft")

    assert options(client.get("/en/news/"), "country") == ["FR", "IT"]


def test_country_filter_offers_each_country_of_every_combination_but_not_scheduled_ones(client):
    """The countries are found by skipping from one stored value to the next: each
    combination of countries, none, and a post not yet due are among those values."""
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    for countries in [["FR", "PT"], ["FR"], [], ["BE"], ["FR", "PT"], ["AT", "FR"]]:
        PostFactory(countries=countries)
    PostFactory(countries=["DE"], publish_at=tomorrow)
    PostFactory(countries=["ZA"], publish_at=tomorrow)

    assert options(client.get("/en/news/"), "country") == ["AT", "BE", "FR", "PT"]
    assert options(client.get("/en/events/"), "country") == []


def test_country_filter_sorts_countries_by_name_in_the_pages_language(client):
    PostFactory(countries=["DE", "ES"])

    assert options(client.get("/en/news/"), "country") == ["DE", "ES"]  # Germany, Spain
    assert options(client.get("/fr/actualites/"), "country") == ["DE", "ES"]  # Allemagne, Espagne


def test_country_asked_for_is_offered_even_without_news(client):
    PostFactory(countries=["FR"])

    response = client.get("/en/news/?country=PT")

    assert options(response, "country") == ["FR", "PT"]
    assert '<option value="PT" selected>Portugal</option>' in response.text


def test_member_filter_offers_a_short_list_of_the_members_with_the_most_news(client):
    busy = [MemberFactory(slug=f"busy-{n:02}", name=f"Busy {n:02}") for n in range(12)]
    quiet = MemberFactory(slug="quiet", name="Quiet")
    for member in busy:
        for _ in range(2):
            PostFactory().members.add(member)
    PostFactory().members.add(quiet)

    offered = options(client.get("/en/news/"), "member")

    assert offered == [member.slug for member in busy]


def test_member_filter_counts_only_the_latest_news(client, monkeypatch):
    """At 100,000 posts, counting every post by member took 100 ms: the short list is
    of those who published most among the latest posts."""
    monkeypatch.setattr(news_views, "RECENT", 3)
    once_busy = MemberFactory(slug="once-busy")
    for days in range(10, 15):
        PostFactory(publish_at=timezone.now() - datetime.timedelta(days=days)).members.add(
            once_busy
        )
    active = MemberFactory(slug="active")
    for days in range(1, 4):
        PostFactory(publish_at=timezone.now() - datetime.timedelta(days=days)).members.add(active)

    assert options(client.get("/en/news/"), "member") == ["active"]


def test_a_member_not_offered_still_filters_by_its_address(client):
    busy = [MemberFactory(slug=f"busy-{n:02}") for n in range(12)]
    for member in busy:
        for _ in range(2):
            PostFactory().members.add(member)
    PostFactory(title_en="Quiet news").members.add(MemberFactory(slug="quiet", name="Quiet"))

    response = client.get("/en/news/?member=quiet")

    assert titles(response) == ["Quiet news"]
    assert '<option value="quiet" selected>Quiet</option>' in response.text


def test_an_unknown_member_is_dropped_from_the_filters(client):
    PostFactory(title_en="Any news")

    assert titles(client.get("/en/news/?member=nobody")) == ["Any news"]


def test_rss_feed_per_language_parses(client):
    PostFactory(title_en="Fresh news", title_fr="Actualité fraîche", slug="fresh")

    english = feedparser.parse(client.get("/en/news/feed/").content)
    french = feedparser.parse(client.get("/fr/actualites/flux/").content)

    assert not english.bozo
    assert [entry.title for entry in english.entries] == ["Fresh news"]
    assert english.entries[0].link == "http://127.0.0.1:8000/en/news/fresh/"
    assert [entry.title for entry in french.entries] == ["Actualité fraîche"]


def test_rss_feed_links_use_the_sites_public_address(client, settings):
    settings.SITE_URL = "https://network.example.org"
    PostFactory(slug="fresh")

    feed = feedparser.parse(client.get("/fr/actualites/flux/").content)

    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {
        "alternate": "https://network.example.org/fr/actualites/",
        "self": "https://network.example.org/fr/actualites/flux/",
    }
    assert feed.entries[0].link == "https://network.example.org/fr/actualites/fresh/"


def test_home_and_member_pages_show_the_news(client):
    member = MemberFactory(slug="relais")
    PostFactory(title_en="Member news").members.add(member)

    assert "Member news" in client.get("/en/").text
    assert "Member news" in client.get("/en/members/relais/").text


def test_news_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    topic = TopicFactory(slug="schools")

    def add(count, start):
        posts = Post.objects.bulk_create(
            Post(
                slug=f"p-{n}",
                title_en=f"P{n}",
                status="published",
                publish_at=timezone.now() - datetime.timedelta(minutes=n),
            )
            for n in range(start, start + count)
        )
        Post.topics.through.objects.bulk_create(
            Post.topics.through(post_id=p.pk, topic_id=topic.pk) for p in posts
        )

    add(10, 0)
    # Six, and the secretariat's contact details in the footer (then cached).
    # And, once while nothing changes, when the clock next changes a list (three).
    with django_assert_max_num_queries(10) as small:
        client.get("/en/news/?topic=schools")
    add(990, 10)
    versions.bump("pages")  # as a save does (bulk_create does not): counted again
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/news/?topic=schools&page=5")

    assert len(titles(response)) == 12


def test_editors_publish_from_the_admin(admin_client):
    post = PostFactory(status="submitted")

    admin_client.post("/admin/news/post/", {"action": "publish", "_selected_action": [post.pk]})

    assert Post.objects.get(pk=post.pk).status == "published"


def test_post_admin_filters_by_status_topic_country_and_member(admin_client):
    PostFactory(title_en="Italian news", countries=["IT"], status="submitted")
    PostFactory(title_en="Belgian news", countries=["BE"])

    listing = admin_client.get("/admin/news/post/?country=IT&status__exact=submitted").text

    assert "Italian news" in listing
    assert "Belgian news" not in listing
    for label in ["By status", "By country"]:
        assert label in listing


def test_a_post_image_that_is_not_a_picture_is_refused(admin_client):
    response = admin_client.post(
        "/admin/news/post/add/",
        {
            "title_en": "With image",
            "slug": "with-image",
            "status": "draft",
            "publish_at_0": "2026-11-24",
            "publish_at_1": "10:00:00",
            "image": SimpleUploadedFile("photo.jpg", b"not an image", "image/jpeg"),
        },
    )

    assert response.status_code == 200
    assert "Upload a valid image" in response.text
    assert not Post.objects.filter(slug="with-image").exists()


def test_editors_may_write_news(editor_client):
    assert editor_client.get("/admin/news/post/add/").status_code == 200


def test_dates_are_given_to_the_second_for_machines(client):
    # A fraction of a second with six digits is not a valid HTML date and time.
    a_second_ago = timezone.now() - datetime.timedelta(seconds=1)
    PostFactory(slug="to-the-second", publish_at=a_second_ago.replace(microsecond=123456))

    for path in ["/en/news/", "/fr/actualites/to-the-second/"]:
        html = client.get(path).text
        (stamp,) = re.findall(r'<time datetime="([^"]+)"', html)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp)
