"""A call's page and its document: who reads it (everyone for a public call; members and
staff for a members-only one, which anyone else sees only as existing), who may not even
know it exists (a hidden call: all but staff and its poster), and what each may do."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import (
    CallFactory,
    MemberFactory,
    ReplyFactory,
    TopicFactory,
    UserFactory,
    pdf_file,
)

pytestmark = pytest.mark.django_db


def _days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def poster():
    """Relais Lyon's representative: Relais Lyon posts the calls below."""
    person = UserFactory(email="poster@example.org")
    MemberFactory(name="Relais Lyon", slug="relais-lyon", representatives=[person])
    return person


@pytest.fixture
def people(poster, db):
    """Each kind of reader, as a client: visitor, non-member (an account that represents
    no member), member (another member's representative), staff, poster."""
    member = UserFactory(email="member@example.org")
    MemberFactory(name="Kinder Berlin", country="DE", representatives=[member])
    return {
        "visitor": Client(),
        "non-member": signed_in(UserFactory(email="nobody@example.org")),
        "member": signed_in(member),
        "staff": signed_in(UserFactory(email="staff@example.org", is_staff=True)),
        "poster": signed_in(poster),
    }


def relais_lyon():
    from members.models import Member

    return Member.objects.get(slug="relais-lyon")


@pytest.fixture
def study(poster):
    """A members-only call for a research study, with a topic and countries."""
    topic = TopicFactory(slug="school-support", name_en="School support", name_fr="Soutien")
    return CallFactory(
        member=relais_lyon(),
        kind="research",
        title_en="Secret study of visits",
        title_fr="Étude secrète des parloirs",
        description_en="Confidential description of the study.",
        description_fr="Description confidentielle de l’étude.",
        countries=["PT"],
        topics=[topic],
        is_public=False,
        deadline=datetime.date(2027, 3, 1),
        file=pdf_file(),
    )


@pytest.fixture
def public_call(poster):
    return CallFactory(
        member=relais_lyon(),
        title_en="Partners for family days",
        title_fr="Des partenaires pour des journées des familles",
        description_en="First paragraph.\n\nSecond paragraph.",
        description_fr="Premier paragraphe.\n\nSecond paragraphe.",
        countries=["FR", "BE"],
        languages=["en", "de"],
        funding_programme="Erasmus+",
        file=pdf_file(),
    )


def main(response):
    return response.text.split('<main id="main"', 1)[1].split("</main>", 1)[0]


# A public call.


@pytest.mark.parametrize("reader", ["visitor", "non-member", "member", "staff", "poster"])
def test_everyone_reads_a_public_call(people, public_call, reader):
    response = people[reader].get(public_call.get_absolute_url())

    assert response.status_code == 200
    assert "Partners for family days" in response.text


def test_a_public_call_s_page_says_all_about_it(client, public_call):
    html = main(client.get("/en/collaborate/partners-for-family-days/"))

    assert "<h1>Partners for family days</h1>" in html
    assert "<p>First paragraph.</p>" in html
    assert "<p>Second paragraph.</p>" in html
    assert "Relais Lyon" in html
    assert "Erasmus+" in html
    assert "Belgium" in html and "France" in html
    assert "English, German" in html
    assert "Download the call (PDF)" in html
    assert "Partners for a project" in html


def test_a_call_s_page_in_french_names_languages_and_countries_in_french(client, public_call):
    html = main(client.get(f"/fr/collaborer/{public_call.slug}/"))

    assert "Des partenaires pour des journées des familles" in html
    assert "Anglais, Allemand" in html
    assert "Belgique" in html


def test_the_call_s_title_is_the_page_s_title(client, public_call):
    response = client.get(public_call.get_absolute_url())

    assert re.search(r"<title>Partners for family days – ", response.text)


def test_the_topics_link_to_the_list_filtered_by_topic(client, study, people):
    html = main(people["member"].get(study.get_absolute_url()))

    assert 'href="/en/collaborate/?topic=school-support"' in html


def test_the_member_is_linked_when_listed(client, public_call):
    assert 'href="/en/members/relais-lyon/"' in main(client.get(public_call.get_absolute_url()))


def test_the_member_is_named_but_not_linked_when_not_listed(client, public_call):
    member = relais_lyon()
    member.published = False
    member.save()

    html = main(client.get(public_call.get_absolute_url()))

    assert "Relais Lyon" in html
    assert 'href="/en/members/relais-lyon/"' not in html


def test_a_call_with_no_country_says_any_country(client):
    call = CallFactory(countries=[])

    assert "Any country" in main(client.get(call.get_absolute_url()))


def test_a_french_page_writes_the_first_of_the_month_1er(client, public_call):
    public_call.deadline = datetime.date(2027, 3, 1)
    public_call.save()

    assert "1er mars 2027" in client.get(f"/fr/collaborer/{public_call.slug}/").text


def test_an_english_only_call_is_shown_in_english_on_the_french_page(client):
    call = CallFactory(title_en="Study visit to Lyon", title_fr="", description_fr="")

    response = client.get(f"/fr/collaborer/{call.slug}/")

    assert '<h1 lang="en">Study visit to Lyon</h1>' in response.text
    assert "Cet appel n’est pas rédigé dans votre langue" in response.text
    assert '<html lang="fr">' in response.text


def test_a_call_in_both_languages_points_to_the_other(client, public_call):
    response = client.get(public_call.get_absolute_url())

    assert "Cet appel existe aussi en français." in response.text
    assert f'hreflang="fr" href="http://testserver/fr/collaborer/{public_call.slug}/"' in (
        response.text
    )


@pytest.mark.parametrize(
    ("days", "status"), [(30, "Open"), (3, "Closing soon"), (-1, "Closed")], ids=str
)
def test_the_status_is_said_in_words(client, days, status):
    call = CallFactory(deadline=_days(days))

    assert f">{status}</span>" in main(client.get(call.get_absolute_url()))


def test_a_filled_call_says_so_plainly(client, public_call):
    public_call.filled_at = timezone.now()
    public_call.save()

    html = main(client.get(public_call.get_absolute_url()))

    assert "This call is closed: its poster found what they sought." in html


def test_a_closed_call_says_so_plainly_in_french(client):
    call = CallFactory(deadline=_days(-1))

    html = main(client.get(f"/fr/collaborer/{call.slug}/"))

    assert "Cet appel est clos\u00a0: sa date limite est passée." in html


# A members-only call.


@pytest.mark.parametrize("reader", ["member", "staff", "poster"])
def test_members_and_staff_read_a_members_only_call(people, study, reader):
    html = main(people[reader].get(study.get_absolute_url()))

    assert "Secret study of visits" in html
    assert "Confidential description of the study." in html
    assert "Members only" in html


@pytest.mark.parametrize("reader", ["visitor", "non-member"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_others_see_only_that_a_members_only_call_exists(people, study, reader, language):
    path = f"/{language}/{'collaborate' if language == 'en' else 'collaborer'}/{study.slug}/"
    response = people[reader].get(path)

    assert response.status_code == 200
    for secret in (
        "Secret study",
        "Étude secrète",
        "Confidential description",
        "Description confidentielle",
        "Relais Lyon",
        "School support",
        "Soutien",
        "Portugal",
        "document/",
    ):
        assert secret not in response.text.replace(study.slug, "")


def test_a_visitor_is_told_what_a_members_only_call_seeks_and_until_when(client, study):
    html = main(client.get(study.get_absolute_url()))

    assert "<h1>A call for members only</h1>" in html
    assert "Organisations or countries for a research study" in html
    assert "1 March 2027" in html


def test_a_visitor_is_asked_to_sign_in_and_come_back_to_the_call(client, study):
    html = main(client.get(study.get_absolute_url()))

    assert f'href="/en/accounts/login/?next=/en/collaborate/{study.slug}/"' in html


def test_a_members_only_call_s_title_is_never_the_page_s(client, study):
    response = client.get(study.get_absolute_url())

    assert "<title>A call for members only – " in response.text


def test_someone_signed_in_but_no_member_is_told_how_to_become_one(people, study):
    html = main(people["non-member"].get(f"/fr/collaborer/{study.slug}/"))

    assert "Seuls les membres du réseau peuvent lire cet appel." in html
    assert 'href="/fr/adhesion/"' in html


def test_a_former_member_s_representative_no_longer_reads_members_only_calls(study):
    person = UserFactory()
    MemberFactory(status="former", representatives=[person])

    html = main(signed_in(person).get(study.get_absolute_url()))

    assert "Secret study" not in html


# Hidden calls and guessed addresses.


def test_an_unknown_call_is_not_found(client):
    assert client.get("/en/collaborate/no-such-call/").status_code == 404


@pytest.mark.parametrize("reader", ["visitor", "non-member", "member"])
def test_a_hidden_call_is_not_found(people, public_call, reader):
    public_call.is_hidden = True
    public_call.save()

    assert people[reader].get(public_call.get_absolute_url()).status_code == 404
    assert people[reader].get(public_call.file_url).status_code == 404


@pytest.mark.parametrize("reader", ["staff", "poster"])
def test_a_hidden_call_s_document_is_not_found_even_for_staff_and_the_poster(
    people, public_call, reader
):
    public_call.is_hidden = True
    public_call.save()

    assert people[reader].get(public_call.file_url).status_code == 404
    assert "Download the call" not in people[reader].get(public_call.get_absolute_url()).text


@pytest.mark.parametrize("reader", ["staff", "poster"])
def test_staff_and_the_poster_see_a_hidden_call_said_hidden(people, public_call, reader):
    public_call.is_hidden = True
    public_call.save()

    html = main(people[reader].get(public_call.get_absolute_url()))

    assert "Partners for family days" in html
    assert "This call is hidden by staff" in html


# What each reader may do.


def test_another_member_may_reply_to_an_open_call(people, public_call):
    html = main(people["member"].get(public_call.get_absolute_url()))

    assert f'href="/en/collaborate/{public_call.slug}/reply/"' in html
    assert "Reply: we’re interested" in html


def test_a_member_who_replied_is_told_when(people, public_call):
    from members.models import Member

    reply = ReplyFactory(call=public_call, member=Member.objects.get(name="Kinder Berlin"))
    reply.created_at = timezone.make_aware(datetime.datetime(2026, 11, 1, 10, 0))
    reply.save()

    html = main(people["member"].get(f"/fr/collaborer/{public_call.slug}/"))

    assert "Vous avez répondu le 1er novembre 2026." in html
    assert "/repondre/" not in html


def test_nobody_may_reply_to_a_closed_call(people):
    call = CallFactory(deadline=_days(-1))

    assert "/reply/" not in main(people["member"].get(call.get_absolute_url()))


def test_the_poster_sees_the_replies_and_may_change_the_call(people, public_call):
    ReplyFactory(call=public_call)
    ReplyFactory(call=public_call)

    html = main(people["poster"].get(public_call.get_absolute_url()))

    assert f'href="/en/portal/relais-lyon/calls/{public_call.pk}/replies/"' in html
    assert "See the replies (2)" in html
    assert f'href="/en/portal/relais-lyon/calls/{public_call.pk}/"' in html
    assert "/reply/" not in html


def test_a_visitor_is_asked_to_sign_in_to_reply(client, public_call):
    html = main(client.get(public_call.get_absolute_url()))

    assert "Sign in to reply" in html
    assert "/reply/" not in html


@pytest.mark.parametrize("reader", ["non-member", "staff"])
def test_who_represents_no_member_may_not_reply(people, public_call, reader):
    assert "/reply/" not in main(people[reader].get(public_call.get_absolute_url()))


def test_the_page_s_queries_do_not_grow_with_topics_and_countries(
    people, poster, django_assert_max_num_queries
):
    call = CallFactory(member=relais_lyon(), topics=[TopicFactory()], countries=["FR"])
    with django_assert_max_num_queries(30) as few:
        people["member"].get(call.get_absolute_url())
    many = CallFactory(
        member=relais_lyon(),
        topics=[TopicFactory() for _ in range(12)],
        countries=["FR", "DE", "BE", "IT", "ES", "PT", "PL"],
    )
    ReplyFactory.create_batch(3, call=many)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = people["member"].get(many.get_absolute_url())

    assert response.status_code == 200


# The document.


def test_everyone_downloads_a_public_call_s_document(client, public_call):
    response = client.get(f"/fr/collaborer/{public_call.slug}/document/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="des-partenaires-pour-des-journees-des-familles.pdf"'
    )
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("reader", ["visitor", "non-member"])
def test_a_members_only_call_s_document_is_not_found_for_others(people, study, reader):
    assert people[reader].get(study.file_url).status_code == 404


@pytest.mark.parametrize("reader", ["member", "staff", "poster"])
def test_members_download_a_members_only_call_s_document_kept_by_no_cache(people, study, reader):
    response = people[reader].get(study.file_url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_call_without_a_document_has_none_to_download(client):
    call = CallFactory()

    assert client.get(call.file_url).status_code == 404
    assert "Download the call" not in client.get(call.get_absolute_url()).text


def test_an_unknown_call_s_document_is_not_found(client):
    assert client.get("/en/collaborate/no-such-call/document/").status_code == 404
