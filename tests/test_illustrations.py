"""The illustrations drawn for the site: small, self-contained, named for screen readers."""

import re
from pathlib import Path

import pytest
from django.conf import settings

FOLDER = Path(settings.BASE_DIR) / "static" / "img" / "illustrations"
ILLUSTRATIONS = sorted(FOLDER.glob("*.svg"))


def test_there_are_a_few_illustrations():
    assert 3 <= len(ILLUSTRATIONS) <= 5


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda path: path.name)
def test_illustration_is_small(path):
    assert path.stat().st_size < 8 * 1024


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda path: path.name)
def test_illustration_loads_and_runs_nothing(path):
    svg = path.read_text()

    assert re.findall(r"<script|href=|url\(|\bon\w+=|<image|<foreignObject", svg) == []


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda path: path.name)
def test_illustration_says_what_it_shows(path):
    svg = path.read_text()

    assert 'role="img"' in svg
    assert re.search(r"<title[^>]*>\w", svg)


@pytest.mark.django_db
def test_page_not_found_shows_the_door(client):
    assert "/static/img/illustrations/door.svg" in client.get("/fr/page-inexistante/").text


@pytest.mark.django_db
def test_directory_with_nothing_matching_shows_the_path(client):
    assert "/static/img/illustrations/path.svg" in client.get("/en/members/?q=nothing").text
