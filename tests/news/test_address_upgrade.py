"""Posts made before each language had its own address keep their English one; their
French one is made from their French title, and the old French address (the English
slug under /fr/) leads to it for good. It runs `migrate` on the suite's engine."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("news", "0010_digest_practices")


@pytest.fixture
def old_posts():
    """Two published posts saved before the upgrade, one with no French title."""
    call_command("migrate", *BEFORE, verbosity=0)
    post = MigrationExecutor(connection).loader.project_state(BEFORE).apps.get_model("news", "Post")
    for title_en, title_fr, slug in (
        ("Opening a welcome space", "Ouverture d’un espace d’accueil", "opening-a-welcome-space"),
        ("Family day", "", "family-day"),
    ):
        post.objects.create(
            title=title_en,
            title_en=title_en,
            title_fr=title_fr,
            slug=slug,
            status="published",
            publish_at=timezone.now(),
        )
    call_command("migrate", verbosity=0)


def test_each_language_has_its_address_after_the_upgrade(client, old_posts):
    assert client.get("/en/news/opening-a-welcome-space/").status_code == 200
    assert client.get("/fr/actualites/ouverture-d-un-espace-d-accueil/").status_code == 200
    # No French title: the English slug serves in French too.
    assert client.get("/fr/actualites/family-day/").status_code == 200


def test_the_old_french_address_leads_to_the_new_one_for_good(client, old_posts):
    response = client.get("/fr/actualites/opening-a-welcome-space/")

    assert response.status_code == 301
    assert response["Location"] == "/fr/actualites/ouverture-d-un-espace-d-accueil/"
