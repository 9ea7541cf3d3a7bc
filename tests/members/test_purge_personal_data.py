"""`manage.py purge_personal_data`: what is past its keeping period goes, the rest stays."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from members.models import Affiliate, Application, Invitation, MemberMessage
from members.personal_data import purge
from news.models import Digest, DigestDelivery
from outbox.models import OutboundEmail
from pages.models import ContactMessage
from tests.factories import (
    AffiliateFactory,
    ApplicationFactory,
    ContactMessageFactory,
    InvitationFactory,
    MemberMessageFactory,
    OutboundEmailFactory,
)

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def decided(status, days):
    """An application decided (`status`) `days` ago."""
    application = ApplicationFactory(status=status)
    Application.objects.filter(pk=application.pk).update(decided_at=days_ago(days))
    return application


def aged(factory, days, field="created_at", **values):
    row = factory(**values)
    type(row).objects.filter(pk=row.pk).update(**{field: days_ago(days)})
    return row


def delivery(days, email="reader@example.org"):
    """A digest made `days` ago, delivered to `email` with its email sent."""
    digest = Digest.objects.create(number=Digest.objects.count() + 1, until=days_ago(days))
    Digest.objects.filter(pk=digest.pk).update(created_at=days_ago(days))
    message = aged(OutboundEmailFactory, days, to=email, status="sent")
    return DigestDelivery.objects.create(digest=digest, email=email, language="en", message=message)


def purge_command(*args):
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def test_a_rejected_application_goes_a_year_after_the_decision_with_its_documents():
    application = decided(Application.Status.REJECTED, 366)
    storage = application.annual_report_1.storage
    names = [getattr(application, field).name for field in Application.DOCUMENTS]
    purge_command()
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not any(storage.exists(name) for name in names)


def test_a_withdrawn_application_goes_a_year_after_it_was_sent():
    application = aged(ApplicationFactory, 366, field="submitted_at", status="withdrawn")
    purge_command()
    assert not Application.objects.filter(pk=application.pk).exists()


def test_a_rejected_application_of_yesterday_stays_with_its_documents():
    application = decided(Application.Status.REJECTED, 1)
    purge_command()
    application.refresh_from_db()
    assert application.reference_letter.storage.exists(application.reference_letter.name)


def test_an_approved_application_stays_however_old():
    application = decided(Application.Status.APPROVED, 3000)
    purge_command()
    assert Application.objects.filter(pk=application.pk).exists()


def test_an_application_waiting_for_a_decision_stays_however_old():
    application = aged(ApplicationFactory, 3000, field="submitted_at")
    purge_command()
    assert Application.objects.filter(pk=application.pk).exists()


def test_an_unconfirmed_subscription_goes_after_a_week():
    old = aged(AffiliateFactory, 8)
    purge_command()
    assert not Affiliate.objects.filter(pk=old.pk).exists()


def test_a_subscription_of_yesterday_waits_for_its_confirmation():
    recent = aged(AffiliateFactory, 1)
    purge_command()
    assert Affiliate.objects.filter(pk=recent.pk).exists()


def test_a_confirmed_subscription_stays():
    confirmed = aged(AffiliateFactory, 800, confirmed=True)
    purge_command()
    assert Affiliate.objects.filter(pk=confirmed.pk).exists()


def test_an_invitation_never_accepted_goes_a_week_after_its_link_expired():
    expired = aged(InvitationFactory, 22, field="sent_at")
    recent = aged(InvitationFactory, 20, field="sent_at")
    purge_command()
    assert list(Invitation.objects.all()) == [recent]
    assert expired.pk != recent.pk


def test_emails_and_digest_deliveries_go_after_a_year():
    delivery(366)
    purge_command()
    assert (DigestDelivery.objects.count(), OutboundEmail.objects.count()) == (0, 0)


def test_a_digest_of_last_month_keeps_its_deliveries_and_their_emails():
    kept = delivery(30)
    purge_command()
    assert DigestDelivery.objects.get().message == kept.message


def test_an_email_still_to_send_is_never_deleted():
    waiting = aged(OutboundEmailFactory, 800, status="retrying")
    purge_command()
    assert list(OutboundEmail.objects.all()) == [waiting]


def test_contact_messages_go_after_six_months():
    aged(ContactMessageFactory, 181)
    recent = aged(ContactMessageFactory, 179)
    purge_command()
    assert list(ContactMessage.objects.all()) == [recent]


def test_messages_between_members_go_after_a_year():
    aged(MemberMessageFactory, 366)
    recent = aged(MemberMessageFactory, 364)
    purge_command()
    assert list(MemberMessage.objects.all()) == [recent]


def test_the_periods_come_from_the_settings(settings):
    settings.PURGE_CONTACT_MESSAGES_AFTER_DAYS = 10
    aged(ContactMessageFactory, 11)
    purge_command()
    assert not ContactMessage.objects.exists()


def test_the_clock_decides_what_is_old():
    """The same rows, a year later, are past their time."""
    ContactMessageFactory()
    assert purge(now=timezone.now() + timedelta(days=181))["contact messages"] == 1


def test_the_command_says_what_it_deleted():
    aged(ContactMessageFactory, 200)
    aged(ContactMessageFactory, 200)
    assert "Deleted 2 contact messages." in purge_command()


def test_a_second_run_finds_nothing():
    decided(Application.Status.REJECTED, 400)
    aged(AffiliateFactory, 30)
    delivery(400)
    purge_command()
    assert set(purge().values()) == {0}


def test_a_dry_run_counts_and_deletes_nothing():
    application = decided(Application.Status.REJECTED, 400)
    aged(ContactMessageFactory, 200)
    out = purge_command("--dry-run")
    assert "Would delete 1 rejected or withdrawn applications." in out
    assert Application.objects.filter(pk=application.pk).exists()
    assert ContactMessage.objects.count() == 1
    assert application.reference_letter.storage.exists(application.reference_letter.name)


@pytest.mark.parametrize("count", [3, 20])
def test_the_purge_runs_the_same_queries_however_many_rows(count, django_assert_max_num_queries):
    """A bulk delete per kind of row (the documents are files, not queries)."""
    for _ in range(count):
        aged(ContactMessageFactory, 200)
        aged(AffiliateFactory, 30)
        aged(MemberMessageFactory, 400)
        delivery(400, email=f"reader{_}@example.org")
    for _ in range(3):
        decided(Application.Status.REJECTED, 400)
    with django_assert_max_num_queries(30):
        purge()
    assert not ContactMessage.objects.exists()
