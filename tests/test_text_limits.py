"""Every free text has a limit that fits its use, said beside the field, checked by the
forms (with a message) and by the models whatever the way in."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from members.models import Application, Member, MembershipCategory, Topic
from news.models import Event, Post
from tests.factories import (
    ApplicationFactory,
    CategoryChangeFactory,
    CategoryFactory,
    EventFactory,
    MemberFactory,
    PostFactory,
)
from tests.forms import application_data, event_data, profile_data

pytestmark = pytest.mark.django_db


def too_long(limit):
    return "x" * (limit + 1)


@pytest.mark.parametrize(
    ("field", "limit"),
    [("summary_en", 300), ("description_fr", 5000), ("mission_en", 1000)],
)
def test_the_portal_profile_refuses_text_over_its_limit(rep_client, relais, field, limit):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/", profile_data(relais, **{field: too_long(limit)})
    )

    assert response.status_code == 200
    assert f"Ensure this value has at most {limit} characters (it has {limit + 1})." in (
        response.text
    )
    assert getattr(Member.objects.get(), field) != too_long(limit)


@pytest.mark.parametrize(("field", "limit"), [("summary_fr", 400), ("body_fr", 20000)])
def test_news_and_events_from_the_portal_refuse_text_over_its_limit(rep_client, field, limit):
    news = rep_client.post(
        "/en/portal/relais-lyon/news/new/", {"title_fr": "Titre", field: too_long(limit)}
    )
    event = rep_client.post(
        "/en/portal/relais-lyon/events/new/", event_data(**{field: too_long(limit)})
    )

    assert f"Ensure this value has at most {limit} characters" in news.text
    assert f"Ensure this value has at most {limit} characters" in event.text
    assert not Post.objects.exists()
    assert not Event.objects.exists()


def test_the_join_form_refuses_a_too_long_account_of_the_work(client):

    response = client.post("/fr/adherer/", application_data(CategoryFactory(), work=too_long(5000)))

    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 5000 caractères" in response.text
    assert not Application.objects.exists()


def test_line_breaks_count_as_one_character_as_the_browser_counts_them(rep_client):
    summary = "\r\n".join(["x" * 99] * 4)  # 396 characters and 3 line breaks: 399

    response = rep_client.post(
        "/en/portal/relais-lyon/news/new/", {"title_en": "Title", "summary_en": summary}
    )

    assert response.status_code == 302
    assert Post.objects.get().summary_en == "\n".join(["x" * 99] * 4)


@pytest.mark.parametrize(
    ("make", "field", "limit"),
    [
        (lambda: MemberFactory.build(category=CategoryFactory()), "description_en", 5000),
        (lambda: MemberFactory.build(category=CategoryFactory()), "funding_sources_fr", 500),
        (lambda: PostFactory.build(), "body_en", 20000),
        (lambda: PostFactory.build(), "summary_fr", 400),
        (lambda: EventFactory.build(), "summary_en", 400),
        (lambda: Topic(name_en="Schools", slug="schools"), "description_en", 500),
        (
            lambda: MembershipCategory(name_en="Members", slug="members"),
            "description_fr",
            1000,
        ),
        (lambda: CategoryChangeFactory.build(), "note", 2000),
    ],
)
def test_models_refuse_text_over_its_limit(make, field, limit):
    item = make()
    setattr(item, field, too_long(limit))

    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["changed_on", "member", "to_category"])

    with override("en"):
        assert f"at most {limit} characters" in str(refused.value.message_dict[field])


def test_an_applications_work_and_decision_note_have_limits():
    application = Application(work=too_long(5000), decision_note=too_long(2000))

    with pytest.raises(ValidationError) as refused:
        application.full_clean()

    assert "work" in refused.value.message_dict
    assert "decision_note" in refused.value.message_dict


@pytest.mark.parametrize(
    ("path", "hints"),
    [
        (
            "/en/portal/relais-lyon/profile/",
            ["At most 300 characters.", "At most 5,000 characters."],
        ),
        ("/fr/espace-membre/relais-lyon/actualites/nouvelle/", ["400 caractères au maximum."]),
        ("/en/portal/relais-lyon/events/new/", ["At most 20,000 characters."]),
    ],
)
def test_the_limit_is_said_beside_the_field(rep_client, path, hints):
    html = rep_client.get(path).text

    for hint in hints:
        assert hint in html


def test_the_join_form_says_the_limit_of_the_account_of_the_work(client):
    CategoryFactory()

    html = client.get("/en/join/").text

    assert "What you do, for whom, where, and since when. At most 5,000 characters." in html


def test_a_text_area_gives_its_limit_to_the_count_and_keeps_what_is_pasted(rep_client):
    html = rep_client.get("/en/portal/relais-lyon/news/new/").text
    (summary,) = re.findall(r"<textarea[^>]*name=\"summary_en\"[^>]*>", html)

    assert 'data-maxlength="400"' in summary
    assert 'data-left-other="%(count)s characters left"' in summary
    assert "maxlength=" not in summary.replace("data-maxlength=", "")
    assert 'aria-describedby="id_summary_en_helptext"' in summary


def test_the_admin_says_the_limit_too(admin_client):
    html = admin_client.get("/admin/news/post/add/").text

    assert "At most 400 characters." in html
    assert "At most 20,000 characters." in html


def test_the_decision_note_is_limited_in_the_admin(admin_client):
    application = ApplicationFactory()

    response = admin_client.post(
        f"/admin/members/application/{application.pk}/decide/",
        {"decision": "reject", "note": too_long(2000)},
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters" in response.text
    assert Application.objects.get().status == "submitted"
