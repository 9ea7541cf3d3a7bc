"""Members' calls in the digest: the public ones for everyone, the members-only ones for
the representatives of active members only, each call in one digest, in each reader's
language."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Digest
from news.models.digest import send_digest_batch
from tests.factories import (
    AffiliateFactory,
    CallFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers():
    """An English and a French affiliate, an English and a French representative of an
    active member, and the representative of a former member (who gets no digest)."""
    AffiliateFactory(email="sam@example.org", language="en", country="FR", confirmed=True)
    AffiliateFactory(email="lea@example.org", language="fr", country="FR", confirmed=True)
    MemberFactory(
        slug="relais", representatives=[UserFactory(email="rep@example.org", language="en")]
    )
    MemberFactory(
        slug="lien", representatives=[UserFactory(email="rep-fr@example.org", language="fr")]
    )
    MemberFactory(
        slug="former", status="former", representatives=[UserFactory(email="old@example.org")]
    )


def by_address():
    return {message.to[0]: message for message in mail.outbox}


def sent_subjects():
    """{address: the subject it was sent, without the site's name before it}."""
    return {
        address: message.subject.removeprefix("[Children of Prisoners Europe] ")
        for address, message in by_address().items()
    }


def html(message):
    return message.alternatives[0][0]


def test_a_public_call_goes_to_affiliates_and_representatives(readers):
    CallFactory(title_en="Partners for family visits", slug="family-visits")

    Digest.send_new()

    messages = by_address()
    assert set(messages) == {
        "sam@example.org",
        "lea@example.org",
        "rep@example.org",
        "rep-fr@example.org",
    }
    assert "Partners for family visits" in messages["sam@example.org"].body
    assert "Partners for family visits" in messages["rep@example.org"].body
    assert "http://127.0.0.1:8000/en/collaborate/family-visits/" in messages["sam@example.org"].body
    assert "Calls to work together" in messages["sam@example.org"].body
    assert "Partners for family visits" in html(messages["sam@example.org"])


def test_a_members_only_call_goes_to_representatives_only(readers):
    CallFactory(title_en="Public call for partners")
    CallFactory(title_en="Research study for members", is_public=False)

    Digest.send_new()

    messages = by_address()
    affiliate, representative = messages["sam@example.org"], messages["rep@example.org"]
    assert "Public call for partners" in affiliate.body
    assert "Research study for members" not in affiliate.body
    assert "Research study for members" not in html(affiliate)
    assert "Members only" not in affiliate.body
    assert "Research study for members" in representative.body
    assert "Research study for members" in html(representative)
    assert "Members only" in representative.body
    assert "the link asks you to sign in" in representative.body
    assert "the link asks you to sign in" in html(representative)


def test_a_digest_with_only_members_only_calls_is_made_for_representatives(readers):
    CallFactory(title_en="Research study for members", is_public=False)

    assert Digest.send_new() is not None


def test_a_representative_who_is_also_an_affiliate_reads_the_members_only_calls(readers):
    AffiliateFactory(email="rep@example.org", language="en", country="FR", confirmed=True)
    CallFactory(title_en="Research study for members", is_public=False)

    Digest.send_new()

    assert [m.to for m in mail.outbox].count(["rep@example.org"]) == 1
    assert "Research study for members" in by_address()["rep@example.org"].body


def test_a_hidden_call_and_a_closed_call_are_not_sent(readers):
    CallFactory(title_en="Shown call")
    CallFactory(title_en="Hidden call", is_hidden=True)
    CallFactory(title_en="Past its deadline", deadline=timezone.localdate() - datetime.timedelta(1))
    CallFactory(title_en="Already filled", filled_at=timezone.now())

    digest = Digest.send_new()

    body = by_address()["rep@example.org"].body
    assert "Shown call" in body
    assert "Hidden call" not in body
    assert "Past its deadline" not in body
    assert "Already filled" not in body
    assert digest.calls.count() == 1


def test_a_call_hidden_before_its_batch_runs_is_left_out(
    readers, django_capture_on_commit_callbacks
):
    CallFactory(title_en="Kept call")
    hidden = CallFactory(title_en="Call hidden by staff")
    with django_capture_on_commit_callbacks() as batches:
        Digest.send_new()
    hidden.is_hidden = True
    hidden.save()
    with django_capture_on_commit_callbacks(execute=True):
        for batch in batches:
            batch()

    body = by_address()["rep@example.org"].body
    assert "Kept call" in body
    assert "Call hidden by staff" not in body


def test_a_call_is_listed_in_one_digest_only(readers):
    CallFactory(title_en="First call")
    first = Digest.send_new()
    mail.outbox.clear()

    assert Digest.send_new() is None
    CallFactory(title_en="Second call")
    second = Digest.send_new()

    body = by_address()["sam@example.org"].body
    assert "Second call" in body
    assert "First call" not in body
    assert [call.title for call in first.calls.all()] == ["First call"]
    assert [call.title for call in second.calls.all()] == ["Second call"]


def test_a_call_hidden_at_the_last_digest_and_shown_since_is_in_the_next(readers):
    call = CallFactory(title_en="Hidden then shown", is_hidden=True)
    PostFactory()
    Digest.send_new()
    call.is_hidden = False
    call.save()
    mail.outbox.clear()

    # Posted before the last digest, but nobody has read of it yet.
    digest = Digest.send_new()

    assert list(digest.calls.all()) == [call]
    assert "Hidden then shown" in by_address()["sam@example.org"].body


def test_a_call_closed_while_hidden_is_not_sent_later(readers):
    call = CallFactory(title_en="Hidden then shown", is_hidden=True)
    PostFactory()
    Digest.send_new()
    call.is_hidden = False
    call.deadline = timezone.localdate() - datetime.timedelta(days=1)
    call.save()

    assert Digest.send_new() is None


def test_a_digest_is_made_for_a_new_call_alone(readers):
    CallFactory(title_en="Only a call")

    digest = Digest.send_new()

    assert digest is not None
    assert list(digest.posts.all()) == []
    assert "Only a call" in by_address()["sam@example.org"].body


NEW_ITEMS = {
    "call": lambda: CallFactory(title_en="Only a call", title_fr="Seulement un appel"),
    "post": lambda: PostFactory(title_en="Visits reopen", title_fr="Les parloirs rouvrent"),
    "practice": lambda: PracticeFactory(title_en="Stories", title_fr="Histoires"),
}


@pytest.mark.parametrize(
    ("new", "english", "french"),
    [
        (["call"], "Calls to work together (no. 1)", "Appels pour travailler ensemble (n°\u00a01)"),
        (["post", "call"], "News and events (no. 1)", "Actualités et événements (n°\u00a01)"),
        (
            ["practice", "call"],
            "What’s new in the network (no. 1)",
            "Du nouveau dans le réseau (n°\u00a01)",
        ),
    ],
)
def test_the_subject_says_what_the_digest_holds(readers, new, english, french):
    for kind in new:
        NEW_ITEMS[kind]()

    Digest.send_new()

    subjects = sent_subjects()
    assert subjects["sam@example.org"] == subjects["rep@example.org"] == english
    assert subjects["lea@example.org"] == subjects["rep-fr@example.org"] == french


def test_the_french_reader_gets_the_french_title_date_and_address(readers):
    deadline = datetime.date(timezone.localdate().year + 1, 3, 1)
    CallFactory(
        title_en="Partners for family visits",
        title_fr="Partenaires pour des visites en famille",
        slug="visites",
        kind="research",
        deadline=deadline,
        member=MemberFactory(name="Relais Enfants Parents"),
    )
    CallFactory(title_en="Only in English", title_fr="", description_fr="")

    Digest.send_new()

    french = by_address()["lea@example.org"]
    year = deadline.year
    assert "Appels pour travailler ensemble" in french.body
    assert "Partenaires pour des visites en famille" in french.body
    assert "Partners for family visits" not in french.body
    assert f"1er mars {year}" in french.body
    assert "Organisations ou pays pour une étude" in french.body
    assert "Relais Enfants Parents" in french.body
    assert "http://127.0.0.1:8000/fr/collaborer/visites/" in french.body
    assert f"1er mars {year}" in html(french)
    assert '<h3 lang="en">' in html(french)  # the English-only call, marked as English
    english = by_address()["sam@example.org"]
    assert f"1 March {year}" in english.body
    assert "http://127.0.0.1:8000/en/collaborate/visites/" in english.body


def test_the_members_only_note_in_french(readers):
    CallFactory(title_fr="Étude réservée aux membres", is_public=False)

    Digest.send_new()

    french = by_address()["rep-fr@example.org"]
    assert "Étude réservée aux membres" in french.body
    assert "Réservé aux membres" in french.body
    assert "lea@example.org" not in by_address()  # nothing for her in it: no email


def test_the_admin_preview_lists_the_new_calls(editor_client, readers):
    CallFactory(title_en="Partners for family visits")
    CallFactory(title_en="Research study for members", is_public=False)

    preview = editor_client.get("/admin/news/digest/send/").text
    editor_client.post("/admin/news/digest/send/")
    listing = editor_client.get("/admin/news/digest/").text

    assert "Partners for family visits" in preview
    assert "Research study for members" in preview
    assert "Members only" in preview
    assert '<td class="field-call_count">2</td>' in listing


def sent_batch(digest):
    return list(digest.deliveries.values_list("pk", flat=True))


def test_sending_a_batch_costs_the_same_queries_for_1_and_20_calls(
    readers, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    CallFactory()
    with django_capture_on_commit_callbacks():  # batches held, sent below
        one = Digest.send_new()
    with CaptureQueriesContext(connection) as few:
        send_digest_batch.call(sent_batch(one))
    for n in range(20):
        CallFactory(is_public=n % 2 == 0)
    with django_capture_on_commit_callbacks():
        twenty = Digest.send_new()

    with django_assert_max_num_queries(len(few)):
        send_digest_batch.call(sent_batch(twenty))

    assert twenty.calls.count() == 20
    assert len(mail.outbox) == 8


def test_content_is_read_once_per_language_and_audience(readers, monkeypatch):
    AffiliateFactory(email="tom@example.org", language="en", country="FR", confirmed=True)
    MemberFactory(representatives=[UserFactory(email="rep2@example.org", language="en")])
    CallFactory()
    read = []
    content = Digest.content
    monkeypatch.setattr(
        Digest,
        "content",
        lambda self, language, audience: (
            read.append((language, audience)),
            content(self, language, audience),
        )[1],
    )

    Digest.send_new()

    assert len(mail.outbox) == 6
    assert sorted(read) == [
        ("en", "members"),
        ("en", "public"),
        ("fr", "members"),
        ("fr", "public"),
    ]


def test_send_digest_command_counts_the_calls(readers):
    CallFactory()
    CallFactory(is_public=False)
    out = StringIO()

    call_command("send_digest", "--dry-run", stdout=out)

    assert "2 calls (1 members-only); 4 recipients" in out.getvalue()


def test_a_digest_of_members_only_calls_sends_affiliates_nothing(readers):
    CallFactory(title_en="Research study for members", is_public=False)

    Digest.send_new()

    assert set(by_address()) == {"rep@example.org", "rep-fr@example.org"}
