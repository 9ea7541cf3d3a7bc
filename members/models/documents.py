"""Members' documents: what staff share with members only (General Assembly minutes,
annual reports, internal guidelines, templates), kept in the private storage and served
by a view that checks who asks (members.views.document_file)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cpe_network.lib.text import CleanCharField, require_a_title
from cpe_network.lib.uploads import PrivateStorage, SiteChosenName, validate_pdf

from .directory import Member

FIRST_YEAR = 1990  # the network's documents start after it was founded


def _this_year_and_next():
    return timezone.localdate().year + 1


def validate_document_year(year):
    if not FIRST_YEAR <= year <= _this_year_and_next():
        raise ValidationError(
            _("Give a year between %(first)s and %(last)s."),
            code="year",
            params={"first": FIRST_YEAR, "last": _this_year_and_next()},
        )


class MemberDocumentQuerySet(models.QuerySet):
    def published(self):
        """What members see: published documents, newest year first."""
        return self.filter(is_published=True)


class MemberDocument(models.Model):
    """A document for members only; its title in either or both languages."""

    class Category(models.TextChoices):
        GENERAL_ASSEMBLY = "general-assembly", _("General Assembly minutes")
        ANNUAL_REPORT = "annual-report", _("annual report")
        GUIDELINES = "guidelines", _("internal guidelines")
        TEMPLATE = "template", _("template")

    title = CleanCharField(_("title"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(FIRST_YEAR), validate_document_year],
        help_text=_("The year the document is about (the year of the assembly, of the report)."),
    )
    file = models.FileField(
        _("file (PDF)"),
        upload_to=SiteChosenName("member-documents", "pdf"),
        storage=PrivateStorage(),
        validators=[validate_pdf],
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published documents are shown to members."),
    )
    published_on = models.DateField(_("published on"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MemberDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-published_on", "-pk"]
        indexes = [models.Index(fields=["is_published", "-year", "-published_on"])]
        verbose_name = _("members’ document")
        verbose_name_plural = _("members’ documents")

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("members:document_file", args=[self.pk])

    def clean(self):
        super().clean()
        require_a_title(self)

    @property
    def download_name(self):
        return f"{slugify(self.title) or 'document'}-{self.year}.pdf"

    def is_visible_to(self, user, *, as_staff=True):
        """Members (representatives of an active member) see published documents; staff
        see every one, unpublished ones too; nobody else sees any."""
        if not user.is_authenticated:
            return False
        if user.is_staff and as_staff:
            return True
        return self.is_published and is_member(user)


def is_member(user):
    """Whether `user` may read the members' documents: a representative of an active
    member, or staff."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Member.objects.represented_by(user).filter(status=Member.Status.ACTIVE).exists()
