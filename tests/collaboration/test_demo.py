"""The demo calls (`seed_demo`): a dozen calls of every kind from different members,
some members-only, two closed, one filled, one with its document, replies between demo
members; safe to run again; and synthetic calls in bulk for the scale tests."""

import io

import pytest
from django.core.management import call_command

from collaboration.demo import SYNTHETIC_PREFIX, demo_calls, seed_calls
from collaboration.models import Call, Reply
from members.demo import seed_members, seed_representatives

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """The demo's members, representatives and calls, as seed_demo makes them (the rest
    of the demo left out: it takes a while; tests/test_seed.py runs it all, twice)."""
    seed_members()
    seed_representatives("demo-password")
    seed_calls()
    return Call.objects.exclude(slug__startswith=SYNTHETIC_PREFIX)


def test_the_demo_has_a_dozen_calls_of_every_kind_as_the_issue_asks(demo):
    assert demo.count() == len(demo_calls()) == 12
    assert set(demo.values_list("kind", flat=True)) == set(Call.Kind.values)
    assert demo.values("member").distinct().count() == 12  # from different members
    assert demo.filter(is_public=False).count() == 4  # members-only
    closed = Call.objects.closed().filter(pk__in=demo)
    assert closed.filter(filled_at=None).count() == 2  # past their deadline
    assert closed.exclude(filled_at=None).count() == 1  # filled
    assert Call.objects.open().filter(pk__in=demo).count() == 9
    assert Call.objects.closing_soon().filter(pk__in=demo).count() == 1
    assert len({call.created_at.date() for call in demo}) == 12  # over the past months


def test_demo_calls_are_written_as_members_write_them(demo):
    assert demo.filter(title_fr="").exclude(title_en="").count() == 3  # English only
    assert demo.filter(title_en="").exclude(title_fr="").count() == 2  # French only
    for call in demo:
        call.full_clean()  # a description in the language of each title, languages known
    assert not demo.filter(topics=None).exists()
    assert demo.filter(countries="").exists()  # any country
    assert demo.exclude(countries="").exists()
    call = demo.exclude(file="").get(slug="partners-erasmus-training-child-friendly-visits")
    with call.file.open("rb") as file:
        assert file.read(5) == b"%PDF-"
    lyon = demo.get(member__slug="familles-et-detention-lyon")
    assert lyon.posted_by.email == "rep@example.org"  # the demo representative


def test_other_demo_members_replied_to_the_calls(demo):
    replies = Reply.objects.filter(call__in=demo)

    assert replies.count() == sum(len(data["replies"]) for data in demo_calls())
    assert replies.values("call").distinct().count() == 11
    assert not [reply for reply in replies if reply.member_id == reply.call.member_id]
    assert all(reply.email.endswith("@example.org") for reply in replies)
    assert all(reply.created_at > reply.call.created_at for reply in replies)
    by_kinder = replies.get(
        call__slug="research-how-children-are-told-of-an-arrest", member__slug="kinder-im-blick"
    )
    assert by_kinder.sent_by.email == "kinder@example.org"


def test_seed_demo_run_twice_adds_no_call_nor_reply_and_keeps_what_posters_changed(demo):
    counts = Call.objects.count(), Reply.objects.count()
    Call.objects.filter(slug="study-visit-warsaw-school-support").update(title_en="Changed")

    seed_calls()

    assert (Call.objects.count(), Reply.objects.count()) == counts
    assert Call.objects.get(slug="study-visit-warsaw-school-support").title_en == "Changed"


def test_seed_demo_adds_synthetic_calls_on_request():
    seed_members(extra=40)
    output = io.StringIO()
    call_command("seed_demo", "--calls", "120", stdout=output)
    seed_calls(extra=30)

    assert "Calls: 132 created" in output.getvalue()  # the dozen, and 120 more

    synthetic = Call.objects.filter(slug__startswith=SYNTHETIC_PREFIX)
    assert synthetic.count() == 150
    assert set(synthetic.values_list("kind", flat=True)) == set(Call.Kind.values)
    assert synthetic.filter(is_public=False).exists() and synthetic.filter(is_public=True).exists()
    assert Call.objects.open().filter(pk__in=synthetic).exists()
    assert Call.objects.closed().filter(pk__in=synthetic).exists()
    assert synthetic.filter(topics__isnull=False).distinct().count() == 150
    assert synthetic.values("member").distinct().count() > 20
    assert synthetic.filter(title_fr="").exists() and synthetic.filter(title_en="").exists()


def test_no_members_only_demo_call_s_address_says_its_title(demo):
    slugs = Call.objects.filter(is_public=False).values_list("slug", flat=True)

    assert all(slug.startswith("call-") for slug in slugs)
