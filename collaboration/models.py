"""Working together: members' calls (partners for a project, organisations or countries
for a research study, an exchange or study visit, expertise), and the replies other
members send to them, relayed by email and never shown to the public.

A call is published as soon as a representative posts it; staff may hide it. It is open
until its deadline has passed (in the site's time zone) or its poster marks it filled:
nothing needs to run for it to close, the pages compare its deadline with today."""

import datetime
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_countries.fields import CountryField

from cpe_network.lib.slugs import UniqueSlugMixin
from cpe_network.lib.text import CleanCharField, CleanTextField, require_a_title
from cpe_network.lib.uploads import PrivateStorage, SiteChosenName, validate_pdf
from members.models import Member, Topic, is_member
from members.models.directory import validate_languages
from news.models.publications import editor_addresses
from outbox.mail import send_templated

CLOSING_SOON_DAYS = 14  # a call whose deadline is this close is "closing soon"
REPLY_LENGTH = 2000
THANKS_LENGTH = 1000  # the poster's optional word to the repliers when a call is filled
CALL_REPLIES_PER_HOUR = 10  # replies one person may send in an hour (views.reply)
RANDOM_SLUG = re.compile(r"call-[0-9a-f]{10}(-[0-9]+)?")  # a members-only call's address


# What a call's card reads of it (CallQuerySet.for_cards).
CARD_FIELDS = (
    "kind",
    "title_en",
    "title_fr",
    "slug",
    "deadline",
    "countries",
    "is_public",
    "is_hidden",
    "filled_at",
    "member",
)


class CallQuerySet(models.QuerySet):
    def shown(self):
        """The calls staff have not hidden, from members (of any status: a former
        member's closed calls stay in the archive)."""
        return self.filter(is_hidden=False)

    def open(self, today=None):
        """Shown calls still taking replies: not filled, deadline today or later, from a
        member still active (a former member's calls close with its membership)."""
        today = today or timezone.localdate()
        return self.shown().filter(
            filled_at=None, deadline__gte=today, member__status=Member.Status.ACTIVE
        )

    def closed(self, today=None):
        """Shown calls no longer taking replies: filled, past their deadline, or from a
        former member."""
        today = today or timezone.localdate()
        return self.shown().filter(
            Q(filled_at__isnull=False)
            | Q(deadline__lt=today)
            | ~Q(member__status=Member.Status.ACTIVE)
        )

    def closing_soon(self, today=None):
        today = today or timezone.localdate()
        last = today + datetime.timedelta(days=CLOSING_SOON_DAYS)
        return self.open(today).filter(deadline__lte=last)

    def public(self):
        return self.filter(is_public=True)

    def for_cards(self):
        """What a card in the list shows (collaboration/_card.html), without the long
        texts it does not, the call's or its member's: a page of cards reads little."""
        return (
            self.select_related("member")
            .prefetch_related("topics")
            .only(*CARD_FIELDS, "member__name", "member__slug", "member__status")
        )

    def search(self, text):
        """Calls whose title, description, kind, countries sought or funding programme,
        in either language, hold every word of `text` (the site search's matching)."""
        from search.query import Query

        return Query(text).filter(self)

    def posted_by_member_of(self, user):
        """The calls of the members `user` represents (all of them: hidden, closed)."""
        return self.filter(member__in=Member.objects.represented_by(user))

    # The portal (calls-portal).

    def for_portal(self):
        """With their member and their number of replies (`reply_count`), newest first."""
        return (
            self.select_related("member")
            .annotate(reply_count=Count("replies"))
            .order_by("-created_at", "-pk")
        )

    # The portal's "Calls that match your work" (members.views.portal).

    def matching(self, members):
        """Open calls from other members that concern `members` (Member rows, their
        topics prefetched; the portal passes a representative's active members): calls
        that share a topic with one of them, or that seek one of their countries. A
        call that seeks no country (any country is welcome) matches by its topics only,
        or every such call would match everyone. The calls of `members` are left out;
        the soonest deadline first, ready for the cards (the member's name)."""
        members = list(members)
        topic_ids = {topic.pk for member in members for topic in member.topics.all()}
        countries = {str(member.country) for member in members if member.country}
        wanted = Q()
        if topic_ids:
            shared = Call.topics.through.objects.filter(
                call_id=OuterRef("pk"), topic_id__in=topic_ids
            )
            wanted |= Q(Exists(shared))
        for code in sorted(countries):
            wanted |= Q(countries__contains=code)
        if not wanted:
            return self.none()
        return (
            self.open()
            .filter(wanted)
            .exclude(member__in=[member.pk for member in members])
            .select_related("member")
            .order_by("deadline", "pk")
        )


class Call(UniqueSlugMixin, models.Model):
    """A member's call to work together, in either or both languages."""

    # /collaborate/archive/ is the list of closed calls, not a call.
    RESERVED_SLUGS = frozenset({"archive", "archives"})

    class Kind(models.TextChoices):
        PARTNERS = "partners", _("partners for a project")
        RESEARCH = "research", _("organisations or countries for a research study")
        EXCHANGE = "exchange", _("exchange or study visit")
        EXPERTISE = "expertise", _("expertise")

    member = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        related_name="calls",
        verbose_name=_("member"),
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    kind = models.CharField(_("what is sought"), max_length=20, choices=Kind.choices)
    title = CleanCharField(_("title"), max_length=200, blank=True)
    description = CleanTextField(_("description"), max_length=5000, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    topics = models.ManyToManyField(
        Topic, related_name="calls", blank=True, verbose_name=_("topics")
    )
    countries = CountryField(
        _("countries sought"),
        multiple=True,
        blank=True,
        help_text=_("Leave empty if partners from any country are welcome."),
    )
    languages = models.JSONField(
        _("working languages"),
        default=list,
        blank=True,
        validators=[validate_languages],
        help_text=_("The languages the work will use."),
    )
    deadline = models.DateField(
        _("deadline"), help_text=_("The last day to reply. The call closes after it.")
    )
    funding_programme = CleanCharField(
        _("funding programme"),
        max_length=200,
        blank=True,
        help_text=_("If the work is to be funded by a programme, its name (Erasmus+, CERV…)."),
    )
    file = models.FileField(
        _("document (PDF)"),
        upload_to=SiteChosenName("calls", "pdf"),
        storage=PrivateStorage(),
        validators=[validate_pdf],
        blank=True,
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Everyone may read a public call. Visitors see only that a members-only call "
            "exists, and that they must sign in to read it."
        ),
    )
    is_hidden = models.BooleanField(
        _("hidden by staff"),
        default=False,
        help_text=_("A hidden call is shown to nobody but staff and its poster."),
    )
    filled_at = models.DateTimeField(_("filled"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["is_hidden", "filled_at", "deadline"], name="call_open_idx"),
            # Open calls in deadline order, read until enough are found: the portal's
            # "Calls that match your work" takes 3 ms instead of 160 at 100,000 calls.
            models.Index(
                fields=["deadline", "id"],
                condition=Q(is_hidden=False, filled_at=None),
                name="call_open_deadline_idx",
            ),
        ]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self):
        return self.title or self.slug

    def save(self, *args, **kwargs):
        if not self.slug or self._made_members_only():
            # New, or a public call made members-only: its title leaves its address.
            self.slug = self.new_slug()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("collaboration:detail", args=[self.slug])

    def _made_members_only(self):
        """Whether this save makes a public call, with its title in its address,
        members-only (one query, for members-only calls only)."""
        return (
            self.pk is not None
            and not self.is_public
            and not RANDOM_SLUG.fullmatch(self.slug)
            and Call.objects.filter(pk=self.pk, is_public=True).exists()
        )

    def new_slug(self):
        """A public call's address says its title; a members-only call's says nothing
        (visitors see that it exists, and its address is on the page they see): a
        random one, kept if the call is later made public, so that links keep working.
        A public call made members-only is given a random one (its old address is then
        not found: it would tell its title)."""
        if self.is_public:
            return self.unique_slug(self.title_en or self.title_fr)
        return self.unique_slug(f"call-{secrets.token_hex(5)}")

    @property
    def file_url(self):
        """The document's address: a view that checks who may read the call."""
        return reverse("collaboration:file", args=[self.slug])

    def clean(self):
        super().clean()
        require_a_title(self)
        missing = [
            f"description_{code}"
            for code, _name in settings.LANGUAGES
            if getattr(self, f"title_{code}") and not getattr(self, f"description_{code}")
        ]
        if missing:
            raise ValidationError(
                dict.fromkeys(missing, _("Describe the call in the language of its title.")),
                code="no_description",
            )

    @property
    def is_filled(self):
        return self.filled_at is not None

    def is_open_on(self, today=None):
        today = today or timezone.localdate()
        return (
            not self.is_hidden
            and not self.is_filled
            and self.deadline >= today
            and self.member.status == Member.Status.ACTIVE
        )

    @property
    def is_open(self):
        return self.is_open_on()

    @property
    def is_closing_soon(self):
        today = timezone.localdate()
        return self.is_open_on(today) and (self.deadline - today).days <= CLOSING_SOON_DAYS

    @property
    def status_label(self):
        """What the call's status is called on its page and in the portal."""
        if self.is_hidden:
            return _("hidden by staff")
        if self.is_filled:
            return _("filled")
        if not self.is_open:
            return _("closed")
        if self.is_closing_soon:
            return _("closing soon")
        return _("open")

    @property
    def download_name(self):
        return f"{slugify(self.title) or 'call'}.pdf"

    def is_posted_by(self, user):
        """Whether `user` represents the member that posted the call."""
        return (
            user.is_authenticated
            and Member.objects.represented_by(user).filter(pk=self.member_id).exists()
        )

    def exists_for(self, user):
        """Whether `user` (anyone) may know the call exists: not hidden, or staff, or
        its poster."""
        if not self.is_hidden:
            return True
        return user.is_authenticated and (user.is_staff or self.is_posted_by(user))

    def is_readable_by(self, user):
        """Whether `user` may read the call's content and document: a public call, for
        everyone; a members-only one, for members and staff (members.is_member)."""
        if not self.exists_for(user):
            return False
        return self.is_public or is_member(user)

    # --- The site search (search.index): what it reads of a call. -----------------------

    # The texts indexed besides the title; saving only other fields (a reply's count, the
    # date it was filled) leaves its entry as it is.
    SEARCHED = ("description", "kind", "countries", "funding_programme")

    def search_document(self):
        """Its titles and texts in each language (description, what is sought, the
        countries sought, the funding programme), for the search index. Visitors find a
        public call (open or closed: the result says which); members find members-only
        calls too, read through the calls they may see (search.views); nobody finds a
        hidden one. Among equal matches the call that closes last comes first, so open
        calls before closed ones."""
        public = self.is_public and not self.is_hidden
        midnight = datetime.datetime.combine(self.deadline, datetime.time())
        document = {
            "date": timezone.make_aware(midnight),
            "public_from": self.created_at if public else None,
        }
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                kind = str(self.get_kind_display())
                countries = [str(country.name) for country in self.countries]
            texts = [getattr(self, f"description_{code}"), kind, *countries]
            document[f"title_{code}"] = getattr(self, f"title_{code}") or ""
            document[f"text_{code}"] = "\n".join(
                text for text in [*texts, self.funding_programme] if text
            )
        return document

    # Replies, and filling the call (calls-portal).

    def tell_editors(self):
        """A member posted this call, published at once: the editors are told, each in
        their language, so that they may read it and hide it if it breaks the rules."""
        admin_link = settings.SITE_URL + reverse("admin:collaboration_call_change", args=[self.pk])
        for address, language in editor_addresses():
            send_templated(
                "collaboration/email/posted",
                to=address,
                language=language,
                context={"call": self, "admin_link": admin_link},
            )

    def receive_reply(self, *, member, by, message, email):
        """Store `member`'s reply, sent by `by`, and tell each active representative of
        the posting member, in their language, with the address to answer to. None if
        the member replied already (one reply per member: two clicks at once store one)."""
        with transaction.atomic():
            try:
                with transaction.atomic():
                    reply = Reply.objects.create(
                        call=self, member=member, sent_by=by, message=message, email=email
                    )
            except IntegrityError:
                return None
            for person in self.member.representatives.filter(is_active=True).exclude(email=""):
                with override(person.language):
                    link = settings.SITE_URL + reverse(
                        "collaboration:replies", args=[self.member.slug, self.pk]
                    )
                send_templated(
                    "collaboration/email/reply",
                    to=person.email,
                    language=person.language,
                    context={"call": self, "reply": reply, "replies_link": link},
                    headers={"Reply-To": reply.email},
                )
        return reply

    def mark_filled(self, *, by, thanks=""):
        """Mark the call filled, thank each replier (at the address they shared, in
        their language) with the poster's `thanks` if any, and note when they were
        thanked. False, and nothing sent, if it was filled already (two clicks fill it
        once)."""
        with transaction.atomic():
            call = Call.objects.select_for_update().get(pk=self.pk)
            if call.is_filled:
                self.filled_at = call.filled_at
                return False
            now = timezone.now()
            call.filled_at = self.filled_at = now
            call.save(update_fields=["filled_at", "updated_at"])
            replies = list(call.replies.select_related("sent_by", "member"))
            for reply in replies:
                language = reply.sent_by.language if reply.sent_by else settings.LANGUAGE_CODE
                send_templated(
                    "collaboration/email/filled",
                    to=reply.email,
                    language=language,
                    context={"call": call, "reply": reply, "thanks": thanks},
                )
            call.replies.filter(thanked_at=None).update(thanked_at=now)
        return True


class ReplyQuerySet(models.QuerySet):
    def sent_by_member_of(self, user):
        """The replies sent by the active members `user` represents, with their call."""
        members = Member.objects.represented_by(user).filter(status=Member.Status.ACTIVE)
        return (
            # A call staff hid is shown to nobody but staff and its poster.
            self.filter(member__in=members, call__is_hidden=False)
            .select_related("call__member", "member")
            .order_by("-created_at", "-pk")
        )


class Reply(models.Model):
    """A member's "we're interested" to a call: relayed by email to the poster, shown to
    the poster and the replier in the portal, never public."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="replies", verbose_name=_("call")
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        related_name="call_replies",
        verbose_name=_("replying member"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    message = CleanTextField(_("message"), max_length=REPLY_LENGTH)
    email = models.EmailField(
        _("address to reply to"),
        help_text=_("Sent to the poster with your message; never shown on the site."),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    thanked_at = models.DateTimeField(_("thanked"), null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "member"], name="one_reply_per_member")
        ]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.member} → {self.call}"

    def get_absolute_url(self):
        return reverse("collaboration:portal")


# --- The calls' list and archive (views.call_list): the few columns its filters read,
# --- for every open (or closed) call, read once and kept with the cached pages; the
# --- filters and their counts are worked out from them, with no query each.


def listing_rows(archive=False, today=None):
    """Each open call (`archive`: each closed one) in the list's order, the soonest
    deadline first (the archive: the latest first), as a dict of what the filters read:
    pk, kind, deadline, is_public, and the sets countries, languages and topics (slugs).
    Two queries, whatever the number of calls."""
    today = today or timezone.localdate()
    calls = Call.objects.closed(today) if archive else Call.objects.open(today)
    order = ["-deadline", "-pk"] if archive else ["deadline", "pk"]
    rows = {
        pk: {
            "pk": pk,
            "kind": kind,
            "deadline": deadline,
            "is_public": is_public,
            "countries": set(filter(None, codes.split(","))),
            "languages": set(languages or ()),
            "topics": set(),
        }
        for pk, kind, deadline, is_public, codes, languages in calls.order_by(*order).values_list(
            "pk", "kind", "deadline", "is_public", "countries", "languages"
        )
    }
    tagged = Call.topics.through.objects.filter(call__in=calls.values("pk"))
    for call, slug in tagged.values_list("call_id", "topic__slug"):
        rows[call]["topics"].add(slug)
    return list(rows.values())


def _row_matches(row, name, value, today):
    """Whether a row of listing_rows passes one of the list's filters. A call that seeks
    no particular country passes any country's."""
    if name == "kind":
        return row["kind"] == value
    if name == "soon":
        return (row["deadline"] - today).days <= CLOSING_SOON_DAYS
    if name == "country" and not row["countries"]:
        return True
    field = {"topic": "topics", "country": "countries", "language": "languages"}[name]
    return bool(row[field] & set(value))


def filter_rows(rows, filters, today=None):
    """The rows that pass every filter (collaboration.forms.CallFilterForm): any of the
    values within one filter, all the filters together."""
    today = today or timezone.localdate()
    return [
        row
        for row in rows
        if all(_row_matches(row, name, value, today) for name, value in filters.items())
    ]


def facet_counts(rows, filters, facets, today=None):
    """For each filter in `facets`, how many of `rows` each of its values would show,
    given the other filters: {"kind": {"partners": 3, ...}, "country": {"FR": 2, ...},
    ...}. A call that seeks no particular country counts for every country offered."""
    today = today or timezone.localdate()
    counts = {}
    for facet in facets:
        others = {name: value for name, value in filters.items() if name != facet}
        found = filter_rows(rows, others, today)
        tally = {}
        if facet in ("kind", "soon"):
            for row in found:
                if facet == "kind":
                    value = row["kind"]
                elif _row_matches(row, "soon", "yes", today):
                    value = "yes"
                else:
                    continue
                tally[value] = tally.get(value, 0) + 1
        else:
            field = {"topic": "topics", "country": "countries", "language": "languages"}[facet]
            for row in found:
                for value in row[field]:
                    tally[value] = tally.get(value, 0) + 1
            if facet == "country":
                anywhere = sum(1 for row in found if not row["countries"])
                for code in {*tally, *filters.get("country", [])}:
                    tally[code] = tally.get(code, 0) + anywhere
        counts[facet] = tally
    return counts
