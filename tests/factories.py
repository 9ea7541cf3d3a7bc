"""One factory for each model the tests build, and pictures and PDFs made in memory.

A factory's defaults are plain and valid; a test names the values its assertions read,
e.g. `MemberFactory(name="Relais Lyon", slug="relais-lyon")`."""

import datetime
import io
from zoneinfo import ZoneInfo

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from members.models import MembershipCategory

# Every account the factories make signs in with this password.
PASSWORD = "a-long-and-unusual-passphrase"


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


# People.


class UserFactory(factory.django.DjangoModelFactory):
    """A person who signs in with PASSWORD, named after their address
    (`UserFactory(email="camille@example.org")` is "camille"). Their address is
    confirmed, as allauth needs before it lets anyone in, unless `verified=False`.
    `password=None` makes an account without a usable password, and no slow hashing."""

    class Meta:
        model = "members.User"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.LazyAttribute(lambda user: user.email.split("@")[0])
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=self, email=self.email, verified=extracted is not False, primary=True
            )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)


class AffiliateFactory(factory.django.DjangoModelFactory):
    """Someone who asked for the network's news and agreed to the privacy notice; with
    `confirmed=True`, they confirmed their address and receive the news."""

    class Meta:
        model = "members.Affiliate"

    class Params:
        confirmed = factory.Trait(confirmed_at=factory.LazyFunction(timezone.now))

    name = "Sam Lee"
    email = factory.Sequence(lambda n: f"affiliate{n}@example.org")
    country = "IE"
    language = "en"
    consent = True


# The directory.


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.Topic"
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    """The network's "member organisation", which organisations apply for."""

    class Meta:
        model = "members.MembershipCategory"
        django_get_or_create = ("slug",)

    name_en = "Member organisation"
    name_fr = "Organisation membre"
    slug = "member-organisation"
    description_en = "Full members of the network."
    description_fr = "Les membres à part entière du réseau."


def applicant_category():
    """Where approved applicants start (the network's "applicant member")."""
    return CategoryFactory(
        slug="applicant-member",
        name_en="Applicant member",
        name_fr="Membre candidat",
        admission=MembershipCategory.Admission.APPROVED,
    )


class MemberFactory(factory.django.DjangoModelFactory):
    """A published member organisation in Lyon; `topics=[…]` and `representatives=[…]`
    set those lists."""

    class Meta:
        model = "members.Member"
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

    @factory.post_generation
    def representatives(self, create, extracted, **kwargs):
        if create and extracted:
            self.representatives.set(extracted)


class CategoryChangeFactory(factory.django.DjangoModelFactory):
    """A member's move into a category, today."""

    class Meta:
        model = "members.CategoryChange"

    member = factory.SubFactory(MemberFactory)
    to_category = factory.SubFactory(CategoryFactory)
    changed_on = factory.LazyFunction(timezone.localdate)


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation to represent a member, in English."""

    class Meta:
        model = "members.Invitation"

    member = factory.SubFactory(MemberFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    language = "en"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """Lien Familial's application, in French, with its three documents, as received."""

    class Meta:
        model = "members.Application"

    organisation = "Lien Familial"
    country = "BE"
    city = "Liège"
    legal_status = "association"
    year_founded = 2001
    work = "Visits."
    category = factory.SubFactory(CategoryFactory)
    contact_name = "Marie Dupont"
    contact_role = "Directrice"
    contact_email = "marie@lien.example"
    language = "fr"
    annual_report_1 = factory.LazyFunction(pdf_file)
    annual_report_2 = factory.LazyFunction(pdf_file)
    reference_letter = factory.LazyFunction(pdf_file)
    consent = True


# News and events.


class PublicationFactory(factory.django.DjangoModelFactory):
    """A published item, written in both languages: "<noun_en> 0001", "<noun_fr> 0001",
    at "<slug_prefix>-0001" in both; each kind names its nouns."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        noun_en = noun_fr = slug_prefix = None

    title_en = factory.LazyAttributeSequence(lambda item, n: f"{item.noun_en} {n:04d}")
    title_fr = factory.LazyAttributeSequence(lambda item, n: f"{item.noun_fr} {n:04d}")
    slug = factory.LazyAttributeSequence(lambda item, n: f"{item.slug_prefix}-{n:04d}")
    summary_en = "In short."
    summary_fr = "En bref."
    body_en = "Some **text**."
    body_fr = "Un **texte**."
    status = "published"

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """`slug` is the address in both languages, unless `slug_en` or `slug_fr` is
        given (an empty one is made from the title when the item is saved)."""
        slug = kwargs.pop("slug")
        for code, _name in settings.LANGUAGES:
            kwargs.setdefault(f"slug_{code}", slug)
        return kwargs

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class PostFactory(PublicationFactory):
    class Meta:
        model = "news.Post"

    class Params:
        noun_en, noun_fr, slug_prefix = "News", "Actualité", "news"


def _paris(*, days, hour):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZoneInfo("Europe/Paris"))


class EventFactory(PublicationFactory):
    """A published event next month, in Lyon, 14:00 to 17:00 Paris time."""

    class Meta:
        model = "news.Event"

    class Params:
        noun_en, noun_fr, slug_prefix = "Event", "Événement", "event"

    time_zone = "Europe/Paris"
    start = factory.LazyFunction(lambda: _paris(days=30, hour=14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    venue = "Maison des familles"
    city = "Lyon"
    country = "FR"


class EventDocumentFactory(factory.django.DjangoModelFactory):
    """An event's programme, a PDF, titled the same in both languages."""

    class Meta:
        model = "news.EventDocument"

    event = factory.SubFactory(EventFactory)
    title_en = "Programme"
    title_fr = factory.SelfAttribute("title_en")
    file = factory.LazyFunction(pdf_file)


# Practices.


class PracticeFactory(PublicationFactory):
    """A published programme in France, since 2015, for children of 6 to 11 visiting a
    parent in prison, delivered by an NGO; promising, after a before-after study."""

    class Meta:
        model = "practices.Practice"

    class Params:
        noun_en, noun_fr, slug_prefix = "Practice", "Pratique", "practice"

    kind = "programme"
    countries = ["FR"]
    start_year = 2015
    age_groups = ["6-11"]
    setting = ["prison"]
    providers = ["ngo"]
    rating = "promising"
    # The evaluation its rating rests on (Practice.evidence_errors).
    evaluation = factory.LazyAttribute(lambda practice: evaluation_for(practice.rating))
    findings_en = "Children felt closer to their parent."
    findings_fr = "Les enfants se sentaient plus proches de leur parent."


def evaluation_for(rating):
    """An evaluation that fits `rating`: a before-after study, unless the rating needs
    a controlled study (well supported) or none (not evaluated)."""
    return {"well-supported": "controlled", "not-evaluated": "none"}.get(rating, "before-after")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practices.Source"

    practice = factory.SubFactory(PracticeFactory)
    title = factory.Sequence(lambda n: f"Evaluation report {n:04d}")
    year = 2019
    url = "https://example.org/report.pdf"


class AdaptationFactory(factory.django.DjangoModelFactory):
    """A published adaptation in Belgium, in 2020."""

    class Meta:
        model = "practices.Adaptation"

    practice = factory.SubFactory(PracticeFactory)
    country = "BE"
    year = 2020
    changes_en = "Run by volunteers."
    changes_fr = "Animé par des bénévoles."
    outcome_en = "Families came back."
    outcome_fr = "Les familles sont revenues."
    status = "published"


def bulk_practices(count, *, start=0, topics=(), **values):
    """`count` published practices made at once, for lists of thousands: "Bulk practice
    00000"… at "bulk-00000"…, the newest first, with `values` for each (their defaults
    are PracticeFactory's) and tagged with `topics`. `used_in`, `several_countries` and
    `evidence_rank` are set as saving would set them."""
    from practices.models import Practice

    values = {
        "kind": "programme",
        "countries": ["FR"],
        "start_year": 2015,
        "age_groups": ["6-11"],
        "setting": ["prison"],
        "providers": ["ngo"],
        "rating": "promising",
        "status": "published",
        **values,
    }
    values.setdefault("evaluation", evaluation_for(values["rating"]))
    values.setdefault("used_in", values["countries"])
    values.setdefault(
        "several_countries",
        Practice.reaches_several(values["used_in"], values.get("worldwide", False)),
    )
    values.setdefault("evidence_rank", Practice.rank_of(values["rating"]))
    now = timezone.now()
    practices = Practice.objects.bulk_create(
        Practice(
            title_en=f"Bulk practice {n:05d}",
            title_fr=f"Pratique en nombre {n:05d}",
            slug=f"bulk-{n:05d}",
            summary_en="In short.",
            summary_fr="En bref.",
            publish_at=now - datetime.timedelta(minutes=n + 1),
            **values,
        )
        for n in range(start, start + count)
    )
    Practice.topics.through.objects.bulk_create(
        Practice.topics.through(practice_id=practice.pk, topic_id=topic.pk)
        for practice in practices
        for topic in topics
    )
    return practices


# The site.


class FlatPageFactory(factory.django.DjangoModelFactory):
    """One of the network's pages, on this site, in English."""

    class Meta:
        model = "flatpages.FlatPage"
        skip_postgeneration_save = True

    url_en = factory.Sequence(lambda n: f"/page-{n}/")
    title_en = factory.Sequence(lambda n: f"Page {n}")

    @factory.post_generation
    def sites(self, create, extracted, **kwargs):
        if create:
            self.sites.add(Site.objects.get_current())


class HomePageFactory(factory.django.DjangoModelFactory):
    """The one home page record (pk 1), in English; pass `_fr` fields for French."""

    class Meta:
        model = "pages.HomePage"

    title_en = "Children of imprisoned parents matter"
    intro_en = "A network of people who help them."
    block_1_title_en = "Connecting"
    block_1_text_en = "People meet."
    block_2_title_en = "Sharing"
    block_2_text_en = "Practice travels."
    block_3_title_en = "Speaking up"
    block_3_text_en = "Children are heard."


class OutboundEmailFactory(factory.django.DjangoModelFactory):
    """An email the site stored to send, in English."""

    class Meta:
        model = "outbox.OutboundEmail"

    to = factory.Sequence(lambda n: f"recipient{n}@example.org")
    subject = "Hello"
    body = "Text"
    language = "en"


class ContactMessageFactory(factory.django.DjangoModelFactory):
    """A message from the contact page, by a family, in English, with a reply address."""

    class Meta:
        model = "pages.ContactMessage"

    kind = "family"
    subject = "Visiting my father"
    message = "How can my children visit their father in prison?"
    reply_email = "family@example.org"
    language = "en"


class MemberDocumentFactory(factory.django.DjangoModelFactory):
    """Published minutes of a General Assembly, titled in both languages, with a PDF."""

    class Meta:
        model = "members.MemberDocument"

    title_en = factory.Sequence(lambda n: f"General Assembly minutes {n:04}")
    title_fr = factory.Sequence(lambda n: f"Procès-verbal de l’assemblée générale {n:04}")
    category = "general-assembly"
    year = 2025
    file = factory.LazyFunction(pdf_file)
    is_published = True


class CallFactory(factory.django.DjangoModelFactory):
    """An open, public call for partners from a new member, in both languages, closing
    in a month."""

    class Meta:
        model = "collaboration.Call"
        skip_postgeneration_save = True

    member = factory.SubFactory(MemberFactory)
    kind = "partners"
    title_en = factory.Sequence(lambda n: f"Partners wanted for a visiting project {n:04}")
    title_fr = factory.Sequence(
        lambda n: f"Partenaires recherchés pour un projet de visites {n:04}"
    )
    description_en = "We look for two organisations to run family visits with us."
    description_fr = (
        "Nous cherchons deux organisations pour mener avec nous des visites en famille."
    )
    languages = ["en", "fr"]
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    is_public = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class ReplyFactory(factory.django.DjangoModelFactory):
    """Another member's "we're interested" to a call."""

    class Meta:
        model = "collaboration.Reply"

    call = factory.SubFactory(CallFactory)
    member = factory.SubFactory(MemberFactory)
    message = "We run visits in two prisons and would like to join."
    email = factory.Sequence(lambda n: f"replier{n}@example.org")


class ContactPersonFactory(UserFactory):
    """A representative shown to other members as a contact person, with a name, a role
    and the languages they speak (add them to a member's representatives)."""

    first_name = "Sophie"
    last_name = factory.Sequence(lambda n: f"Martin {n:04}")
    role = "Project coordinator"
    spoken_languages = factory.LazyFunction(lambda: ["fr", "en"])
    shown_to_members = True


class MemberMessageFactory(factory.django.DjangoModelFactory):
    """A message from one member's representative to another member's contact person."""

    class Meta:
        model = "members.MemberMessage"

    sender = factory.SubFactory(UserFactory)
    recipient = factory.SubFactory(ContactPersonFactory)
    member = factory.SubFactory(MemberFactory)
    message = "Would you join our project on prison visits?"
    reply_email = "sender@example.org"


def bulk_calls(count, *, member, start=0, topics=(), **values):
    """`count` open calls made at once, for lists of thousands: "Bulk call 00000"… at
    "bulk-call-00000"…, from `member`, closing one day after another from tomorrow (or
    all on `deadline`), with `values` for each (their defaults are CallFactory's) and
    tagged with `topics`. No signal is sent: pagecache.changed() says they are new."""
    from collaboration.models import Call

    values = {
        "kind": "partners",
        "description_en": "We look for partners.",
        "description_fr": "Nous cherchons des partenaires.",
        "languages": ["en", "fr"],
        "is_public": True,
        **values,
    }
    today = timezone.localdate()
    deadline = values.pop("deadline", None)
    calls = Call.objects.bulk_create(
        Call(
            member=member,
            title_en=f"Bulk call {n:05d}",
            title_fr=f"Appel en nombre {n:05d}",
            slug=f"bulk-call-{n:05d}",
            deadline=deadline or today + datetime.timedelta(days=1 + n % 300),
            **values,
        )
        for n in range(start, start + count)
    )
    Call.topics.through.objects.bulk_create(
        Call.topics.through(call_id=call.pk, topic_id=topic.pk)
        for call in calls
        for topic in topics
    )
    return calls
