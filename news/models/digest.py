"""The digest: an email listing the news, events and practices published since the last one,
and the members' calls posted since, sent to confirmed affiliates and to representatives,
each in their language, in batches that background tasks send (`send_digest_batch`, beside
the models it reads and the digest that queues it). Affiliates read the public calls only;
representatives of active members read the members-only ones too."""

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.tasks import default_task_backend, task
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy

from members.models import Affiliate, Member, User
from outbox.mail import send_templated
from outbox.models import OutboundEmail
from outbox.tasks import send_email

from .publications import Event, Post

BATCH_SIZE = 100


class Digest(models.Model):
    number = models.PositiveIntegerField(_("number"), unique=True, editable=False)
    since = models.DateTimeField(_("items published after"), null=True, editable=False)
    until = models.DateTimeField(_("items published until"), editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    posts = models.ManyToManyField(Post, related_name="+", verbose_name=_("news posts"))
    events = models.ManyToManyField(Event, related_name="+", verbose_name=_("events"))
    practices = models.ManyToManyField(
        "practices.Practice", related_name="+", verbose_name=_("practices")
    )
    calls = models.ManyToManyField("collaboration.Call", related_name="+", verbose_name=_("calls"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        permissions = [("send_digest", _("Can send the digest"))]

    # Who reads a delivery (`content`'s audience): everyone (affiliates and anyone who
    # is not a representative of an active member), or members, who read members-only
    # calls too.
    PUBLIC = "public"
    MEMBERS = "members"

    def __str__(self):
        return _("Digest no. %(number)d") % {"number": self.number}

    @staticmethod
    def new_items(until=None):
        """What a digest made at `until` (now) lists: the news, events and practices
        published by
        then that no digest has listed yet, and that were published, dated or changed
        since the last digest (so an item published with an earlier date is not missed,
        and one published again is not listed twice); and the calls open at `until`
        that no digest has listed yet (public and members-only alike: each delivery
        picks its readers' share), however old: a call hidden by staff when the last
        digest was made, and shown again since, is news to its readers."""
        until = until or timezone.now()
        last_until = Digest.objects.values_list("until", flat=True).first()

        def pick(model, through):
            items = model.objects.filter(status=model.Status.PUBLISHED, publish_at__lte=until)
            column = f"{model._meta.model_name}_id"
            items = items.exclude(pk__in=through.objects.values(column))
            if last_until:
                items = items.filter(Q(publish_at__gt=last_until) | Q(updated_at__gt=last_until))
            return items

        posts = pick(Post, Digest.posts.through).order_by("-publish_at")
        events = pick(Event, Digest.events.through).order_by("start")
        practice = apps.get_model("practices", "Practice")
        practices = pick(practice, Digest.practices.through).order_by("-publish_at")
        call = apps.get_model("collaboration", "Call")
        calls = (
            call.objects.open(timezone.localdate(until))
            .filter(created_at__lte=until)
            .exclude(pk__in=Digest.calls.through.objects.values("call_id"))
            .select_related("member")
            .order_by("deadline", "pk")
        )
        return posts, events, practices, calls

    @staticmethod
    def recipients():
        """{email (lower case): (address, language, affiliate or user)}: representatives
        of active members who have not unsubscribed, then confirmed affiliates; one entry
        per address (a representative who is also an affiliate gets the representatives'
        digest, with the members-only calls)."""
        found = {}
        people = (
            User.objects.filter(
                is_active=True,
                receives_digest=True,
                represented_members__status=Member.Status.ACTIVE,
            )
            .exclude(email="")
            .distinct()
            .order_by("pk")
        )
        for person in people:
            found.setdefault(person.email.lower(), (person.email, person.language, person))
        for affiliate in Affiliate.objects.filter(
            confirmed_at__isnull=False, unsubscribed_at__isnull=True
        ).order_by("pk"):
            found.setdefault(
                affiliate.email.lower(), (affiliate.email, affiliate.language, affiliate)
            )
        return found

    @classmethod
    def send_new(cls, *, by=None):
        """Make the next digest and queue it to everyone, in batches sent by background
        tasks. None when nothing was published (or no call posted) since the last one, or
        when another digest was made at the same moment (each person gets each digest
        once)."""
        until = timezone.now()
        last = cls.objects.first()
        posts, events, practices, calls = (list(items) for items in cls.new_items(until))
        if not posts and not events and not practices and not calls:
            return None
        try:
            with transaction.atomic():
                digest = cls.objects.create(
                    number=(last.number + 1) if last else 1,
                    since=last.until if last else None,
                    until=until,
                    sent_by=by,
                )
                digest.posts.set(posts)
                digest.events.set(events)
                digest.practices.set(practices)
                digest.calls.set(calls)
                deliveries = DigestDelivery.objects.bulk_create(
                    DigestDelivery(
                        digest=digest,
                        email=address,
                        language=language,
                        affiliate=who if isinstance(who, Affiliate) else None,
                        user=who if isinstance(who, User) else None,
                    )
                    for address, language, who in cls.recipients().values()
                )
                ids = [delivery.pk for delivery in deliveries]
                for start in range(0, len(ids), BATCH_SIZE):
                    batch = ids[start : start + BATCH_SIZE]
                    transaction.on_commit(lambda batch=batch: send_digest_batch.enqueue(batch))
        except IntegrityError:  # another digest took this number at the same moment
            return None
        return digest

    def content(self, language, audience=PUBLIC):
        """The digest's items, read in `language` (any unpublished since are left out),
        and its calls still open, for `audience`: the public ones for everyone, the
        members-only ones too for members."""
        calls = self.calls.open().select_related("member").order_by("deadline", "pk")
        if audience != self.MEMBERS:
            calls = calls.public()
        with override(language):
            return {
                "posts": list(self.posts.published().order_by("-publish_at")),
                "events": list(self.events.published().order_by("start")),
                "practices": list(self.practices.published().order_by("-publish_at")),
                "calls": list(calls),
            }


class DigestDeliveryQuerySet(models.QuerySet):
    def send(self):
        """Send these deliveries. Each one is rendered and stored once, so a batch run
        again (a worker restarted) sends nobody the digest twice; an email the mail
        server refused is retried like any other."""
        contents = {}  # the digest's items, read once per language and audience
        deliveries = list(self.filter(message=None).select_related("digest"))
        members = _member_readers({delivery.user_id for delivery in deliveries})
        for delivery in deliveries:
            audience = Digest.MEMBERS if delivery.user_id in members else Digest.PUBLIC
            key = (delivery.digest_id, delivery.language, audience)
            if key not in contents:
                contents[key] = delivery.digest.content(delivery.language, audience)
            if not any(contents[key].values()):
                # Nothing for this reader: a digest of members-only calls, to an
                # affiliate (or items unpublished since): no empty email.
                delivery.delete()
                continue
            email = delivery.prepare(contents[key])
            if email is None or email.send():
                continue
            if (
                email.status == OutboundEmail.Status.RETRYING
                and default_task_backend.supports_defer
            ):
                send_email.using(run_after=email.next_attempt_at).enqueue(email.pk)

    def resume_lost(self):
        """Send the deliveries whose batch never finished (a worker stopped midway):
        those of digests made over five minutes ago. Returns how many."""
        made_before = timezone.now() - timezone.timedelta(minutes=5)
        lost = list(
            self.filter(message=None, digest__created_at__lte=made_before).values_list(
                "pk", flat=True
            )
        )
        if lost:
            send_digest_batch.call(lost)
        return len(lost)


class DigestDelivery(models.Model):
    """One digest to one address: made once (unique), sent once."""

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(pgettext_lazy("email recipient", "to"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    affiliate = models.ForeignKey(Affiliate, on_delete=models.SET_NULL, null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    message = models.OneToOneField(
        "outbox.OutboundEmail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = DigestDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [
            models.UniqueConstraint(fields=["digest", "email"], name="one_digest_per_address")
        ]

    def __str__(self):
        return f"{self.digest} → {self.email}"

    @property
    def subscriber(self):
        return self.affiliate or self.user

    def prepare(self, content):
        """Render and store this delivery's email, with the digest's `content` in its
        language, once: None if it already has one, or if the person unsubscribed since
        the digest was made."""
        with transaction.atomic():
            delivery = (
                DigestDelivery.objects.select_for_update(of=("self",))
                .select_related("digest", "affiliate", "user")
                .get(pk=self.pk)
            )
            subscriber = delivery.subscriber
            if delivery.message_id:
                return None
            if subscriber is None or not _still_subscribed(subscriber):
                delivery.delete()  # they left before their turn came: nothing to send
                return None
            unsubscribe = subscriber.unsubscribe_link()
            delivery.message = send_templated(
                "news/email/digest",
                to=delivery.email,
                language=delivery.language,
                context={
                    "digest": delivery.digest,
                    **content,
                    "unsubscribe": unsubscribe,
                },
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
                enqueue=False,
            )
            delivery.save(update_fields=["message"])
            return delivery.message


def _member_readers(user_ids):
    """Which of these people read the members' digest (the members-only calls):
    representatives of an active member, checked when the digest is sent."""
    user_ids = {pk for pk in user_ids if pk is not None}
    if not user_ids:
        return set()
    return set(
        User.objects.filter(
            pk__in=user_ids, represented_members__status=Member.Status.ACTIVE
        ).values_list("pk", flat=True)
    )


def _still_subscribed(subscriber):
    if isinstance(subscriber, Affiliate):
        return subscriber.is_active
    return subscriber.receives_digest and subscriber.is_active


@task()
def send_digest_batch(delivery_ids):
    """Send one batch of a digest, in the background (Digest.send_new queues them)."""
    DigestDelivery.objects.filter(pk__in=delivery_ids).send()
