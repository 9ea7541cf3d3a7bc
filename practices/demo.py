"""Demo practices for `seed_demo`: about fifty fictional practices of every kind and
rating, in many countries (some worldwide, some written in one language only), ten of
them adapted in other countries; and as many synthetic ones as asked for scale tests.

The content is data, in demo_data/practices.json beside this module; here is only how it
becomes rows. Every organisation, place, study and law there is invented; links use the
reserved example.org domain. Entries with an empty `_fr` (or `_en`) text are written in
one language only."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from members.models import Member, Topic

from .models import Adaptation, Practice, Source

DATA = Path(__file__).resolve().parent / "demo_data"
LANGUAGES = ("en", "fr")
# What a demo entry gives the Practice row as it is.
FIELDS = [
    "slug",
    "kind",
    "worldwide",
    "start_year",
    "end_year",
    "age_groups",
    "setting",
    "providers",
    "link",
    "rating",
    "evaluation",
    *[f"{text}_{code}" for text in ("title", "summary", "body", "findings") for code in LANGUAGES],
]
ADAPTATION_FIELDS = ["country", "year", "changes_en", "changes_fr", "outcome_en", "outcome_fr"]
SYNTHETIC_PREFIX = "synthetic-practice-"


def demo_practices(name="practices"):
    """The entries of a demo data file: demo_data/practices.json, or submissions.json
    (what the demo representative sent, waiting for an editor)."""
    with (DATA / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


@transaction.atomic
def seed_practices(extra=0):
    """Create the demo practices that are missing, never changing what staff may have
    edited; then `extra` synthetic ones. Returns the number of practices created."""
    return _demo() + _synthetic(extra)


def seed_practice_submissions():
    """What the demo representative sent from the portal: a practice waiting for an
    editor. (An adaptation waiting for one is among the demo practices'.) Returns the
    number created."""
    from members.models import User

    person = User.objects.filter(email="rep@example.org").first()
    return _demo("submissions", status=Practice.Status.SUBMITTED, author=person)


def _demo(name="practices", *, status=Practice.Status.PUBLISHED, author=None):
    entries = demo_practices(name)
    existing = set(
        Practice.objects.filter(slug__in=[data["slug"] for data in entries]).values_list(
            "slug", flat=True
        )
    )
    wanted = {data["member"] for data in entries} | {
        adaptation["member"] for data in entries for adaptation in data["adaptations"]
    }
    members = Member.objects.in_bulk([slug for slug in wanted if slug], field_name="slug")
    topics = Topic.objects.in_bulk(field_name="slug")
    now = timezone.now()
    created = 0
    for number, data in enumerate(entries):
        if data["slug"] in existing:
            continue
        member = members.get(data["member"])
        published = status == Practice.Status.PUBLISHED
        publish_at = now - timedelta(days=2 + 13 * number, hours=number)
        practice = Practice(
            countries=data["countries"],
            status=status,
            publish_at=publish_at,
            # Shared by a member from the portal, or written by staff (no member).
            submitted_by=member,
            author=author,
            sender_told_at=publish_at if member and published else None,
            **{field: data[field] for field in FIELDS},
        )
        practice.save()
        practice.topics.set([topics[slug] for slug in data["topics"] if slug in topics])
        if member:
            practice.members.add(member)
        Source.objects.bulk_create(
            Source(
                practice=practice,
                title=source["title"],
                language=source.get("language", "en"),
                year=source["year"],
                url=source["url"],
            )
            for source in data["sources"]
        )
        for adaptation in data["adaptations"]:
            by = members.get(adaptation["member"])
            # Published, unless it waits for an editor.
            waiting = adaptation.get("status", "published") != Adaptation.Status.PUBLISHED
            Adaptation(
                practice=practice,
                member=by,
                submitted_by=by,
                status=Adaptation.Status.SUBMITTED if waiting else Adaptation.Status.PUBLISHED,
                sender_told_at=publish_at if by and not waiting else None,
                **{field: adaptation[field] for field in ADAPTATION_FIELDS},
            ).save()  # and the practice's reach with it
        created += 1
    return created


# Synthetic practices: words to vary their titles, and where they are used.
SUBJECTS = [
    ("visits for young children", "les visites des jeunes enfants"),
    ("video calls from prison", "les appels vidéo depuis la prison"),
    ("letters and recorded stories", "les lettres et les histoires enregistrées"),
    ("support at school", "le soutien à l’école"),
    ("the day of the arrest", "le jour de l’arrestation"),
    ("children in court", "les enfants au tribunal"),
    ("peer groups for teenagers", "les groupes de pairs pour adolescents"),
    ("support for carers", "le soutien aux adultes qui s’occupent des enfants"),
    ("the parent's release", "la sortie du parent"),
    ("babies and mothers in prison", "les bébés et les mères détenues"),
    ("stigma and the media", "la stigmatisation et les médias"),
    ("training professionals", "la formation des professionnels"),
]
EUROPE = (
    "AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LT LU LV MT NL NO PL PT RO RS SE SI"
    " SK UA"
)
COUNTRIES = f"{EUROPE} AU BR CA KE NZ US ZA".split()
RATING_WEIGHTS = {
    "well-supported": 10,
    "promising": 25,
    "mixed": 15,
    "did-not-work": 8,
    "not-evaluated": 42,
}

FINDINGS = {
    "well-supported": (
        "Children did better than those in the comparison group.",
        "Les enfants allaient mieux que ceux du groupe de comparaison.",
    ),
    "promising": ("Families felt it helped.", "Les familles s’en disaient aidées."),
    "mixed": ("It helped some children only.", "Elle n’a aidé que certains enfants."),
    "did-not-work": ("Children did no better.", "Les enfants n’allaient pas mieux."),
    "not-evaluated": ("", ""),
}


def _synthetic(count):
    """Plain practices in bulk, for measuring the list, its facets and the overview of
    the evidence with many rows. bulk_create skips save(), so what save() and
    update_reach() keep (the evidence rank, where it is used, whether it was adapted
    elsewhere, whether it is used in several countries) is set here, from the same rules."""
    if not count:
        return 0
    # Repeatable filler for demonstrations and measurements, not a secret.
    rng = random.Random(count)  # nosec B311
    start = Practice.objects.filter(slug__startswith=SYNTHETIC_PREFIX).count()
    topics = list(Topic.objects.values_list("pk", flat=True))
    members = list(Member.objects.listed().order_by("pk").values_list("pk", flat=True)[:300])
    now = timezone.now()
    practices, related, adaptations = [], {}, {}
    for number in range(start + 1, start + count + 1):
        practice, related[number], adaptations[number] = _synthetic_practice(
            number, rng, members, now
        )
        practices.append(practice)
    Practice.objects.bulk_create(practices, batch_size=500)

    pks = dict(
        Practice.objects.filter(slug__startswith=SYNTHETIC_PREFIX)
        .order_by()
        .values_list("slug", "pk")
    )
    topic_rows, member_rows, adaptation_rows = [], [], []
    for practice in practices:
        number, pk = int(practice.slug.removeprefix(SYNTHETIC_PREFIX)), pks[practice.slug]
        topic_rows += [
            Practice.topics.through(practice_id=pk, topic_id=topic)
            for topic in rng.sample(topics, k=min(len(topics), rng.choice([1, 1, 2, 3])))
        ]
        if related[number]:
            member_rows.append(Practice.members.through(practice_id=pk, member_id=related[number]))
        adaptation_rows += [
            Adaptation(practice_id=pk, **adaptation) for adaptation in adaptations[number]
        ]
    Practice.topics.through.objects.bulk_create(topic_rows, batch_size=500)
    Practice.members.through.objects.bulk_create(member_rows, batch_size=500)
    Adaptation.objects.bulk_create(adaptation_rows, batch_size=500)
    return count


def _synthetic_practice(number, rng, members, now):
    """One synthetic practice (unsaved), the member that shared it (or None) and its
    adaptations (the fields of each)."""
    kind = rng.choice(Practice.Kind.values)
    rating = rng.choices(list(RATING_WEIGHTS), weights=list(RATING_WEIGHTS.values()))[0]
    if rating == Practice.Rating.NOT_EVALUATED:
        evaluation = "none"
    elif rating == Practice.Rating.WELL_SUPPORTED:
        evaluation = "controlled"
    else:
        evaluation = rng.choice(["controlled", "before-after", "qualitative"])
    worldwide = rng.random() < 0.05
    own = [] if worldwide else rng.sample(COUNTRIES, k=rng.choices([1, 2, 3], [70, 20, 10])[0])
    subject_en, subject_fr = rng.choice(SUBJECTS)
    language = rng.random()
    english, french = language < 0.85, language >= 0.7  # both, English only or French only
    start_year = rng.randint(1995, 2025)
    member = rng.choice(members) if members and rng.random() < 0.4 else None
    status = (
        Practice.Status.SUBMITTED if member and rng.random() < 0.03 else Practice.Status.PUBLISHED
    )

    adaptations = []
    if not worldwide and rng.random() < 0.18:
        elsewhere = [country for country in COUNTRIES if country not in own]
        for country in rng.sample(elsewhere, k=rng.choice([1, 1, 2, 3])):
            by = rng.choice(members) if members and rng.random() < 0.6 else None
            adaptations.append(
                {
                    "country": country,
                    "year": min(start_year + rng.randint(1, 8), 2026),
                    "member_id": by,
                    "submitted_by_id": by,
                    # A few wait for an editor: they do not count until published.
                    "status": Adaptation.Status.SUBMITTED
                    if by and rng.random() < 0.1
                    else Adaptation.Status.PUBLISHED,
                    "changes_en": "Translated and fitted to the country's rules.",
                    "changes_fr": "Traduit et adapté aux règles du pays.",
                    "outcome_en": "Families took part as in the first country.",
                    "outcome_fr": "Les familles ont participé comme dans le premier pays.",
                }
            )
    elif own and rng.random() < 0.03:  # taken up again in its own country: not "elsewhere"
        adaptations.append(
            {"country": own[0], "year": start_year + 1, "status": Adaptation.Status.PUBLISHED}
        )
    adapted_to = {a["country"] for a in adaptations if a["status"] == Adaptation.Status.PUBLISHED}

    practice = Practice(
        # The same address in both languages: bulk_create skips save().
        slug_en=f"{SYNTHETIC_PREFIX}{number:05d}",
        slug_fr=f"{SYNTHETIC_PREFIX}{number:05d}",
        kind=kind,
        title_en=f"Synthetic {kind} {number:05d} on {subject_en}" if english else "",
        title_fr=f"Pratique fictive {number:05d} sur {subject_fr}" if french else "",
        summary_en="A synthetic practice, made to measure pages with many practices."
        if english
        else "",
        summary_fr="Une pratique fictive, créée pour mesurer les pages qui comptent de nombreuses "
        "pratiques."
        if french
        else "",
        body_en="Text." if english else "",
        body_html_en="<p>Text.</p>" if english else "",
        body_fr="Texte." if french else "",
        body_html_fr="<p>Texte.</p>" if french else "",
        findings_en=FINDINGS[rating][0] if english else "",
        findings_fr=FINDINGS[rating][1] if french else "",
        countries=own,
        worldwide=worldwide,
        start_year=start_year,
        end_year=None if rng.random() < 0.6 else min(start_year + rng.randint(0, 8), 2026),
        age_groups=rng.sample(Practice.AgeGroup.values, k=rng.randint(1, 3)),
        setting=rng.sample(Practice.Setting.values, k=rng.randint(1, 2)),
        providers=rng.sample(Practice.Provider.values, k=rng.randint(1, 2)),
        rating=rating,
        evidence_rank=Practice.rank_of(rating),
        evaluation=evaluation,
        used_in=sorted(set(own) | adapted_to),
        adapted=bool(adapted_to - set(own)),
        several_countries=Practice.reaches_several(set(own) | adapted_to, worldwide),
        status=status,
        submitted_by_id=member,
        publish_at=now - timedelta(hours=2 * number + 1),
    )
    practice.set_sort_titles()  # bulk_create skips save(), which keeps them
    return practice, member, adaptations
