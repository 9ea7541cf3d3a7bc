"""Demo calls for `seed_demo`: a dozen calls of every kind from different members (some
members-only, some written in one language only, two closed, one filled, one with its
document), the replies other demo members sent them; and as many synthetic calls as
asked for scale tests.

The calls are data, in demo_data/calls.json beside this module; here is only how they
become rows. Deadlines and posting dates are days from today, so the demo stays current:
a negative deadline is a call closed that many days ago. Every organisation and person
there is invented; addresses use the reserved example.org domain."""

import datetime
import json
import random
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from members.demo import _demo_pdf
from members.models import Member, Topic

from .models import Call, Reply

DATA = Path(__file__).resolve().parent / "demo_data"
SYNTHETIC_PREFIX = "synthetic-call-"
# What a demo entry gives the Call row as it is.
FIELDS = [
    "slug",
    "kind",
    "countries",
    "languages",
    "is_public",
    "funding_programme",
    *[f"{text}_{code}" for text in ("title", "description") for code in ("en", "fr")],
]


def demo_calls():
    """The entries of demo_data/calls.json."""
    with (DATA / "calls.json").open(encoding="utf-8") as file:
        return json.load(file)


@transaction.atomic
def seed_calls(extra=0):
    """Create the demo calls that are missing, with their replies, never changing what
    their posters or staff may have edited; then `extra` synthetic ones. Returns the
    number of calls created."""
    return _demo() + _synthetic(extra)


def _demo():
    entries = demo_calls()
    existing = set(
        Call.objects.filter(slug__in=[data["slug"] for data in entries]).values_list(
            "slug", flat=True
        )
    )
    wanted = {data["member"] for data in entries} | {
        reply["member"] for data in entries for reply in data["replies"]
    }
    members = Member.objects.in_bulk(wanted, field_name="slug")
    topics = Topic.objects.in_bulk(field_name="slug")
    now = timezone.now()
    today = timezone.localdate()
    created = 0
    for data in entries:
        member = members.get(data["member"])
        if data["slug"] in existing or member is None:
            continue
        call = Call(
            member=member,
            posted_by=_representative(member),
            deadline=today + datetime.timedelta(days=data["deadline_days"]),
            **{field: data[field] for field in FIELDS},
        )
        if data.get("filled_days_ago") is not None:
            call.filled_at = now - datetime.timedelta(days=data["filled_days_ago"])
        if data["file"]:
            call.file = ContentFile(_demo_pdf(), name="call.pdf")
        call.save()
        call.topics.set([topics[slug] for slug in data["topics"] if slug in topics])
        posted = now - datetime.timedelta(days=data["posted_days_ago"], hours=created)
        for number, reply in enumerate(data["replies"]):
            by = members.get(reply["member"])
            if by is None or by == member:
                continue
            Reply.objects.create(
                call=call,
                member=by,
                sent_by=_representative(by),
                message=reply["message"],
                email=reply["email"],
            )
            # Sent in the days after the call was posted.
            Reply.objects.filter(call=call, member=by).update(
                created_at=posted + datetime.timedelta(days=1 + number, hours=3)
            )
        # Posted some days ago, as the demo's story goes (auto_now_add set it to now).
        Call.objects.filter(pk=call.pk).update(created_at=posted, updated_at=posted)
        created += 1
    return created


def _representative(member):
    """A demo representative of `member`, if it has one (the demo's three)."""
    return member.representatives.order_by("pk").first()


# Synthetic calls: words to vary their titles.
SUBJECTS = [
    ("family visits", "les visites des familles"),
    ("video calls from prison", "les appels vidéo depuis la prison"),
    ("support at school", "le soutien à l’école"),
    ("the day of the arrest", "le jour de l’arrestation"),
    ("peer groups for teenagers", "les groupes de pairs pour adolescents"),
    ("support for carers", "le soutien aux adultes qui s’occupent des enfants"),
    ("the parent's release", "la sortie du parent"),
    ("training prison staff", "la formation du personnel pénitentiaire"),
]
COUNTRIES = [
    "AT",
    "BE",
    "BG",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GB",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
]
LANGUAGES = ["en", "fr", "de", "es", "it", "nl", "pl", "pt", "sv"]


def _synthetic(count):
    """Plain calls in bulk, for measuring the list, its filters and the archive with
    many rows: of every kind, mostly public, a third of them closed (past their
    deadline, or filled), a few hidden by staff; each posted by one of the listed
    members and on a topic or two."""
    if not count:
        return 0
    # Repeatable filler for demonstrations and measurements, not a secret.
    rng = random.Random(count)  # nosec B311
    start = Call.objects.filter(slug__startswith=SYNTHETIC_PREFIX).count()
    members = list(Member.objects.listed().order_by("pk").values_list("pk", flat=True)[:500])
    topics = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    if not members:
        return 0
    today = timezone.localdate()
    now = timezone.now()
    calls = []
    for number in range(start + 1, start + count + 1):
        kind = rng.choice(Call.Kind.values)
        subject_en, subject_fr = rng.choice(SUBJECTS)
        language = rng.random()
        english, french = language < 0.85, language >= 0.7  # both, English or French only
        deadline = today + datetime.timedelta(days=rng.randint(-150, 300))
        calls.append(
            Call(
                slug=f"{SYNTHETIC_PREFIX}{number:05d}",
                member_id=rng.choice(members),
                kind=kind,
                title_en=f"Synthetic call {number:05d} on {subject_en}" if english else "",
                title_fr=f"Appel fictif {number:05d} sur {subject_fr}" if french else "",
                description_en="A synthetic call, made to measure pages with many calls."
                if english
                else "",
                description_fr="Un appel fictif, créé pour mesurer les pages qui comptent de "
                "nombreux appels."
                if french
                else "",
                countries=[] if rng.random() < 0.4 else rng.sample(COUNTRIES, k=rng.randint(1, 4)),
                languages=rng.sample(LANGUAGES, k=rng.randint(1, 3)),
                deadline=deadline,
                is_public=rng.random() < 0.7,
                is_hidden=rng.random() < 0.02,
                filled_at=now - datetime.timedelta(days=rng.randint(1, 60))
                if rng.random() < 0.05
                else None,
            )
        )
    Call.objects.bulk_create(calls, batch_size=500)
    pks = dict(
        Call.objects.filter(slug__startswith=SYNTHETIC_PREFIX).order_by().values_list("slug", "pk")
    )
    through = Call.topics.through
    rows = [
        through(call_id=pks[call.slug], topic_id=topic)
        for call in calls
        for topic in rng.sample(topics, k=min(len(topics), rng.choice([1, 1, 2])))
    ]
    through.objects.bulk_create(rows, batch_size=1000)
    return count
