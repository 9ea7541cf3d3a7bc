"""What the practice database refuses, wherever it is entered (the portal, the admin):
a rating that its evaluation contradicts, an adaptation recorded twice; and what stays
true when an adaptation moves to another practice."""

import pytest
from django.core.exceptions import ValidationError

from practices.forms import MemberAdaptationForm
from practices.models import Adaptation, Practice
from tests.factories import AdaptationFactory, MemberFactory, PracticeFactory
from tests.forms import adaptation_data, in_english, practice_data

pytestmark = pytest.mark.django_db

NEW_EN = "/en/portal/relais-lyon/practices/new/"
NEW_FR = "/fr/espace-membre/relais-lyon/pratiques/nouvelle/"
ADAPT = "/en/portal/adapted/visiting-rooms/"

NEEDS_AN_EVALUATION = "This rating needs an evaluation"
NEEDS_NONE = "A practice that was not evaluated has no evaluation"
NEEDS_CONTROLLED = "“Well supported” needs a randomised or controlled study"

# (rating, evaluation, the field in error and what it says, or None when it fits).
EVIDENCE = [
    ("well-supported", "controlled", None),
    ("well-supported", "before-after", ("rating", NEEDS_CONTROLLED)),
    ("well-supported", "qualitative", ("rating", NEEDS_CONTROLLED)),
    ("well-supported", "none", ("evaluation", NEEDS_AN_EVALUATION)),
    ("promising", "before-after", None),
    ("promising", "monitoring", None),
    ("promising", "none", ("evaluation", NEEDS_AN_EVALUATION)),
    ("mixed", "controlled", None),
    ("mixed", "none", ("evaluation", NEEDS_AN_EVALUATION)),
    ("did-not-work", "qualitative", None),
    ("did-not-work", "none", ("evaluation", NEEDS_AN_EVALUATION)),
    ("not-evaluated", "none", None),
    ("not-evaluated", "monitoring", ("evaluation", NEEDS_NONE)),
    ("not-evaluated", "controlled", ("evaluation", NEEDS_NONE)),
]


@pytest.fixture
def visits(db):
    return PracticeFactory(
        title_en="Visiting rooms", title_fr="Des parloirs adaptés", slug="visiting-rooms"
    )


# A rating rests on its evaluation.


@pytest.mark.parametrize(("rating", "evaluation", "error"), EVIDENCE)
def test_a_rating_needs_the_evaluation_it_rests_on(rating, evaluation, error):
    practice = PracticeFactory.build(rating=rating, evaluation=evaluation)

    if error is None:
        practice.clean()
        return
    with pytest.raises(ValidationError) as raised:
        practice.clean()
    field, message = error
    assert list(raised.value.message_dict) == [field]
    assert raised.value.message_dict[field][0].startswith(message)


def test_every_mistake_is_told_at_once_each_on_its_field():
    practice = PracticeFactory.build(
        slug="evidence",
        start_year=2020,
        end_year=2010,
        countries=[],
        rating="promising",
        evaluation="none",
    )

    with pytest.raises(ValidationError) as raised:
        practice.clean()

    assert set(raised.value.message_dict) == {
        "slug_en",
        "slug_fr",
        "end_year",
        "countries",
        "evaluation",
    }


@pytest.mark.parametrize(
    ("rating", "evaluation", "error"), [row for row in EVIDENCE if row[2]], ids=str
)
def test_the_portal_shows_a_contradicting_rating_on_its_field_and_stores_nothing(
    rep_client, rating, evaluation, error
):
    response = rep_client.post(NEW_EN, practice_data(rating=rating, evaluation=evaluation))

    field, message = error
    assert response.status_code == 200
    assert str(response.context["form"].errors[field][0]).startswith(message)
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert not Practice.objects.exists()


def test_the_portal_tells_it_in_french(rep_client):
    response = rep_client.post(NEW_FR, practice_data(rating="promising", evaluation="none"))

    assert "Ce niveau de preuve demande une évaluation" in response.text
    assert not Practice.objects.exists()


def admin_practice(**changes):
    """The admin's practice form: a published programme in France, promising after a
    before-after study."""
    return in_english(
        {
            "title_en": "Mentors",
            "slug": "mentors",
            "kind": "programme",
            "countries": ["FR"],
            "rating": "promising",
            "evaluation": "before-after",
            "status": "published",
            "publish_at_0": "2020-01-01",
            "publish_at_1": "10:00:00",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            "adaptations-TOTAL_FORMS": "0",
            "adaptations-INITIAL_FORMS": "0",
            **changes,
        }
    )


@pytest.mark.parametrize(
    ("rating", "evaluation", "field"),
    [
        ("well-supported", "qualitative", "rating"),
        ("promising", "none", "evaluation"),
        ("not-evaluated", "controlled", "evaluation"),
    ],
)
def test_the_admin_shows_a_contradicting_rating_on_its_field(
    editor_client, rating, evaluation, field
):
    added = editor_client.post(
        "/admin/practices/practice/add/", admin_practice(rating=rating, evaluation=evaluation)
    )
    fitting = editor_client.post("/admin/practices/practice/add/", admin_practice())

    assert added.status_code == 200
    assert list(added.context["adminform"].form.errors) == [field]
    assert fitting.status_code == 302
    assert Practice.objects.get().slug == "mentors"


# An adaptation is recorded once.


def test_recording_the_same_adaptation_twice_is_refused_with_a_message(rep_client, relais, visits):
    first = rep_client.post(ADAPT, adaptation_data())
    again = rep_client.post(ADAPT, adaptation_data(changes_fr="Encore."))

    assert first.status_code == 302
    assert again.status_code == 200
    assert "You already recorded an adaptation of this practice in this country" in again.text
    assert again.context["form"].errors["country"]
    assert Adaptation.objects.get().changes_fr == "Des bénévoles accueillent les familles."


def test_another_country_or_another_member_may_record_it(rep_client, rep, relais, visits):
    second = MemberFactory(name="Maison Lisbonne", slug="maison-lisbonne", representatives=[rep])

    responses = [
        rep_client.post(ADAPT, adaptation_data(sender=relais.pk)),
        rep_client.post(ADAPT, adaptation_data(sender=relais.pk, country="ES")),
        rep_client.post(ADAPT, adaptation_data(sender=second.pk)),
        rep_client.post(ADAPT, adaptation_data(sender=second.pk)),
    ]

    assert [response.status_code for response in responses] == [302, 302, 302, 200]
    assert sorted(Adaptation.objects.values_list("member__slug", "country")) == [
        ("maison-lisbonne", "PT"),
        ("relais-lyon", "ES"),
        ("relais-lyon", "PT"),
    ]


def test_changing_an_adaptation_to_a_country_recorded_already_is_refused(
    rep_client, relais, visits
):
    AdaptationFactory(practice=visits, member=relais, submitted_by=relais, country="ES")
    waiting = AdaptationFactory(
        practice=visits, member=relais, submitted_by=relais, country="PT", status="submitted"
    )
    url = f"/en/portal/relais-lyon/adaptations/{waiting.pk}/"

    moved = rep_client.post(url, adaptation_data(country="ES"))
    kept = rep_client.post(url, adaptation_data(country="PT", changes_fr="Changé."))

    assert moved.status_code == 200
    assert "You already recorded an adaptation" in moved.text
    assert kept.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.country.code, waiting.changes_fr) == ("PT", "Changé.")


def test_two_posts_at_once_save_one_and_tell_the_other(rep_client, relais, visits, monkeypatch):
    """The second of two posts sent together passes the form's check before the first
    is saved: the database refuses it, and the page says why (no error 500)."""
    AdaptationFactory(practice=visits, member=relais, submitted_by=relais, country="PT")
    monkeypatch.setattr(MemberAdaptationForm, "recorded_already", lambda *args: False)

    response = rep_client.post(ADAPT, adaptation_data())

    assert response.status_code == 200
    assert "You already recorded an adaptation of this practice in this country" in response.text
    assert Adaptation.objects.count() == 1


def test_the_admin_refuses_the_same_adaptation_twice(editor_client, relais, visits):
    AdaptationFactory(practice=visits, member=relais, country="PT")

    response = editor_client.post(
        "/admin/practices/adaptation/add/",
        {
            "practice": visits.pk,
            "country": "PT",
            "member": relais.pk,
            "changes_en": "Again.",
            "status": "draft",
        },
    )

    assert response.status_code == 200
    assert "This member already recorded an adaptation of this practice in this country." in (
        response.text
    )
    assert Adaptation.objects.count() == 1


# An adaptation moved to another practice.


def test_moving_an_adaptation_updates_where_both_practices_are_used(visits):
    other = PracticeFactory(countries=["IT"])
    adaptation = AdaptationFactory(practice=visits, country="BE")
    visits.refresh_from_db()
    assert (visits.used_in, visits.adapted) == (["BE", "FR"], True)

    adaptation = Adaptation.objects.get(pk=adaptation.pk)
    adaptation.practice = other
    adaptation.save()

    visits.refresh_from_db()
    other.refresh_from_db()
    assert (visits.used_in, visits.adapted) == (["FR"], False)
    assert (other.used_in, other.adapted) == (["BE", "IT"], True)


def test_moving_an_adaptation_in_the_admin_updates_the_practice_it_left(
    editor_client, relais, visits
):
    other = PracticeFactory(countries=["IT"])
    adaptation = AdaptationFactory(practice=visits, country="BE", member=relais)

    response = editor_client.post(
        f"/admin/practices/adaptation/{adaptation.pk}/change/",
        {
            "practice": other.pk,
            "country": "BE",
            "year": "2020",
            "member": relais.pk,
            "changes_en": "Run by volunteers.",
            "status": "published",
            "initial-status": "published",
        },
    )

    assert response.status_code == 302
    visits.refresh_from_db()
    other.refresh_from_db()
    assert (visits.used_in, visits.adapted) == (["FR"], False)
    assert (other.used_in, other.adapted) == (["BE", "IT"], True)
