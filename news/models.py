from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from cpe_network.lib.images import rendition, validate_image
from cpe_network.lib.text import to_safe_html
from members.models import Member, Topic

IMAGE_SIZE = (1200, 675)


class PostQuerySet(models.QuerySet):
    def published(self):
        """Published, and due: a post dated in the future appears by itself then."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=timezone.now())

    def filter_by(self, filters):
        posts = self
        if topic := filters.get("topic"):
            posts = posts.filter(
                pk__in=Post.topics.through.objects.filter(topic__slug=topic).values("post_id")
            )
        if country := filters.get("country"):
            posts = posts.filter(countries__contains=country)
        if member := filters.get("member"):
            posts = posts.filter(
                pk__in=Post.members.through.objects.filter(member__slug=member).values("post_id")
            )
        return posts


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", pgettext_lazy("post status", "submitted")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Markdown: ## heading, **bold**, *italic*, - list, > quote, [link](https://…). "
            "Any other HTML is removed."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    image = models.ImageField(
        _("image"), upload_to="news/originals/", blank=True, validators=[validate_image]
    )
    image_web = models.ImageField(
        upload_to="news/",
        blank=True,
        editable=False,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="posts", verbose_name=_("topics")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    members = models.ManyToManyField(
        Member, blank=True, related_name="posts", verbose_name=_("related members")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish on"),
        default=timezone.now,
        db_index=True,
        help_text=_("A date in the future schedules the post."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at"]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for code, _name in settings.LANGUAGES:
            source = getattr(self, f"body_{code}")
            setattr(self, f"body_html_{code}", to_safe_html(source) if source else "")
        if self.image and not self.image._committed:
            self.image_web = rendition(self.image.file, IMAGE_SIZE, self.slug or "image")
            self.image = rendition(self.image.file, (1600, 1600), self.slug or "image")
        elif not self.image:
            self.image_web = ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()
