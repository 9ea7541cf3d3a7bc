import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from members.models import CategoryChange, Member
from tests.factories import (
    CategoryFactory,
    MemberFactory,
    TopicFactory,
    applicant_category,
    image_file,
)
from tests.forms import admin_member, admin_new_member, held_tokens

pytestmark = pytest.mark.django_db


def test_staff_add_a_member_and_its_history_starts(admin_client):
    applicant = applicant_category()

    response = admin_client.post(
        "/admin/members/member/add/",
        admin_new_member(
            applicant, name="Nouveau Départ", slug="nouveau-depart", category_note="Board, 1 Feb"
        ),
    )

    assert response.status_code == 302
    step = CategoryChange.objects.get(member__slug="nouveau-depart")
    assert (step.from_category, step.to_category, step.note) == (None, applicant, "Board, 1 Feb")


def test_changing_the_category_is_recorded_with_its_date_and_note(admin_client):
    applicant = applicant_category()
    full = CategoryFactory()
    member = MemberFactory(category=applicant, category_since=datetime.date(2023, 1, 1))

    response = admin_client.post(
        f"/admin/members/member/{member.pk}/change/",
        admin_member(member, category=full.pk, category_note="Confirmed by the board"),
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.category == full
    assert member.category_since == datetime.date.today()
    step = member.category_changes.get()
    assert (step.from_category, step.to_category) == (applicant, full)
    assert step.note == "Confirmed by the board"


def test_saving_without_a_category_change_adds_no_history(admin_client):
    member = MemberFactory()

    admin_client.post(f"/admin/members/member/{member.pk}/change/", admin_member(member))

    assert not member.category_changes.exists()


def test_history_is_shown_on_the_member_in_the_admin(admin_client):
    member = MemberFactory(category=applicant_category())
    member.change_category(CategoryFactory(), note="Promoted")

    html = admin_client.get(f"/admin/members/member/{member.pk}/change/").text

    assert "Membership history" in html
    assert "Promoted" in html


def test_publish_and_unpublish_actions(admin_client):
    one = MemberFactory(published=False)
    two = MemberFactory(published=False)

    admin_client.post(
        "/admin/members/member/",
        {"action": "publish", "_selected_action": [one.pk, two.pk]},
    )

    assert Member.objects.filter(published=True).count() == 2
    admin_client.post(
        "/admin/members/member/", {"action": "unpublish", "_selected_action": [one.pk]}
    )
    assert list(Member.objects.filter(published=True)) == [two]


def test_member_list_has_filters_search_and_view_on_site(admin_client):
    member = MemberFactory(name="Findable Org", slug="findable-org", topics=[TopicFactory()])
    MemberFactory(category=applicant_category(), topics=[TopicFactory()])

    listing = admin_client.get("/admin/members/member/?q=findable").text
    change = admin_client.get(f"/admin/members/member/{member.pk}/change/").text

    assert "Findable Org" in listing
    for label in ["By category", "By status", "By published", "By country", "By topics"]:
        assert label in listing
    assert "/admin/r/" in change  # "View on site"
    content_type = ContentType.objects.get_for_model(member).pk
    assert admin_client.get(f"/admin/r/{content_type}/{member.pk}/").url.endswith(
        "/members/findable-org/"
    )


def test_the_map_address_cannot_be_a_member_slug(admin_client):
    response = admin_client.post(
        "/admin/members/member/add/", admin_new_member(CategoryFactory(), name="Map", slug="map")
    )

    assert "This address is taken by the map" in response.text
    assert not Member.objects.exists()


def test_category_editor_has_translation_tabs(admin_client):
    category = CategoryFactory()

    html = admin_client.get(f"/admin/members/membershipcategory/{category.pk}/change/").text

    assert 'name="name_fr"' in html
    assert "/static/js/admin-translation-tabs.js" in html


def test_the_admin_keeps_a_logo_while_a_mistake_is_put_right(admin_client):
    member = MemberFactory()
    url = f"/admin/members/member/{member.pk}/change/"

    first = admin_client.post(url, admin_member(member, name="", logo=image_file("new.png")))
    tokens = held_tokens(first.text)
    second = admin_client.post(url, admin_member(member, **{"logo-held": tokens["logo"]}))

    assert "Received: new.png" in first.text
    assert second.status_code == 302
    assert Member.objects.get(pk=member.pk).logo_large.name.endswith(".webp")
