import hashlib
from datetime import UTC, datetime, timedelta

import reversion
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info, gettext, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from reversion.models import Version

from cpe_network.lib import structured_data as jsonld
from cpe_network.lib.dates import validate_year
from cpe_network.lib.images import picture, rendition, validate_image
from cpe_network.lib.places import fill_city
from cpe_network.lib.slugs import UniqueSlugMixin
from cpe_network.lib.text import CleanCharField, CleanTextField, sort_key
from cpe_network.lib.uploads import SiteChosenName
from outbox.mail import send_templated

# Languages a member may work in: those of Europe and of its largest migrant communities,
# named by Django in the visitor's language.
# fmt: off
WORK_LANGUAGES = (
    "ar", "bg", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr", "ga",
    "gl", "hr", "hu", "hy", "is", "it", "ka", "lb", "lt", "lv", "mk", "nb", "nl", "pl", "pt",
    "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk",
)
# fmt: on

# The logo's square copies, by width, for pages to choose from (srcset): a directory card
# shows it 3.5rem wide (56 px), the member's page 8rem (128 px), and sharp screens show
# two pixels (or more) for one.
LOGO_SIZES = {"logo_small": 64, "logo_medium": 128, "logo_large": 256}
NOTE_LENGTH = 2000  # staff's notes on a category change or a decision


def work_language_choices():
    """The languages of work as choices, named and sorted in the current language."""
    return sorted(
        ((code, get_language_info(code)["name_translated"]) for code in WORK_LANGUAGES),
        key=lambda choice: sort_key(str(choice[1])),
    )


def validate_languages(value):
    if not isinstance(value, list) or not set(value) <= set(WORK_LANGUAGES):
        raise ValidationError(_("Choose languages from the list."), code="invalid")


class User(AbstractUser):
    """A person who signs in: staff, or a member's representative."""

    first_name = CleanCharField(_("first name"), max_length=150, blank=True)
    last_name = CleanCharField(_("last name"), max_length=150, blank=True)

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails the site sends them."),
    )
    receives_digest = models.BooleanField(
        _("receives the digest"),
        default=True,
        help_text=_(
            "Representatives receive the network's digest of news and events unless they "
            "unsubscribe."
        ),
    )

    # A representative may be shown, on their member's page, to other members (never to
    # visitors), who can then write to them through the site (members.models.contacts).
    shown_to_members = models.BooleanField(
        _("shown to other members as a contact person"),
        default=False,
        help_text=_(
            "Signed-in members see your name, role and languages on your organisation’s "
            "page and can write to you through the site. Your email address is never shown."
        ),
    )
    role = CleanCharField(
        _("role"),
        max_length=100,
        blank=True,
        help_text=_("For example “Project coordinator”."),
    )
    spoken_languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, validators=[validate_languages]
    )
    # Set when staff erase the person's data (members.personal_data.erase): the account
    # stays, empty and locked, so that what they sent and decided keeps an author.
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    UNSUBSCRIBE_SALT = "representative-unsubscribe"

    class Meta(AbstractUser.Meta):
        permissions = [("manage_personal_data", _("Can export and erase personal data"))]

    def __str__(self):
        if self.is_erased:
            return gettext("a former representative")
        return self.get_full_name() or self.email or self.username

    @property
    def is_erased(self):
        return self.erased_at is not None

    def get_full_name(self):
        if self.is_erased:
            return gettext("a former representative")
        return super().get_full_name()

    def erase(self):
        """Empty and lock the account: no name, no address, no password, no role; it can
        no longer sign in, and its sessions end (their check reads the password)."""
        self.username = f"erased-{self.pk}"
        self.email = ""
        self.first_name = self.last_name = self.role = ""
        self.spoken_languages = []
        self.shown_to_members = self.receives_digest = False
        self.is_active = self.is_staff = self.is_superuser = False
        self.last_login = None
        self.set_unusable_password()
        self.erased_at = timezone.now()
        self.save()
        self.groups.clear()
        self.user_permissions.clear()

    def unsubscribe_link(self):
        """The link in the digest that stops it, without signing in."""
        token = signing.dumps({"user": self.pk, "email": self.email}, salt=self.UNSUBSCRIBE_SALT)
        with override(self.language):
            path = reverse("members:unsubscribe", kwargs={"token": token})
        return settings.SITE_URL + path

    @classmethod
    def from_unsubscribe_token(cls, token):
        try:
            data = signing.loads(token, salt=cls.UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.filter(pk=data.get("user"), email=data.get("email")).first()

    def unsubscribe(self):
        if self.receives_digest:
            self.receives_digest = False
            self.save(update_fields=["receives_digest"])


class Topic(models.Model):
    """An area of work, shared by members, news, events and practices."""

    name = CleanCharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = CleanTextField(_("description"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('members:directory')}?topic={self.slug}"


class MembershipCategoryQuerySet(models.QuerySet):
    def open_to_applications(self):
        """The categories an organisation may apply for on the join form."""
        return self.filter(admission=MembershipCategory.Admission.APPLICATION)

    def for_approved_applicants(self):
        """The category where organisations start once their application is approved
        (the applicant members), or None when staff have marked none."""
        return self.filter(admission=MembershipCategory.Admission.APPROVED).first()


class MembershipCategory(models.Model):
    """A way of belonging to the network. What the site does with a category hangs on
    `admission` and `listed`, never on its name or slug, which staff may change."""

    class Admission(models.TextChoices):
        APPLICATION = "application", _("by application")
        APPROVED = "approved", _("after an approved application")
        INVITATION = "invitation", _("by invitation")
        OPEN = "open", _("open sign-up")

    name = CleanCharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = CleanTextField(_("description"), max_length=1000, blank=True)
    admission = models.CharField(
        _("who may join"),
        max_length=20,
        choices=Admission,
        default=Admission.APPLICATION,
        help_text=_(
            "“By application”: offered on the application form. “After an approved "
            "application”: where organisations start once the board approves their "
            "application (one category only)."
        ),
    )
    listed = models.BooleanField(
        _("listed in the directory"),
        default=True,
        help_text=_("Members of an unlisted category never appear on the public site."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = MembershipCategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("membership category")
        verbose_name_plural = _("membership categories")
        constraints = [
            models.UniqueConstraint(
                fields=["admission"],
                condition=Q(admission="approved"),
                name="one_category_for_approved_applicants",
                violation_error_message=_("Another category already receives approved applicants."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_applicant(self):
        """Applicant members: listed, and marked as applicants."""
        return self.admission == self.Admission.APPROVED


class MemberQuerySet(models.QuerySet):
    def listed(self):
        """What the public sees: published, active, in a listed category."""
        return self.filter(published=True, status=Member.Status.ACTIVE, category__listed=True)

    def represented_by(self, user):
        """The members `user` represents (the portal shows only these)."""
        return self.filter(representatives=user)

    def due_for_reminder(self, today):
        """Active members whose profile was last confirmed over a year ago (or never),
        not reminded in the last month."""
        return self.filter(status=Member.Status.ACTIVE).filter(
            Q(profile_confirmed_on__isnull=True)
            | Q(profile_confirmed_on__lt=today - timedelta(days=365)),
            Q(profile_reminded_on__isnull=True)
            | Q(profile_reminded_on__lte=today - timedelta(days=30)),
        )

    def send_reminders(self, today):
        """Ask the active representatives of each member due for a reminder, in their
        language, to confirm its profile; a member is then not reminded for a month.
        Returns how many emails were sent."""
        sent = 0
        for member in self.due_for_reminder(today).prefetch_related("representatives"):
            people = [person for person in member.representatives.all() if person.is_active]
            for person in people:
                with override(person.language):
                    link = settings.SITE_URL + reverse("members:portal")
                send_templated(
                    "members/email/reminder",
                    to=person.email,
                    language=person.language,
                    context={"user": person, "member": member, "link": link},
                )
                sent += 1
            if people:
                member.profile_reminded_on = today
                member.save(update_fields=["profile_reminded_on"])
        return sent

    def for_cards(self):
        return self.select_related("category")

    def search(self, text):
        """Members whose name, acronym, texts, city or country, in either language, hold
        every word of `text`, accents and case aside ("geneve" finds Genève and Geneva):
        the site search's matching (search.query)."""
        from search.query import Query

        return Query(text).filter(self)

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
        if filters.get("support") == "families":
            members = members.filter(supports_families=True)
        return members

    FACETS = {
        "country": "country",
        "category": "category__slug",
        "topic": "topics__slug",
        "kind": "kind",
        "setting": "setting",
        "support": "supports_families",
    }

    def facet_counts(self, filters):
        """For each filter, how many members each of its values would show, given
        the other filters: {"country": {"FR": 4, ...}, "topic": {...}, ...}."""
        counts = {}
        for facet, column in self.FACETS.items():
            others = {name: value for name, value in filters.items() if name != facet}
            rows = self.filter_by(others).order_by().values(column).annotate(n=Count("pk"))
            counts[facet] = {row[column]: row["n"] for row in rows if row[column]}
        # The members that offer family support counted as the filter's value says them.
        counts["support"] = {"families": counts["support"].get(True, 0)}
        return counts

    def family_support_countries(self):
        """The countries where members offer support to children and families, with how
        many: {"BE": 2, ...}, remembered in the cache until a member changes (its key
        holds their number and latest change: one query)."""
        members = self.filter(supports_families=True)
        state = members.order_by().aggregate(n=Count("*"), changed=Max("updated_at"))
        key = f"members:family-support:{state['n']}:{state['changed']}"
        key = f"members:{hashlib.sha256(key.encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            found = members.country_counts()
            cache.set(key, found, 60 * 60)
        return found

    def country_counts(self):
        rows = self.order_by().values("country").annotate(n=Count("pk"))
        return {row["country"]: row["n"] for row in rows}


# What the search index takes as a listed member's publication date (search.models.Entry).
LISTED_SINCE = datetime(2000, 1, 1, tzinfo=UTC)


class Member(UniqueSlugMixin, models.Model):
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

    name = CleanCharField(_("name"), max_length=200)
    acronym = CleanCharField(_("acronym"), max_length=30, blank=True)
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
    joined_on = models.DateField(
        _("joined on"), default=timezone.localdate, validators=[validate_year]
    )
    category_since = models.DateField(
        _("in its category since"), default=timezone.localdate, validators=[validate_year]
    )

    country = CountryField(_("country"))
    city = CleanCharField(_("city"), max_length=100, blank=True)
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
    phone = CleanCharField(_("public phone"), max_length=40, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to=SiteChosenName("members/logos", "webp"),
        blank=True,
        db_index=True,
        validators=[validate_image],
        help_text=_("JPEG, PNG or WebP, at most 5 MB. It is resized, and its metadata removed."),
    )
    logo_small = models.ImageField(
        upload_to=SiteChosenName("members/logos/small", "webp"),
        blank=True,
        editable=False,
        db_index=True,
    )
    logo_medium = models.ImageField(
        upload_to=SiteChosenName("members/logos/medium", "webp"),
        blank=True,
        editable=False,
        db_index=True,
    )
    logo_large = models.ImageField(
        upload_to=SiteChosenName("members/logos/large", "webp"),
        blank=True,
        editable=False,
        db_index=True,
    )

    summary = CleanCharField(
        _("short summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in the directory."),
    )
    description = CleanTextField(_("description"), max_length=5000, blank=True)
    mission = CleanTextField(_("mission statement"), max_length=1000, blank=True)
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
    funding_sources = CleanTextField(_("funding sources"), max_length=500, blank=True)
    supports_families = models.BooleanField(
        _("offers support to children and families"),
        default=False,
        help_text=_(
            "Parents, carers and children can turn to it for help: the site’s “Find help "
            "near you” leads them to it."
        ),
    )
    works_across_borders = models.BooleanField(
        _("works across borders"),
        default=False,
        help_text=_(
            "It helps families in several countries (a helpline, an international "
            "organisation): visitors are pointed to it where no member offers support "
            "in their country."
        ),
    )

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

    # /members/map/ and /membres/carte/ are the map, not a member.
    RESERVED_SLUGS = frozenset({"map", "carte"})

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        indexes = [
            models.Index(fields=["published", "status", "sort_name"]),
            models.Index(fields=["country"]),
            # The few that help families (the home page's finder, the directory's
            # filter) and the few placed on the map: read without the thousands that
            # are not.
            models.Index(
                fields=["country"],
                condition=models.Q(supports_families=True),
                name="members_helping_families_idx",
            ),
            models.Index(
                fields=["sort_name"],
                condition=models.Q(latitude__isnull=False, longitude__isnull=False),
                name="members_on_the_map_idx",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    # What the site search reads besides the name and acronym (search.index).
    SEARCHED = ("summary", "description", "mission", "city")

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        if fields is None or {"name", "city", "city_en", "city_fr"} & set(fields):
            self.sort_name = sort_key(self.name)
            fill_city(self)
            if fields is not None:
                derived = {"sort_name", "city_en", "city_fr"}
                kwargs["update_fields"] = {*fields, *derived}
        if self.logo and not self.logo._committed:
            self._make_logo_renditions()
        elif not self.logo:
            self.logo_small = self.logo_medium = self.logo_large = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the map; choose another.")})

    def search_document(self):
        """Its name and acronym, and its texts, city and country in each language, for
        the search index."""
        title = f"{self.name} {self.acronym}".strip()
        document = {
            "date": self.created_at,  # the newest first, among equal matches
            "public_from": LISTED_SINCE if self.is_listed else None,
        }
        for code, _name in settings.LANGUAGES:
            with override(code):
                country = str(self.country.name) if self.country else ""
            texts = [getattr(self, f"{field}_{code}") for field in self.SEARCHED] + [country]
            document[f"title_{code}"] = title
            document[f"text_{code}"] = "\n".join(text for text in texts if text)
        return document

    def _make_logo_renditions(self):
        """Replace the upload by a clean copy and make the sizes pages show."""
        master = picture(self.logo.file, (1200, 1200))
        for field, width in LOGO_SIZES.items():
            setattr(self, field, rendition(master, (width, width), square=True))
        self.logo = rendition(master, (1200, 1200))

    @property
    def logo_srcset(self):
        """The logo's copies for <img srcset>: the browser fetches the one it needs."""
        copies = [(getattr(self, field), width) for field, width in LOGO_SIZES.items()]
        return ", ".join(f"{copy.url} {width}w" for copy, width in copies if copy)

    def structured_data(self):
        """Its page's JSON-LD: an Organization (schema.org) with what its page shows:
        its name, logo, country and city, summary, website and public email, and the
        network it belongs to."""
        return {
            "@context": jsonld.CONTEXT,
            "@type": "Organization",
            "name": self.name,
            "alternateName": self.acronym,
            "url": jsonld.absolute(self.get_absolute_url()),
            # The square copy pages show (the larger original is sent to nobody).
            "logo": jsonld.file_url(self.logo_large),
            "description": self.summary,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": self.city,
                "addressCountry": self.country.code,
            },
            "email": self.email,
            "telephone": self.phone,
            "foundingDate": str(self.year_founded) if self.year_founded else None,
            "sameAs": [self.website] if self.website else [],
            "memberOf": jsonld.network(),
        }

    @property
    def is_listed(self):
        return self.published and self.status == self.Status.ACTIVE and self.category.listed

    is_public = is_listed

    def is_visible_to(self, user, *, as_staff=True):
        """Who may see it, and its logo: everyone once it is listed; before (or after),
        staff who may view members (when `as_staff`: see Publication.is_visible_to) and
        its own representatives (the portal)."""
        if self.is_listed or (as_staff and user.has_perm("members.view_member")):
            return True
        return user.is_authenticated and self.representatives.filter(pk=user.pk).exists()

    def contact_persons(self):
        """The representatives who agreed to be shown to other members as contact
        persons (with a name, so nothing else, their address least of all, stands for
        it): one query, however many."""
        return (
            self.representatives.filter(shown_to_members=True, is_active=True)
            .exclude(email="")
            .exclude(first_name="", last_name="")
            .order_by("last_name", "first_name", "pk")
        )

    @property
    def initials(self):
        """Shown on a tile where there is no logo."""
        if self.acronym:
            return self.acronym[:3].upper()
        words = [word for word in self.name.replace("-", " ").split() if word[:1].isalpha()]
        return "".join(word[0] for word in words[:2]).upper()

    def keep_first_version(self):
        """Keep the profile as it was before its first change from the portal, so staff
        can go back to it: a version, once, when it has none yet."""
        if Version.objects.get_for_object(self).exists():
            return
        with reversion.create_revision():
            reversion.add_to_revision(self)
            reversion.set_comment(gettext("Profile before the first change from the member portal"))

    def confirm_profile(self):
        self.profile_confirmed_on = timezone.localdate()
        self.save(update_fields=["profile_confirmed_on", "updated_at"])

    def record_first_category(self, *, note=""):
        """Begin the membership history of a new member: it entered its category on
        `category_since`."""
        CategoryChange.objects.create(
            member=self, to_category=self.category, changed_on=self.category_since, note=note
        )

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
        verbose_name=pgettext_lazy("category change", "from"),
    )
    to_category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("category change", "to"),
    )
    changed_on = models.DateField(_("date"))
    note = CleanTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    class Meta:
        ordering = ["-changed_on", "-pk"]
        verbose_name = _("category change")
        verbose_name_plural = _("category changes")

    def __str__(self):
        return f"{self.member}: {self.from_category or '—'} → {self.to_category}"
