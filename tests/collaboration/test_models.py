"""A call's life: open until its deadline (in the site's time zone) or until filled."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from collaboration.models import Call
from tests.factories import CallFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def _days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


def test_a_call_is_open_on_its_deadline_day():
    call = CallFactory(deadline=_days(0))
    assert call in Call.objects.open()


def test_a_call_closes_by_itself_the_day_after_its_deadline():
    call = CallFactory(deadline=_days(0))
    assert call in Call.objects.closed(today=_days(1))


def test_a_filled_call_is_closed_before_its_deadline():
    call = CallFactory(filled_at=timezone.now())
    assert call in Call.objects.closed()


def test_a_hidden_call_is_neither_open_nor_closed():
    call = CallFactory(is_hidden=True)
    assert call not in Call.objects.open() | Call.objects.closed()


def test_a_call_closing_within_two_weeks_says_so():
    assert str(CallFactory(deadline=_days(3)).status_label) == "closing soon"


def test_the_slug_comes_from_the_title_in_either_language():
    call = CallFactory(title_en="", title_fr="Étude sur les visites", description_en="")
    assert call.slug == "etude-sur-les-visites"


def test_the_archive_address_is_never_a_call_s():
    assert CallFactory(title_en="Archive", title_fr="").slug != "archive"


def test_a_call_needs_a_title_in_one_language():
    call = CallFactory.build(title_en="", title_fr="", member=MemberFactory())
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "title_en" in error.value.message_dict


def test_a_members_only_call_is_unreadable_by_someone_signed_in_who_is_no_member():
    call = CallFactory(is_public=False)
    assert not call.is_readable_by(UserFactory())


def test_a_members_only_call_is_readable_by_another_member_s_representative():
    call = CallFactory(is_public=False)
    person = UserFactory()
    MemberFactory().representatives.add(person)
    assert call.is_readable_by(person)


def test_a_members_only_call_s_address_says_nothing_of_its_title():
    call = CallFactory(is_public=False, title_en="Secret research on visits")

    assert "secret" not in call.slug


def test_a_members_only_call_keeps_its_address_when_made_public():
    call = CallFactory(is_public=False)
    slug = call.slug
    call.is_public = True
    call.save()

    assert call.slug == slug


def test_a_public_call_made_members_only_no_longer_tells_its_title_by_its_address():
    call = CallFactory(is_public=True, title_en="Call for partners on prison visits")
    assert call.slug == "call-for-partners-on-prison-visits"

    call.is_public = False
    call.save()

    call.refresh_from_db()
    assert re.fullmatch(r"call-[0-9a-f]{10}", call.slug)


def test_a_members_only_call_keeps_its_address_when_changed():
    call = CallFactory(is_public=False)
    slug = call.slug
    call.title_en = "Another title"
    call.save()

    assert call.slug == slug


def test_a_former_member_s_calls_close_with_its_membership():
    call = CallFactory(member=MemberFactory(status="former"))

    assert call in Call.objects.closed()
    assert not call.is_open
