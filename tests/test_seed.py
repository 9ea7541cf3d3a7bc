import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_creates_the_pages_and_says_how_to_sign_in():
    output = seed()

    assert FlatPage.objects.count() == 5
    assert "Sign in at /admin/ as “admin”" in output
    assert get_user_model().objects.get(username="admin").is_staff


def test_seed_demo_can_run_twice_without_duplicating_or_overwriting():
    seed()
    FlatPage.objects.filter(url_en="/about/").update(title_en="Edited by staff")

    output = seed()

    assert FlatPage.objects.count() == 5
    assert FlatPage.objects.get(url_en="/about/").title_en == "Edited by staff"
    assert "already exists" in output


def test_seeded_staff_account_signs_in_to_the_admin(client):
    seed()

    assert client.login(username="admin", password="network-demo")
    assert client.get("/admin/").status_code == 200
