import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command

from members.models import Affiliate, Application, Member, MembershipCategory, Topic

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_creates_the_pages_and_says_how_to_sign_in():
    output = seed()

    assert FlatPage.objects.count() == 5
    assert "Sign in at /admin/ as “admin@example.org”" in output
    assert "Representative: sign in at /en/accounts/login/ as rep@example.org" in output
    assert get_user_model().objects.get(username="admin").is_staff


def test_seed_demo_can_run_twice_without_duplicating_or_overwriting():
    seed()
    FlatPage.objects.filter(url_en="/about/").update(title_en="Edited by staff")

    output = seed()

    assert FlatPage.objects.count() == 5
    assert FlatPage.objects.get(url_en="/about/").title_en == "Edited by staff"
    assert "already exists" in output


def test_seed_demo_run_twice_adds_no_rows():
    seed()
    counts = {model._meta.label: model._base_manager.count() for model in apps.get_models()}

    seed()

    assert {model._meta.label: model._base_manager.count() for model in apps.get_models()} == counts


def test_every_demo_data_file_is_a_list_of_entries_in_readable_utf8_json():
    files = [
        path
        for app in apps.get_app_configs()
        for path in sorted((Path(app.path) / "demo_data").glob("*.json"))
    ]

    assert len(files) >= 7
    for path in files:
        text = path.read_text(encoding="utf-8")
        entries = json.loads(text)
        assert entries, path
        assert all(isinstance(entry, dict) for entry in entries), path
        assert "\\u" not in text, path  # French letters and punctuation as they are


def test_seeded_staff_account_signs_in_to_the_admin(client):
    seed()

    response = client.post(
        "/en/accounts/login/",
        {"login": "admin@example.org", "password": "network-demo"},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_seed_demo_creates_a_realistic_directory():
    seed()

    assert MembershipCategory.objects.count() == 4
    assert Topic.objects.count() == 15
    assert Member.objects.count() == 62
    listed = Member.objects.listed()
    assert listed.values("country").distinct().count() >= 25
    assert listed.filter(kind="individual").exists()
    assert listed.filter(category__slug="applicant-member").exists()
    assert listed.filter(summary_fr="").exists()  # French falls back to English
    assert listed.exclude(logo_small="").exists()
    assert listed.filter(logo_small="").exists()  # initials instead of a logo
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {"submitted", "under_review", "approved", "rejected", "withdrawn"}
    assert Affiliate.objects.filter(confirmed_at__isnull=False).count() == 4


def test_seed_demo_adds_synthetic_members_on_request():
    call_command("seed_demo", "--members", "30", stdout=io.StringIO())
    call_command("seed_demo", "--members", "5", stdout=io.StringIO())

    assert Member.objects.filter(slug__startswith="synthetic-member-").count() == 35
    assert Member.objects.count() == 62 + 35


def test_seed_demo_adds_news_and_events_in_several_zones_and_languages():
    from news.models import Event, Post

    seed()
    seed()

    events = Event.objects.filter(slug__startswith="demo-event-")
    assert Post.objects.filter(slug__startswith="demo-").count() == 40
    assert events.count() == 20
    assert events.published().upcoming().count() == 10
    assert events.published().past().count() == 10
    assert events.values("time_zone").distinct().count() >= 6
    assert events.filter(title_fr="").exists()  # English only
    assert events.filter(all_day=True).exists()
    # The demo representative's items: one waiting for an editor, one published.
    statuses = set(Post.objects.exclude(submitted_by=None).values_list("status", flat=True))
    assert statuses == {"submitted"}
    assert Event.objects.exclude(submitted_by=None).get().status == "published"


def test_seed_demo_adds_synthetic_posts_on_request():
    from news.models import Post

    call_command("seed_demo", "--posts", "25", stdout=io.StringIO())

    assert Post.objects.filter(slug__startswith="synthetic-post-").count() == 25
