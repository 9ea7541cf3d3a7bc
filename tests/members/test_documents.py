"""Members' documents: the portal's list and each file, for members only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from members.demo import seed_member_documents
from members.models import Member, MemberDocument
from tests.factories import MemberDocumentFactory, MemberFactory, UserFactory, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(db):
    return MemberDocumentFactory(
        title_en="General Assembly 2025: minutes",
        title_fr="Assemblée générale 2025 : procès-verbal",
        category="general-assembly",
        year=2025,
    )


@pytest.fixture
def draft(db):
    return MemberDocumentFactory(
        title_en="Draft guidelines", category="guidelines", is_published=False
    )


@pytest.fixture
def outsider_client(client, db):
    """Signed in, but representing no member."""
    client.force_login(UserFactory(email="outsider@example.org"))
    return client


def file_url(document, language="en"):
    if language == "fr":
        return f"/fr/espace-membre/documents/{document.pk}/fichier/"
    return f"/en/portal/documents/{document.pk}/file/"


# Who sees the list.


def test_visitor_is_sent_to_sign_in(client, minutes):
    response = client.get("/en/portal/documents/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_visitor_is_sent_to_sign_in_in_french(client, minutes):
    response = client.get("/fr/espace-membre/documents/")

    assert response["Location"].startswith("/fr/comptes/connexion/")


def test_signed_in_person_who_is_no_member_gets_not_found(outsider_client, minutes):
    assert outsider_client.get("/en/portal/documents/").status_code == 404


def test_representative_of_a_former_member_gets_not_found(client, minutes):
    person = UserFactory()
    MemberFactory(status=Member.Status.FORMER, representatives=[person])
    client.force_login(person)

    assert client.get("/en/portal/documents/").status_code == 404


def test_representative_sees_the_published_documents(rep_client, minutes):
    html = rep_client.get("/en/portal/documents/").text

    assert "General Assembly 2025: minutes" in html


def test_french_page_shows_the_french_title(rep_client, minutes):
    html = rep_client.get("/fr/espace-membre/documents/").text

    assert "Assemblée générale 2025 : procès-verbal" in html


def test_english_only_title_is_shown_in_french_marked_as_english(rep_client):
    MemberDocumentFactory(title_en="Guidelines for stories", title_fr="")

    html = rep_client.get("/fr/espace-membre/documents/").text

    assert '<td lang="en">' in html


def test_unpublished_document_is_not_listed(rep_client, minutes, draft):
    html = rep_client.get("/en/portal/documents/").text

    assert "Draft guidelines" not in html


def test_staff_see_the_list(admin_client, minutes):
    assert "General Assembly 2025: minutes" in admin_client.get("/en/portal/documents/").text


def test_empty_state(rep_client, db):
    html = rep_client.get("/en/portal/documents/").text

    assert "No document has been shared with members yet." in html


def test_dashboard_links_to_the_documents(rep_client):
    assert 'href="/en/portal/documents/"' in rep_client.get("/en/portal/").text


def test_dashboard_of_a_non_member_has_no_link(outsider_client):
    assert "/en/portal/documents/" not in outsider_client.get("/en/portal/").text


# Filters.


def test_newest_year_comes_first(rep_client):
    MemberDocumentFactory(title_en="Old report", year=2019)
    MemberDocumentFactory(title_en="New report", year=2024)

    html = rep_client.get("/en/portal/documents/").text

    assert html.index("New report") < html.index("Old report")


def test_filter_by_category(rep_client, minutes):
    MemberDocumentFactory(title_en="Annual report 2024", category="annual-report", year=2024)

    html = rep_client.get("/en/portal/documents/?category=annual-report").text

    assert "Annual report 2024" in html
    assert "General Assembly 2025: minutes" not in html


def test_filter_by_year(rep_client, minutes):
    MemberDocumentFactory(title_en="Annual report 2024", category="annual-report", year=2024)

    html = rep_client.get("/en/portal/documents/?year=2024").text

    assert "General Assembly 2025: minutes" not in html


def test_filters_with_no_match_say_so(rep_client, minutes):
    html = rep_client.get("/en/portal/documents/?category=template").text

    assert "No document matches these filters." in html


@pytest.mark.parametrize("query", ["year=abc", "year=1800", "category=nonsense", "page=x"])
def test_bad_filter_values_are_ignored(rep_client, minutes, query):
    response = rep_client.get(f"/en/portal/documents/?{query}")

    assert "General Assembly 2025: minutes" in response.text


def test_category_names_are_translated(rep_client, minutes):
    html = rep_client.get("/fr/espace-membre/documents/").text

    assert "Procès-verbaux d’assemblée générale" in html


def test_many_documents_are_paginated(rep_client):
    MemberDocumentFactory.create_batch(21)

    html = rep_client.get("/en/portal/documents/?page=2").text

    assert html.count("<tr>") == 2  # the header row and the 21st document


def test_filters_are_labelled(rep_client, minutes):
    html = rep_client.get("/fr/espace-membre/documents/").text

    assert '<label for="filter-year">Année</label>' in html


@pytest.mark.parametrize("count", [10, 100])
def test_query_count_stays_flat(rep_client, count, django_assert_max_num_queries):
    MemberDocumentFactory.create_batch(count)

    with django_assert_max_num_queries(8):
        response = rep_client.get("/en/portal/documents/")

    assert response.status_code == 200


# Files.


def test_representative_downloads_the_file(rep_client, minutes):
    response = rep_client.get(file_url(minutes))

    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_file_is_a_pdf_attachment_named_after_its_title(rep_client, minutes):
    response = rep_client.get(file_url(minutes))

    assert response["Content-Disposition"] == (
        'attachment; filename="general-assembly-2025-minutes-2025.pdf"'
    )


def test_file_headers_forbid_sniffing_and_keeping(rep_client, minutes):
    response = rep_client.get(file_url(minutes, "fr"))

    assert (response["Content-Type"], response["X-Content-Type-Options"]) == (
        "application/pdf",
        "nosniff",
    )
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_visitor_never_gets_the_file(client, minutes):
    response = client.get(file_url(minutes))

    assert response.status_code == 302


def test_non_member_does_not_get_the_file(outsider_client, minutes):
    assert outsider_client.get(file_url(minutes)).status_code == 404


def test_unpublished_file_is_not_found_for_members(rep_client, draft):
    assert rep_client.get(file_url(draft)).status_code == 404


def test_staff_get_an_unpublished_file(admin_client, draft):
    assert admin_client.get(file_url(draft)).status_code == 200


def test_guessing_ids_finds_nothing(rep_client, minutes):
    assert rep_client.get(f"/en/portal/documents/{minutes.pk + 1}/file/").status_code == 404


@pytest.mark.parametrize("who", ["visitor", "member", "staff"])
def test_the_stored_file_has_no_public_media_address(client, minutes, rep, admin_user, who):
    if who == "member":
        client.force_login(rep)
    elif who == "staff":
        client.force_login(admin_user)

    assert client.get(f"/media/{minutes.file.name}").status_code == 404


def test_a_file_missing_from_the_disk_is_not_found(rep_client, minutes):
    minutes.file.storage.delete(minutes.file.name)

    assert rep_client.get(file_url(minutes)).status_code == 404


def test_file_is_kept_in_the_private_storage(settings, minutes):
    assert minutes.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))


# Never kept by the page cache.


@pytest.mark.parametrize("path", ["/en/portal/documents/", "/fr/espace-membre/documents/"])
def test_list_asks_not_to_be_kept(rep_client, minutes, path):
    response = rep_client.get(path)

    assert "no-store" in response["Cache-Control"]


def test_list_is_not_served_from_the_page_cache_after_signing_out(client, rep, minutes, settings):
    settings.PAGE_CACHE = True
    client.force_login(rep)
    client.get("/en/portal/documents/")
    client.logout()
    client.cookies.clear()

    response = client.get("/en/portal/documents/")

    assert response.status_code == 302


# Staff publish them.


def admin_form(**changes):
    data = {
        "title_en": "Annual report 2024",
        "title_fr": "Rapport annuel 2024",
        "category": "annual-report",
        "year": "2024",
        "file": pdf_file(),
        "is_published": "on",
        "published_on": "2025-03-01",
    }
    return {**data, **changes}


def test_staff_add_a_document(admin_client):
    response = admin_client.post("/admin/members/memberdocument/add/", admin_form())

    assert response.status_code == 302
    assert MemberDocument.objects.get().title_fr == "Rapport annuel 2024"


def test_add_form_has_both_languages(admin_client):
    html = admin_client.get("/admin/members/memberdocument/add/").text

    assert 'name="title_fr"' in html


def test_a_renamed_non_pdf_is_refused(admin_client):
    fake = SimpleUploadedFile("minutes.pdf", b"<html><body>hello</body></html>", "application/pdf")

    response = admin_client.post("/admin/members/memberdocument/add/", admin_form(file=fake))

    assert "This file is not a PDF document." in response.text
    assert not MemberDocument.objects.exists()


def test_a_title_in_one_language_is_enough(admin_client):
    admin_client.post("/admin/members/memberdocument/add/", admin_form(title_en=""))

    assert MemberDocument.objects.get().title_fr == "Rapport annuel 2024"


def test_a_title_is_required(admin_client):
    admin_client.post("/admin/members/memberdocument/add/", admin_form(title_en="", title_fr=""))

    assert not MemberDocument.objects.exists()


def test_year_out_of_range_is_refused(admin_client):
    admin_client.post("/admin/members/memberdocument/add/", admin_form(year="1850"))

    assert not MemberDocument.objects.exists()


def test_secretary_may_add_documents(secretary):
    assert secretary.has_perm("members.add_memberdocument")


def test_admin_list_filters_by_category_and_year(admin_client, minutes):
    html = admin_client.get("/admin/members/memberdocument/?category=annual-report").text

    assert "General Assembly 2025: minutes" not in html


# Demo data.


def test_demo_documents_are_made_once(db):
    seed_member_documents()

    assert seed_member_documents() == 0
    assert MemberDocument.objects.published().count() == 5
