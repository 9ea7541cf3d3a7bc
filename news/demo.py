"""Demo news and events for `seed_demo`: forty posts over the past months, some only in
English, one scheduled for next week; twenty events, past and upcoming, in several time
zones; and as many synthetic posts as asked for scale tests. The stories and events are
data, in demo_data/*.json beside this module."""

import json
import zoneinfo
from datetime import datetime, time, timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from cpe_network.lib.places import city_names
from members.models import Member, Topic

from .models import Event, Post

DATA = Path(__file__).resolve().parent / "demo_data"


def demo_data(name):
    """The entries of one demo data file, e.g. `demo_data("events")`."""
    with (DATA / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def seed_posts(extra=0):
    if Post.objects.filter(slug__startswith="demo-").exists() and not extra:
        return 0
    now = timezone.now()
    members = list(Member.objects.listed().order_by("sort_name")[:40])
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    created = 0
    if not Post.objects.filter(slug__startswith="demo-").exists():
        stories = demo_data("stories")
        for number in range(40):
            story = stories[number % len(stories)]
            title_en, title_fr = story["title_en"], story["title_fr"]
            summary_en, summary_fr = story["summary_en"], story["summary_fr"]
            english_only = number % 5 == 4
            member = members[number % len(members)] if members else None
            post = Post.objects.create(
                slug=f"demo-{number + 1:02d}-{slugify(title_en)}"[:200],
                title_en=title_en,
                title_fr="" if english_only else title_fr,
                summary_en=summary_en,
                summary_fr="" if english_only else summary_fr,
                body_en=f"{summary_en}\n\n## What happened\n\n- It was prepared with families.\n"
                f"- It is open to everyone.\n\n> Children deserve to be heard.",
                body_fr=""
                if english_only
                else (
                    f"{summary_fr}\n\n## Ce qui s’est passé\n\n- Le projet a été préparé avec des "
                    "familles.\n- Il est ouvert au public.\n\n"
                    "> Les enfants méritent d’être entendus."
                ),
                status=Post.Status.PUBLISHED,
                publish_at=now - timedelta(days=4 * number + 1)
                if number
                else now + timedelta(days=7),
                countries=[member.country.code] if member else [],
            )
            if member:
                post.members.add(member)
            if story["topic"] in topics:
                post.topics.add(topics[story["topic"]])
            created += 1
    if extra:
        created += _synthetic_posts(extra, now)
    return created


def _synthetic_posts(extra, now):
    """Posts in bulk, each by a listed member and on a topic or two, as real ones are:
    the lists filtered by member or topic are then measured with as many rows as the
    plain list, not the forty demo posts."""
    start = Post.objects.filter(slug__startswith="synthetic-post-").count()
    authors = list(Member.objects.listed().order_by("pk").values_list("pk", "country"))
    topic_ids = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    numbers = range(start + 1, start + extra + 1)
    posts = Post.objects.bulk_create(
        Post(
            # The same address in both languages: bulk_create skips save().
            slug_en=f"synthetic-post-{number:05d}",
            slug_fr=f"synthetic-post-{number:05d}",
            title_en=f"Synthetic post {number:05d}",
            summary_en="A synthetic post, made to measure pages with many posts.",
            body_en="Text.",
            body_html_en="<p>Text.</p>",
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(hours=number),
            countries=[authors[number % len(authors)][1]] if authors else [],
        )
        for number in numbers
    )
    if authors:
        Post.members.through.objects.bulk_create(
            Post.members.through(post_id=post.pk, member_id=authors[number % len(authors)][0])
            for number, post in zip(numbers, posts, strict=True)
        )
    if topic_ids:
        Post.topics.through.objects.bulk_create(
            Post.topics.through(
                post_id=post.pk, topic_id=topic_ids[(number + step) % len(topic_ids)]
            )
            for number, post in zip(numbers, posts, strict=True)
            for step in range(1 + number % 2)
        )
    return extra


def seed_events():
    """Twenty events: each story twice, once past and once to come."""
    if Event.objects.filter(slug__startswith="demo-event-").exists():
        return 0
    today = timezone.localdate()
    members = list(Member.objects.listed().order_by("sort_name")[:40])
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    created = 0
    events = demo_data("events")
    for number in range(20):
        data = events[number % len(events)]
        zone = zoneinfo.ZoneInfo(data["time_zone"])
        past = number >= len(events)
        day = today + timedelta(days=(-60 - 9 * number) if past else (5 + 11 * number))
        start = datetime.combine(day, time(10 if data["all_day"] else 14), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=data["days"]), time(17), tzinfo=zone)
        member = members[(number * 3) % len(members)] if members else None
        event = Event.objects.create(
            slug=f"demo-event-{number + 1:02d}-{slugify(data['title_en'])}"[:200],
            title_en=data["title_en"],
            title_fr=data["title_fr"],
            summary_en=data["summary_en"],
            summary_fr=data["summary_fr"],
            body_en=f"{data['summary_en']}\n\n## Programme\n\n- Welcome and introductions\n"
            "- Talks and questions\n- Time to meet one another",
            body_fr=(
                f"{data['summary_fr']}\n\n## Programme\n\n- Accueil et présentations\n"
                "- Interventions et questions\n- Temps d’échange"
            )
            if data["title_fr"]
            else "",
            start=start,
            end=end,
            time_zone=data["time_zone"],
            all_day=data["all_day"],
            venue=data["venue"],
            **city_names(data["city"]),
            country=data["country"],
            online_url="https://meet.example.org/network" if data["online"] else "",
            registration_url="" if past else "https://events.example.org/register",
            organiser=member,
            countries=[data["country"]] if data["country"] else [],
            status=Event.Status.PUBLISHED,
            publish_at=start - timedelta(days=30)
            if past
            else timezone.now() - timedelta(days=3 + number),
        )
        if member:
            event.members.add(member)
        if data["topic"] in topics:
            event.topics.add(topics[data["topic"]])
        created += 1
    return created


def seed_submissions():
    """What the demo representative sent from the portal: news waiting for an editor,
    and an event already published."""
    from members.models import User

    member = Member.objects.filter(slug="familles-et-detention-lyon").first()
    person = User.objects.filter(email="rep@example.org").first()
    if not member or not person or Post.objects.filter(submitted_by=member).exists():
        return 0
    post = Post.objects.create(
        slug="portes-ouvertes-maison-accueil",
        title_fr="Portes ouvertes à la maison d’accueil",
        summary_fr="Venez découvrir la maison d’accueil des familles, samedi prochain.",
        body_fr="Visite des lieux, rencontre avec les bénévoles et **goûter** pour les enfants.",
        status=Post.Status.SUBMITTED,
        submitted_by=member,
        author=person,
        countries=["FR"],
    )
    post.members.add(member)
    zone = zoneinfo.ZoneInfo("Europe/Paris")
    day = timezone.localdate() + timedelta(days=25)
    event = Event.objects.create(
        slug="groupe-de-parole-parents",
        title_fr="Groupe de parole pour les parents",
        title_en="Support group for parents",
        summary_fr=(
            "Un temps d’échange pour les parents dont le conjoint ou la conjointe est en prison."
        ),
        summary_en="A time to talk for parents whose partner is in prison.",
        start=datetime.combine(day, time(18), tzinfo=zone),
        end=datetime.combine(day, time(20), tzinfo=zone),
        time_zone="Europe/Paris",
        venue="Maison d’accueil des familles",
        **city_names("Lyon"),
        country="FR",
        organiser=member,
        submitted_by=member,
        author=person,
        status=Event.Status.PUBLISHED,
        sender_told_at=timezone.now(),
    )
    event.members.add(member)
    return 2
