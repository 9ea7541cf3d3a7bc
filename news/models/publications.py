"""What the network publishes: news posts and events. Both share one shape (text in two
languages, an image, topics, countries, members, a status and a publication date), which
lives in the abstract `Publication`."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy
from django_countries.fields import CountryField

from cpe_network.lib import structured_data as jsonld
from cpe_network.lib.dates import dates_in_range, validate_year
from cpe_network.lib.images import WebImage
from cpe_network.lib.places import fill_city
from cpe_network.lib.slugs import UniqueSlugMixin, language_codes, unique_in_each_language
from cpe_network.lib.text import CleanCharField, CleanTextField, to_safe_html
from cpe_network.lib.uploads import SiteChosenName, validate_pdf
from members.models import Member, Topic, User
from outbox.mail import send_templated


# Named by earlier migrations; the fields now use SiteChosenName.
def original_upload_to(instance, filename):
    return f"{instance.MEDIA_FOLDER}/originals/{filename}"


def web_upload_to(instance, filename):
    return f"{instance.MEDIA_FOLDER}/{filename}"


def validate_time_zone(name):
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(_("Choose a time zone from the list."), code="invalid") from error


# Old names kept by the time zone database as aliases, and zones outside Europe.
NOT_LISTED = {
    "Atlantic/Bermuda",
    "Atlantic/Cape_Verde",
    "Atlantic/Faeroe",
    "Atlantic/Jan_Mayen",
    "Atlantic/South_Georgia",
    "Atlantic/St_Helena",
    "Atlantic/Stanley",
    "Europe/Belfast",
    "Europe/Kiev",
    "Europe/Nicosia",
    "Europe/Tiraspol",
    "Europe/Uzhgorod",
    "Europe/Zaporozhye",
}


def time_zone_choices():
    """The zones of Europe and its Atlantic islands, and UTC, for the forms' lists."""
    zones = sorted(
        zone
        for zone in zoneinfo.available_timezones()
        if zone.startswith(("Europe/", "Atlantic/")) and zone not in NOT_LISTED
    )
    return [(zone, zone.replace("_", " ")) for zone in [*zones, "UTC"]]


class ModeratedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Moderated.Status.PUBLISHED)

    def waiting_for_review(self):
        """What members sent and waits for an editor, oldest first."""
        return (
            self.filter(status=Moderated.Status.SUBMITTED)
            .select_related("submitted_by", "author")
            .order_by("updated_at")
        )


class PublicationQuerySet(ModeratedQuerySet):
    def published(self):
        """Published, and due: an item dated in the future appears by itself then."""
        return super().published().filter(publish_at__lte=timezone.now())

    def for_member(self, member):
        return self.filter(members=member)

    def filter_by(self, filters):
        """The lists' filters: words, topic, country and member (slugs and a country
        code)."""
        items = self
        if text := filters.get("q"):
            from search.query import Query

            items = Query(text).filter(items)
        through = self.model.topics.through
        column = f"{self.model._meta.model_name}_id"
        if topic := filters.get("topic"):
            items = items.filter(pk__in=through.objects.filter(topic__slug=topic).values(column))
        if country := filters.get("country"):
            items = items.filter(countries__contains=country)
        if member := filters.get("member"):
            items = items.filter(
                pk__in=self.model.members.through.objects.filter(member__slug=member).values(column)
            )
        return items


class Moderated(models.Model):
    """What members send from the portal and editors publish: news posts, events,
    practices and adaptations of practices. It arrives as "submitted", the editors are
    told; an editor publishes it and the representative who sent it is told."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", pgettext_lazy("post status", "submitted")
        PUBLISHED = "published", _("published")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("author"),
    )
    submitted_by = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_%(class)ss",
        verbose_name=_("sent by the member"),
        help_text=_("The member organisation that sent it from the member portal."),
    )
    sender_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Members’ items arrive as “submitted” and wait for an editor."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_scheduled(self):
        """Published with a date still to come (only what has a publication date)."""
        return False

    @property
    def is_awaiting_review(self):
        """Sent by a member, waiting for an editor."""
        return self.status == self.Status.SUBMITTED

    @property
    def is_editable_by_sender(self):
        """The member who sent it may change it until it is published."""
        return self.status != self.Status.PUBLISHED

    def is_visible_to(self, user, *, as_staff=True):
        """Who may see it, its picture and its documents: everyone once it is public;
        before, staff who may see unpublished items (previews) and the representatives
        of the member who sent it (the portal). `as_staff`: whether the person's staff
        powers count at the moment (not without a second factor when STAFF_REQUIRE_MFA
        wants one: members.accounts.staff_access_allowed)."""
        if self.is_public:
            return True
        if as_staff and user.has_perm(self.view_permission()):
            return True
        return (
            user.is_authenticated
            and self.submitted_by_id is not None
            and Member.objects.represented_by(user).filter(pk=self.submitted_by_id).exists()
        )

    @classmethod
    def view_permission(cls):
        return f"{cls._meta.app_label}.view_{cls._meta.model_name}"

    @classmethod
    def admin_url_name(cls):
        return f"admin:{cls._meta.app_label}_{cls._meta.model_name}_change"

    def submit(self, member, *, by, save_related=None):
        """Sent, or changed, by `by` from `member`'s portal: it waits for an editor, and
        the editors are told. `save_related` saves what the form holds beside the row
        (its topics, an event's programme) once the row is saved. A change comes too late
        once the item is published: False, and nothing is saved. The row is locked and
        checked again, since an editor may have published it meanwhile."""
        with transaction.atomic():
            if self.pk:
                saved = type(self).objects.select_for_update().get(pk=self.pk)
                if not saved.is_editable_by_sender:
                    return False
            else:
                self.author = by
                self.submitted_by = member
            self.status = self.Status.SUBMITTED
            self.save()
            if save_related:
                save_related()
            self.tell_editors()
        return True

    def publish(self):
        """Publish now and tell the sender. The row is locked, so a sender saving a
        change at the same moment cannot undo it."""
        with transaction.atomic():
            saved = type(self).objects.select_for_update().get(pk=self.pk)
            if saved.status == self.Status.PUBLISHED:
                return
            self.status = self.Status.PUBLISHED
            self.save(update_fields=["status", "updated_at", *self.prepare_publishing(saved)])
            self.tell_sender()

    def prepare_publishing(self, saved):
        """Set what publishing changes besides the status; the names of those fields."""
        return []

    def tell_sender(self):
        """Tell the representative who sent it that it is published (or scheduled, with
        its date): once, even if two editors publish it at the same moment."""
        if not (self.submitted_by_id and self.author and self.author.email):
            return
        if self.status != self.Status.PUBLISHED:
            return
        now = timezone.now()
        claimed = (
            type(self)
            .objects.filter(pk=self.pk, sender_told_at__isnull=True)
            .update(sender_told_at=now)
        )
        if not claimed:
            return
        self.sender_told_at = now
        language = self.author.language
        with override(language):
            link = settings.SITE_URL + self.get_absolute_url()
        send_templated(
            "news/email/published",
            to=self.author.email,
            language=language,
            context={
                "item": self,
                "kind": self._meta.model_name,
                "link": link,
                "scheduled": self.is_scheduled,
            },
        )

    def tell_editors(self):
        """A member sent or changed this: the editors are told, each in their language."""
        admin_link = settings.SITE_URL + reverse(self.admin_url_name(), args=[self.pk])
        for address, language in editor_addresses():
            send_templated(
                "news/email/submitted",
                to=address,
                language=language,
                context={"item": self, "kind": self._meta.model_name, "admin_link": admin_link},
            )


def editor_addresses():
    """[(address, language)] of those told of what members send: the active editors
    (the Editor group), each in their language, then STAFF_NOTIFICATION_EMAILS in the
    site's; each address once."""
    editors = User.objects.filter(is_active=True, is_staff=True, groups__name="Editor").exclude(
        email=""
    )
    recipients = {person.email.lower(): (person.email, person.language) for person in editors}
    for address in settings.STAFF_NOTIFICATION_EMAILS:
        recipients.setdefault(address.lower(), (address, settings.LANGUAGE_CODE))
    return list(recipients.values())


class Publication(UniqueSlugMixin, WebImage, Moderated):
    """What news posts, events and practices have in common: a page of their own, in
    two languages, with a date of publication (a date to come schedules it)."""

    MEDIA_FOLDER = "news"

    title = CleanCharField(_("title"), max_length=200)
    # Translated (translation.py): each language has its own address, made from its
    # own title; each language's column is unique (unique_in_each_language).
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_(
            "The end of its address in this language. Left empty, it is made from the "
            "title. It should not change once published: links to it would break."
        ),
    )
    summary = CleanTextField(_("summary"), max_length=400, blank=True)
    body = CleanTextField(
        _("text"),
        max_length=20000,
        blank=True,
        help_text=_(
            "Markdown: ## heading, **bold**, *italic*, - list, > quote, [link](https://…). "
            "Any other HTML is removed."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="%(class)ss", verbose_name=_("topics")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    members = models.ManyToManyField(
        Member, blank=True, related_name="%(class)ss", verbose_name=_("related members")
    )
    publish_at = models.DateTimeField(
        _("publish on"),
        default=timezone.now,
        db_index=True,
        validators=[validate_year],
        help_text=_("A date in the future schedules it."),
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-publish_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_slugs()
        for code, _name in settings.LANGUAGES:
            source = getattr(self, f"body_{code}")
            setattr(self, f"body_html_{code}", to_safe_html(source) if source else "")
        super().save(*args, **kwargs)

    def fill_slugs(self):
        """An address in each language that has none yet, from its title in that
        language (or, with none, from the other language's title). Once made, an
        address stays when the title changes: links to it keep working."""
        codes = language_codes()
        for code in codes:
            if getattr(self, f"slug_{code}"):
                continue
            titles = [getattr(self, f"title_{other}") for other in [code, *codes]]
            title = next((title for title in titles if title), "")
            setattr(self, f"slug_{code}", self.unique_slug(title, code, exclude=self.pk))

    # What the site search reads besides the title (search.index), in each language.
    SEARCHED = ("summary", "body")

    def search_document(self):
        """Its titles and text in each language, and its date, for the search index."""
        public = self.status == self.Status.PUBLISHED
        document = {"date": self.search_date, "public_from": self.publish_at if public else None}
        for code in language_codes():
            document[f"title_{code}"] = getattr(self, f"title_{code}") or ""
            texts = (getattr(self, f"{field}_{code}") for field in self.SEARCHED)
            document[f"text_{code}"] = "\n".join(text for text in texts if text)
        return document

    @property
    def search_date(self):
        return self.publish_at

    def addresses(self):
        """Its page's path in each language: {code: path}."""
        paths = {}
        for code in language_codes():
            with override(code):
                paths[code] = self.get_absolute_url()
        return paths

    def slug_check(self):
        """The app's own pages' addresses are no item's, in any language."""
        return {
            f"slug_{code}": _("This address is taken; choose another.")
            for code in language_codes()
            if getattr(self, f"slug_{code}") in self.RESERVED_SLUGS
        }

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        """Published with a date still to come: not public yet."""
        return self.status == self.Status.PUBLISHED and self.publish_at > timezone.now()

    @property
    def languages(self):
        """The languages it is written in: a title, and its text where it has any."""
        codes = [code for code, _name in settings.LANGUAGES]
        has_text = any(getattr(self, f"body_html_{code}") for code in codes)
        return [
            code
            for code in codes
            if getattr(self, f"title_{code}")
            and (not has_text or getattr(self, f"body_html_{code}"))
        ]

    def structured_data_common(self):
        """What every publication's JSON-LD says (schema.org CreativeWork's and Event's
        shared properties): its address, language, summary and picture."""
        return {
            "@context": jsonld.CONTEXT,
            "url": jsonld.absolute(self.get_absolute_url()),
            "inLanguage": jsonld.shown_language(self, "title"),
            "description": self.summary,
            "image": jsonld.file_url(self.image_web),
        }

    def structured_data_article(self):
        """What an article (a news post, a practice) adds: headline, dates, publisher,
        author and topics. The author is the listed member that sent it, else the
        network: the page names no person, so neither does its description."""
        author = self.submitted_by
        return {
            **self.structured_data_common(),
            "headline": self.title,
            "datePublished": jsonld.local_iso(self.publish_at),
            "dateModified": jsonld.local_iso(max(self.updated_at, self.publish_at)),
            "publisher": jsonld.network(),
            "author": jsonld.organisation(author)
            if author and author.is_listed
            else jsonld.network(),
            "mainEntityOfPage": jsonld.absolute(self.get_absolute_url()),
            "keywords": [topic.name for topic in self.topics.all()],
        }

    def submit(self, member, *, by, save_related=None):
        """As any member's item; the member that sent it is among its related members
        (a new one gets its addresses when it is saved: fill_slugs)."""

        def related():
            self.members.add(member)
            if save_related:
                save_related()

        return super().submit(member, by=by, save_related=related)

    def prepare_publishing(self, saved):
        self.publish_at = saved.publishing_date()
        return ["publish_at"]

    def publishing_date(self):
        """The date it takes when an editor publishes it: a date already past becomes
        now; a date in the future stays, and schedules it."""
        return max(self.publish_at, timezone.now())


class Post(Publication):
    class Meta(Publication.Meta):
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        # The published posts by date, with their key, last change and countries: the
        # sitemap and the news filter's countries read a hundred thousand of them from
        # this index alone, not from the rows.
        indexes = [
            models.Index(
                fields=["status", "publish_at", "id", "updated_at", "countries"],
                name="news_post_dated_idx",
            ),
            # The news filter's countries, one probe per distinct value (distinct_values).
            models.Index(
                fields=["status", "countries", "publish_at"], name="news_post_countries_idx"
            ),
        ]
        constraints = [
            dates_in_range("publish_at", name="news_post_dates_in_range"),
            *unique_in_each_language("news_post"),
        ]

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def structured_data(self):
        """Its page's JSON-LD: a NewsArticle (schema.org)."""
        return {"@type": "NewsArticle", **self.structured_data_article()}


class EventQuerySet(PublicationQuerySet):
    def upcoming(self):
        """Not over yet (under way or to come), the soonest first."""
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def for_member(self, member):
        return self.filter(Q(members=member) | Q(organiser=member)).distinct()

    def filter_by(self, filters):
        """As for posts, but a member's events are also those it organises."""
        others = {name: value for name, value in filters.items() if name != "member"}
        events = super().filter_by(others)
        if member := filters.get("member"):
            linked = Event.members.through.objects.filter(member__slug=member)
            events = events.filter(Q(pk__in=linked.values("event_id")) | Q(organiser__slug=member))
        return events


class Event(Publication):
    """A conference, a training, a meeting: its times are kept in its own time zone."""

    MEDIA_FOLDER = "events"
    # /events/calendar.ics is the calendar of all events, not one called "calendar".
    RESERVED_SLUGS = frozenset({"calendar", "calendrier"})

    start = models.DateTimeField(_("starts"), validators=[validate_year])
    end = models.DateTimeField(_("ends"), validators=[validate_year])
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the event takes place: its times are shown in this zone."),
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown, not the times.")
    )
    venue = CleanCharField(_("venue"), max_length=200, blank=True)
    city = CleanCharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Where to join, if it takes place online.")
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    organiser = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organiser"),
    )

    objects = EventQuerySet.as_manager()

    class Meta(Publication.Meta):
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["status", "publish_at"]),
            models.Index(fields=["end", "start"]),
        ]
        constraints = [
            dates_in_range("publish_at", "start", "end", name="news_event_dates_in_range"),
            *unique_in_each_language("news_event"),
        ]

    def save(self, *args, **kwargs):
        fill_city(self)
        if self.all_day and self.start and self.end:
            self.start, self.end = self.day_bounds(self.start, self.end)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:event", kwargs={"slug": self.slug})

    SEARCHED = ("summary", "body", "city")

    @property
    def search_date(self):
        return self.start

    def submit(self, member, *, by, save_related=None):
        if not self.pk:
            self.organiser = member
        return super().submit(member, by=by, save_related=save_related)

    def add_programme(self, file):
        """The programme sent with the event from the portal, titled in every language."""
        document = EventDocument(event=self, kind=EventDocument.Kind.PROGRAMME, file=file)
        for code, _name in settings.LANGUAGES:
            with override(code):
                setattr(document, f"title_{code}", str(_("Programme")))
        document.save()

    def structured_data(self):
        """Its page's JSON-LD: an Event (schema.org) with its dates and times in its own
        time zone, with their offset from UTC (the dates alone if it lasts all day), and
        where it takes place: a Place, a VirtualLocation (the link to join, which its
        page shows everyone), or both. Its organiser is the listed member that organises
        it, else the network, whose site announces it. (Events have no "cancelled"
        state to tell as eventStatus: a cancelled event is unpublished.)"""
        common = self.structured_data_common()
        places = []
        if self.venue or self.city:
            places.append(
                {
                    "@type": "Place",
                    "name": self.venue or self.city,
                    "address": {
                        "@type": "PostalAddress",
                        "addressLocality": self.city,
                        "addressCountry": self.country.code if self.country else "",
                    },
                }
            )
        if self.online_url:
            places.append({"@type": "VirtualLocation", "url": self.online_url})
        modes = {
            (True, False): "OfflineEventAttendanceMode",
            (False, True): "OnlineEventAttendanceMode",
            (True, True): "MixedEventAttendanceMode",
        }
        mode = modes.get((bool(self.venue or self.city), bool(self.online_url)))
        organiser = self.organiser
        if self.all_day:  # dates alone: a time (midnight) would say what it does not
            start, end = self.local_start.date().isoformat(), self.local_end.date().isoformat()
        else:
            start = jsonld.local_iso(self.start, self.zone)
            end = jsonld.local_iso(self.end, self.zone)
        return {
            "@type": "Event",
            **common,
            "name": self.title,
            "startDate": start,
            "endDate": end,
            "eventAttendanceMode": f"{jsonld.CONTEXT}/{mode}" if mode else None,
            "location": places[0] if len(places) == 1 else places,
            "organizer": jsonld.organisation(organiser)
            if organiser and organiser.is_listed
            else jsonld.network(),
        }

    def get_calendar_url(self):
        return reverse("news:event_calendar", kwargs={"slug": self.slug})

    def clean(self):
        errors = self.slug_check()
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def day_bounds(self, start, end):
        """An all-day event runs from midnight of its first day to the last second of
        its last day, in its own time zone."""
        zone = self.zone
        first = timezone.localtime(start, zone).date()
        last = timezone.localtime(end, zone).date()
        return (
            datetime.combine(first, time.min, tzinfo=zone),
            datetime.combine(last, time(23, 59, 59), tzinfo=zone),
        )

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    @property
    def is_online_only(self):
        return bool(self.online_url) and not (self.venue or self.city)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def utc_offset(self):
        """The zone's offset at the start, as "UTC+1" or "UTC+5:30"."""
        minutes = int(self.local_start.utcoffset() / timedelta(minutes=1))
        sign = "+" if minutes >= 0 else "−"
        hours, rest = divmod(abs(minutes), 60)
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"


def review_queue(user):
    """The review queue: [(model, items waiting for review)] for each kind of members'
    item (every model built on `Moderated`, in the order of the apps) that `user` may
    change: the admin's "Waiting for review" page and its count."""
    return [
        (model, model.objects.waiting_for_review())
        for model in apps.get_models()
        if issubclass(model, Moderated)
        and user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]


class EventDocument(models.Model):
    """A document attached to an event: its programme, a presentation, its outcome."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("programme")
        PRESENTATION = "presentation", _("presentation")
        REPORT = "report", _("outcome report")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="documents", verbose_name=_("event")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PROGRAMME)
    title = CleanCharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=SiteChosenName("events/documents", "pdf"),
        db_index=True,
        validators=[validate_pdf],
        help_text=_("PDF, at most 10 MB."),
    )
    size = models.PositiveIntegerField(editable=False, default=0)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    @property
    def is_public(self):
        return self.event.is_public

    def is_visible_to(self, user, *, as_staff=True):
        return self.event.is_visible_to(user, as_staff=as_staff)

    @property
    def download_name(self):
        """What the file is called on the reader's computer: its title, not the
        stored name."""
        return f"{slugify(self.title) or 'document'}.pdf"
