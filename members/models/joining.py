"""Joining the network: applications from organisations, and affiliates."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_countries.fields import CountryField

from cpe_network.lib.antispam import EmailLimit
from cpe_network.lib.places import city_names
from cpe_network.lib.text import CleanCharField, CleanTextField
from cpe_network.lib.uploads import PrivateStorage, SiteChosenName, validate_pdf
from outbox.mail import send_templated

from .directory import NOTE_LENGTH, Member, MembershipCategory, User
from .invitations import Invitation


def _status_token():
    return secrets.token_urlsafe(24)


def _document(label):
    """A PDF sent with an application: checked by content, kept where only staff read it."""
    return models.FileField(
        label,
        upload_to=SiteChosenName("applications", "pdf"),
        storage=PrivateStorage(),
        validators=[validate_pdf],
    )


class Application(models.Model):
    """An organisation's application to join, from the public form."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("received")
        UNDER_REVIEW = "under_review", _("under review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    organisation = CleanCharField(_("organisation"), max_length=200)
    country = CountryField(_("country"))
    city = CleanCharField(_("city"), max_length=100)
    website = models.URLField(_("website"), blank=True)
    legal_status = models.CharField(_("legal status"), max_length=20, choices=Member.LegalStatus)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    work = CleanTextField(
        _("your work with children of imprisoned parents"),
        max_length=5000,
        help_text=_("What you do, for whom, where, and since when."),
    )
    contact_name = CleanCharField(_("contact person"), max_length=150)
    contact_role = CleanCharField(_("role"), max_length=150)
    contact_email = models.EmailField(_("email address"))
    contact_phone = CleanCharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("preferred language"), max_length=8, choices=settings.LANGUAGES)
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        limit_choices_to={"admission": MembershipCategory.Admission.APPLICATION},
        verbose_name=_("category applied for"),
    )
    annual_report_1 = _document(_("annual report, last year"))
    annual_report_2 = _document(_("annual report, the year before"))
    reference_letter = _document(_("reference letter"))
    consent = models.BooleanField(_("consent to the privacy notice"))

    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.SUBMITTED, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = CleanTextField(
        _("decision note"),
        max_length=NOTE_LENGTH,
        blank=True,
        help_text=_("Sent to the applicant when rejected."),
    )
    member = models.OneToOneField(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("member"),
    )
    token = models.CharField(max_length=64, unique=True, default=_status_token, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self):
        return self.organisation

    def get_absolute_url(self):
        with override(self.language):
            return reverse("members:application_status", kwargs={"token": self.token})

    DOCUMENTS = ("annual_report_1", "annual_report_2", "reference_letter")

    @property
    def is_decided(self):
        return self.status in (self.Status.APPROVED, self.Status.REJECTED)

    # Its status by name, for templates (the status page and the emails).
    @property
    def is_received(self):
        """Sent, and not yet looked at by the secretariat."""
        return self.status == self.Status.SUBMITTED

    @property
    def is_under_review(self):
        return self.status == self.Status.UNDER_REVIEW

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_rejected(self):
        return self.status == self.Status.REJECTED

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN

    def mark_under_review(self):
        updated = Application.objects.filter(pk=self.pk, status=self.Status.SUBMITTED).update(
            status=self.Status.UNDER_REVIEW
        )
        return bool(updated)

    def approve(self, *, by, publish=False, note=""):
        """Make the organisation an applicant member, invite its contact person and tell
        them. Done once: approving again, even at the same moment, changes nothing."""
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.pk)
            if application.status == self.Status.APPROVED:
                return application.member
            if application.status not in (self.Status.SUBMITTED, self.Status.UNDER_REVIEW):
                raise ValueError(f"cannot approve an application that is {application.status}")
            category = MembershipCategory.objects.for_approved_applicants()
            if category is None:
                raise MembershipCategory.DoesNotExist(
                    "no category receives approved applicants (admission 'approved')"
                )
            today = timezone.localdate()
            member = Member.objects.create(
                name=application.organisation,
                slug=Member.unique_slug(application.organisation),
                category=category,
                country=application.country,
                **city_names(application.city),
                website=application.website,
                legal_status=application.legal_status,
                year_founded=application.year_founded,
                joined_on=today,
                category_since=today,
                published=publish,
            )
            member.record_first_category(note=note)
            application.status = self.Status.APPROVED
            application.member = member
            application.decided_by = by
            application.decided_at = timezone.now()
            application.decision_note = note
            application.save()
            # The decision email carries the invitation: one message, not two that
            # could arrive in either order. The contact person represents the member
            # once they accept it (the address typed in the form may be anyone's).
            invitation = Invitation.objects.invite(
                member,
                email=application.contact_email,
                first_name=application.contact_name,
                last_name="",
                language=application.language,
                invited_by=by,
                tell=False,
            )
            application.send_decision(invitation=invitation)
        self.refresh_from_db()
        return member

    def reject(self, *, by, note):
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.pk)
            if application.is_decided:
                return False
            application.status = self.Status.REJECTED
            application.decided_by = by
            application.decided_at = timezone.now()
            application.decision_note = note
            application.save()
            application.send_decision()
        self.refresh_from_db()
        return True

    def send_acknowledgements(self):
        context = {"application": self, "link": settings.SITE_URL + self.get_absolute_url()}
        send_templated(
            "members/email/application_received",
            to=self.contact_email,
            language=self.language,
            context=context,
        )
        for address in settings.STAFF_NOTIFICATION_EMAILS:
            send_templated(
                "members/email/application_staff_notice",
                to=address,
                language=settings.LANGUAGE_CODE,
                context={
                    **context,
                    "admin_link": settings.SITE_URL
                    + reverse("admin:members_application_change", args=[self.pk]),
                },
            )

    def send_decision(self, invitation=None):
        """Tell the applicant; when approved, the email also carries the `invitation` of
        its contact person to represent the new member in the portal."""
        context = {"application": self, "link": settings.SITE_URL + self.get_absolute_url()}
        if invitation is not None:
            context.update(
                invitation_link=invitation.link(),
                needs_password=invitation.needs_password,
                days=settings.INVITATION_MAX_AGE_DAYS,
            )
        send_templated(
            "members/email/application_decision",
            to=self.contact_email,
            language=self.language,
            context=context,
        )


class AffiliateQuerySet(models.QuerySet):
    def subscribe(self, email, newcomer):
        """Someone asked, through the public form, for the network's news at `email`.
        An address already on the list (in any case) is answered as it is; a new one is
        added as `newcomer`, the affiliate the form describes (not saved yet). Either way
        it is asked to confirm, or told that it subscribes already (answer_subscription).
        Returns the affiliate."""
        with transaction.atomic():
            affiliate = self.filter(email__iexact=email).first()
            if affiliate is None:
                affiliate = newcomer
                affiliate.email = email
                affiliate.save()
            affiliate.answer_subscription()
        return affiliate


class Affiliate(models.Model):
    """Someone who receives the network's updates: never shown publicly."""

    name = CleanCharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"), unique=True)
    organisation = CleanCharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent = models.BooleanField(_("consent to the privacy notice"))
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = AffiliateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("affiliate")
        verbose_name_plural = _("affiliates")

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def token(self, purpose):
        return signing.dumps(
            {"affiliate": self.pk, "email": self.email}, salt=f"affiliate-{purpose}"
        )

    @classmethod
    def from_token(cls, token, purpose):
        try:
            data = signing.loads(token, salt=f"affiliate-{purpose}")
        except signing.BadSignature:
            return None
        return cls.objects.filter(pk=data.get("affiliate"), email=data.get("email")).first()

    def link(self, purpose):
        name = {"confirm": "members:confirm_subscription", "unsubscribe": "members:unsubscribe"}
        with override(self.language):
            path = reverse(name[purpose], kwargs={"token": self.token(purpose)})
        return settings.SITE_URL + path

    def ask_for_confirmation(self):
        send_templated(
            "members/email/affiliate_confirm",
            to=self.email,
            language=self.language,
            context={
                "affiliate": self,
                "link": self.link("confirm"),
                "unsubscribe": self.link("unsubscribe"),
            },
        )

    def answer_subscription(self):
        """Someone asked, through the public form, to subscribe this address: it is asked
        to confirm (at most three times a day), or, if it already receives the news, told
        so (at most once a day). Whoever asks, and however often, the address receives no
        more; the form's page says the same whatever the case, so it reveals nothing."""
        limit = EmailLimit("subscribe", self.email)
        if self.is_active:
            if limit.take(allowed=1):
                send_templated(
                    "members/email/affiliate_already_subscribed",
                    to=self.email,
                    language=self.language,
                    context={"affiliate": self, "unsubscribe": self.link("unsubscribe")},
                )
        elif limit.take(allowed=3):
            self.ask_for_confirmation()

    def confirm(self):
        if self.confirmed_at is None or self.unsubscribed_at is not None:
            self.confirmed_at = timezone.now()
            self.unsubscribed_at = None
            self.save(update_fields=["confirmed_at", "unsubscribed_at"])

    def unsubscribe_link(self):
        return self.link("unsubscribe")

    def unsubscribe(self):
        if self.unsubscribed_at is None:
            self.unsubscribed_at = timezone.now()
            self.save(update_fields=["unsubscribed_at"])


def unsubscribe_address(email):
    """Stop the network's news to an address, whether an affiliate, a representative or
    both use it: one click in any email is enough."""
    for affiliate in Affiliate.objects.filter(email__iexact=email):
        affiliate.unsubscribe()
    User.objects.filter(email__iexact=email, receives_digest=True).update(receives_digest=False)
