"""The home page's words, pictures and the network's contact details: one record that staff
edit in the admin, in both languages (pages/translation.py); and the messages people send
through the contact page."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

from cpe_network.lib import structured_data as jsonld
from cpe_network.lib.antispam import EmailLimit
from cpe_network.lib.images import WebImage
from cpe_network.lib.text import CleanCharField, CleanTextField
from outbox.mail import send_templated


class HomePage(WebImage):
    """The one home page (pk 1): `HomePage.load()` reads it, cached until staff save it."""

    MEDIA_FOLDER = "home"
    WEB_SIZE = (1200, 800)
    CACHE_KEY = "pages:home-page"

    title = CleanCharField(_("opening title"), max_length=200)
    intro = CleanTextField(_("opening words"), max_length=1000)
    block_1_title = CleanCharField(_("first block: title"), max_length=100)
    block_1_text = CleanTextField(_("first block: text"), max_length=600)
    block_2_title = CleanCharField(_("second block: title"), max_length=100)
    block_2_text = CleanTextField(_("second block: text"), max_length=600)
    block_3_title = CleanCharField(_("third block: title"), max_length=100)
    block_3_text = CleanTextField(_("third block: text"), max_length=600)
    featured_post = models.ForeignKey(
        "news.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured member story"),
        help_text=_("A published news post, shown on the home page while it is public."),
    )
    featured_practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured practice"),
        help_text=_("A published practice, shown on the home page while it is public."),
    )
    # The secretariat, shown on the contact page and at the foot of every page.
    address = CleanTextField(_("postal address"), max_length=400, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = CleanCharField(_("phone"), max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("home page and contact details")
        verbose_name_plural = _("home page and contact details")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="one_home_page")]

    def __str__(self):
        return str(self._meta.verbose_name)

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    # Uploads are served to everyone (pages.views.media).
    is_public = True

    def is_visible_to(self, user, *, as_staff=False):
        return True

    def shown_language(self, field):
        """The language `field` is shown in: the current one, or its fallback's."""
        current = get_language()
        for code in resolution_order(current):
            if getattr(self, build_localized_fieldname(field, code), None):
                return code
        return current

    @property
    def blocks(self):
        """The "what the network does" blocks that have a title, each with the language
        its title and text are shown in (the current one, or the fallback's)."""
        return [
            {
                "title": getattr(self, f"block_{n}_title"),
                "text": getattr(self, f"block_{n}_text"),
                "title_language": self.shown_language(f"block_{n}_title"),
                "text_language": self.shown_language(f"block_{n}_text"),
            }
            for n in (1, 2, 3)
            if getattr(self, f"block_{n}_title")
        ]

    def structured_data(self):
        """The home page's JSON-LD: the network as an Organization (schema.org), with
        the secretariat's contact details where staff gave them. Other pages name it by
        its @id (cpe_network.lib.structured_data.network)."""
        address = ", ".join(line.strip() for line in self.address.splitlines() if line.strip())
        return {
            **jsonld.network(full=True),
            "description": self.intro,
            "image": jsonld.file_url(self.image_web),
            "email": self.email,
            "telephone": self.phone,
            "address": address,
        }

    @classmethod
    def load(cls):
        """The home page record, or an unsaved empty one before setup_network made it."""
        return cache.get_or_set(cls.CACHE_KEY, lambda: cls.objects.filter(pk=1).first() or cls())


class ContactMessage(models.Model):
    """A message sent through the contact page: stored, then relayed to the staff who
    answer it (relay)."""

    class Kind(models.TextChoices):
        FAMILY = "family", _("A family")
        PROFESSIONAL = "professional", _("A professional")
        JOURNALIST = "journalist", _("A journalist")
        RESEARCHER = "researcher", _("A researcher")
        OTHER = "other", _("Other")

    kind = models.CharField(_("who writes"), max_length=20, choices=Kind.choices)
    subject = CleanCharField(_("subject"), max_length=200)
    message = CleanTextField(_("message"), max_length=4000)
    reply_email = models.EmailField(_("reply address"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["handled", "-created_at"])]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        """Its page in the admin: a message is for staff only."""
        return reverse("admin:pages_contactmessage_change", args=[self.pk])

    def relay(self):
        """Queue the message for the staff who answer it, each in their language, with the
        sender's address to reply to; and the sender's acknowledgement, in the language
        they wrote in, when they gave an address."""
        context = {"contact": self, "admin_link": settings.SITE_URL + self.get_absolute_url()}
        headers = {"Reply-To": self.reply_email} if self.reply_email else None
        for address, language in contact_recipients().items():
            send_templated(
                "pages/email/contact_staff_notice",
                to=address,
                language=language,
                context=context,
                headers=headers,
            )
        # At most three a day to one address, and without the message's text: the
        # form cannot be used to send someone else's words to any inbox.
        if self.reply_email and EmailLimit("contact", self.reply_email).take(allowed=3):
            send_templated(
                "pages/email/contact_received",
                to=self.reply_email,
                language=self.language,
                context={"contact": self},
            )


def contact_recipients():
    """{address: language} of whoever answers contact messages: active staff who may
    see them (the membership secretary's role), each in their own language, and the
    secretariat's addresses (STAFF_NOTIFICATION_EMAILS), in a known staff member's
    language, else the site's."""
    User = get_user_model()
    may_read = Q(
        groups__permissions__codename="view_contactmessage",
        groups__permissions__content_type__app_label="pages",
    ) | Q(
        user_permissions__codename="view_contactmessage",
        user_permissions__content_type__app_label="pages",
    )
    staff = User.objects.filter(may_read, is_active=True, is_staff=True).exclude(email="")
    recipients = {person.email.lower(): (person.email, person.language) for person in staff}
    for address in settings.STAFF_NOTIFICATION_EMAILS:
        known = User.objects.filter(email__iexact=address, is_staff=True).first()
        language = known.language if known else settings.LANGUAGE_CODE
        recipients.setdefault(address.lower(), (address, language))
    return dict(recipients.values())
