import io
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from members.models import Affiliate, Application, Member, MembershipCategory, Topic
from practices.demo import demo_practices

pytestmark = pytest.mark.django_db


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_creates_the_pages_and_says_how_to_sign_in():
    output = seed()

    assert FlatPage.objects.count() == 5
    assert "Sign in at /admin/ as “admin@example.org”" in output
    assert "Representative: sign in at /en/accounts/login/ as rep@example.org" in output
    assert get_user_model().objects.get(username="admin").is_staff


def test_seed_demo_can_run_twice_without_duplicating_or_overwriting():
    seed()
    FlatPage.objects.filter(url_en="/about/").update(title_en="Edited by staff")

    output = seed()

    assert FlatPage.objects.count() == 5
    assert FlatPage.objects.get(url_en="/about/").title_en == "Edited by staff"
    assert "already exists" in output


def test_seed_demo_run_twice_adds_no_rows():
    seed()
    counts = {model._meta.label: model._base_manager.count() for model in apps.get_models()}

    seed()

    assert {model._meta.label: model._base_manager.count() for model in apps.get_models()} == counts


def test_every_demo_data_file_is_a_list_of_entries_in_readable_utf8_json():
    files = [
        path
        for app in apps.get_app_configs()
        for path in sorted((Path(app.path) / "demo_data").glob("*.json"))
    ]

    assert len(files) >= 7
    for path in files:
        text = path.read_text(encoding="utf-8")
        entries = json.loads(text)
        assert entries, path
        assert all(isinstance(entry, dict) for entry in entries), path
        assert "\\u" not in text, path  # French letters and punctuation as they are


def test_seeded_staff_account_signs_in_to_the_admin(client):
    seed()

    response = client.post(
        "/en/accounts/login/",
        {"login": "admin@example.org", "password": "network-demo"},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_seed_demo_creates_a_realistic_directory():
    seed()

    assert MembershipCategory.objects.count() == 4
    assert Topic.objects.count() == 15
    assert Member.objects.count() == 62
    listed = Member.objects.listed()
    assert listed.values("country").distinct().count() >= 25
    assert listed.filter(kind="individual").exists()
    assert listed.filter(category__slug="applicant-member").exists()
    assert listed.filter(summary_fr="").exists()  # French falls back to English
    assert listed.exclude(logo_small="").exists()
    assert listed.filter(logo_small="").exists()  # initials instead of a logo
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == {"submitted", "under_review", "approved", "rejected", "withdrawn"}
    assert Affiliate.objects.filter(confirmed_at__isnull=False).count() == 4


def test_seed_demo_adds_synthetic_members_on_request():
    call_command("seed_demo", "--members", "30", stdout=io.StringIO())
    call_command("seed_demo", "--members", "5", stdout=io.StringIO())

    assert Member.objects.filter(slug__startswith="synthetic-member-").count() == 35
    assert Member.objects.count() == 62 + 35


def test_seed_demo_adds_news_and_events_in_several_zones_and_languages():
    from news.models import Event, Post

    seed()
    seed()

    events = Event.objects.filter(slug__startswith="demo-event-")
    assert Post.objects.filter(slug__startswith="demo-").count() == 40
    assert events.count() == 20
    assert events.published().upcoming().count() == 10
    assert events.published().past().count() == 10
    assert events.values("time_zone").distinct().count() >= 6
    assert events.filter(title_fr="").exists()  # English only
    assert events.filter(all_day=True).exists()
    # The demo representative's items: one waiting for an editor, one published.
    statuses = set(Post.objects.exclude(submitted_by=None).values_list("status", flat=True))
    assert statuses == {"submitted"}
    assert Event.objects.exclude(submitted_by=None).get().status == "published"


def test_seed_demo_adds_synthetic_posts_on_request():
    from news.models import Post

    call_command("seed_demo", "--posts", "25", stdout=io.StringIO())

    assert Post.objects.filter(slug__startswith="synthetic-post-").count() == 25


# French as a French editor writes it: a no-break space (U+00A0) before ":", a narrow
# no-break space (U+202F) before ; ? ! and inside « », and the curly apostrophe.
FRENCH_TYPOGRAPHY_MISTAKES = re.compile(r"[ \u00a0][;?!]| [:»]|« |«(?!\u202f)|(?<!\u202f)»|'")


def french_texts(entry):
    """Every French text of a demo entry, nested ones included: what is under a key in
    `_fr`, and the titles of the sources of a practice written in French only."""
    for key, value in entry.items():
        if isinstance(value, str) and key.endswith("_fr"):
            yield key, value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield from french_texts(item)
    if entry.get("title_en") == "" and entry.get("title_fr"):
        yield from (("source", source["title"]) for source in entry.get("sources", []))


def test_french_demo_text_follows_french_typography():
    mistakes = [
        (path.name, key, text)
        for app in apps.get_app_configs()
        for path in sorted((Path(app.path) / "demo_data").glob("*.json"))
        for entry in json.loads(path.read_text(encoding="utf-8"))
        for key, text in french_texts(entry)
        if FRENCH_TYPOGRAPHY_MISTAKES.search(text)
    ]
    checked = [text for entry in demo_practices() for _key, text in french_texts(entry)]

    assert mistakes == []
    assert len(checked) > 200
    assert any("\u00a0:" in text for text in checked)
    assert any("\u202f?" in text for text in checked)
    assert any("«\u202f" in text for text in checked)
    assert any("’" in text for text in checked)


def test_the_typography_check_finds_each_mistake():
    for wrong in [
        "Bilan : 2024",
        "Pourquoi ?",
        "Pourquoi\u00a0?",
        "Ici ; là",
        "« Oui »",
        "l'école",
    ]:
        assert FRENCH_TYPOGRAPHY_MISTAKES.search(wrong), wrong
    right = "Bilan\u00a0: pourquoi\u202f? Ici\u202f; là\u202f! «\u202fOui\u202f» l’école"
    assert not FRENCH_TYPOGRAPHY_MISTAKES.search(right)


def test_seed_demo_adds_fifty_practices_of_every_kind_and_rating_some_adapted_elsewhere():
    from practices.models import Adaptation, Practice, Source

    seed()
    seed()

    demo = Practice.objects.exclude(slug__startswith="synthetic-practice-").published()
    assert 45 <= demo.count() <= 60
    assert set(demo.values_list("kind", flat=True)) == set(Practice.Kind.values)
    assert set(demo.values_list("rating", flat=True)) == set(Practice.Rating.values)
    # Each rating rests on an evaluation that fits it, as the forms require.
    assert not demo.filter(rating="well-supported").exclude(evaluation="controlled").exists()
    assert not demo.filter(rating="not-evaluated").exclude(evaluation="none").exists()
    assert not demo.exclude(rating="not-evaluated").filter(evaluation="none").exists()
    assert all(not p.evidence_errors() for p in Practice.objects.all())
    assert all(p.evidence_rank == Practice.rank_of(p.rating) for p in demo)
    assert not demo.filter(topics=None).exists()
    assert Source.objects.filter(practice__in=demo).count() >= 40
    # Where it is used: many countries, in Europe and beyond, or everywhere.
    countries = {country.code for practice in demo for country in practice.countries}
    assert len(countries) >= 25
    assert countries & {"US", "CA", "AU", "NZ"}
    worldwide = demo.filter(worldwide=True)
    assert worldwide.count() >= 3
    assert all(not practice.countries for practice in worldwide)
    # In one language only, or both.
    assert demo.filter(title_fr="", body_fr="").count() >= 3
    assert demo.filter(title_en="", body_en="").count() >= 3
    assert demo.exclude(title_en="").exclude(title_fr="").count() >= 30
    # Shared by members (related to them), or written by staff.
    shared = demo.exclude(submitted_by=None)
    assert shared.count() >= 25
    assert all(practice.submitted_by in practice.members.all() for practice in shared)
    assert demo.filter(submitted_by=None).count() >= 5
    # Ten taken up in other countries, by members where one fits.
    adapted = demo.filter(adapted=True)
    assert adapted.count() >= 10
    for practice in adapted:
        own = {country.code for country in practice.countries}
        published = Adaptation.objects.published().filter(practice=practice)
        assert {adaptation.country.code for adaptation in published} - own
        assert {country.code for country in practice.used_in} > own
        assert all(
            a.changes_en and a.changes_fr and a.outcome_en and a.outcome_fr for a in published
        )
    assert Adaptation.objects.filter(practice__in=adapted).exclude(member=None).count() >= 10
    # What representatives sent waits for an editor: a practice and an adaptation.
    waiting = Practice.objects.get(status="submitted")
    assert waiting.submitted_by.slug == "familles-et-detention-lyon"
    assert waiting.author.email == "rep@example.org"
    assert not waiting.is_public
    adaptation = Adaptation.objects.get(status="submitted")
    assert adaptation.submitted_by.slug == adaptation.member.slug == "kinder-im-blick"
    assert adaptation.country.code not in {c.code for c in adaptation.practice.used_in}


def test_seed_demo_adds_synthetic_practices_as_saving_them_would_keep_them():
    from practices.models import Adaptation, Practice

    call_command("seed_demo", "--practices", "200", stdout=io.StringIO())
    call_command("seed_demo", "--practices", "20", stdout=io.StringIO())

    synthetic = Practice.objects.filter(slug__startswith="synthetic-practice-")
    assert synthetic.count() == 220
    demo = len(demo_practices()) + len(demo_practices("submissions"))
    assert Practice.objects.count() == 220 + demo
    # Varied, as real ones are.
    assert set(synthetic.values_list("kind", flat=True)) == set(Practice.Kind.values)
    assert set(synthetic.values_list("rating", flat=True)) == set(Practice.Rating.values)
    assert all(not practice.evidence_errors() for practice in synthetic)
    assert synthetic.filter(worldwide=True).exists()
    assert synthetic.filter(title_fr="").exists() and synthetic.filter(title_en="").exists()
    assert synthetic.values("used_in").distinct().count() > 50
    assert synthetic.filter(topics__isnull=False).distinct().count() == 220
    assert synthetic.exclude(submitted_by=None).exists()
    adapted = synthetic.filter(adapted=True)
    assert 10 <= adapted.count() <= 100
    assert Adaptation.objects.filter(practice__in=adapted).exists()
    # What save() and update_reach() keep, bulk_create did not compute: it was set as they
    # would have set it.
    stored = {
        practice.pk: (practice.evidence_rank, sorted(map(str, practice.used_in)), practice.adapted)
        for practice in synthetic
    }
    for practice in synthetic:
        practice.update_reach()
        kept = (
            Practice.rank_of(practice.rating),
            sorted(map(str, practice.used_in)),
            practice.adapted,
        )
        assert kept == stored[practice.pk], practice.slug


def test_the_seeded_french_applicant_is_refused_in_french(mailoutbox):
    seed()
    application = Application.objects.get(status="rejected", language="fr")

    application.send_decision()

    with translation.override("fr"):
        reason = gettext("Reason:")
    assert reason != "Reason:"
    assert f"{reason} L’association ne remplit pas encore les critères" in mailoutbox[-1].body


def test_the_seeded_applications_are_written_in_their_applicants_language():
    seed()

    french = Application.objects.filter(language="fr")
    assert french.exists()
    assert all("accompagne les enfants" in application.work for application in french)
    assert not Application.objects.filter(language="fr", contact_role="Coordinator").exists()


def test_demo_representatives_are_shown_to_other_members_as_contact_persons(db):
    from members.demo import seed_members, seed_representatives
    from members.models import User

    seed_members()
    seed_representatives("a-demo-password")

    assert User.objects.filter(shown_to_members=True).exclude(role="").count() == 3
