import secrets
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname, resolution_order

from cpe_network.lib.images import rendition, validate_image
from cpe_network.lib.uploads import PrivateStorage, validate_pdf

# Languages a member may work in: those of Europe and of its largest migrant communities,
# named by Django in the visitor's language.
# fmt: off
WORK_LANGUAGES = (
    "ar", "bg", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr", "ga",
    "gl", "hr", "hu", "hy", "is", "it", "ka", "lb", "lt", "lv", "mk", "nb", "nl", "pl", "pt",
    "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk",
)
# fmt: on

LOGO_SMALL = (160, 160)  # cards in the directory
LOGO_LARGE = (400, 400)  # the member's page


def validate_languages(value):
    if not isinstance(value, list) or not set(value) <= set(WORK_LANGUAGES):
        raise ValidationError(_("Choose languages from the list."), code="invalid")


def sort_key(name):
    """Name folded for sorting: accents and case ignored, so "Éveil" files under E."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class User(AbstractUser):
    """A person who signs in: staff, or a member's representative."""

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails the site sends them."),
    )

    def __str__(self):
        return self.get_full_name() or self.email or self.username


class Topic(models.Model):
    """An area of work, shared by members, news, events and practices."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('members:directory')}?topic={self.slug}"


class MembershipCategory(models.Model):
    class Admission(models.TextChoices):
        APPLICATION = "application", _("by application")
        INVITATION = "invitation", _("by invitation")
        OPEN = "open", _("open sign-up")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    admission = models.CharField(
        _("who may join"), max_length=20, choices=Admission, default=Admission.APPLICATION
    )
    listed = models.BooleanField(
        _("listed in the directory"),
        default=True,
        help_text=_("Members of an unlisted category never appear on the public site."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("membership category")
        verbose_name_plural = _("membership categories")

    def __str__(self):
        return self.name

    @property
    def is_applicant(self):
        return self.slug == "applicant-member"


class MemberQuerySet(models.QuerySet):
    def listed(self):
        """What the public sees: published, active, in a listed category."""
        return self.filter(published=True, status=Member.Status.ACTIVE, category__listed=True)

    def due_for_reminder(self, today):
        """Active members whose profile was last confirmed over a year ago (or never),
        not reminded in the last month."""
        return self.filter(status=Member.Status.ACTIVE).filter(
            Q(profile_confirmed_on__isnull=True)
            | Q(profile_confirmed_on__lt=today - timedelta(days=365)),
            Q(profile_reminded_on__isnull=True)
            | Q(profile_reminded_on__lte=today - timedelta(days=30)),
        )

    def for_cards(self):
        return self.select_related("category")

    def search(self, text):
        """Name, acronym, city, or the summary as shown in the current language
        (its own, or the fallback where it has none)."""
        languages = resolution_order(get_language())
        summary = Q()
        missing = Q()
        for code in languages:
            field = build_localized_fieldname("summary", code)
            summary |= missing & Q(**{f"{field}__icontains": text})
            missing &= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
        return self.filter(
            Q(name__icontains=text) | Q(acronym__icontains=text) | Q(city__icontains=text) | summary
        )

    def filter_by(self, filters):
        """Apply the directory's filters: any of the values within one filter, all the
        filters together."""
        members = self
        if text := filters.get("q"):
            members = members.search(text)
        if codes := filters.get("country"):
            members = members.filter(country__in=codes)
        if category := filters.get("category"):
            members = members.filter(category__slug=category)
        if topics := filters.get("topic"):
            tagged = Member.topics.through.objects.filter(topic__slug__in=topics)
            members = members.filter(pk__in=tagged.values("member_id"))
        if kind := filters.get("kind"):
            members = members.filter(kind=kind)
        if setting := filters.get("setting"):
            members = members.filter(setting=setting)
        return members

    FACETS = {
        "country": "country",
        "category": "category__slug",
        "topic": "topics__slug",
        "kind": "kind",
        "setting": "setting",
    }

    def facet_counts(self, filters):
        """For each filter, how many members each of its values would show, given
        the other filters: {"country": {"FR": 4, ...}, "topic": {...}, ...}."""
        counts = {}
        for facet, column in self.FACETS.items():
            others = {name: value for name, value in filters.items() if name != facet}
            rows = self.filter_by(others).order_by().values(column).annotate(n=Count("pk"))
            counts[facet] = {row[column]: row["n"] for row in rows if row[column]}
        return counts

    def country_counts(self):
        rows = self.order_by().values("country").annotate(n=Count("pk"))
        return {row["country"]: row["n"] for row in rows}


class Member(models.Model):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("organisation")
        INDIVIDUAL = "individual", _("individual")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        FORMER = "former", _("former")

    class Setting(models.TextChoices):
        PRISON = "prison", _("prison-based")
        COMMUNITY = "community", _("community-based")
        BOTH = "both", _("prison and community")

    class LegalStatus(models.TextChoices):
        ASSOCIATION = "association", _("association or NGO")
        FOUNDATION = "foundation", _("foundation")
        PUBLIC_BODY = "public_body", _("public body")
        RESEARCH = "research", _("university or research centre")
        SOCIAL_ENTERPRISE = "social_enterprise", _("social enterprise")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    sort_name = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORGANISATION)
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("category"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.ACTIVE)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    category_since = models.DateField(_("in its category since"), default=timezone.localdate)

    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public email"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="members/logos/",
        blank=True,
        validators=[validate_image],
        help_text=_("JPEG, PNG or WebP, at most 5 MB. It is resized, and its metadata removed."),
    )
    logo_small = models.ImageField(upload_to="members/logos/small/", blank=True, editable=False)
    logo_large = models.ImageField(upload_to="members/logos/large/", blank=True, editable=False)

    summary = models.CharField(
        _("short summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in the directory."),
    )
    description = models.TextField(_("description"), blank=True)
    mission = models.TextField(_("mission statement"), blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="members", verbose_name=_("topics")
    )
    languages = models.JSONField(
        _("languages of work"),
        default=list,
        blank=True,
        validators=[validate_languages],
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    legal_status = models.CharField(
        _("legal status"), max_length=20, choices=LegalStatus, blank=True
    )
    setting = models.CharField(_("setting"), max_length=10, choices=Setting, blank=True)
    funding_sources = models.TextField(_("funding sources"), blank=True)

    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="represented_members",
        verbose_name=_("representatives"),
    )
    published = models.BooleanField(_("published"), default=False)
    profile_confirmed_on = models.DateField(_("profile last confirmed on"), null=True, blank=True)
    profile_reminded_on = models.DateField(
        _("last reminded to confirm on"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        indexes = [
            models.Index(fields=["published", "status", "sort_name"]),
            models.Index(fields=["country"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.name)
        if self.logo and not self.logo._committed:
            self._make_logo_renditions()
        elif not self.logo:
            self.logo_small = self.logo_large = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    def clean(self):
        # /members/map/ and /membres/carte/ are the map, not a member.
        if self.slug in {"map", "carte"}:
            raise ValidationError({"slug": _("This address is taken by the map; choose another.")})

    def _make_logo_renditions(self):
        """Replace the upload by a clean copy and make the sizes pages show."""
        upload = self.logo.file
        name = self.slug or "logo"
        self.logo_small = rendition(upload, LOGO_SMALL, name, square=True)
        self.logo_large = rendition(upload, LOGO_LARGE, name, square=True)
        self.logo = rendition(upload, (1200, 1200), name)

    @property
    def is_listed(self):
        return self.published and self.status == self.Status.ACTIVE and self.category.listed

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def initials(self):
        """Shown on a tile where there is no logo."""
        if self.acronym:
            return self.acronym[:3].upper()
        words = [word for word in self.name.replace("-", " ").split() if word[:1].isalpha()]
        return "".join(word[0] for word in words[:2]).upper()

    def confirm_profile(self):
        self.profile_confirmed_on = timezone.localdate()
        self.save(update_fields=["profile_confirmed_on", "updated_at"])

    def change_category(self, category, *, on=None, note=""):
        """Move the member to another category and keep the history of it."""
        on = on or timezone.localdate()
        with transaction.atomic():
            CategoryChange.objects.create(
                member=self,
                from_category=self.category if self.category_id else None,
                to_category=category,
                changed_on=on,
                note=note,
            )
            self.category = category
            self.category_since = on
            self.save(update_fields=["category", "category_since", "updated_at"])


class CategoryChange(models.Model):
    """One step in a member's membership history."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="category_changes", verbose_name=_("member")
    )
    from_category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from"),
    )
    to_category = models.ForeignKey(
        MembershipCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    changed_on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-changed_on", "-pk"]
        verbose_name = _("category change")
        verbose_name_plural = _("category changes")

    def __str__(self):
        return f"{self.member}: {self.from_category or '—'} → {self.to_category}"


def _status_token():
    return secrets.token_urlsafe(24)


class Application(models.Model):
    """An organisation's application to join, from the public form."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("received")
        UNDER_REVIEW = "under_review", _("under review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    organisation = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100)
    website = models.URLField(_("website"), blank=True)
    legal_status = models.CharField(_("legal status"), max_length=20, choices=Member.LegalStatus)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    work = models.TextField(
        _("your work with children of imprisoned parents"),
        help_text=_("What you do, for whom, where, and since when."),
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_role = models.CharField(_("role"), max_length=150)
    contact_email = models.EmailField(_("email address"))
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("preferred language"), max_length=8, choices=settings.LANGUAGES)
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        limit_choices_to={"admission": MembershipCategory.Admission.APPLICATION},
        verbose_name=_("category applied for"),
    )
    annual_report_1 = models.FileField(
        _("annual report, last year"),
        upload_to="applications/",
        storage=PrivateStorage(),
        validators=[validate_pdf],
    )
    annual_report_2 = models.FileField(
        _("annual report, the year before"),
        upload_to="applications/",
        storage=PrivateStorage(),
        validators=[validate_pdf],
    )
    reference_letter = models.FileField(
        _("reference letter"),
        upload_to="applications/",
        storage=PrivateStorage(),
        validators=[validate_pdf],
    )
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
    decision_note = models.TextField(
        _("decision note"), blank=True, help_text=_("Sent to the applicant when rejected.")
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

    def mark_under_review(self):
        updated = Application.objects.filter(pk=self.pk, status=self.Status.SUBMITTED).update(
            status=self.Status.UNDER_REVIEW
        )
        return bool(updated)

    def approve(self, *, by, publish=False, note=""):
        """Make the organisation an applicant member, invite its contact person and tell
        them. Done once: approving again, even at the same moment, changes nothing."""
        from .accounts import invite_representative

        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=self.pk)
            if application.status == self.Status.APPROVED:
                return application.member
            if application.status not in (self.Status.SUBMITTED, self.Status.UNDER_REVIEW):
                raise ValueError(f"cannot approve an application that is {application.status}")
            today = timezone.localdate()
            category = MembershipCategory.objects.get(slug="applicant-member")
            member = Member.objects.create(
                name=application.organisation,
                slug=_unique_slug(application.organisation),
                category=category,
                country=application.country,
                city=application.city,
                website=application.website,
                legal_status=application.legal_status,
                year_founded=application.year_founded,
                joined_on=today,
                category_since=today,
                published=publish,
            )
            CategoryChange.objects.create(
                member=member, to_category=category, changed_on=today, note=note
            )
            application.status = self.Status.APPROVED
            application.member = member
            application.decided_by = by
            application.decided_at = timezone.now()
            application.decision_note = note
            application.save()
            invite_representative(
                member,
                email=application.contact_email,
                first_name=application.contact_name,
                last_name="",
                language=application.language,
                invited_by=by,
            )
            application.send_decision()
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
        from cpe_network.lib.mail import send_templated

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

    def send_decision(self):
        from cpe_network.lib.mail import send_templated

        send_templated(
            "members/email/application_decision",
            to=self.contact_email,
            language=self.language,
            context={"application": self, "link": settings.SITE_URL + self.get_absolute_url()},
        )


def _unique_slug(name):
    base = slugify(name)[:180] or "member"
    slug, number = base, 1
    while Member.objects.filter(slug=slug).exists() or slug in {"map", "carte"}:
        number += 1
        slug = f"{base}-{number}"
    return slug


class Affiliate(models.Model):
    """Someone who receives the network's updates: never shown publicly."""

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent = models.BooleanField(_("consent to the privacy notice"))
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

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
        from cpe_network.lib.mail import send_templated

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

    def confirm(self):
        if self.confirmed_at is None or self.unsubscribed_at is not None:
            self.confirmed_at = timezone.now()
            self.unsubscribed_at = None
            self.save(update_fields=["confirmed_at", "unsubscribed_at"])

    def unsubscribe(self):
        if self.unsubscribed_at is None:
            self.unsubscribed_at = timezone.now()
            self.save(update_fields=["unsubscribed_at"])
