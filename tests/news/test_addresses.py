"""Each language's own address for posts and events: made from that language's title,
the other language's address leading to it for good, and every link (language switcher,
alternates, sitemap, feed, calendar) going to it."""

import feedparser
import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from news.models import Digest, Event, Post
from tests.factories import (
    AffiliateFactory,
    EventFactory,
    MemberFactory,
    PostFactory,
    UserFactory,
)
from tests.forms import admin_event
from tests.read import alternates, switcher_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    return PostFactory(
        title_en="Opening a welcome space",
        title_fr="Ouverture d’un espace d’accueil",
        slug_en="",
        slug_fr="",
    )


@pytest.fixture
def event():
    return EventFactory(
        title_en="Annual conference", title_fr="Conférence annuelle", slug_en="", slug_fr=""
    )


def test_a_post_gets_an_address_from_each_languages_title(post):
    assert (post.slug_en, post.slug_fr) == (
        "opening-a-welcome-space",
        "ouverture-d-un-espace-d-accueil",
    )


def test_each_language_shows_the_post_at_its_own_address(client, post):
    english = client.get("/en/news/opening-a-welcome-space/")
    french = client.get("/fr/actualites/ouverture-d-un-espace-d-accueil/")

    assert english.status_code == 200
    assert "Opening a welcome space" in english.text
    assert french.status_code == 200
    assert "Ouverture d’un espace d’accueil" in french.text


def test_the_english_address_under_fr_leads_to_the_french_one_for_good(client, post):
    response = client.get("/fr/actualites/opening-a-welcome-space/")

    assert response.status_code == 301
    assert response["Location"] == "/fr/actualites/ouverture-d-un-espace-d-accueil/"


def test_the_french_address_under_en_leads_to_the_english_one_for_good(client, post):
    response = client.get("/en/news/ouverture-d-un-espace-d-accueil/")

    assert response.status_code == 301
    assert response["Location"] == "/en/news/opening-a-welcome-space/"


def test_an_unknown_address_is_still_not_found(client, post):
    assert client.get("/fr/actualites/nothing-here/").status_code == 404


def test_a_draft_is_not_revealed_by_its_other_address(client):
    PostFactory(title_en="Secret", title_fr="Secret FR", slug_en="", slug_fr="", status="draft")

    assert client.get("/fr/actualites/secret/").status_code == 404


def test_the_switcher_on_a_post_leads_to_its_french_address(client, post):
    html = client.get("/en/news/opening-a-welcome-space/").text

    assert (
        switcher_link(html)[0] == "http://testserver/fr/actualites/ouverture-d-un-espace-d-accueil/"
    )


def test_the_alternates_of_a_post_are_each_languages_address(client, post):
    html = client.get("/fr/actualites/ouverture-d-un-espace-d-accueil/").text

    assert alternates(html) == {
        "en": "http://testserver/en/news/opening-a-welcome-space/",
        "fr": "http://testserver/fr/actualites/ouverture-d-un-espace-d-accueil/",
        "x-default": "http://testserver/en/news/opening-a-welcome-space/",
    }


def test_each_language_shows_the_event_at_its_own_address(client, event):
    assert client.get("/en/events/annual-conference/").status_code == 200
    assert "Conférence annuelle" in client.get("/fr/evenements/conference-annuelle/").text


def test_the_english_address_of_an_event_under_fr_leads_to_the_french_one(client, event):
    response = client.get("/fr/evenements/annual-conference/")

    assert response.status_code == 301
    assert response["Location"] == "/fr/evenements/conference-annuelle/"


def test_the_switcher_on_an_event_leads_to_its_english_address(client, event):
    html = client.get("/fr/evenements/conference-annuelle/").text

    assert switcher_link(html)[0] == "http://testserver/en/events/annual-conference/"


def test_the_alternates_of_an_event_are_each_languages_address(client, event):
    html = client.get("/en/events/annual-conference/").text

    assert alternates(html)["fr"] == "http://testserver/fr/evenements/conference-annuelle/"


def test_an_events_calendar_file_is_at_each_languages_address(client, event):
    french = client.get("/fr/evenements/conference-annuelle/")
    calendar = client.get("/fr/evenements/conference-annuelle.ics")

    assert 'href="/fr/evenements/conference-annuelle.ics"' in french.text
    assert calendar.status_code == 200
    assert "/fr/evenements/conference-annuelle/" in calendar.content.decode().replace("\r\n ", "")


def test_the_english_calendar_file_address_under_fr_leads_to_the_french_one(client, event):
    response = client.get("/fr/evenements/annual-conference.ics")

    assert response.status_code == 301
    assert response["Location"] == "/fr/evenements/conference-annuelle.ics"


def test_the_sitemap_lists_each_languages_own_address_with_its_alternate(client, post, event):
    xml = client.get("/sitemap-news.xml").text + client.get("/sitemap-events.xml").text

    assert "<loc>http://testserver/fr/actualites/ouverture-d-un-espace-d-accueil/</loc>" in xml
    assert (
        'hreflang="fr" href="http://testserver/fr/actualites/ouverture-d-un-espace-d-accueil/"'
        in xml
    )
    assert "http://testserver/fr/evenements/conference-annuelle/" in xml
    assert "/fr/actualites/opening-a-welcome-space/" not in xml


def test_the_french_feed_links_to_the_french_address(client, post):
    feed = feedparser.parse(client.get("/fr/actualites/flux/").content)

    assert feed.entries[0].link.endswith("/fr/actualites/ouverture-d-un-espace-d-accueil/")


def test_a_post_with_only_an_english_title_gets_a_french_address_too():
    post = Post.objects.create(title_en="Only in English")

    assert post.slug_fr == "only-in-english"


def test_two_posts_with_the_same_french_title_get_distinct_french_addresses():
    first = PostFactory(title_fr="Journée des familles", slug_en="", slug_fr="")
    second = PostFactory(title_fr="Journée des familles", slug_en="", slug_fr="")

    assert (first.slug_fr, second.slug_fr) == ("journee-des-familles", "journee-des-familles-2")


def test_a_french_address_is_never_another_posts_english_one():
    PostFactory(title_en="Family day", slug_en="", slug_fr="")
    other = PostFactory(title_en="Other", title_fr="Family day", slug_en="", slug_fr="")

    assert other.slug_fr == "family-day-2"


def test_an_address_stays_when_the_title_changes(client, post):
    post.title_fr = "Un espace d’accueil ouvre"
    post.save()

    assert client.get("/fr/actualites/ouverture-d-un-espace-d-accueil/").status_code == 200


def test_a_member_sends_a_post_with_only_a_french_title_and_gets_both_addresses():
    member = MemberFactory()
    post = Post(title_fr="Groupe de parole", body_fr="Un texte.")

    post.submit(member, by=UserFactory())

    assert (post.slug_en, post.slug_fr) == ("groupe-de-parole", "groupe-de-parole")


def test_calendar_is_refused_as_an_events_address_in_either_language():
    event = EventFactory.build(slug_en="annual", slug_fr="calendar")

    with pytest.raises(ValidationError) as raised:
        event.clean()

    assert set(raised.value.message_dict) == {"slug_fr"}


def test_a_new_event_never_takes_the_calendars_french_address():
    event = EventFactory(title_en="Calendar", title_fr="Calendrier", slug_en="", slug_fr="")

    assert (event.slug_en, event.slug_fr) == ("calendar-2", "calendrier-2")


def test_the_admin_makes_each_languages_address_from_its_title(admin_client):
    fields = admin_event(title_fr="Réunion d’équipe")
    del fields["slug_en"]
    admin_client.post("/admin/news/event/add/", fields)

    event = Event.objects.get()
    assert (event.slug_en, event.slug_fr) == ("meeting", "reunion-d-equipe")


def test_the_digest_links_each_reader_to_the_address_in_their_language(post):
    for email, language in (("lea@example.org", "fr"), ("sam@example.org", "en")):
        AffiliateFactory(email=email, country="FR", language=language, confirmed=True)

    Digest.send_new()

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "/fr/actualites/ouverture-d-un-espace-d-accueil/" in bodies["lea@example.org"]
    assert "/en/news/opening-a-welcome-space/" in bodies["sam@example.org"]
