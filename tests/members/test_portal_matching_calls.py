"""The portal's "Calls that match your work": other members' open calls on the topics of
the representative's members or seeking their countries, soonest deadline first."""

import datetime
import re

import pytest
from django.utils import timezone

from collaboration.models import Call
from members.models import Member
from tests.factories import CallFactory, MemberFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits():
    return TopicFactory(slug="visits", name_en="Prison visits", name_fr="Visites en prison")


@pytest.fixture
def relais(visits):
    """Relais Lyon (France), working on prison visits."""
    return MemberFactory(name="Relais Lyon", slug="relais-lyon", country="FR", topics=[visits])


@pytest.fixture
def berlin():
    """Kinder Berlin (Germany), another member, working on nothing Relais Lyon does."""
    return MemberFactory(
        name="Kinder Berlin", slug="kinder-berlin", country="DE", topics=[TopicFactory()]
    )


def section(response):
    """The text of the portal's "Calls that match your work", or None."""
    assert response.status_code == 200
    found = re.search(
        r'<section[^>]*aria-labelledby="matching-calls".*?</section>', response.text, re.S
    )
    return found.group(0) if found else None


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_call_on_one_of_the_members_topics_is_shown(rep_client, berlin, visits):
    CallFactory(member=berlin, title_en="Visits in two countries", topics=[visits])

    shown = section(rep_client.get("/en/portal/"))

    assert "Calls that match your work" in shown
    assert "Visits in two countries" in shown
    assert "Kinder Berlin" in shown


def test_a_call_seeking_the_members_country_is_shown(rep_client, berlin):
    CallFactory(member=berlin, title_en="Partners in France wanted", countries=["IT", "FR"])

    assert "Partners in France wanted" in section(rep_client.get("/en/portal/"))


def test_calls_on_other_topics_and_countries_are_not_shown(rep_client, berlin):
    CallFactory(member=berlin, title_en="Italy only", countries=["IT"], topics=[TopicFactory()])
    # Open to any country, on no topic of theirs: it would match everyone.
    CallFactory(member=berlin, title_en="Anyone anywhere", countries=[])

    shown = section(rep_client.get("/en/portal/"))

    assert "Italy only" not in shown
    assert "Anyone anywhere" not in shown
    assert "No open call matches your topics or your country at the moment." in shown


def test_the_members_own_calls_are_not_shown(rep_client, relais, visits):
    CallFactory(member=relais, title_en="Our own call", topics=[visits], countries=["FR"])

    assert "Our own call" not in section(rep_client.get("/en/portal/"))


def test_closed_filled_and_hidden_calls_are_not_shown(rep_client, berlin, visits):
    CallFactory(member=berlin, title_en="Still open", topics=[visits])
    CallFactory(member=berlin, title_en="Past deadline", topics=[visits], deadline=in_days(-1))
    CallFactory(member=berlin, title_en="Filled", topics=[visits], filled_at=timezone.now())
    CallFactory(member=berlin, title_en="Hidden", topics=[visits], is_hidden=True)

    shown = section(rep_client.get("/en/portal/"))

    assert "Still open" in shown
    assert "Past deadline" not in shown
    assert "Filled" not in shown
    assert "Hidden" not in shown


def test_members_only_calls_are_shown_to_the_member_and_marked(rep_client, berlin, visits):
    CallFactory(member=berlin, title_en="For members", topics=[visits], is_public=False)

    shown = section(rep_client.get("/en/portal/"))

    assert "For members" in shown
    assert "Members only" in shown


def test_five_calls_at_most_the_soonest_deadline_first(rep_client, berlin, visits):
    for days in (40, 10, 30, 20, 60, 50):
        CallFactory(
            member=berlin,
            title_en=f"Closes in {days} days",
            topics=[visits],
            deadline=in_days(days),
        )

    shown = section(rep_client.get("/en/portal/"))

    titles = re.findall(r"Closes in (\d+) days", shown)
    assert titles == ["10", "20", "30", "40", "50"]


def test_the_section_links_to_the_open_calls_on_the_members_topics(
    rep_client, berlin, relais, visits
):
    relais.topics.add(TopicFactory(slug="research"))
    call = CallFactory(member=berlin, topics=[visits])

    shown = section(rep_client.get("/en/portal/"))

    assert 'href="/en/collaborate/?topic=research&amp;topic=visits"' in shown
    assert f'href="{call.get_absolute_url()}"' in shown
    assert "See all open calls on your topics" in shown


def test_in_french(client, berlin, relais, visits):
    person = UserFactory(language="fr")
    relais.representatives.add(person)
    client.force_login(person)
    deadline = datetime.date(timezone.localdate().year + 1, 3, 1)
    CallFactory(
        member=berlin,
        title_en="Partners for a visiting project",
        title_fr="Partenaires pour un projet de visites",
        slug="visites",
        kind="exchange",
        topics=[visits],
        deadline=deadline,
        is_public=False,
    )

    shown = section(client.get("/fr/espace-membre/"))

    assert "Appels qui correspondent à votre travail" in shown
    assert "Partenaires pour un projet de visites" in shown
    assert 'href="/fr/collaborer/visites/"' in shown
    assert f"1er mars {deadline.year}" in shown
    assert "Échange ou visite d’étude" in shown
    assert "Réservé aux membres" in shown
    assert 'href="/fr/collaborer/?topic=visits"' in shown


def test_a_former_members_representative_sees_no_calls(rep_client, relais, berlin, visits):
    Member.objects.filter(pk=relais.pk).update(status=Member.Status.FORMER)
    CallFactory(member=berlin, title_en="Visits in two countries", topics=[visits])

    assert section(rep_client.get("/en/portal/")) is None


def test_a_person_who_represents_no_member_sees_no_calls(client, berlin, visits):
    client.force_login(UserFactory())
    CallFactory(member=berlin, topics=[visits])

    assert section(client.get("/en/portal/")) is None


def make_calls(member, topic, count):
    """`count` open calls by `member`, half on `topic`, half seeking France."""
    calls = Call.objects.bulk_create(
        Call(
            member=member,
            kind="research",
            title_en=f"Bulk call {n}",
            title_fr=f"Appel en nombre {n}",
            description_en="A call.",
            description_fr="Un appel.",
            slug=f"bulk-call-{member.pk}-{n}",
            countries=["FR"] if n % 2 else [],
            deadline=in_days(10 + n % 50),
            is_public=n % 3 != 0,
        )
        for n in range(count)
    )
    Call.topics.through.objects.bulk_create(
        Call.topics.through(call_id=call.pk, topic_id=topic.pk) for call in calls[::2]
    )


def test_the_query_count_stays_flat_from_10_to_1000_calls(
    rep_client, berlin, visits, django_assert_max_num_queries
):
    make_calls(berlin, visits, 10)
    with django_assert_max_num_queries(20) as few:
        small = section(rep_client.get("/en/portal/"))
    make_calls(MemberFactory(country="BE"), visits, 990)

    with django_assert_max_num_queries(len(few.captured_queries)):
        large = section(rep_client.get("/en/portal/"))

    assert small.count("<h3") == large.count("<h3") == 5
