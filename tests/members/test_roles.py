import pytest
from django.contrib.auth.models import Group

from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_membership_secretary_manages_members_but_not_pages(client, pages):
    secretary = Group.objects.get(name="Membership secretary")
    client.force_login(
        UserFactory(email="membership@example.org", is_staff=True, groups=[secretary])
    )
    member = MemberFactory()

    assert client.get(f"/admin/members/member/{member.pk}/change/").status_code == 200
    assert client.get("/admin/members/membershipcategory/add/").status_code == 200
    assert client.get("/admin/members/topic/add/").status_code == 200
    assert client.get("/admin/flatpages/flatpage/").status_code == 403
    assert client.get(f"/admin/members/member/{member.pk}/invite/").status_code == 200
    assert client.get("/admin/members/application/").status_code == 200
    assert client.get("/admin/members/affiliate/").status_code == 200
    assert client.get("/admin/outbox/outboundemail/").status_code == 200
    assert client.get("/admin/members/invitation/").status_code == 200


def test_editor_manages_pages_and_topics_but_not_members(editor_client, pages):
    member = MemberFactory()

    assert (
        editor_client.get(f"/admin/flatpages/flatpage/{pages.first().pk}/change/").status_code
        == 200
    )
    assert editor_client.get("/admin/members/topic/add/").status_code == 200
    # Editors see members (to link news and events to them) but cannot change them.
    view = editor_client.get(f"/admin/members/member/{member.pk}/change/")
    assert view.status_code == 200
    assert 'name="_save"' not in view.text
    assert editor_client.post(f"/admin/members/member/{member.pk}/change/", {}).status_code == 403
    assert editor_client.get(f"/admin/members/member/{member.pk}/invite/").status_code == 403
    assert editor_client.get("/admin/members/membershipcategory/").status_code == 403
    assert editor_client.get("/admin/members/application/").status_code == 403
    assert editor_client.get("/admin/members/affiliate/").status_code == 403


def test_staff_invite_a_representative_from_the_members_admin_page(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    member = MemberFactory(name="Relais Lyon")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/members/member/{member.pk}/invite/",
            {
                "first_name": "Camille",
                "last_name": "Martin",
                "email": "camille@example.org",
                "language": "fr",
            },
        )

    assert response.status_code == 302
    # Staff's invitations too wait for the person to accept (the address may be anyone's).
    assert member.invitations.pending().get().email == "camille@example.org"
    assert not member.representatives.exists()
    assert mailoutbox[0].to == ["camille@example.org"]
    change = admin_client.get(f"/admin/members/member/{member.pk}/change/").text
    assert "Invite a representative" in change
    listed = admin_client.get("/admin/members/invitation/?accepted_at__isempty=1").text
    assert "camille@example.org" in listed
