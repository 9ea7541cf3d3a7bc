"""Demo members for `seed_demo`: categories, topics, about sixty fictional members with
generated logos, and as many synthetic ones as asked for scale tests.

The content is data, in demo_data/*.json beside this module; here is only how it becomes
rows. Every organisation and person there is invented; any likeness to a real one is
unintended. Websites and email addresses use the reserved .example domain, and phone
numbers are zeros after the country and area codes. Members whose `_fr` texts are empty
show the English fallback in French, and the two with empty `_en` texts the other way round.
"""

import io
import json
import random
from datetime import date
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfWriter

from cpe_network.lib.places import city_names

from .models import (
    Affiliate,
    Application,
    CategoryChange,
    Member,
    MemberDocument,
    MembershipCategory,
    Topic,
    User,
)
from .network import create_categories

DATA = Path(__file__).resolve().parent / "demo_data"
TILE_COLOURS = ["#0b5c6b", "#7a3e9d", "#b43c0a", "#1e6b34", "#8a6d00", "#1f4e8c", "#a3294f"]


def demo_data(name):
    """The entries of one demo data file, e.g. `demo_data("members")`."""
    with (DATA / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def logo_for(initials, seed):
    """A simple logo: initials on a coloured tile (never a photograph)."""
    colour = TILE_COLOURS[seed % len(TILE_COLOURS)]
    image = Image.new("RGB", (320, 320), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=120 if len(initials) < 3 else 96)
    draw.ellipse((24, 24, 296, 296), outline="white", width=10)
    draw.text((160, 164), initials, fill="white", font=font, anchor="mm")
    output = io.BytesIO()
    image.save(output, "PNG")
    return ContentFile(output.getvalue(), name=f"logo-{seed}.png")


@transaction.atomic
def seed_members(extra=0):
    """Create what is missing; never change what staff may have edited. Returns the
    number of members created."""
    categories = demo_categories()
    topics = {}
    for data in demo_data("topics"):
        topic, _ = Topic.objects.get_or_create(slug=data["slug"], defaults=_without(data, "slug"))
        topics[topic.slug] = topic

    created = 0
    existing = set(Member.objects.values_list("slug", flat=True))
    members = demo_data("members")
    for index, data in enumerate(members):
        if data["slug"] in existing:
            continue
        member = Member(
            category=categories[data["category"]],
            joined_on=date.fromisoformat(data["joined_on"]),
            category_since=date.fromisoformat(data["category_since"]),
            funding_sources_en=data["funding_en"],
            funding_sources_fr=data["funding_fr"],
            profile_confirmed_on=date(2026, 1 + index % 10, 1 + index % 27) if index % 3 else None,
            **city_names(data["city"]),
            **_without(
                data,
                "city",
                "category",
                "topics",
                "joined_on",
                "category_since",
                "funding_en",
                "funding_fr",
            ),
        )
        if index % 4 != 3:
            member.logo = logo_for(member.initials, index)
        member.save()
        member.topics.set([topics[slug] for slug in data["topics"]])
        _history(member, categories)
        created += 1
    countries = sorted({data["country"] for data in members})
    return created + _synthetic(extra, categories, list(topics.values()), countries)


def demo_categories():
    """The network's categories (setup_network makes them), under the names the demo data
    uses, found by what they are for, whatever staff have called them."""
    create_categories()
    invitation = MembershipCategory.Admission.INVITATION
    return {
        "member-organisation": MembershipCategory.objects.open_to_applications().first(),
        "applicant-member": MembershipCategory.objects.for_approved_applicants(),
        "individual-member": MembershipCategory.objects.filter(admission=invitation).first(),
    }


def seed_representatives(password):
    """Demo representatives, able to sign in at once. Returns their addresses."""
    seeded = []
    for data in demo_data("representatives"):
        member = Member.objects.filter(slug=data["member"]).first()
        if member is None:
            continue
        user, created = User.objects.get_or_create(
            email=data["email"],
            defaults={
                "username": data["email"].split("@")[0],
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "language": data["language"],
                # Shown to other members as contact persons (they agreed, in the demo).
                "role": data.get("role", ""),
                "spoken_languages": data.get("spoken_languages", []),
                "shown_to_members": data.get("shown_to_members", False),
            },
        )
        if created:
            user.set_password(password)
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        member.representatives.add(user)
        seeded.append(f"{user.email} ({member.name})")
    return seeded


def seed_applications():
    """A few applications in each status, with small PDF documents."""
    category = demo_categories()["member-organisation"]
    created = 0
    for data in demo_data("applications"):
        name, status = data["organisation"], data["status"]
        if Application.objects.filter(organisation=name).exists():
            continue
        pdf = b"%PDF-1.4\n% demo document\n%%EOF\n"
        Application.objects.create(
            organisation=name,
            country=data["country"],
            city=data["city"],
            legal_status="association",
            year_founded=2015,
            work=data["work"],
            category=category,
            contact_name="Alex Demo",
            contact_role=data["contact_role"],
            contact_email=f"{slugify(name)}@example.org",
            language=data["language"],
            annual_report_1=ContentFile(pdf, name="annual-report-1.pdf"),
            annual_report_2=ContentFile(pdf, name="annual-report-2.pdf"),
            reference_letter=ContentFile(pdf, name="reference-letter.pdf"),
            consent=True,
            status=status,
            # In the applicant's language, as the email that carries it.
            decision_note=data["decision_note"],
        )
        created += 1
    for data in demo_data("affiliates"):
        Affiliate.objects.get_or_create(
            email=data["email"],
            defaults={
                "name": data["name"],
                "organisation": data["organisation"],
                "country": data["country"],
                "language": data["language"],
                "consent": True,
                "confirmed_at": timezone.now() if data["confirmed"] else None,
            },
        )
    return created


def _without(data, *keys):
    return {key: value for key, value in data.items() if key not in keys}


def _history(member, categories):
    """Applicants joined as such; full members were applicants first."""
    if member.category == categories["member-organisation"]:
        CategoryChange.objects.create(
            member=member, to_category=categories["applicant-member"], changed_on=member.joined_on
        )
        CategoryChange.objects.create(
            member=member,
            from_category=categories["applicant-member"],
            to_category=member.category,
            changed_on=member.category_since,
            note="Confirmed by the board.",
        )
    else:
        CategoryChange.objects.create(
            member=member, to_category=member.category, changed_on=member.category_since
        )


def _synthetic(count, categories, topics, countries):
    """Plain members in bulk, for measuring pages with a large directory."""
    if not count:
        return 0
    # Repeatable filler for demonstrations and measurements, not a secret.
    rng = random.Random(count)  # nosec B311
    start = Member.objects.filter(slug__startswith="synthetic-member-").count()
    members = [
        Member(
            name=f"Synthetic member {number:05d}",
            slug=f"synthetic-member-{number:05d}",
            sort_name=f"synthetic member {number:05d}",
            category=categories[rng.choice(["member-organisation", "applicant-member"])],
            country=rng.choice(countries),
            city_en="Testville",
            city_fr="Testville",
            summary_en="A synthetic member, made to measure pages with many members.",
            summary_fr=(
                "Un membre fictif, créé pour mesurer les pages qui comptent de nombreux membres."
            ),
            setting=rng.choice(["prison", "community", "both"]),
            published=True,
        )
        for number in range(start + 1, start + count + 1)
    ]
    Member.objects.bulk_create(members, batch_size=500)
    through = Member.topics.through
    saved = Member.objects.filter(slug__in=[m.slug for m in members]).values_list("pk", flat=True)
    through.objects.bulk_create(
        [through(member_id=pk, topic_id=rng.choice(topics).pk) for pk in saved], batch_size=500
    )
    return count


MEMBER_DOCUMENTS = [
    # (category, year, English title, French title)
    (
        "general-assembly",
        2025,
        "General Assembly 2025: minutes",
        "Assemblée générale 2025 : procès-verbal",
    ),
    (
        "general-assembly",
        2024,
        "General Assembly 2024: minutes",
        "Assemblée générale 2024 : procès-verbal",
    ),
    ("annual-report", 2024, "Annual report 2024", "Rapport annuel 2024"),
    ("guidelines", 2025, "Guidelines for sharing children’s stories", ""),
    (
        "template",
        2025,
        "Template: letter to a prison director",
        "Modèle : lettre à une direction de prison",
    ),
]


def _demo_pdf():
    """A real one-page PDF, made in memory (the upload checks would accept it)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    content = io.BytesIO()
    writer.write(content)
    return content.getvalue()


def seed_member_documents():
    """A few published members' documents (one titled in English only); safe to repeat."""
    created = 0
    for category, year, title_en, title_fr in MEMBER_DOCUMENTS:
        if MemberDocument.objects.filter(title_en=title_en).exists():
            continue
        MemberDocument.objects.create(
            title_en=title_en,
            title_fr=title_fr,
            category=category,
            year=year,
            file=ContentFile(_demo_pdf(), name="document.pdf"),
            is_published=True,
            published_on=date(year, 12, 1)
            if year < timezone.localdate().year
            else timezone.localdate(),
        )
        created += 1
    return created
