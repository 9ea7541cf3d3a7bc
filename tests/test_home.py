"""The home page: staff's words and picture (HomePage), the network in figures, the
featured story and practice, and the admin page where editors write it."""

import io

import pytest
from django.core.management import call_command

from pages.demo import seed_home_page
from pages.models import HomePage
from tests.factories import (
    EventFactory,
    HomePageFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

ILLUSTRATION = "/static/img/illustrations/together.svg"


def test_home_shows_staffs_words_in_english(client):
    HomePageFactory(title_en="Seen and heard", title_fr="Vus et entendus")

    assert '<h1 id="hero-title">Seen and heard</h1>' in client.get("/en/").text


def test_home_shows_staffs_words_in_french(client):
    HomePageFactory(
        title_en="Seen and heard", title_fr="Vus et entendus", block_2_title_fr="Partager"
    )

    html = client.get("/fr/").text

    assert '<h1 id="hero-title">Vus et entendus</h1>' in html
    assert ">Partager</h3>" in html


def test_home_falls_back_to_english_words_marked_as_english(client):
    HomePageFactory(title_en="Seen and heard", title_fr="")

    assert '<h1 id="hero-title" lang="en">Seen and heard</h1>' in client.get("/fr/").text


def test_home_shows_the_three_blocks(client):
    HomePageFactory(block_1_title_en="Connect", block_2_title_en="Share", block_3_title_en="Speak")

    html = client.get("/en/").text

    assert [word in html for word in (">Connect</h3>", ">Share</h3>", ">Speak</h3>")] == [
        True,
        True,
        True,
    ]


def test_home_before_setup_network_shows_the_site_name_and_no_blocks(client, settings):
    html = client.get("/en/").text

    assert f'<h1 id="hero-title">{settings.SITE_NAME}</h1>' in html
    assert "work-title" not in html


def test_home_edits_show_at_once(client):
    home = HomePageFactory(title_en="Before")
    client.get("/en/")  # now cached
    home.title_en = "After"
    home.save()

    assert '<h1 id="hero-title">After</h1>' in client.get("/en/").text


def figure(html, words):
    """The number shown before `words` in the figures."""
    before = html.split(words, 1)[0]
    return before.rsplit('<strong class="key-figures__number">', 1)[1].split("</strong>")[0]


def test_home_counts_listed_members_and_their_countries(client):
    HomePageFactory()
    MemberFactory(country="FR")
    MemberFactory(country="FR")
    MemberFactory(country="BE")
    MemberFactory(country="DE", published=False)

    html = client.get("/en/").text

    assert figure(html, "members in the directory") == "3"
    assert figure(html, "countries with members") == "2"


def test_home_counts_upcoming_events_and_published_practices(client):
    HomePageFactory()
    EventFactory()
    EventFactory(status="draft")
    PracticeFactory()
    PracticeFactory()
    PracticeFactory(status="draft")

    html = client.get("/en/").text

    assert figure(html, "upcoming event") == "1"
    assert figure(html, "practices shared") == "2"


def test_home_counts_in_french(client):
    HomePageFactory()
    PracticeFactory()
    PracticeFactory()

    assert figure(client.get("/fr/").text, "pratiques partagées") == "2"


def test_home_features_a_published_member_story(client):
    post = PostFactory(title_en="A father writes home")
    HomePageFactory(featured_post=post)

    html = client.get("/en/").text

    assert "A member’s story" in html
    assert html.count("A father writes home") == 1  # not again under the latest news


def test_home_leaves_out_a_featured_story_no_longer_published(client):
    post = PostFactory(title_en="A father writes home")
    HomePageFactory(featured_post=post)
    post.status = "draft"
    post.save()

    html = client.get("/en/").text

    assert "A father writes home" not in html
    assert "featured-title" not in html


def test_home_features_a_published_practice(client):
    practice = PracticeFactory(title_fr="Salle de visite familiale")
    HomePageFactory(featured_practice=practice)

    html = client.get("/fr/").text

    assert "Une pratique qui aide" in html
    assert "Salle de visite familiale" in html


def test_home_leaves_out_a_featured_practice_in_draft(client):
    practice = PracticeFactory(title_en="Family visiting room", status="draft")
    HomePageFactory(featured_practice=practice)

    assert "Family visiting room" not in client.get("/en/").text


def test_home_without_featured_items_has_no_featured_section(client):
    HomePageFactory()

    assert "featured-title" not in client.get("/en/").text


def test_home_shows_the_sites_illustration_without_an_image(client):
    HomePageFactory()

    assert ILLUSTRATION in client.get("/en/").text


def test_home_shows_staffs_image_with_its_size_and_description(client):
    HomePageFactory(
        image=image_file("hands.png", size=(1800, 1200)),
        image_alt_en="Two hands",
        image_alt_fr="Deux mains",
    )
    home = HomePage.objects.get()

    html = client.get("/fr/").text

    assert f'src="{home.image_web.url}"' in html
    assert 'width="1200"' in html
    assert 'alt="Deux mains"' in html
    assert ILLUSTRATION not in html


def test_home_runs_few_queries_with_everything_featured(client, django_assert_max_num_queries):
    HomePageFactory(featured_post=PostFactory(), featured_practice=PracticeFactory())
    client.get("/en/")  # the footer's pages, the home page's record and find-help are cached
    with django_assert_max_num_queries(10):
        client.get("/en/")
    for country in ("FR", "BE", "DE", "IT"):
        MemberFactory(country=country)
        PostFactory()
        EventFactory()
        PracticeFactory()
    client.get("/en/")  # find-help's counts, changed with the members, cached again

    with django_assert_max_num_queries(10):
        client.get("/en/")


# setup_network and seed_demo


def setup_network():
    call_command("setup_network", stdout=io.StringIO())


def test_setup_network_writes_the_home_page_in_both_languages(client):
    setup_network()

    assert "what helps" in client.get("/en/").text.lower()
    assert "Partager ce qui aide" in client.get("/fr/").text


def test_setup_network_keeps_staffs_edits_to_the_home_page():
    setup_network()
    home = HomePage.objects.get()
    home.title_fr = "Notre titre"
    home.block_1_text_en = "Our own words."
    home.save()

    setup_network()

    home.refresh_from_db()
    assert (home.title_fr, home.block_1_text_en) == ("Notre titre", "Our own words.")


def test_seed_demo_features_a_published_story_and_practice():
    setup_network()
    post = PostFactory()
    PostFactory(status="draft")
    practice = PracticeFactory()

    seed_home_page()

    home = HomePage.objects.get()
    assert (home.featured_post, home.featured_practice) == (post, practice)


def test_seed_demo_keeps_what_staff_featured():
    setup_network()
    chosen = PostFactory()
    PostFactory()
    home = HomePage.objects.get()
    home.featured_post = chosen
    home.save()

    seed_home_page()

    home.refresh_from_db()
    assert home.featured_post == chosen


# The admin


def test_admin_list_goes_straight_to_the_home_page(admin_client):
    HomePageFactory()

    response = admin_client.get("/admin/pages/homepage/")

    assert response["Location"] == "/admin/pages/homepage/1/change/"


def test_admin_list_offers_to_add_the_home_page_before_there_is_one(admin_client):
    response = admin_client.get("/admin/pages/homepage/")

    assert response["Location"] == "/admin/pages/homepage/add/"


def test_admin_offers_no_second_home_page(admin_client):
    HomePageFactory()

    assert admin_client.get("/admin/pages/homepage/add/").status_code == 403


def test_admin_cannot_delete_the_home_page(admin_client):
    HomePageFactory()

    assert admin_client.get("/admin/pages/homepage/1/delete/").status_code == 403


def test_admin_has_both_languages_and_the_sites_translation_tabs(admin_client):
    HomePageFactory()

    html = admin_client.get("/admin/pages/homepage/1/change/").text

    assert 'name="title_fr"' in html
    assert "/static/js/admin-translation-tabs.js" in html


def test_admin_offers_only_published_items_to_feature(admin_client):
    HomePageFactory()
    PostFactory(title_en="Out now")
    PostFactory(title_en="Still a draft", status="draft")
    PracticeFactory(title_en="Practice out now")
    PracticeFactory(title_en="Practice in draft", status="draft")

    html = admin_client.get("/admin/pages/homepage/1/change/").text

    assert "Out now" in html
    assert "Practice out now" in html
    assert "Still a draft" not in html
    assert "Practice in draft" not in html


def home_form(**overrides):
    data = {
        "title_en": "Edited by the editor",
        "title_fr": "Modifié par la rédaction",
        "intro_en": "Words.",
        "intro_fr": "Des mots.",
        "email": "secretariat@example.org",
    }
    for n in (1, 2, 3):
        for part in ("title", "text"):
            data[f"block_{n}_{part}_en"] = f"Block {n}"
            data[f"block_{n}_{part}_fr"] = f"Bloc {n}"
    return data | overrides


def test_editor_changes_the_home_page(editor_client):
    HomePageFactory()

    response = editor_client.post("/admin/pages/homepage/1/change/", home_form())

    assert response.status_code == 302
    assert "Modifié par la rédaction" in editor_client.get("/fr/").text


def test_representative_cannot_change_the_home_page(rep_client):
    HomePageFactory(title_en="Untouched")

    rep_client.post("/admin/pages/homepage/1/change/", home_form())

    assert HomePage.objects.get().title_en == "Untouched"
