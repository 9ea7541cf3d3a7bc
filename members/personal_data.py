"""Personal data, as the privacy notice promises (pages/network.py): what the site keeps
about one email address, for staff to export it and erase it on request (the admin's
"Personal data" page, members/admin.py), and the rows past their keeping period, removed
every day by `manage.py purge_personal_data` (periods in settings, PURGE_*).

Erasing keeps what the network published and its members' history: an account is emptied
and locked, not deleted, so that news, practices and calls it sent, and the decisions it
took, still name "a former representative" (User.is_erased)."""

import json
import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision, Version

from collaboration.models import Call, Reply
from news.models import DigestDelivery, Event, Post
from outbox.models import OutboundEmail
from pages.models import ContactMessage
from practices.models import Adaptation, Practice

from .models import Affiliate, Application, Invitation, Member, MemberMessage, User

# --- The daily purge.


def _delete_files(names):
    """Delete an application's documents through their storage (a folder or a bucket)."""
    for field, name in names:
        if name:
            Application._meta.get_field(field).storage.delete(name)


def purge(*, now=None, dry_run=False):
    """Remove what is past its keeping period (settings.PURGE_*): {what: how many}.
    A second run at once finds nothing. With `dry_run`, only count. A bulk delete for
    each kind of row; only applications' documents are deleted one by one (files)."""
    now = now or timezone.now()

    def before(setting):
        return now - timedelta(days=getattr(settings, setting))

    applications = (
        Application.objects.filter(
            status__in=[Application.Status.REJECTED, Application.Status.WITHDRAWN]
        )
        .alias(ended=Coalesce("decided_at", "submitted_at"))
        .filter(ended__lt=before("PURGE_APPLICATIONS_AFTER_DAYS"))
    )
    unconfirmed = before("PURGE_UNCONFIRMED_AFTER_DAYS")
    emails = before("PURGE_EMAILS_AFTER_DAYS")
    invitations_sent_before = unconfirmed - timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    found = {
        "rejected or withdrawn applications": applications,
        "unconfirmed subscriptions": Affiliate.objects.filter(
            confirmed_at=None, created_at__lt=unconfirmed
        ),
        "expired invitations": Invitation.objects.pending().filter(
            sent_at__lt=invitations_sent_before
        ),
        # Deliveries before their emails: a delivery whose email is gone looks unsent
        # (DigestDeliveryQuerySet.resume_lost). A digest is older than its emails.
        "digest deliveries": DigestDelivery.objects.filter(digest__created_at__lt=emails),
        # Emails still to send are never lost, however old.
        "emails sent": OutboundEmail.objects.filter(
            created_at__lt=emails,
            status__in=[OutboundEmail.Status.SENT, OutboundEmail.Status.FAILED],
        ),
        "contact messages": ContactMessage.objects.filter(
            created_at__lt=before("PURGE_CONTACT_MESSAGES_AFTER_DAYS")
        ),
        "messages between members": MemberMessage.objects.filter(
            created_at__lt=before("PURGE_MEMBER_MESSAGES_AFTER_DAYS")
        ),
    }
    if dry_run:
        return {what: rows.count() for what, rows in found.items()}
    counts = {}
    with transaction.atomic():
        files = [
            (field, name)
            for names in applications.values_list(*Application.DOCUMENTS)
            for field, name in zip(Application.DOCUMENTS, names, strict=True)
        ]
        for what, rows in found.items():
            # Only the keys are read: the collector needs no texts to delete rows.
            counts[what] = rows.only("pk").delete()[1].get(rows.model._meta.label, 0)
        # Once the rows are gone for good: a rolled back purge keeps its documents.
        transaction.on_commit(lambda: _delete_files(files))
    return counts


# --- One person's data: export and erasure.

# The export's sections, in order: (key, title, the model its rows come from).
SECTIONS = [
    ("accounts", _("Accounts"), User),
    ("email_addresses", _("Email addresses of the accounts"), EmailAddress),
    ("second_factors", _("Second factors"), Authenticator),
    ("represents", _("Members they represent"), Member),
    ("invitations", _("Invitations to represent a member"), Invitation),
    ("applications", _("Applications to join"), Application),
    ("subscriptions", _("Subscriptions to the digest"), Affiliate),
    ("member_public_email", _("Members showing this address publicly"), Member),
    ("emails", _("Emails sent to this address"), OutboundEmail),
    ("digest_deliveries", _("Digests sent to this address"), DigestDelivery),
    ("contact_messages", _("Contact messages"), ContactMessage),
    ("member_messages", _("Messages between members"), MemberMessage),
    ("call_replies", _("Replies to calls"), Reply),
    ("calls", _("Calls posted"), Call),
    ("publications", _("News, events, practices and adaptations sent"), Post),
]

# Names of the export's columns that are no field's name.
COLUMNS = {"pk": _("number"), "kind": _("kind"), "created_at": _("created")}


def _field(model, key):
    """The field an export's column comes from (for `member__name`, the field
    `member`), or None."""
    try:
        return model._meta.get_field(key.split("__")[0])
    except FieldDoesNotExist:
        return None


def column_label(model, key):
    """The name of an export's column, in the current language: the verbose name of the
    field it comes from."""
    if key in COLUMNS:
        return COLUMNS[key]
    field = _field(model, key)
    if field is None:
        return key.replace("_", " ")
    return getattr(field, "verbose_name", key)


def _choices(model, key):
    """{stored value: its label} for a column of the row's own field with choices (a
    status, a language, a country), else {}."""
    field = None if "__" in key else _field(model, key)
    return dict(field.flatchoices) if getattr(field, "choices", None) else {}


def _shown(value, choices):
    """A value of the export as a person reads it (dates are left to the template): a
    choice by its label ("Rejected", not "rejected")."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if value in choices:
        return choices[value]
    if isinstance(value, str):
        return Truncator(value).chars(300)
    return value


def summary(data):
    """The export as the admin page shows it: [(title, columns, rows of values)]."""
    sections = []
    for key, title, model in SECTIONS:
        rows = data[key]
        keys = list(rows[0]) if rows else []
        choices = [_choices(model, column) for column in keys]
        sections.append(
            (
                title,
                [column_label(model, column) for column in keys],
                [
                    [_shown(v, c) for v, c in zip(row.values(), choices, strict=True)]
                    for row in rows
                ],
            )
        )
    return sections


def _accounts(email):
    return User.objects.filter(email__iexact=email)


def export(email):
    """Everything kept about `email`: {section: [row, …]} (SECTIONS), each row a dict of
    plain values. A query per section, whatever the number of rows. Documents are named,
    not included (staff download them from the application)."""
    users = _accounts(email)
    publications = []
    for model in (Post, Event, Practice):
        publications += [
            {"kind": str(model._meta.verbose_name), **row}
            for row in model.objects.filter(author__in=users).values(
                "pk", "title", "status", "created_at"
            )
        ]
    publications += [
        {"kind": str(Adaptation._meta.verbose_name), **row}
        for row in Adaptation.objects.filter(author__in=users).values(
            "pk", "practice__title", "status", "created_at"
        )
    ]
    return {
        "accounts": list(
            users.values(
                "pk",
                "username",
                "email",
                "first_name",
                "last_name",
                "language",
                "receives_digest",
                "shown_to_members",
                "role",
                "spoken_languages",
                "is_staff",
                "is_active",
                "date_joined",
                "last_login",
            )
        ),
        "email_addresses": list(
            EmailAddress.objects.filter(user__in=users).values("email", "verified", "primary")
        ),
        # Which kinds of second factor, never their secrets.
        "second_factors": list(
            Authenticator.objects.filter(user__in=users).values("type", "created_at")
        ),
        "represents": list(
            Member.objects.filter(representatives__in=users).values("pk", "name", "slug")
        ),
        "invitations": list(
            Invitation.objects.filter(email__iexact=email).values(
                "member__name", "email", "first_name", "last_name", "sent_at", "accepted_at"
            )
        ),
        "applications": list(
            Application.objects.filter(contact_email__iexact=email).values(
                "pk",
                "organisation",
                "status",
                "submitted_at",
                "decided_at",
                "decision_note",
                "contact_name",
                "contact_role",
                "contact_email",
                "contact_phone",
                "language",
                *Application.DOCUMENTS,
            )
        ),
        "subscriptions": list(
            Affiliate.objects.filter(email__iexact=email).values(
                "name",
                "email",
                "organisation",
                "country",
                "language",
                "created_at",
                "confirmed_at",
                "unsubscribed_at",
            )
        ),
        "member_public_email": list(
            Member.objects.filter(email__iexact=email).values("pk", "name", "email")
        ),
        "emails": list(
            OutboundEmail.objects.filter(to__iexact=email).values(
                "to", "subject", "body", "status", "created_at", "sent_at"
            )
        ),
        "digest_deliveries": list(
            DigestDelivery.objects.filter(email__iexact=email).values(
                "digest__number", "email", "language"
            )
        ),
        "contact_messages": list(
            ContactMessage.objects.filter(reply_email__iexact=email).values(
                "kind", "subject", "message", "reply_email", "language", "created_at"
            )
        ),
        "member_messages": list(
            MemberMessage.objects.filter(
                Q(sender__in=users) | Q(recipient__in=users) | Q(reply_email__iexact=email)
            ).values(
                "sender__email",
                "recipient__email",
                "sender_member__name",
                "member__name",
                "message",
                "reply_email",
                "created_at",
            )
        ),
        "call_replies": list(
            Reply.objects.filter(Q(sent_by__in=users) | Q(email__iexact=email)).values(
                "call__title", "member__name", "message", "email", "created_at"
            )
        ),
        "calls": list(
            Call.objects.filter(posted_by__in=users).values(
                "pk", "title", "member__name", "created_at"
            )
        ),
        "publications": publications,
    }


def export_json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def reference(email):
    """A stand-in for `email` in the audit log: the same for the same address (so staff
    can check later whether an address was erased, by asking again), but not the
    address."""
    return salted_hmac("personal-data", email.strip().lower(), algorithm="sha256").hexdigest()[:16]


def log(by, action, email, accounts):
    """Record in the admin's history that `by` exported or erased (`action`) the data of
    `email`, whose accounts are `accounts` (their keys): who, when, and the address's
    reference, never the address."""
    if action == "export":
        text = gettext("Personal data exported (reference %(ref)s)")
    else:
        text = gettext("Personal data erased (reference %(ref)s)")
    LogEntry.objects.create(
        user=by,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(accounts[0]) if accounts else None,
        object_repr=text % {"ref": reference(email)},
        action_flag=CHANGE,
        change_message="",
    )


def _without(text, email):
    return re.sub(re.escape(email), "", text, flags=re.IGNORECASE)


def erase(email, *, by):
    """Remove `email` and the person behind it from the site: {what: how many}.

    What belongs to the person alone goes (subscriptions, emails sent to them or naming
    them, their messages, invitations, a pending or refused application and its
    documents); what belongs to a member stays without them (an approved application, a
    reply to a call, a member's public address lose the person's details; they no longer
    represent anyone); their accounts stay, emptied and locked (User.is_erased), so that
    what they published and decided still names "a former representative". The admin's
    history records that `by` erased them (log)."""
    users = _accounts(email)
    pks = list(users.values_list("pk", flat=True))
    mentions = (
        Q(to__iexact=email)
        | Q(subject__icontains=email)
        | Q(body__icontains=email)
        | Q(html__icontains=email)
    )
    counts = {}
    with transaction.atomic():
        mine = Application.objects.filter(contact_email__iexact=email)
        unapproved = mine.exclude(status=Application.Status.APPROVED)
        files = [
            (field, name)
            for row in unapproved.values_list(*Application.DOCUMENTS)
            for field, name in zip(Application.DOCUMENTS, row, strict=True)
        ]
        counts["applications"] = unapproved.delete()[0] + mine.update(
            contact_name="", contact_role="", contact_email="", contact_phone=""
        )
        counts["subscriptions"] = Affiliate.objects.filter(email__iexact=email).delete()[0]
        counts["digest_deliveries"] = DigestDelivery.objects.filter(
            Q(email__iexact=email) | Q(user__in=pks)
        ).delete()[0]
        counts["emails"] = (
            OutboundEmail.objects.annotate(headers_text=Cast("headers", TextField()))
            .filter(mentions | Q(headers_text__icontains=email))
            .only("pk")
            .delete()[0]
        )
        counts["contact_messages"] = ContactMessage.objects.filter(
            reply_email__iexact=email
        ).delete()[0]
        counts["member_messages"] = MemberMessage.objects.filter(
            Q(sender__in=pks) | Q(recipient__in=pks) | Q(reply_email__iexact=email)
        ).delete()[0]
        counts["invitations"] = Invitation.objects.filter(email__iexact=email).delete()[0]
        counts["call_replies"] = Reply.objects.filter(email__iexact=email).update(email="")
        counts["member_public_email"] = Member.objects.filter(email__iexact=email).update(email="")
        representing = Member.representatives.through.objects.filter(user__in=pks)
        counts["represents"] = representing.delete()[0]
        EmailAddress.objects.filter(Q(user__in=pks) | Q(email__iexact=email)).delete()
        Authenticator.objects.filter(user__in=pks).delete()
        # What the admin's history may have called them (User.__str__), before it goes.
        names = {str(user.pk): {str(user).lower(), user.username.lower()} for user in users}
        for user in users:
            user.erase()
        counts["accounts"] = len(pks)
        _scrub_history(email, names)
        log(by, "erase", email, pks)
        transaction.on_commit(lambda: _delete_files(files))
    return counts


def _scrub_history(email, names):
    """The admin's history and the members' profile versions keep their entries, without
    the address; entries about an erased account (`names`: {key: what it was called})
    call it "a former representative" instead of its name."""
    label = gettext("a former representative")
    about_accounts = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id__in=list(names)
    )
    for entry in about_accounts:
        if entry.object_repr.lower() in names[entry.object_id]:
            entry.object_repr = label
            entry.save(update_fields=["object_repr"])
    for entry in LogEntry.objects.filter(
        Q(object_repr__icontains=email) | Q(change_message__icontains=email)
    ):
        entry.object_repr = _without(entry.object_repr, email)
        entry.change_message = _without(entry.change_message, email)
        entry.save(update_fields=["object_repr", "change_message"])
    for version in Version.objects.filter(
        Q(serialized_data__icontains=email) | Q(object_repr__icontains=email)
    ):
        version.serialized_data = _without(version.serialized_data, email)
        version.object_repr = _without(version.object_repr, email)
        version.save(update_fields=["serialized_data", "object_repr"])
    for revision in Revision.objects.filter(comment__icontains=email):
        revision.comment = _without(revision.comment, email)
        revision.save(update_fields=["comment"])
