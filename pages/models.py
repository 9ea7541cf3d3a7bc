"""The home page's words, pictures and the network's contact details: one record that staff
edit in the admin, in both languages (pages/translation.py)."""

from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

from cpe_network.lib.images import picture, rendition, validate_image
from cpe_network.lib.text import CleanCharField, CleanTextField
from cpe_network.lib.uploads import SiteChosenName

IMAGE_SIZE = (1200, 800)


class HomePage(models.Model):
    """The one home page (pk 1): `HomePage.load()` reads it, cached until staff save it."""

    MEDIA_FOLDER = "home"
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
    image = models.ImageField(
        _("image"),
        upload_to=SiteChosenName("{model.MEDIA_FOLDER}/originals", "webp"),
        blank=True,
        validators=[validate_image],
        help_text=_("Replaces the site's own illustration. No photograph of a child."),
    )
    image_web = models.ImageField(
        upload_to=SiteChosenName("{model.MEDIA_FOLDER}", "webp"),
        blank=True,
        editable=False,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, editable=False)
    image_alt = CleanCharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
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
        if self.image and not self.image._committed:
            master = picture(self.image.file, (1600, 1600))
            self.image_web = rendition(master, IMAGE_SIZE)
            self.image = rendition(master, (1600, 1600))
        elif not self.image:
            self.image_web = ""
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

    @classmethod
    def load(cls):
        """The home page record, or an unsaved empty one before setup_network made it."""
        return cache.get_or_set(cls.CACHE_KEY, lambda: cls.objects.filter(pk=1).first() or cls())
