import datetime
import re

import pytest
from django.contrib.flatpages.models import FlatPage
from django.utils import timezone

from cpe_network.lib import versions
from practices.models import Practice
from tests.factories import FlatPageFactory, PracticeFactory, TopicFactory

pytestmark = pytest.mark.django_db

SEEDED = [
    ("/en/about/", "About the network"),
    ("/en/values/", "Our values"),
    ("/en/child-protection-policy/", "Child protection policy"),
    ("/en/privacy/", "Privacy notice"),
    ("/en/accessibility/", "Accessibility statement"),
    ("/fr/a-propos/", "À propos du réseau"),
    ("/fr/valeurs/", "Nos valeurs"),
    ("/fr/politique-de-protection-de-l-enfance/", "Politique de protection de l’enfance"),
    ("/fr/confidentialite/", "Politique de confidentialité"),
    ("/fr/accessibilite/", "Déclaration d’accessibilité"),
]


@pytest.mark.parametrize(("path", "title"), SEEDED)
def test_seeded_page_is_shown_in_its_language(client, pages, path, title):
    response = client.get(path)

    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.text


@pytest.mark.parametrize(("path", "title"), SEEDED)
def test_footer_links_to_every_page_in_the_current_language(client, pages, path, title):
    home = "/en/" if path.startswith("/en/") else "/fr/"

    assert f'<a href="{path}">{title}</a>' in client.get(home).text


def test_english_address_under_the_french_prefix_is_not_found(client, pages):
    assert client.get("/fr/about/").status_code == 404


def test_page_address_without_trailing_slash_redirects(client, pages):
    response = client.get("/en/about")

    assert response.status_code == 301
    assert response["Location"] == "/en/about/"


def test_unknown_page_is_not_found(client, pages):
    assert client.get("/en/no-such-page/").status_code == 404


def test_page_without_french_text_falls_back_to_english_with_a_note(client, db):
    FlatPageFactory(
        url_en="/annual-report/",
        url_fr="/rapport-annuel/",
        title_en="Annual report",
        content_en="<p>What we did this year.</p>",
    )

    html = client.get("/fr/rapport-annuel/").text

    assert '<h1 lang="en">Annual report</h1>' in html
    assert '<div class="prose" lang="en">' in html
    assert "pas encore disponible dans votre langue" in html


def test_translated_page_has_no_fallback_note(client, pages):
    html = client.get("/fr/a-propos/").text

    assert "pas encore disponible" not in html
    assert 'lang="en"' not in html.split("<main", 1)[1].split("</main>")[0]


def test_page_that_requires_sign_in_sends_visitors_to_sign_in(client, db):
    FlatPageFactory(
        url_en="/members-only/",
        url_fr="/reserve/",
        title_en="Members only",
        registration_required=True,
    )

    response = client.get("/en/members-only/")

    assert response.status_code == 302


def test_footer_follows_a_page_renamed_in_the_admin(client, pages):
    client.get("/en/")  # the footer is now cached
    page = FlatPage.objects.get(url_en="/values/")
    page.title_en = "What we stand for"
    page.save()

    assert '<a href="/en/values/">What we stand for</a>' in client.get("/en/").text


def test_home_introduces_the_network_in_english(client, pages):
    response = client.get("/en/")

    assert response.status_code == 200
    assert "European network of organisations" in response.text


def test_home_introduces_the_network_in_french(client, pages):
    response = client.get("/fr/")

    assert response.status_code == 200
    assert "réseau européen" in response.text


def test_home_runs_a_fixed_number_of_queries(client, pages, django_assert_max_num_queries):
    # The footer's pages and the home page's record, which holds the secretariat's contact
    # details (both then cached), the members per country for the small map and the
    # figures, the number of upcoming events and of practices, the latest news, the next
    # events, the featured practices (those with strong evidence, then others if there are
    # fewer than three), and the find-help choice's countries (a key, then the counts,
    # cached under it); once while nothing changes, when the clock next changes a list
    # (three).
    with django_assert_max_num_queries(14):
        client.get("/en/")


def featured(response):
    return re.findall(
        r'class="practice-card__title"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', response.text
    )


def test_home_features_the_latest_practices_with_strong_evidence(client, pages):
    now = timezone.now()
    for days, title, rating in [
        (1, "Newest, not evaluated", "not-evaluated"),
        (2, "Well supported", "well-supported"),
        (3, "Mixed", "mixed"),
        (4, "Promising", "promising"),
        (5, "Older promising", "promising"),
        (6, "Oldest promising", "promising"),
    ]:
        PracticeFactory(
            title_en=title, rating=rating, publish_at=now - datetime.timedelta(days=days)
        )
    PracticeFactory(title_en="Draft", rating="well-supported", status="draft")

    assert featured(client.get("/en/")) == ["Well supported", "Promising", "Older promising"]


def test_home_features_the_latest_practices_when_few_have_strong_evidence(client, pages):
    now = timezone.now()
    for days, title, rating in [
        (1, "Newest", "not-evaluated"),
        (2, "Promising", "promising"),
        (3, "Mixed", "mixed"),
        (4, "Oldest", "did-not-work"),
    ]:
        PracticeFactory(
            title_en=title, rating=rating, publish_at=now - datetime.timedelta(days=days)
        )

    html = client.get("/fr/").text

    assert featured(client.get("/en/")) == ["Promising", "Newest", "Mixed"]
    assert 'href="/fr/pratiques/">Toutes les pratiques</a>' in html


def test_home_without_practices_has_no_practices_section(client, pages):
    assert "practices-title" not in client.get("/en/").text


def test_home_query_count_does_not_grow_with_practices(
    client, pages, django_assert_max_num_queries
):
    PracticeFactory(rating="not-evaluated")
    client.get("/en/")  # the footer's pages, the home page's record and find-help are cached
    versions.bump("pages")  # as a change does: the figures are counted again
    with django_assert_max_num_queries(11) as one:
        client.get("/en/")
    for rating in Practice.Rating.values * 2:
        PracticeFactory(rating=rating).topics.add(TopicFactory())
    versions.bump("pages")

    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/en/")
