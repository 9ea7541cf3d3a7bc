"""Representatives share practices and record adaptations from the portal; editors
publish them from the admin, and the sender is told."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from practices.models import Adaptation, Practice, Source
from tests.factories import (
    AdaptationFactory,
    MemberFactory,
    PracticeFactory,
    SourceFactory,
    image_file,
    pdf_file,
)
from tests.forms import adaptation_data, held_tokens, practice_data, sources

pytestmark = pytest.mark.django_db

NEW_EN = "/en/portal/relais-lyon/practices/new/"
NEW_FR = "/fr/espace-membre/relais-lyon/pratiques/nouvelle/"


@pytest.fixture
def rep(rep):
    """Camille, Relais Lyon's representative, whose emails are in French."""
    rep.language = "fr"
    rep.save()
    return rep


@pytest.fixture
def visits(db):
    """ "Visiting rooms", a published practice from France."""
    return PracticeFactory(
        title_en="Visiting rooms", title_fr="Des parloirs adaptés", slug="visiting-rooms"
    )


# Sharing a practice.


@pytest.mark.parametrize(
    ("url", "texts", "title", "languages"),
    [
        (NEW_EN, {}, "Mentors for teenagers", ["en"]),
        (
            NEW_FR,
            {
                "title_en": "",
                "summary_en": "",
                "title_fr": "Des mentors pour les adolescents",
                "findings_fr": "Les jeunes restent à l’école.",
            },
            "Des mentors pour les adolescents",
            ["fr"],
        ),
        (
            NEW_EN,
            {
                "title_fr": "Des mentors pour les adolescents",
                "body_en": "Weekly.",
                "body_fr": "Hebdo.",
            },
            "Mentors for teenagers",
            ["en", "fr"],
        ),
    ],
    ids=["english", "french", "both"],
)
def test_a_representative_shares_a_practice_with_sources_and_a_pdf(
    rep_client, relais, url, texts, title, languages
):
    data = practice_data(
        document=pdf_file("evaluation.pdf"),
        image=image_file("photo.png"),
        image_alt="Two people talking",
        **sources(("Evaluation 2021", 2021, "https://example.org/eval"), ("Notes", "", "", "fr")),
        **texts,
    )

    response = rep_client.post(url, data)

    assert response.status_code == 302
    assert response["Location"] in ("/en/portal/", "/fr/espace-membre/")
    practice = Practice.objects.get()
    assert practice.title == title
    assert practice.languages == languages
    assert (practice.status, practice.submitted_by, practice.author.email) == (
        "submitted",
        relais,
        "rep@example.org",
    )
    assert list(practice.members.all()) == [relais]
    assert practice.used_in == ["PT"]
    assert (practice.age_groups, practice.setting, practice.providers) == (
        ["12-17"],
        ["community"],
        ["ngo"],
    )
    assert (practice.rating, practice.evidence_rank) == ("promising", 3)
    assert practice.document.read().startswith(b"%PDF-")
    assert practice.image_web.name.endswith(".webp")
    assert sorted(practice.sources.values_list("title", "year", "url", "language")) == [
        ("Evaluation 2021", 2021, "https://example.org/eval", "en"),
        ("Notes", None, "", "fr"),
    ]


def test_a_shared_practice_is_not_public_until_published(rep_client, client):
    rep_client.post(NEW_EN, practice_data())
    practice = Practice.objects.get()
    client.logout()

    assert not Practice.objects.published().exists()
    assert practice.is_visible_to(client.get("/en/").wsgi_request.user) is False


def test_a_practice_used_worldwide_needs_no_country(rep_client):
    response = rep_client.post(NEW_EN, practice_data(countries=[], worldwide="on"))

    assert response.status_code == 302
    assert Practice.objects.get().worldwide is True


def test_a_fake_pdf_is_refused_with_a_message_and_nothing_is_stored(rep_client):
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>", "application/pdf")

    response = rep_client.post(
        NEW_EN, practice_data(document=fake, **sources(("A study", 2020, "")))
    )

    assert response.status_code == 200
    assert "This file is not a PDF document." in response.text
    assert 'href="#id_document"' in response.text
    assert not Practice.objects.exists()
    assert not Source.objects.exists()


BAD_INPUT = [
    ({"title_en": ""}, "Give a title in English or in French (or both)."),
    ({"countries": []}, "Choose the countries where it is used, or tick “worldwide”."),
    ({"countries": ["ZZ"]}, "Select a valid choice."),
    ({"start_year": "2020", "end_year": "2010"}, "The last year cannot come before the first."),
    ({"start_year": "last year"}, "Enter a whole number."),
    ({"start_year": "1066"}, "greater than or equal to 1900"),
    ({"start_year": "99999999999999999999"}, "less than or equal to"),
    ({"kind": "magic"}, "Select a valid choice."),
    ({"rating": "excellent"}, "Select a valid choice."),
    ({"age_groups": ["0-99"]}, "Select a valid choice."),
    ({"setting": ["moon"]}, "Select a valid choice."),
    ({"link": "javascript:alert(1)"}, "Enter a valid URL."),
    ({"title_en": "x" * 201}, "has at most 200 characters (it has 201)"),
    (sources(("", 2020, "https://example.org")), "Give its title, or leave the whole row empty."),
    (sources(("Study", "soon", "")), "Enter a whole number."),
    (sources(*[(f"Study {n}", 2020, "") for n in range(6)]), "Please submit at most 5 forms."),
    ({"sources-TOTAL_FORMS": "many"}, "ManagementForm data is missing or has been tampered"),
    ({"sources-TOTAL_FORMS": "100000"}, "Please submit at most 5 forms."),
]


@pytest.mark.parametrize(("changes", "message"), BAD_INPUT)
def test_bad_input_gets_a_message_and_stores_nothing(rep_client, changes, message):
    response = rep_client.post(NEW_EN, practice_data(**changes))

    assert response.status_code == 200
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert not Practice.objects.exists()
    assert not Source.objects.exists()


def test_a_post_without_the_sources_rows_stores_nothing(rep_client):
    data = {k: v for k, v in practice_data().items() if not k.startswith("sources-")}

    response = rep_client.post(NEW_EN, data)

    assert response.status_code == 200
    assert not Practice.objects.exists()


def test_the_error_summary_links_to_a_sources_field(rep_client):
    response = rep_client.post(NEW_EN, practice_data(**sources(("", 2020, ""))))

    assert 'href="#id_sources-0-title">Source 1, title of the study or report:' in response.text


def test_the_sender_edits_the_practice_and_its_sources_until_it_is_published(rep_client, relais):
    practice = PracticeFactory(
        title_en="First title", status="submitted", submitted_by=relais, countries=["PT"]
    )
    kept = SourceFactory(practice=practice, title="Kept", year=2019, url="")
    dropped = SourceFactory(practice=practice, title="Dropped", year=2018, url="")
    url = f"/en/portal/relais-lyon/practices/{practice.pk}/"
    assert rep_client.get(url).status_code == 200

    data = practice_data(
        title_en="Better title",
        title_fr=practice.title_fr,
        **sources(
            (kept.pk, "Kept, renamed", 2019, ""),
            (dropped.pk, "Dropped", 2018, ""),
            ("Added", 2024, ""),
            saved=2,
        ),
        **{"sources-1-DELETE": "on"},
    )
    response = rep_client.post(url, data)

    assert response.status_code == 302
    practice.refresh_from_db()
    assert (practice.title_en, practice.status) == ("Better title", "submitted")
    assert sorted(practice.sources.values_list("title", flat=True)) == ["Added", "Kept, renamed"]

    practice.publish()
    refused = rep_client.post(url, data | {"title_en": "Changed after"})

    assert refused.status_code == 302
    assert Practice.objects.get(pk=practice.pk).title_en == "Better title"


def test_another_members_representative_gets_404(rep_client, relais, other_member, visits):
    theirs = PracticeFactory(status="submitted", submitted_by=other_member)
    their_adaptation = AdaptationFactory(
        practice=visits, status="submitted", submitted_by=other_member, member=other_member
    )

    assert rep_client.get("/en/portal/kinder-berlin/practices/new/").status_code == 404
    assert (
        rep_client.post("/en/portal/kinder-berlin/practices/new/", practice_data()).status_code
        == 404
    )
    assert rep_client.get(f"/en/portal/kinder-berlin/practices/{theirs.pk}/").status_code == 404
    assert rep_client.get(f"/en/portal/relais-lyon/practices/{theirs.pk}/").status_code == 404
    assert (
        rep_client.get(f"/en/portal/kinder-berlin/adaptations/{their_adaptation.pk}/").status_code
        == 404
    )
    assert (
        rep_client.get(f"/en/portal/relais-lyon/adaptations/{their_adaptation.pk}/").status_code
        == 404
    )
    assert Practice.objects.filter(submitted_by=relais).count() == 0


def test_signed_out_visitors_are_sent_to_sign_in(client, relais, visits):
    for url in (NEW_EN, "/en/portal/adapted/visiting-rooms/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/en/accounts/login/" in response["Location"]


def test_people_who_represent_no_member_cannot_record_an_adaptation(client, visits):
    from tests.factories import UserFactory

    client.force_login(UserFactory(email="nobody@example.org"))

    assert client.get("/en/portal/adapted/visiting-rooms/").status_code == 404


def test_the_editors_are_told_each_in_their_language(rep_client, editor, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]
    editor.language = "fr"
    editor.save()

    rep_client.post(NEW_EN, practice_data())

    practice = Practice.objects.get()
    notices = {message.to[0]: message for message in mail.outbox}
    assert set(notices) == {"editor@example.org", "secretariat@example.org"}
    assert notices["editor@example.org"].subject.endswith("Pratique de Relais Lyon à relire")
    assert notices["secretariat@example.org"].subject.endswith(
        "A practice from Relais Lyon waits for review"
    )
    assert f"/admin/practices/practice/{practice.pk}/change/" in notices["editor@example.org"].body
    assert "Mentors for teenagers" in notices["editor@example.org"].body


def test_publishing_with_the_admin_action_tells_the_sender_in_their_language_once(
    editor_client, relais, rep
):
    practice = PracticeFactory(
        title_fr="Des mentors", status="submitted", submitted_by=relais, author=rep
    )
    mail.outbox.clear()

    for action in ("publish", "unpublish", "publish"):
        editor_client.post(
            "/admin/practices/practice/", {"action": action, "_selected_action": [practice.pk]}
        )

    practice.refresh_from_db()
    assert practice.status == "published"
    (message,) = mail.outbox
    assert message.to == ["rep@example.org"]
    assert message.subject.endswith("Votre contenu est en ligne\u00a0: Des mentors")
    assert (
        "La pratique que vous avez partagée, «\u202fDes mentors\u202f», est publiée" in message.body
    )
    assert f"/fr/pratiques/{practice.slug}/" in message.body


# Recording an adaptation.


def test_an_adaptation_is_recorded_published_and_changes_where_the_practice_is_used(
    rep_client, relais, rep, editor, visits
):
    assert visits.used_in == ["FR"]

    response = rep_client.post(
        "/fr/espace-membre/adaptee/visiting-rooms/", adaptation_data(outcome_en="It worked.")
    )

    assert response.status_code == 302
    adaptation = Adaptation.objects.get()
    assert (adaptation.practice, adaptation.country.code, adaptation.year) == (visits, "PT", 2024)
    assert (adaptation.member, adaptation.submitted_by, adaptation.status) == (
        relais,
        relais,
        "submitted",
    )
    visits.refresh_from_db()
    assert (visits.used_in, visits.adapted) == (["FR"], False)
    mail.outbox.clear()

    rep_client.force_login(editor)
    rep_client.post(
        "/admin/practices/adaptation/", {"action": "publish", "_selected_action": [adaptation.pk]}
    )

    visits.refresh_from_db()
    assert (visits.used_in, visits.adapted) == (["FR", "PT"], True)
    (message,) = mail.outbox
    assert message.to == ["rep@example.org"]
    assert (
        "Votre adaptation de «\u202fDes parloirs adaptés\u202f» (Portugal) est publiée"
        in message.body
    )
    assert "/fr/pratiques/visiting-rooms/#adaptations" in message.body


def test_unpublishing_an_adaptation_takes_its_country_off_the_practice(editor_client, visits):
    adaptation = AdaptationFactory(practice=visits, country="BE")
    visits.refresh_from_db()
    assert visits.adapted is True

    editor_client.post(
        "/admin/practices/adaptation/", {"action": "unpublish", "_selected_action": [adaptation.pk]}
    )

    visits.refresh_from_db()
    assert (visits.used_in, visits.adapted) == (["FR"], False)


def test_a_representative_of_several_members_says_which_one_adapted_it(
    rep_client, rep, relais, visits
):
    second = MemberFactory(name="Maison Lisbonne", slug="maison-lisbonne", representatives=[rep])
    stranger = MemberFactory(name="Someone else", slug="someone-else")
    url = "/en/portal/adapted/visiting-rooms/"

    page = rep_client.get(url).text
    missing = rep_client.post(url, adaptation_data())
    foreign = rep_client.post(url, adaptation_data(sender=stranger.pk))
    chosen = rep_client.post(url, adaptation_data(sender=second.pk))

    assert "Maison Lisbonne" in page
    assert "Which organisation adapted it" in page
    assert missing.status_code == 200
    assert foreign.status_code == 200
    assert "Select a valid choice." in foreign.text
    assert chosen.status_code == 302
    adaptation = Adaptation.objects.get()
    assert (adaptation.member, adaptation.submitted_by) == (second, second)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"country": "FR"}, "The practice comes from this country"),
        ({"country": "ZZ"}, "Select a valid choice."),
        ({"year": "1492"}, "greater than or equal to 1900"),
        ({"year": "recently"}, "Enter a whole number."),
        ({"changes_fr": ""}, "Say what changed, in English or in French (or both)."),
        ({"changes_fr": "x" * 2001}, "has at most 2000 characters (it has 2001)"),
    ],
)
def test_bad_adaptations_get_a_message_and_store_nothing(rep_client, visits, changes, message):
    response = rep_client.post("/en/portal/adapted/visiting-rooms/", adaptation_data(**changes))

    assert response.status_code == 200
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert not Adaptation.objects.exists()


def test_only_published_practices_can_be_adapted(rep_client, relais):
    PracticeFactory(slug="draft-practice", status="submitted")

    assert rep_client.get("/en/portal/adapted/draft-practice/").status_code == 404
    assert rep_client.get("/en/portal/adapted/no-such-practice/").status_code == 404


def test_the_sender_changes_an_adaptation_until_it_is_published(rep_client, relais, visits):
    adaptation = AdaptationFactory(
        practice=visits, status="submitted", submitted_by=relais, member=relais, country="PT"
    )
    url = f"/en/portal/relais-lyon/adaptations/{adaptation.pk}/"

    assert rep_client.get(url).status_code == 200
    response = rep_client.post(url, adaptation_data(country="ES", changes_en="In Spanish."))

    assert response.status_code == 302
    adaptation.refresh_from_db()
    assert (adaptation.country.code, adaptation.changes_en) == ("ES", "In Spanish.")
    adaptation.publish()
    refused = rep_client.post(url, adaptation_data(country="IT"))
    assert refused.status_code == 302
    assert Adaptation.objects.get().country.code == "ES"


# The portal's dashboard.


def test_the_dashboard_lists_practices_and_adaptations_with_their_status(
    rep_client, relais, visits
):
    PracticeFactory(title_en="Waiting practice", status="submitted", submitted_by=relais)
    PracticeFactory(title_en="Out practice", slug="out-practice", submitted_by=relais)
    AdaptationFactory(practice=visits, status="submitted", submitted_by=relais, country="PT")
    PracticeFactory(title_en="Someone else's practice", status="submitted")

    html = rep_client.get("/en/portal/").text

    assert "Waiting practice" in html
    assert '<a href="/en/practices/out-practice/"><span>Out practice</span></a>' in html
    assert "Visiting rooms — Portugal" in html
    assert "Someone else" not in html
    assert 'href="/en/portal/relais-lyon/practices/new/"' in html
    assert html.count("Waiting for an editor") == 2


def test_the_dashboard_query_count_does_not_grow(
    rep_client, relais, visits, django_assert_max_num_queries
):
    PracticeFactory(status="submitted", submitted_by=relais)
    AdaptationFactory(practice=visits, status="submitted", submitted_by=relais)
    with django_assert_max_num_queries(14) as small:
        rep_client.get("/en/portal/")
    PracticeFactory.create_batch(20, status="submitted", submitted_by=relais)
    for practice in PracticeFactory.create_batch(10):
        AdaptationFactory(practice=practice, status="submitted", submitted_by=relais)
    with django_assert_max_num_queries(len(small.captured_queries)):
        rep_client.get("/en/portal/")


# The admin.


def test_the_admin_pages_load_for_an_editor(editor_client, relais, visits):
    waiting = PracticeFactory(
        title_en="A waiting practice", status="submitted", submitted_by=relais
    )
    SourceFactory(practice=waiting)
    adaptation = AdaptationFactory(
        practice=visits, status="submitted", submitted_by=relais, country="PT"
    )

    pages = [
        "/admin/practices/practice/",
        "/admin/practices/practice/?status__exact=submitted&kind__exact=programme&country=FR",
        "/admin/practices/practice/add/",
        f"/admin/practices/practice/{waiting.pk}/change/",
        "/admin/practices/adaptation/",
        f"/admin/practices/adaptation/{adaptation.pk}/change/",
    ]
    for page in pages:
        assert editor_client.get(page).status_code == 200, page

    review = editor_client.get("/admin/news/post/review/").text
    index = editor_client.get("/admin/").text
    assert "A waiting practice" in review
    assert f'href="/admin/practices/practice/{waiting.pk}/change/"' in review
    assert "Visiting rooms — Portugal" in review
    assert f'href="/admin/practices/adaptation/{adaptation.pk}/change/"' in review
    assert "2 items sent by members" in index


def test_publishing_from_the_change_form_tells_the_sender(editor_client, relais, rep):
    practice = PracticeFactory(
        title_en="Mentors", status="submitted", submitted_by=relais, author=rep, slug="mentors"
    )
    mail.outbox.clear()

    response = editor_client.post(
        f"/admin/practices/practice/{practice.pk}/change/",
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
            "author": rep.pk,
            "submitted_by": relais.pk,
            "initial-status": "submitted",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            "adaptations-TOTAL_FORMS": "0",
            "adaptations-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert Practice.objects.get(pk=practice.pk).status == "published"
    assert [m.to for m in mail.outbox] == [["rep@example.org"]]


def test_the_pdf_and_picture_are_kept_while_a_mistake_is_put_right(rep_client):
    files = {"document": pdf_file("evaluation.pdf"), "image": image_file("photo.png")}

    first = rep_client.post(NEW_FR, practice_data(countries=[], **files))
    tokens = held_tokens(first.text)
    second = rep_client.post(
        NEW_FR, practice_data(**{f"{name}-held": tokens[name] for name in files})
    )

    assert "Fichier reçu : evaluation.pdf" in first.text.replace("\xa0", " ")
    assert second.status_code == 302
    practice = Practice.objects.get()
    assert practice.document.read().startswith(b"%PDF-")
    assert practice.image_web.name.endswith(".webp")
