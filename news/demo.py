"""Demo news for `seed_demo`: forty posts over the past months, some only in English,
one scheduled for next week; and as many synthetic posts as asked for scale tests."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from members.models import Member, Topic

from .models import Post

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
