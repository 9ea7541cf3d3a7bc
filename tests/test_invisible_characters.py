"""Names, titles and summaries never keep the invisible characters that disguise text
(a right-to-left override makes "evil" show as "live"), whichever way they come in:
public forms, the member portal, the admin, or code."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from members.models import Affiliate, Application, Member
from news.models import Post
from tests.factories import (
    CategoryFactory,
    MemberFactory,
    PostFactory,
    TopicFactory,
    applicant_category,
)
from tests.forms import admin_member, application_data, profile_data, subscription_data

pytestmark = pytest.mark.django_db

RLO, PDF = "\u202e", "\u202c"  # right-to-left override, pop directional formatting
# Shown as "Relais evil": the override reverses what follows it.
DISGUISED = f"Relais {RLO}live{PDF}"
# Each kind: embeddings and overrides, isolates, marks, zero-width space, word joiner,
# invisible operators, byte order mark, soft hyphen.
HIDDEN = "\u202a\u202b\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u200b\u2060\u2063\ufeff\u00ad"


def test_the_join_form_strips_them_from_the_stored_name_and_the_email_subject(client, mailoutbox):
    category = CategoryFactory()

    response = client.post(
        "/en/join/",
        application_data(
            category,
            organisation=DISGUISED,
            contact_name=f"Marie{HIDDEN} Dupont",
            work=f"We {RLO}visit{PDF} prisons.",
            language="en",
        ),
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.organisation == "Relais live"
    assert application.contact_name == "Marie Dupont"
    assert application.work == "We visit prisons."
    assert mailoutbox[0].subject.endswith("We have received the application of Relais live")


def test_a_name_made_only_of_invisible_characters_is_refused(client):

    response = client.post(
        "/en/join/", application_data(CategoryFactory(), organisation=f" {HIDDEN} ")
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Application.objects.exists()


def test_the_subscription_form_strips_them(client):
    client.post(
        "/en/subscribe/", subscription_data(name=f"Sam{HIDDEN} Lee", organisation=DISGUISED)
    )

    affiliate = Affiliate.objects.get()
    assert (affiliate.name, affiliate.organisation) == ("Sam Lee", "Relais live")


def test_the_portal_profile_strips_them_and_the_page_shows_plain_text(rep_client, relais):
    rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(
            relais, summary_en=f"We {RLO}visit{PDF} prisons.", mission_fr=f"Ai{HIDDEN}der"
        ),
    )

    member = Member.objects.get()
    assert (member.summary_en, member.mission_fr) == ("We visit prisons.", "Aider")
    assert RLO not in rep_client.get("/en/members/relais-lyon/").text


def test_news_sent_from_the_portal_is_stripped_and_so_is_the_email_when_published(
    rep_client, mailoutbox
):
    rep_client.post(
        "/en/portal/relais-lyon/news/new/",
        {"title_en": DISGUISED, "summary_en": f"A {RLO}new{PDF} centre.", "body_en": "Yes."},
    )
    post = Post.objects.get()
    post.publish()

    assert (post.title_en, post.summary_en) == ("Relais live", "A new centre.")
    assert post.slug == "relais-live"
    assert mailoutbox[-1].subject.endswith("Published: Relais live")


def test_people_invited_from_the_portal_get_plain_names(rep_client, relais):
    rep_client.post(
        "/en/portal/relais-lyon/representatives/",
        {
            "first_name": f"{RLO}aéL",
            "last_name": f"Pe{HIDDEN}tit",
            "email": "lea@example.org",
            "language": "fr",
        },
    )

    invitation = relais.invitations.get(email="lea@example.org")
    assert (invitation.first_name, invitation.last_name) == ("aéL", "Petit")


def test_the_admin_strips_them_and_the_directory_shows_plain_text(admin_client):
    member = MemberFactory(slug="relais")

    admin_client.post(
        f"/admin/members/member/{member.pk}/change/",
        admin_member(member, name=DISGUISED, acronym=f"R{HIDDEN}L"),
    )

    member.refresh_from_db()
    assert (member.name, member.acronym) == ("Relais live", "RL")
    assert RLO not in admin_client.get("/admin/members/member/").text
    assert RLO not in admin_client.get("/en/members/").text


def test_the_admin_strips_them_from_translated_fields(admin_client):
    admin_client.post(
        "/admin/news/post/add/",
        {
            "title_en": DISGUISED,
            "title_fr": f"Relais {HIDDEN}Lyon",
            "slug": "relais",
            "status": "draft",
            "publish_at_0": "2030-01-01",
            "publish_at_1": "10:00:00",
        },
    )

    post = Post.objects.get()
    assert (post.title_en, post.title_fr) == ("Relais live", "Relais Lyon")


def test_rows_saved_by_code_are_stripped_too():
    member = Member.objects.create(
        name=DISGUISED,
        slug="relais",
        category=applicant_category(),
        country="FR",
        summary_en=f"A {RLO}summary",
        summary_fr=f"Un {RLO}résumé",
    )
    topic = TopicFactory(name_en=f"Scho{HIDDEN}ols")

    member.refresh_from_db()
    topic.refresh_from_db()
    assert (member.name, member.summary_en, member.summary_fr) == (
        "Relais live",
        "A summary",
        "Un résumé",
    )
    assert topic.name_en == "Schools"
    assert str(member) == "Relais live"


def test_full_clean_strips_them_before_counting():
    post = PostFactory.build(title_en=f"{RLO}{'x' * 200}{PDF}", slug="long")

    post.full_clean()

    assert post.title_en == "x" * 200


def test_one_line_text_has_no_line_breaks_for_email_subjects():
    member = MemberFactory(name="Relais\r\nBcc: everyone@example.org", slug="relais")

    member.refresh_from_db()
    assert member.name == "Relais Bcc: everyone@example.org"


def test_joiners_that_scripts_and_emoji_need_are_kept():
    family = "Famille \U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, woman, girl: one emoji
    persian = "می\u200cخواهم"  # the zero-width non-joiner is part of the word
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"  # Wales

    member = MemberFactory(name=f"{family} {persian} {flag}", slug="famille")

    member.refresh_from_db()
    assert member.name == f"{family} {persian} {flag}"


def test_a_translated_field_does_not_take_the_other_languages_text():
    """The fallback (French shows English where it has none) must not be saved into
    the empty language when the text is cleaned."""
    member = MemberFactory(slug="relais", summary_en=f"English {RLO}only", summary_fr="")

    with override("fr"):
        member.save()
    member.refresh_from_db()

    assert (member.summary_en, member.summary_fr) == ("English only", "")


def test_model_validation_refuses_nothing_it_can_clean():
    member = MemberFactory.build(name=DISGUISED, category=applicant_category(), slug="relais")

    try:
        member.full_clean()
    except ValidationError as error:
        pytest.fail(f"refused: {error}")

    assert member.name == "Relais live"
