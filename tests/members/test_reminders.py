import datetime
import io

import pytest
from django.core.management import call_command

from members.models import Member
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def remind():
    call_command("remind_profiles", stdout=io.StringIO())


def member_with_rep(confirmed_on, email="rep@example.org", language="en", **extra):
    return MemberFactory(
        name=f"Org {email}",
        profile_confirmed_on=confirmed_on,
        representatives=[UserFactory(email=email, language=language)],
        **extra,
    )


def test_representatives_of_stale_profiles_are_reminded_in_their_language(mailoutbox):
    member_with_rep(TODAY - datetime.timedelta(days=400), "fr@example.org", "fr")
    member_with_rep(None, "never@example.org", "en")
    member_with_rep(TODAY - datetime.timedelta(days=100), "fresh@example.org", "en")

    remind()

    sent = {message.to[0]: message.subject for message in mailoutbox}
    assert set(sent) == {"fr@example.org", "never@example.org"}
    assert "toujours à jour" in sent["fr@example.org"]
    assert "still up to date" in sent["never@example.org"]


def test_a_member_is_reminded_at_most_once_a_month(mailoutbox):
    member = member_with_rep(None)

    remind()
    remind()
    Member.objects.filter(pk=member.pk).update(
        profile_reminded_on=TODAY - datetime.timedelta(days=31)
    )
    remind()

    assert len(mailoutbox) == 2


def test_former_members_are_not_reminded(mailoutbox):
    member_with_rep(None, status=Member.Status.FORMER)

    remind()

    assert mailoutbox == []


def test_staff_see_the_confirmation_date_in_the_admin_list(admin_client):
    MemberFactory(name="Dated", profile_confirmed_on=datetime.date(2026, 2, 3))

    html = admin_client.get("/admin/members/member/").text

    assert "3 February 2026" in html
