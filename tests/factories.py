import datetime
import io
from zoneinfo import ZoneInfo

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from members.models import Member, MembershipCategory, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipCategory
        django_get_or_create = ("slug",)

    name_en = "Member organisation"
    name_fr = "Organisation membre"
    slug = "member-organisation"
    description_en = "Full members of the network."
    description_fr = "Les membres à part entière du réseau."


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n:04d}")
    slug = factory.Sequence(lambda n: f"organisation-{n:04d}")
    category = factory.SubFactory(CategoryFactory)
    country = "FR"
    city = "Lyon"
    summary_en = "Supports families visiting a parent in prison."
    summary_fr = "Accompagne les familles qui rendent visite à un parent détenu."
    published = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


def applicant_category():
    """Where approved applicants start (the network's "applicant member")."""
    return CategoryFactory(
        slug="applicant-member",
        name_en="Applicant member",
        name_fr="Membre candidat",
        admission=MembershipCategory.Admission.APPROVED,
    )


def image_file(name="logo.png", size=(300, 200), image_format="PNG", exif=None):
    """A real picture, made in memory."""
    output = io.BytesIO()
    image = Image.new("RGB", size, "#0b5c6b")
    options = {"exif": exif} if exif is not None else {}
    image.save(output, image_format, **options)
    return SimpleUploadedFile(name, output.getvalue(), content_type=f"image/{image_format.lower()}")


def pdf_bytes(padding=0):
    """A real PDF of one blank page, made in memory with pypdf; `padding` bytes of
    metadata make it larger."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Programme", "/Subject": "0" * padding})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def pdf_file(name="report.pdf", size=2000):
    """A real PDF of about `size` bytes (or its smallest size, if more)."""
    padding = max(size - len(pdf_bytes()), 0)
    return SimpleUploadedFile(name, pdf_bytes(padding), content_type="application/pdf")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Post"
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"News {n:04d}")
    title_fr = factory.Sequence(lambda n: f"Actualité {n:04d}")
    slug = factory.Sequence(lambda n: f"news-{n:04d}")
    summary_en = "What happened."
    summary_fr = "Ce qui s’est passé."
    body_en = "Some **news**."
    body_fr = "Une **actualité**."
    status = "published"


class EventFactory(factory.django.DjangoModelFactory):
    """A published event next month, in Paris, 14:00 to 17:00 local time."""

    class Meta:
        model = "news.Event"
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Event {n:04d}")
    title_fr = factory.Sequence(lambda n: f"Événement {n:04d}")
    slug = factory.Sequence(lambda n: f"event-{n:04d}")
    summary_en = "A meeting of members."
    summary_fr = "Une rencontre des membres."
    body_en = "Come **along**."
    body_fr = "Venez **nombreux**."
    status = "published"
    time_zone = "Europe/Paris"
    start = factory.LazyFunction(lambda: _paris(days=30, hour=14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    venue = "Maison des familles"
    city = "Lyon"
    country = "FR"


def _paris(*, days, hour):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZoneInfo("Europe/Paris"))
