import pytest
from django.contrib.flatpages.models import FlatPage

pytestmark = pytest.mark.django_db


def page_form(**overrides):
    data = {
        "url_en": "/history/",
        "url_fr": "/histoire/",
        "title_en": "Our history",
        "title_fr": "Notre histoire",
        "content_en": "<p>Founded in 2000.</p>",
        "content_fr": "<p>Fondé en 2000.</p>",
        "sites": ["1"],
        "template_name": "",
    }
    return data | overrides


def test_page_editor_has_both_languages_and_our_own_translation_tabs(admin_client, pages):
    page = pages.first()

    html = admin_client.get(f"/admin/flatpages/flatpage/{page.pk}/change/").text

    assert 'name="title_en"' in html
    assert 'name="title_fr"' in html
    assert "/static/js/admin-translation-tabs.js" in html
    # Neither jQuery UI nor modeltranslation's script (tabs a screen reader cannot use).
    assert "jquery-ui" not in html
    assert "tabbed_translation_fields" not in html


def test_staff_add_a_page_in_both_languages(admin_client, pages, client):
    response = admin_client.post("/admin/flatpages/flatpage/add/", page_form())

    assert response.status_code == 302
    assert "Notre histoire" in client.get("/fr/histoire/").text
    assert "Our history" in client.get("/en/history/").text


def test_page_address_without_slashes_is_refused(admin_client, pages):
    response = admin_client.post("/admin/flatpages/flatpage/add/", page_form(url_fr="histoire"))

    assert response.status_code == 200
    assert "Start and end the address with a slash" in response.text
    assert not FlatPage.objects.filter(url_en="/history/").exists()


def test_page_address_already_taken_is_refused(admin_client, pages):
    response = admin_client.post("/admin/flatpages/flatpage/add/", page_form(url_fr="/valeurs/"))

    assert "Another page already has this address." in response.text
    assert not FlatPage.objects.filter(url_en="/history/").exists()


def test_page_needs_a_french_address(admin_client, pages):
    response = admin_client.post("/admin/flatpages/flatpage/add/", page_form(url_fr=""))

    assert response.status_code == 200
    assert not FlatPage.objects.filter(url_en="/history/").exists()


def test_view_on_site_leads_to_the_page(admin_client, pages):
    page = FlatPage.objects.get(url_en="/values/")

    html = admin_client.get(f"/admin/flatpages/flatpage/{page.pk}/change/").text

    assert 'href="/en/values/"' in html


def test_admin_refuses_visitors(client):
    response = client.get("/admin/flatpages/flatpage/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
