"""Demo news and events for `seed_demo`: forty posts over the past months, some only in
English, one scheduled for next week; twenty events, past and upcoming, in several time
zones; and as many synthetic posts as asked for scale tests."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from members.models import Member, Topic

from .models import Event, Post

STORIES = [
    (
        "New visitor centre opens beside the prison",
        "Une nouvelle maison d’accueil ouvre près de la prison",
        "Families now have a warm place to wait, with toys, advice and a quiet corner.",
        "Les familles disposent désormais d’un lieu chaleureux pour attendre, avec des jeux, "
        "des conseils et un coin calme.",
        "prison-visits",
    ),
    (
        "Teachers trained to support pupils with a parent in prison",
        "Des enseignants formés pour soutenir les élèves dont un parent est détenu",
        "Two hundred teachers took part in this year's training days.",
        "Deux cents enseignants ont participé aux journées de formation de cette année.",
        "schools",
    ),
    (
        "Video calls now possible in five more prisons",
        "Les appels vidéo possibles dans cinq prisons de plus",
        "Children can now see their parent between visits, from home.",
        "Les enfants peuvent désormais voir leur parent entre deux visites, depuis chez eux.",
        "family-contact",
    ),
    (
        "Report: what children say about visits",
        "Rapport : ce que les enfants disent des visites",
        "A study based on interviews with sixty children and young people.",
        "Une étude fondée sur des entretiens avec soixante enfants et jeunes.",
        "research",
    ),
    (
        "Parliament debates children's rights at sentencing",
        "Le parlement débat des droits de l’enfant lors de la condamnation",
        "Members of the network gave evidence on child impact assessments.",
        "Des membres du réseau ont témoigné sur l’évaluation de l’impact sur l’enfant.",
        "advocacy",
    ),
    (
        "Summer camp for children of prisoners",
        "Un séjour d’été pour les enfants de détenus",
        "A week of outdoor activities with other children who understand.",
        "Une semaine d’activités en plein air avec d’autres enfants qui comprennent.",
        "wellbeing",
    ),
    (
        "Guide for police officers at the time of arrest",
        "Un guide pour les policiers au moment de l’arrestation",
        "Simple steps that protect children when a parent is arrested at home.",
        "Des gestes simples qui protègent les enfants lors de l’arrestation d’un parent chez eux.",
        "arrest",
    ),
    (
        "Young people's panel meets the ministry",
        "Le panel de jeunes rencontre le ministère",
        "Five young people shared their experience with officials.",
        "Cinq jeunes ont partagé leur expérience avec des responsables.",
        "participation",
    ),
]


def seed_posts(extra=0):
    if Post.objects.filter(slug__startswith="demo-").exists() and not extra:
        return 0
    now = timezone.now()
    members = list(Member.objects.listed().order_by("sort_name")[:40])
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    created = 0
    if not Post.objects.filter(slug__startswith="demo-").exists():
        for number in range(40):
            title_en, title_fr, summary_en, summary_fr, topic = STORIES[number % len(STORIES)]
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
                    f"familles.\n- Il est ouvert à tous.\n\n> Les enfants méritent d’être entendus."
                ),
                status=Post.Status.PUBLISHED,
                publish_at=now - timedelta(days=4 * number + 1)
                if number
                else now + timedelta(days=7),
                countries=[member.country.code] if member else [],
            )
            if member:
                post.members.add(member)
            if topic in topics:
                post.topics.add(topics[topic])
            created += 1
    if extra:
        start = Post.objects.filter(slug__startswith="synthetic-post-").count()
        Post.objects.bulk_create(
            Post(
                slug=f"synthetic-post-{number:05d}",
                title_en=f"Synthetic post {number:05d}",
                summary_en="A synthetic post, made to measure pages with many posts.",
                body_en="Text.",
                body_html_en="<p>Text.</p>",
                status=Post.Status.PUBLISHED,
                publish_at=now - timedelta(hours=number),
            )
            for number in range(start + 1, start + extra + 1)
        )
        created += extra
    return created


# title (en), title (fr or ""), summary (en), summary (fr), topic, city, country, time zone,
# venue, online, all-day, days long
EVENTS = [
    (
        "Annual conference: children's voices in justice",
        "Conférence annuelle : la voix des enfants dans la justice",
        "Two days of talks and workshops with members from across Europe.",
        "Deux jours de conférences et d’ateliers avec les membres de toute l’Europe.",
        "advocacy",
        "Brussels",
        "BE",
        "Europe/Brussels",
        "Maison des associations",
        False,
        True,
        2,
    ),
    (
        "Training: talking to children about a parent's imprisonment",
        "Formation : parler aux enfants de l’incarcération d’un parent",
        "A half-day training for social workers and teachers.",
        "Une demi-journée de formation pour travailleurs sociaux et enseignants.",
        "training",
        "Lyon",
        "FR",
        "Europe/Paris",
        "Centre social des Pentes",
        False,
        False,
        0,
    ),
    (
        "Webinar: video calls between prisons and families",
        "Webinaire : les appels vidéo entre prisons et familles",
        "What members learnt from five years of video calls.",
        "Ce que les membres ont appris de cinq années d’appels vidéo.",
        "family-contact",
        "",
        "",
        "Europe/London",
        "",
        True,
        False,
        0,
    ),
    (
        "Family day at the prison of Lisbon",
        "",
        "Games, music and a shared lunch for children and their imprisoned parents.",
        "",
        "prison-visits",
        "Lisbon",
        "PT",
        "Europe/Lisbon",
        "Estabelecimento Prisional de Lisboa",
        False,
        True,
        0,
    ),
    (
        "Researchers' meeting on children of prisoners",
        "Rencontre des chercheurs sur les enfants de détenus",
        "Researchers present new studies and discuss what is still unknown.",
        "Des chercheurs présentent de nouvelles études et ce qui reste à savoir.",
        "research",
        "Helsinki",
        "FI",
        "Europe/Helsinki",
        "University of Helsinki, main building",
        True,
        False,
        1,
    ),
    (
        "Not my shame: awareness week",
        "",
        "A week of events in schools and libraries across Romania.",
        "",
        "schools",
        "Bucharest",
        "RO",
        "Europe/Bucharest",
        "",
        False,
        True,
        6,
    ),
    (
        "Meeting of the young people's panel",
        "Réunion du panel de jeunes",
        "Young people with a parent in prison prepare their message to ministers.",
        "Des jeunes dont un parent est détenu préparent leur message aux ministres.",
        "participation",
        "Dublin",
        "IE",
        "Europe/Dublin",
        "Children's Rights Alliance",
        True,
        False,
        0,
    ),
    (
        "Seminar: the first hours after an arrest",
        "Séminaire : les premières heures après une arrestation",
        "Police officers and child protection workers share good practice.",
        "Policiers et professionnels de la protection de l’enfance partagent leurs pratiques.",
        "arrest",
        "Warsaw",
        "PL",
        "Europe/Warsaw",
        "Centrum Konferencyjne",
        False,
        False,
        0,
    ),
    (
        "Parenting from prison: a workshop for prison staff",
        "Être parent en prison : un atelier pour le personnel pénitentiaire",
        "How staff can help imprisoned parents stay in their children's lives.",
        "Comment le personnel peut aider les parents détenus à rester présents pour leurs enfants.",
        "parenting-in-prison",
        "Athens",
        "GR",
        "Europe/Athens",
        "Hellenic Open University",
        False,
        False,
        0,
    ),
    (
        "Summer gathering of Nordic members",
        "",
        "An informal meeting of members from the Nordic countries.",
        "",
        "wellbeing",
        "Reykjavík",
        "IS",
        "Atlantic/Reykjavik",
        "Harpa",
        False,
        False,
        0,
    ),
]


def seed_events():
    """Twenty events: each story twice, once past and once to come."""
    if Event.objects.filter(slug__startswith="demo-event-").exists():
        return 0
    today = timezone.localdate()
    members = list(Member.objects.listed().order_by("sort_name")[:40])
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    created = 0
    for number in range(20):
        (title_en, title_fr, summary_en, summary_fr, topic, city, country, zone_name, venue,
         online, all_day, days) = EVENTS[number % len(EVENTS)]  # fmt: skip
        zone = zoneinfo.ZoneInfo(zone_name)
        past = number >= len(EVENTS)
        day = today + timedelta(days=(-60 - 9 * number) if past else (5 + 11 * number))
        start = datetime.combine(day, time(10 if all_day else 14), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=days), time(17), tzinfo=zone)
        member = members[(number * 3) % len(members)] if members else None
        event = Event.objects.create(
            slug=f"demo-event-{number + 1:02d}-{slugify(title_en)}"[:200],
            title_en=title_en,
            title_fr=title_fr,
            summary_en=summary_en,
            summary_fr=summary_fr,
            body_en=f"{summary_en}\n\n## Programme\n\n- Welcome and introductions\n"
            "- Talks and questions\n- Time to meet one another",
            body_fr=(
                f"{summary_fr}\n\n## Programme\n\n- Accueil et présentations\n"
                "- Interventions et questions\n- Temps d’échange"
            )
            if title_fr
            else "",
            start=start,
            end=end,
            time_zone=zone_name,
            all_day=all_day,
            venue=venue,
            city=city,
            country=country,
            online_url="https://meet.example.org/network" if online else "",
            registration_url="" if past else "https://events.example.org/register",
            organiser=member,
            countries=[country] if country else [],
            status=Event.Status.PUBLISHED,
            publish_at=start - timedelta(days=30)
            if past
            else timezone.now() - timedelta(days=3 + number),
        )
        if member:
            event.members.add(member)
        if topic in topics:
            event.topics.add(topics[topic])
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
        summary_fr="Un temps d’échange pour les parents dont le conjoint est détenu.",
        summary_en="A time to talk for parents whose partner is in prison.",
        start=datetime.combine(day, time(18), tzinfo=zone),
        end=datetime.combine(day, time(20), tzinfo=zone),
        time_zone="Europe/Paris",
        venue="Maison d’accueil des familles",
        city="Lyon",
        country="FR",
        organiser=member,
        submitted_by=member,
        author=person,
        status=Event.Status.PUBLISHED,
        sender_told_at=timezone.now(),
    )
    event.members.add(member)
    return 2
