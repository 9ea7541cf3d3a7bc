"""Light pages (issue 17): the HTML of each list page, at its default page size, and of
the home page under 40 KB; our stylesheet and scripts, as collected for production,
minified under their budgets, with gzip and Brotli copies; hashed files cached for good.
README "Page weight" gives the measured sizes."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from members.views import PER_PAGE as DIRECTORY_PAGE
from news.views import PER_PAGE as NEWS_PAGE
from practices.views import PER_PAGE as PRACTICES_PAGE
from tests.factories import EventFactory, PostFactory, PracticeFactory, image_file

HTML_BUDGET = 40_000
SITE_CSS_BUDGET = 25_000
JS_BUDGET = 10_000

# Each list page with the class of its items and how many a default page holds.
LIST_PAGES = [
    ("/en/members/", "member-card", DIRECTORY_PAGE),
    ("/fr/membres/", "member-card", DIRECTORY_PAGE),
    ("/en/news/", "post-card", NEWS_PAGE),
    ("/fr/actualites/", "post-card", NEWS_PAGE),
    ("/en/events/", "event-card", NEWS_PAGE),
    ("/fr/evenements/", "event-card", NEWS_PAGE),
    ("/en/practices/", "practice-card", PRACTICES_PAGE),
    ("/fr/pratiques/", "practice-card", PRACTICES_PAGE),
]
OTHER_PAGES = ["/en/", "/fr/", "/en/search/?q=prison", "/fr/recherche/?q=prison"]


@pytest.fixture
def demo(db):
    """The demo network (`make run`'s), with an upcoming event more than it has, so that
    every list shows a full page."""
    call_command("setup_network", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    EventFactory()


def test_each_list_shows_a_full_default_page_of_the_demo(client, demo):
    shown = {
        path: len(re.findall(rf'<li class="{item}[ "]', client.get(path).text))
        for path, item, _size in LIST_PAGES
    }

    assert shown == {path: size for path, _item, size in LIST_PAGES}


def test_list_pages_and_the_home_page_weigh_under_40_kb(client, demo):
    paths = [path for path, _item, _size in LIST_PAGES] + OTHER_PAGES
    weights = {path: len(client.get(path).content) for path in paths}

    assert {path: size for path, size in weights.items() if size >= HTML_BUDGET} == {}


# The calls' pages (issue 18): the list in each language, a filtered list and one public
# call of the demo. Each must answer 200: an error page would weigh little.
CALLS_PAGES = [
    "/en/collaborate/",
    "/fr/collaborer/",
    "/en/collaborate/?kind=research",
    "/en/collaborate/research-how-children-are-told-of-an-arrest/",
]


def test_the_calls_pages_weigh_under_40_kb(client, demo):
    responses = {path: client.get(path) for path in CALLS_PAGES}

    assert {path: r.status_code for path, r in responses.items() if r.status_code != 200} == {}
    weights = {path: len(response.content) for path, response in responses.items()}
    assert {path: size for path, size in weights.items() if size >= HTML_BUDGET} == {}


def test_the_home_page_draws_its_small_map_lighter_than_the_map_page(client, demo):
    home = client.get("/en/").text
    full = client.get("/en/members/map/").text

    def svg(html):
        return html[html.index("<svg") : html.index("</svg>")]

    assert len(svg(home)) < len(svg(full)) / 3


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """The static files as `collectstatic` writes them for production."""
    root = tmp_path_factory.mktemp("static")
    production = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "cpe_network.lib.staticfiles.MinifiedManifestStaticFilesStorage"
        },
    }
    with override_settings(STORAGES=production, STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def hashed(root, folder, suffix):
    return [
        p for p in (root / folder).glob(f"*.*{suffix}") if re.search(r"\.[0-9a-f]{12}\.", p.name)
    ]


def test_site_css_is_served_minified_under_25_kb(collected):
    (site,) = [p for p in hashed(collected, "css", ".css") if p.name.startswith("site.")]

    assert site.stat().st_size < SITE_CSS_BUDGET


def test_our_scripts_together_are_served_under_10_kb(collected):
    total = sum(p.stat().st_size for p in hashed(collected, "js", ".js"))

    assert total < JS_BUDGET


def test_collected_css_has_no_comments_left(collected):
    (site,) = [p for p in hashed(collected, "css", ".css") if p.name.startswith("site.")]

    assert "/*" not in site.read_text()


def test_each_stylesheet_and_script_has_brotli_and_gzip_copies(collected):
    files = hashed(collected, "css", ".css") + hashed(collected, "js", ".js")
    missing = [
        f"{p.name}{suffix}"
        for p in files
        for suffix in (".br", ".gz")
        if not p.with_name(p.name + suffix).exists()
    ]

    assert missing == []


@pytest.fixture
def served(collected, settings):
    """WhiteNoise serving the collected files, as in production."""
    settings.STATIC_ROOT = collected
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "cpe_network.lib.staticfiles.MinifiedManifestStaticFilesStorage"
        },
    }
    middleware = WhiteNoiseMiddleware(get_response=None)
    (site,) = [p for p in hashed(collected, "css", ".css") if p.name.startswith("site.")]
    return middleware, f"/static/css/{site.name}"


def _get(rf, middleware, path, encoding):
    return middleware(rf.get(path, headers={"accept-encoding": encoding}))


def test_hashed_files_are_cached_for_ten_years(rf, served):
    middleware, path = served

    response = _get(rf, middleware, path, "gzip")

    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_brotli_is_served_to_a_browser_that_takes_it(rf, served):
    middleware, path = served

    response = _get(rf, middleware, path, "gzip, deflate, br")

    assert response["Content-Encoding"] == "br"


def test_gzip_is_served_to_a_browser_without_brotli(rf, served):
    middleware, path = served

    response = _get(rf, middleware, path, "gzip, deflate")

    assert response["Content-Encoding"] == "gzip"


def _image_tags(html, src_part):
    return [tag for tag in re.findall(r"<img\b[^>]*>", html) if src_part in tag]


@pytest.mark.django_db
def test_a_posts_picture_under_its_title_loads_at_once(client):
    post = PostFactory(image=image_file("photo.png"))

    (tag,) = _image_tags(client.get(post.get_absolute_url()).text, post.image_web.url)

    assert 'loading="lazy"' not in tag


@pytest.mark.django_db
def test_pictures_below_the_fold_of_events_and_practices_wait_for_the_reader(client):
    event = EventFactory(image=image_file("poster.png"))
    practice = PracticeFactory(image=image_file("photo.png"))
    tags = _image_tags(client.get(event.get_absolute_url()).text, event.image_web.url)
    tags += _image_tags(client.get(practice.get_absolute_url()).text, practice.image_web.url)

    assert [('loading="lazy"' in tag, 'width="' in tag and 'height="' in tag) for tag in tags] == [
        (True, True),
        (True, True),
    ]
