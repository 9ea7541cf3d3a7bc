"""The search around the site: the header's box on every page, the lists' own search
(news, events, directory, practices) matching as the site search does, the index kept in
step with every change, and the demo's words in both languages."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import Post
from practices.models import Practice
from search.models import Entry
from tests.factories import EventFactory, MemberFactory, PostFactory, PracticeFactory

from .test_page import group_heading, page, section, titles

pytestmark = pytest.mark.django_db


def header_search(text):
    """The header's search form: its address, and its box's label."""
    form = re.search(
        r'<form class="site-search" method="get" action="([^"]+)" role="search">(.*?)</form>',
        text,
        re.S,
    )
    if not form:
        return None
    label = re.search(r'<label class="visually-hidden" for="site-search-q">([^<]+)<', form.group(2))
    button = re.search(r'<button type="submit"[^>]*>(.*?)</button>', form.group(2), re.S)
    return form.group(1), label.group(1), re.sub(r"<[^>]+>", "", button.group(1)).strip()


@pytest.fixture
def site(pages):
    member = MemberFactory(slug="relais", name="Relais")
    post = PostFactory(slug_en="news-one", slug_fr="nouvelle-une")
    event = EventFactory(slug_en="day-one", slug_fr="journee-une")
    practice = PracticeFactory(slug_en="rooms", slug_fr="parloirs")
    return member, post, event, practice


PATHS = {
    "en": [
        "/en/",
        "/en/about/",
        "/en/members/",
        "/en/members/relais/",
        "/en/members/map/",
        "/en/news/",
        "/en/news/news-one/",
        "/en/events/",
        "/en/events/day-one/",
        "/en/practices/",
        "/en/practices/rooms/",
        "/en/contact/",
        "/en/accounts/login/",
        "/en/no-such-page/",
    ],
    "fr": [
        "/fr/",
        "/fr/membres/",
        "/fr/actualites/nouvelle-une/",
        "/fr/evenements/journee-une/",
        "/fr/pratiques/parloirs/",
        "/fr/page-inexistante/",
    ],
}
HEADER = {
    "en": ("/en/search/", "Search the site", "Search"),
    "fr": ("/fr/recherche/", "Chercher sur le site", "Rechercher"),
}


@pytest.mark.parametrize(
    ("language", "path"), [(language, path) for language, paths in PATHS.items() for path in paths]
)
def test_every_page_has_the_search_box_in_its_header(client, site, language, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    assert header_search(response.text) == HEADER[language]


def test_the_header_box_leads_to_the_search_page(client, site):
    response = client.get("/fr/recherche/", {"q": "parloirs"})

    assert response.status_code == 200


def test_the_search_page_has_one_search_box_its_own(client):
    text = page(client, "visits")

    assert header_search(text) is None
    assert text.count('type="search"') == 1
    assert 'id="search-page-q"' in text


# The lists search as the site search does


def test_the_news_list_finds_words_without_their_accents(client):
    PostFactory(title_en="Street educators", title_fr="Des éducateurs de rue")
    PostFactory(title_en="Other news", title_fr="Autres nouvelles")

    text = client.get("/fr/actualites/", {"q": "educateurs"}).text

    assert text.count('class="post-card"') == 1
    assert "Des éducateurs de rue" in text


def test_the_news_list_shows_its_search_and_a_chip_that_removes_it(client):
    PostFactory(title_en="Street educators")

    text = client.get("/en/news/", {"q": "educators", "country": "FR"}).text

    assert 'id="filter-q" name="q" value="educators"' in text
    assert re.search(r'<a class="chip" href="\?country=FR">.*?“educators”', text, re.S)


def test_the_events_list_finds_words_in_either_language(client):
    EventFactory(title_en="Family day", title_fr="Journée des familles")
    EventFactory(title_en="Training", title_fr="Formation")

    text = client.get("/en/events/", {"q": "journee"}).text

    assert text.count('class="event-card"') == 1
    assert "Family day" in text


def test_the_events_tabs_keep_the_words_searched(client):
    text = client.get("/en/events/", {"q": "family"}).text

    assert 'href="/en/events/?when=past&amp;q=family"' in text


def test_the_directory_finds_words_without_their_accents(client):
    MemberFactory(name="Maison", summary_fr="Aide aux familles en détention.", summary_en="")
    MemberFactory(name="Autre", summary_fr="Rien à voir.", summary_en="Nothing.")

    text = client.get("/fr/membres/", {"q": "detention"}).text

    assert text.count('class="member-card"') == 1
    assert "Maison" in text


def test_the_practices_list_finds_words_of_the_findings(client):
    PracticeFactory(title_en="Mentors", findings_en="Fewer exclusions from school.")
    PracticeFactory(title_en="Rooms", findings_en="Children felt closer.")

    text = client.get("/en/practices/", {"q": "exclusions"}).text

    assert text.count('class="practice-card"') == 1
    assert "Mentors" in text


# The index follows every change


def test_a_post_is_found_by_its_new_title_not_its_old_one(client):
    post = PostFactory(title_en="Lighthouse opens")

    post.title_en = "Beacon opens"
    post.save()

    assert titles(page(client, "beacon"), "post") == ["Beacon opens"]
    assert titles(page(client, "lighthouse"), "post") == []


def test_a_deleted_post_is_no_longer_found(client):
    post = PostFactory(title_en="Lighthouse opens")

    post.delete()

    assert titles(page(client, "lighthouse"), "post") == []


def test_a_post_unpublished_is_no_longer_found(client):
    post = PostFactory(title_en="Lighthouse opens")

    post.status = "draft"
    post.save()

    assert titles(page(client, "lighthouse"), "post") == []


def test_rebuild_search_index_indexes_what_a_bulk_update_changed(client):
    post = PostFactory(title_en="Lighthouse opens")
    Post.objects.filter(pk=post.pk).update(title_en="Beacon opens")  # no signal
    assert titles(page(client, "beacon"), "post") == []

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert titles(page(client, "beacon"), "post") == ["Beacon opens"]
    assert titles(page(client, "lighthouse"), "post") == []


def test_migrate_indexes_rows_that_have_no_entry(client):
    PracticeFactory(title_en="Lighthouse mentoring")
    Entry.objects.all().delete()
    assert titles(page(client, "lighthouse"), "practice") == []

    call_command("migrate", verbosity=0)

    assert titles(page(client, "lighthouse"), "practice") == ["Lighthouse mentoring"]


# The demo


def test_the_demo_finds_the_same_practices_with_visite_in_french_and_visits_in_english(client):
    call_command("setup_network", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    french_hits = section(page(client, "visite", "fr"), "practice")
    english_hits = section(page(client, "visits"), "practice")
    french = re.findall(r'<a href="/fr/pratiques/([^/]+)/">', french_hits)
    english = re.findall(r'<a href="/en/practices/([^/]+)/">', english_hits)
    in_french = set(Practice.objects.filter(slug_fr__in=french).values_list("pk", flat=True))
    in_english = set(Practice.objects.filter(slug_en__in=english).values_list("pk", flat=True))

    assert len(in_french) == 5
    assert in_french & in_english


def test_the_chip_of_the_words_searched_has_french_quotation_marks_in_french(client):
    text = client.get("/fr/evenements/", {"q": "famille"}).text

    assert re.search(r'<a class="chip" href="\?">.*?«\u202ffamille\u202f»', text, re.S)


# Whether the public may see a row: the search's counts follow every way it changes.


def test_a_category_unlisted_takes_its_members_out_of_the_search_and_back(client):
    member = MemberFactory(name="Lighthouse Families")
    category = member.category

    category.listed = False
    category.save()
    assert group_heading(page(client, "lighthouse"), "member") is None

    category.listed = True
    category.save()
    assert titles(page(client, "lighthouse"), "member") == ["Lighthouse Families"]


def test_members_unpublished_by_the_admin_action_are_no_longer_found(admin_client, client):
    member = MemberFactory(name="Lighthouse Families")

    admin_client.post(
        "/admin/members/member/", {"action": "unpublish", "_selected_action": [member.pk]}
    )
    assert group_heading(page(client, "lighthouse"), "member") is None

    admin_client.post(
        "/admin/members/member/", {"action": "publish", "_selected_action": [member.pk]}
    )
    assert titles(page(client, "lighthouse"), "member") == ["Lighthouse Families"]


def test_items_unpublished_by_the_admin_action_are_no_longer_counted(admin_client, client):
    post = PostFactory(title_en="Lighthouse opens")

    admin_client.post("/admin/news/post/", {"action": "unpublish", "_selected_action": [post.pk]})

    assert group_heading(page(client, "lighthouse"), "post") is None


def test_a_scheduled_post_is_found_once_its_time_has_come(client, monkeypatch):
    PostFactory(title_en="Lighthouse opens", publish_at=timezone.now() + timedelta(days=2))
    assert group_heading(page(client, "lighthouse"), "post") is None

    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert titles(page(client, "lighthouse"), "post") == ["Lighthouse opens"]
