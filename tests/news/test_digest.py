"""The digest: what was published since the last one, to each reader in their language,
once, with a one-click way out."""

import datetime
import io
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from members.models import Affiliate
from news import models as news_models
from news.models import Digest, DigestDelivery
from news.models.digest import send_digest_batch
from tests.factories import (
    AffiliateFactory,
    EventFactory,
    MemberFactory,
    PostFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def affiliate(email, language="en", **changes):
    """A confirmed affiliate in France, named after their address."""
    return AffiliateFactory(
        name=email.split("@")[0],
        email=email,
        country="FR",
        language=language,
        confirmed=True,
        **changes,
    )


@pytest.fixture
def readers():
    """A French and an English affiliate, a representative, and people who must not get it."""
    affiliate("lea@example.org", "fr")
    affiliate("sam@example.org", "en")
    affiliate("unconfirmed@example.org", confirmed_at=None)
    affiliate("gone@example.org", unsubscribed_at=timezone.now())
    MemberFactory(
        slug="relais", representatives=[UserFactory(email="rep@example.org", language="fr")]
    )
    MemberFactory(
        slug="former", status="former", representatives=[UserFactory(email="former@example.org")]
    )


def by_address():
    return {message.to[0]: message for message in mail.outbox}


def test_the_digest_lists_new_items_to_each_reader_in_their_language(readers):
    PostFactory(title_en="Visits reopen", title_fr="Les parloirs rouvrent", slug="visits")
    EventFactory(title_en="Annual conference", title_fr="Conférence annuelle", slug="conf")
    PostFactory(title_en="Still a draft", status="draft")

    digest = Digest.send_new()

    messages = by_address()
    assert set(messages) == {"lea@example.org", "sam@example.org", "rep@example.org"}
    french, english = messages["lea@example.org"], messages["sam@example.org"]
    assert french.subject == "[Children of Prisoners Europe] Actualités et événements (n°\u00a01)"
    assert "Les parloirs rouvrent" in french.body
    assert "Conférence annuelle" in french.body
    assert "http://127.0.0.1:8000/fr/actualites/visits/" in french.body
    assert "http://127.0.0.1:8000/fr/evenements/conf/" in french.body
    assert "Visits reopen" in english.body
    assert "http://127.0.0.1:8000/en/events/conf/" in english.body
    assert "Still a draft" not in english.body
    assert french.extra_headers["Content-Language"] == "fr"
    assert digest.deliveries.count() == 3


def test_each_digest_has_a_one_click_unsubscribe_link_and_header(readers, client):
    PostFactory()

    Digest.send_new()

    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        link = re.fullmatch(r"<(http://127\.0\.0\.1:8000(/\S+))>", header)
        assert link, header
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link.group(1) in message.body
        html = message.alternatives[0][0]
        assert link.group(1) in html


def one_click(client, message):
    path = re.search(r"<http://127\.0\.0\.1:8000(/\S+)>", message.extra_headers["List-Unsubscribe"])
    # What a mail program does (RFC 8058): a POST from outside the site, no CSRF token.
    return client.post(path.group(1), {"List-Unsubscribe": "One-Click"})


def test_one_click_unsubscribe_is_honoured_for_affiliates_and_representatives(readers):
    PostFactory()
    Digest.send_new()
    messages = by_address()
    client = Client(enforce_csrf_checks=True)

    assert one_click(client, messages["lea@example.org"]).status_code == 200
    assert one_click(client, messages["rep@example.org"]).status_code == 200

    mail.outbox.clear()
    PostFactory()
    Digest.send_new()
    assert set(by_address()) == {"sam@example.org"}


def test_opening_the_unsubscribe_link_changes_nothing(readers, client):
    PostFactory()
    Digest.send_new()
    path = re.search(
        r"<http://127\.0\.0\.1:8000(/\S+)>",
        by_address()["rep@example.org"].extra_headers["List-Unsubscribe"],
    ).group(1)

    page = client.get(path)

    assert page.status_code == 200
    assert "rep@example.org" in page.text  # the page asks; the button unsubscribes
    assert "rep@example.org" in Digest.recipients()


def test_the_next_digest_lists_only_what_is_new_and_nothing_is_sent_twice(readers):
    PostFactory(title_en="First story")
    first = Digest.send_new()
    mail.outbox.clear()

    assert Digest.send_new() is None  # nothing new
    assert mail.outbox == []

    PostFactory(title_en="Second story")
    second = Digest.send_new()

    english = by_address()["sam@example.org"]
    assert "Second story" in english.body
    assert "First story" not in english.body
    assert (first.number, second.number) == (1, 2)
    assert second.since == first.until


def test_a_batch_run_twice_sends_nobody_the_digest_twice(readers):
    PostFactory()
    digest = Digest.send_new()
    sent = len(mail.outbox)

    send_digest_batch.call(list(digest.deliveries.values_list("pk", flat=True)))

    assert len(mail.outbox) == sent == 3


def test_a_person_who_unsubscribes_before_their_batch_runs_gets_nothing(
    readers, django_capture_on_commit_callbacks
):
    PostFactory()
    with django_capture_on_commit_callbacks() as batches:
        Digest.send_new()
    Affiliate.objects.get(email="lea@example.org").unsubscribe()
    with django_capture_on_commit_callbacks(execute=True):
        for batch in batches:
            batch()

    assert "lea@example.org" not in by_address()
    assert "sam@example.org" in by_address()


def test_an_address_that_is_both_affiliate_and_representative_gets_one_copy(readers):
    affiliate("rep@example.org", "en")
    PostFactory()

    Digest.send_new()

    assert [m.to for m in mail.outbox].count(["rep@example.org"]) == 1


def test_a_scheduled_post_waits_for_the_digest_after_its_date(readers, monkeypatch):
    now = timezone.now()
    PostFactory(title_en="Tomorrow's news", publish_at=now + datetime.timedelta(days=1))
    PostFactory(title_en="Today's news")

    Digest.send_new()
    assert "Tomorrow's news" not in by_address()["sam@example.org"].body
    mail.outbox.clear()

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=2))
    Digest.send_new()
    assert "Tomorrow's news" in by_address()["sam@example.org"].body


def test_batches_are_sent_by_background_tasks(readers, monkeypatch):
    monkeypatch.setattr(news_models.digest, "BATCH_SIZE", 2)
    batches = []
    original = send_digest_batch.enqueue
    monkeypatch.setattr(
        type(send_digest_batch),
        "enqueue",
        lambda self, ids: (batches.append(ids), original(ids))[1],
    )
    PostFactory()

    Digest.send_new()

    assert [len(batch) for batch in batches] == [2, 1]
    assert len(mail.outbox) == 3


def test_a_failing_mail_server_leaves_the_digest_to_be_retried(readers, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 1},
        }
    }
    PostFactory()

    digest = Digest.send_new()

    deliveries = digest.deliveries.select_related("message")
    assert {d.message.status for d in deliveries} == {"retrying"}


def test_editors_send_the_digest_from_the_admin(admin_client, readers):
    PostFactory(title_en="Visits reopen")

    preview = admin_client.get("/admin/news/digest/send/")
    response = admin_client.post("/admin/news/digest/send/")

    assert "Visits reopen" in preview.text
    assert "It goes to 3 people" in preview.text
    assert response.status_code == 302
    assert len(mail.outbox) == 3
    listing = admin_client.get("/admin/news/digest/").text
    assert "Digest no. 1" in listing
    assert re.search(r'<td class="field-recipients">3</td>', listing)


def test_sending_the_digest_is_refused_to_staff_without_the_right(client, readers):
    client.force_login(UserFactory(email="secretary@example.org", is_staff=True))
    PostFactory()

    assert client.post("/admin/news/digest/send/").status_code == 403
    assert mail.outbox == []


def test_editors_may_send_the_digest(editor_client, editor, readers):
    PostFactory()

    editor_client.post("/admin/news/digest/send/")

    assert Digest.objects.get().sent_by == editor


def test_send_digest_command(readers):
    PostFactory()
    EventFactory()
    out = StringIO()

    call_command("send_digest", "--dry-run", stdout=out)
    assert "1 news posts, 1 events, 0 practices, 0 calls (0 members-only); 3 recipients" in (
        out.getvalue()
    )
    assert mail.outbox == []

    call_command("send_digest", stdout=out)
    assert len(mail.outbox) == 3
    call_command("send_digest", stdout=out)
    assert "Nothing sent" in out.getvalue()
    assert len(mail.outbox) == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.real_on_commit
def test_two_editors_sending_at_once_send_one_digest(readers, at_once):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent writers (PostgreSQL)")
    PostFactory()

    at_once(Digest.send_new)

    assert Digest.objects.count() == 1
    assert DigestDelivery.objects.count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "lea@example.org",
        "rep@example.org",
        "sam@example.org",
    ]


def test_one_click_stops_an_address_that_is_both_affiliate_and_representative(readers):
    affiliate("rep@example.org", "fr")
    PostFactory()
    Digest.send_new()
    one_click(Client(), by_address()["rep@example.org"])

    assert "rep@example.org" not in Digest.recipients()


def test_an_item_published_with_an_earlier_date_is_in_the_next_digest_once(readers):
    PostFactory(title_en="First")
    Digest.send_new()
    mail.outbox.clear()
    late = PostFactory(
        title_en="Backdated", publish_at=timezone.now() - datetime.timedelta(days=30)
    )

    Digest.send_new()
    assert "Backdated" in by_address()["sam@example.org"].body
    mail.outbox.clear()

    late.status = "draft"
    late.save()
    late.publish()
    assert Digest.send_new() is None


def test_an_item_unpublished_before_its_batch_runs_is_left_out(
    readers, django_capture_on_commit_callbacks
):
    PostFactory(title_en="Kept")
    withdrawn = PostFactory(title_en="Withdrawn")
    with django_capture_on_commit_callbacks() as batches:
        Digest.send_new()
    withdrawn.status = "draft"
    withdrawn.save()
    with django_capture_on_commit_callbacks(execute=True):
        for batch in batches:
            batch()

    body = by_address()["sam@example.org"].body
    assert "Kept" in body
    assert "Withdrawn" not in body


def test_deliveries_of_a_batch_that_never_ran_are_resumed(
    readers, django_capture_on_commit_callbacks
):
    PostFactory()
    with django_capture_on_commit_callbacks():  # what it queues never runs
        digest = Digest.send_new()
    assert mail.outbox == []
    Digest.objects.filter(pk=digest.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )

    call_command("send_queued_emails", stdout=io.StringIO())

    assert len(mail.outbox) == 3
    assert not DigestDelivery.objects.filter(message=None).exists()


def test_a_published_practice_is_in_the_next_digest_once_in_each_readers_language(readers):
    PracticeFactory(
        title_en="Visiting rooms",
        title_fr="Des parloirs adaptés",
        summary_en="Rooms where children play.",
        summary_fr="Des salles où les enfants jouent.",
        slug="visiting-rooms",
        rating="well-supported",
    )
    PracticeFactory(title_en="Still waiting", status="submitted")

    first = Digest.send_new()
    messages = by_address()
    mail.outbox.clear()
    second = Digest.send_new()

    french, english = messages["lea@example.org"], messages["sam@example.org"]
    assert list(first.practices.values_list("slug", flat=True)) == ["visiting-rooms"]
    assert "Pratiques" in french.body
    assert "Des parloirs adaptés" in french.body
    assert "Des salles où les enfants jouent." in french.body
    assert "solidement étayée par l’évaluation" in french.body
    assert "http://127.0.0.1:8000/fr/pratiques/visiting-rooms/" in french.body
    assert "Des parloirs adaptés" in french.alternatives[0][0]
    assert "Practices" in english.body
    assert "Visiting rooms" in english.body
    assert "well supported by evaluation" in english.body
    assert "http://127.0.0.1:8000/en/practices/visiting-rooms/" in english.body
    assert "Still waiting" not in english.body
    assert second is None
    assert mail.outbox == []


def test_a_practice_published_after_a_digest_is_in_the_next_one(readers, editor_client):
    PostFactory()
    Digest.send_new()
    practice = PracticeFactory(title_en="Mentors", status="submitted")
    practice.publish()

    preview = editor_client.get("/admin/news/digest/send/").text
    digest = Digest.send_new()

    assert "Mentors" in preview
    assert list(digest.practices.all()) == [practice]
    assert list(digest.posts.all()) == []
    assert editor_client.get("/admin/news/digest/").status_code == 200
