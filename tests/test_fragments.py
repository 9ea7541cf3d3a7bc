"""Parts of pages kept with the cached pages (pages/pagecache.py `remembered_each`, the
`cards` tag): with the page cache off too, a list's cards are drawn once per language
and drawn again as soon as what they show changes."""

import pytest

from tests.factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_a_card_shows_a_change_at_once(client):
    member = MemberFactory(name="Relais Lyon")
    assert "Relais Lyon" in client.get("/en/members/").text

    member.name = "Relais Enfants Parents Lyon"
    member.save()

    assert "Relais Enfants Parents Lyon" in client.get("/en/members/").text


def test_cards_are_drawn_in_each_language(client):
    PostFactory(title_en="Visits reopen", title_fr="Les visites reprennent")

    assert "Visits reopen" in client.get("/en/news/").text
    assert "Les visites reprennent" in client.get("/fr/actualites/").text


def test_a_card_on_two_pages_keeps_each_pages_heading(client):
    PostFactory(title_en="Visits reopen")

    client.get("/en/")  # the home page's cards have h3 titles
    html = client.get("/en/news/").text

    assert '<h2 class="post-card__title"' in html
