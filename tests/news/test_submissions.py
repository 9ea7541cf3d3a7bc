"""Representatives send news and events from the portal; editors publish them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import Event, Post
from tests.factories import EventFactory, PostFactory, UserFactory, image_file, pdf_file
from tests.forms import event_data, held_tokens, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def rep(rep):
    """Camille, Relais Lyon's representative, whose emails are in French."""
    rep.language = "fr"
    rep.save()
    return rep


@pytest.fixture
def editor(editor):
    """The editor, whose emails are in French."""
    editor.language = "fr"
    editor.save()
    return editor


def test_a_representative_sends_an_event_in_french(rep_client, relais, editor, settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]

    response = rep_client.post(
        "/fr/espace-membre/relais-lyon/evenements/nouveau/",
        event_data(programme=pdf_file("programme.pdf")),
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == "submitted"
    assert event.title_fr == "Journée des familles"
    assert event.title_en in ("", None)
    assert event.submitted_by == relais
    assert event.organiser == relais
    assert list(event.members.all()) == [relais]
    assert event.author.email == "rep@example.org"
    assert event.local_start == datetime.datetime(2031, 6, 14, 10, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert event.slug == "journee-des-familles"
    assert event.documents.get().kind == "programme"
    notices = {message.to[0]: message for message in mail.outbox}
    assert set(notices) == {"editor@example.org", "secretariat@example.org"}
    assert notices["editor@example.org"].subject.endswith("Événement de Relais Lyon à relire")
    assert f"/admin/news/event/{event.pk}/change/" in notices["editor@example.org"].body
    assert notices["secretariat@example.org"].subject.endswith(
        "An event from Relais Lyon waits for review"
    )


def test_a_submitted_event_is_not_public(rep_client, client):
    rep_client.post("/fr/espace-membre/relais-lyon/evenements/nouveau/", event_data())
    client.logout()

    assert "Journée des familles" not in client.get("/fr/evenements/").text
    assert client.get("/fr/evenements/journee-des-familles/").status_code == 404


def test_a_representative_sends_news_in_english(rep_client, relais):

    response = rep_client.post(
        "/en/portal/relais-lyon/news/new/",
        {
            "title_en": "Our new visitor centre",
            "body_en": "It opens on **Monday**.",
            "image": image_file("photo.jpg", image_format="JPEG"),
            "image_alt": "The new building",
            "countries": ["FR"],
        },
    )

    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.status, post.submitted_by, post.title) == (
        "submitted",
        relais,
        "Our new visitor centre",
    )
    assert post.image_web.name.endswith(".webp")
    assert post.body_html_en == "<p>It opens on <strong>Monday</strong>.</p>"


def test_a_title_in_one_language_at_least_is_needed(rep_client):
    response = rep_client.post("/en/portal/relais-lyon/news/new/", {"body_en": "Text only"})

    assert response.status_code == 200
    assert "Give a title in English or in French (or both)." in response.text
    assert not Post.objects.exists()


def test_text_in_a_language_needs_its_title(rep_client):
    response = rep_client.post(
        "/en/portal/relais-lyon/news/new/", {"title_fr": "Titre", "body_en": "English text"}
    )

    assert "Give a title in this language too, or remove its text." in response.text
    assert not Post.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end": "2031-06-13T10:00"}, "The event cannot end before it starts."),
        ({"venue": "", "city": "", "online_url": ""}, "Say where it takes place"),
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice."),
        ({"start": "tomorrow"}, "Enter a valid date/time."),
        ({"online_url": "javascript:alert(1)"}, "Enter a valid URL."),
    ],
)
def test_bad_event_input_gets_a_message_and_nothing_is_stored(rep_client, changes, message):
    response = rep_client.post("/en/portal/relais-lyon/events/new/", event_data(**changes))

    assert response.status_code == 200
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert not Event.objects.exists()


def test_a_programme_that_is_not_a_pdf_is_refused(rep_client):
    fake = SimpleUploadedFile("programme.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = rep_client.post("/en/portal/relais-lyon/events/new/", event_data(programme=fake))

    assert "This file is not a PDF document." in response.text
    assert not Event.objects.exists()


def test_another_members_representative_cannot_send_or_edit_for_it(rep_client, other_member):
    theirs = PostFactory(status="submitted", submitted_by=other_member, title_en="Theirs")

    assert rep_client.get("/en/portal/kinder-berlin/news/new/").status_code == 404
    assert rep_client.post("/en/portal/kinder-berlin/events/new/", event_data()).status_code == 404
    assert rep_client.get(f"/en/portal/kinder-berlin/news/{theirs.pk}/").status_code == 404
    assert rep_client.get(f"/en/portal/relais-lyon/news/{theirs.pk}/").status_code == 404
    assert not Event.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, relais):
    response = client.get("/en/portal/relais-lyon/news/new/")

    assert response.status_code == 302
    assert "/en/accounts/login/" in response["Location"]


def test_the_dashboard_shows_what_was_sent_and_its_status(rep_client, relais):
    PostFactory(title_en="Waiting", status="submitted", submitted_by=relais)
    PostFactory(title_en="Out", status="published", submitted_by=relais, slug="out")
    EventFactory(title_en="Turned down", status="draft", submitted_by=relais)
    PostFactory(title_en="Someone else's", status="submitted")

    html = rep_client.get("/en/portal/").text

    assert "Waiting for an editor" in html
    assert '<a href="/en/news/out/"><span>Out</span></a>' in html
    assert "Not published" in html
    assert "Someone else" not in html


def test_the_dashboard_shows_the_date_a_scheduled_item_will_appear(rep_client, relais):
    publish_at = datetime.datetime(2031, 3, 12, 9, tzinfo=ZoneInfo("Europe/Paris"))
    PostFactory(title_en="Soon", status="published", publish_at=publish_at, submitted_by=relais)

    html = rep_client.get("/en/portal/").text

    assert "To be published on 12 March 2031" in html


def test_the_sender_edits_until_it_is_published(rep_client, relais):
    post = PostFactory(title_en="First title", status="draft", submitted_by=relais)
    published = PostFactory(title_en="Out", status="published", submitted_by=relais)

    response = rep_client.post(
        f"/en/portal/relais-lyon/news/{post.pk}/",
        post_data(title_en="Better title", body_en="Yes."),
    )
    refused = rep_client.post(
        f"/en/portal/relais-lyon/news/{published.pk}/", post_data(title_en="Changed after")
    )

    post.refresh_from_db()
    assert response.status_code == 302
    assert (post.title_en, post.status) == ("Better title", "submitted")
    assert refused.status_code == 302
    assert Post.objects.get(pk=published.pk).title_en == "Out"


def test_a_change_that_reaches_the_site_after_publication_saves_nothing(relais, rep):
    post = PostFactory(title_en="Sent", status="submitted", submitted_by=relais)
    changed = Post.objects.get(pk=post.pk)  # as the sender's form read it
    post.publish()  # by an editor, meanwhile
    changed.title_en = "Changed too late"

    saved = changed.submit(relais, by=rep)

    assert saved is False
    post.refresh_from_db()
    assert (post.title_en, post.status) == ("Sent", "published")


def test_the_picture_and_programme_are_kept_while_a_mistake_is_put_right(rep_client):
    url = "/fr/espace-membre/relais-lyon/evenements/nouveau/"
    files = {"image": image_file("affiche.png"), "programme": pdf_file("programme.pdf")}

    first = rep_client.post(url, event_data(end="2031-06-13T10:00", **files))
    tokens = held_tokens(first.text)
    second = rep_client.post(url, event_data(**{f"{name}-held": tokens[name] for name in files}))

    assert "Fichier reçu : affiche.png" in first.text.replace("\xa0", " ")
    assert "Fichier reçu : programme.pdf" in first.text.replace("\xa0", " ")
    assert second.status_code == 302
    event = Event.objects.get()
    assert event.image_web.name.endswith(".webp")
    assert event.documents.get().file.read().startswith(b"%PDF-")


def test_a_change_with_fields_missing_blanks_nothing(rep_client, relais):
    post = PostFactory(title_en="Title", title_fr="Titre", status="submitted", submitted_by=relais)

    response = rep_client.post(f"/en/portal/relais-lyon/news/{post.pk}/", {"title_en": "New"})

    assert response.status_code == 200
    assert "Part of the form did not arrive, so nothing was saved" in response.text
    post.refresh_from_db()
    assert (post.title_en, post.title_fr) == ("Title", "Titre")


def test_the_dashboard_query_count_does_not_grow(rep_client, relais, django_assert_max_num_queries):
    PostFactory.create_batch(2, status="submitted", submitted_by=relais)
    with django_assert_max_num_queries(12) as small:
        rep_client.get("/en/portal/")
    PostFactory.create_batch(20, status="submitted", submitted_by=relais)
    EventFactory.create_batch(20, status="submitted", submitted_by=relais)
    with django_assert_max_num_queries(len(small.captured_queries)):
        rep_client.get("/en/portal/")


def test_publishing_tells_the_sender_in_their_language_once(admin_client, relais, rep):
    event = EventFactory(
        title_fr="Journée des familles", status="submitted", submitted_by=relais, author=rep
    )
    mail.outbox.clear()

    admin_client.post("/admin/news/event/", {"action": "publish", "_selected_action": [event.pk]})
    admin_client.post("/admin/news/event/", {"action": "unpublish", "_selected_action": [event.pk]})
    admin_client.post("/admin/news/event/", {"action": "publish", "_selected_action": [event.pk]})

    event.refresh_from_db()
    assert event.status == "published"
    (message,) = mail.outbox
    assert message.to == ["rep@example.org"]
    assert message.subject.endswith("Votre contenu est en ligne\u00a0: Journée des familles")
    assert "/fr/evenements/" in message.body


def test_publishing_from_the_change_form_tells_the_sender_too(admin_client, relais, rep):
    post = PostFactory(status="submitted", submitted_by=relais, author=rep, slug="sent")
    mail.outbox.clear()
    form = admin_client.get(f"/admin/news/post/{post.pk}/change/")
    assert form.status_code == 200

    response = admin_client.post(
        f"/admin/news/post/{post.pk}/change/",
        {
            "title_en": post.title_en,
            "title_fr": post.title_fr,
            "slug": "sent",
            "summary_en": post.summary_en,
            "body_en": post.body_en,
            "status": "published",
            "publish_at_0": "2020-01-01",
            "publish_at_1": "10:00:00",
            "author": rep.pk,
            "submitted_by": relais.pk,
            "initial-status": "submitted",
        },
    )

    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).status == "published"
    assert [m.to for m in mail.outbox] == [["rep@example.org"]]


def test_the_review_page_lists_what_waits(admin_client, relais):
    PostFactory(title_en="A waiting post", status="submitted", submitted_by=relais)
    EventFactory(title_en="A waiting event", status="submitted", submitted_by=relais)
    PostFactory(title_en="Already out")

    html = admin_client.get("/admin/news/post/review/").text
    index = admin_client.get("/admin/").text

    assert "A waiting post" in html
    assert "A waiting event" in html
    assert "Already out" not in html
    assert "2 items sent by members" in index


def test_the_review_queue_is_oldest_first_and_holds_only_what_was_sent(relais):
    older = PostFactory(status="submitted", submitted_by=relais)
    newer = PostFactory(status="submitted", submitted_by=relais)
    PostFactory(status="draft")
    now = datetime.datetime.now(datetime.UTC)
    Post.objects.filter(pk=older.pk).update(updated_at=now - datetime.timedelta(days=2))
    Post.objects.filter(pk=newer.pk).update(updated_at=now - datetime.timedelta(days=1))

    assert list(Post.objects.waiting_for_review()) == [older, newer]


def test_publishing_makes_a_past_date_now_and_keeps_a_future_one():
    now = datetime.datetime.now(datetime.UTC)
    past = PostFactory(status="submitted", publish_at=now - datetime.timedelta(days=3))
    future = PostFactory(status="submitted", publish_at=now + datetime.timedelta(days=3))

    past.publish()
    future.publish()

    past.refresh_from_db()
    assert past.publish_at >= now
    assert Post.objects.get(pk=future.pk).publish_at == now + datetime.timedelta(days=3)


def test_the_review_page_is_for_editors_only(client):
    client.force_login(UserFactory(email="secretary@example.org", is_staff=True))

    assert client.get("/admin/news/post/review/").status_code == 403


def test_editors_find_members_to_link_an_event_to(editor_client, relais):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "relais", "app_label": "news", "model_name": "event", "field_name": "organiser"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Relais Lyon"]


def test_staff_who_may_only_view_cannot_publish(client, relais):
    viewer = UserFactory(email="viewer@example.org", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_post"))
    client.force_login(viewer)
    post = PostFactory(status="submitted", submitted_by=relais)

    client.post("/admin/news/post/", {"action": "publish", "_selected_action": [post.pk]})

    assert Post.objects.get(pk=post.pk).status == "submitted"


def test_a_scheduled_item_tells_the_sender_its_date(admin_client, relais, rep):
    post = PostFactory(
        title_fr="Bientôt",
        status="submitted",
        submitted_by=relais,
        author=rep,
        publish_at=datetime.datetime(2031, 1, 15, 10, tzinfo=datetime.UTC),
    )
    mail.outbox.clear()

    admin_client.post("/admin/news/post/", {"action": "publish", "_selected_action": [post.pk]})

    (message,) = mail.outbox
    assert message.subject.endswith("Publication programmée\u00a0: Bientôt")
    assert "15 janvier 2031" in message.body


@pytest.mark.parametrize(
    ("zone", "typed", "utc"),
    [
        # The night the clocks change in Brussels, but not at that hour elsewhere.
        ("Europe/London", "2026-03-29T02:30", datetime.datetime(2026, 3, 29, 1, 30)),
        ("Europe/Lisbon", "2026-10-25T02:30", datetime.datetime(2026, 10, 25, 2, 30)),
        # Twice that night in Paris: the first one (summer time) is meant.
        ("Europe/Paris", "2026-10-25T02:30", datetime.datetime(2026, 10, 25, 0, 30)),
    ],
)
def test_times_around_clock_changes_are_read_in_the_events_zone(rep_client, zone, typed, utc):
    end = typed[:-5] + "23:00"
    response = rep_client.post(
        "/en/portal/relais-lyon/events/new/",
        event_data(start=typed, end=end, time_zone=zone),
    )

    assert response.status_code == 302
    assert Event.objects.get().start == utc.replace(tzinfo=datetime.UTC)


def test_a_time_that_does_not_exist_in_the_events_zone_is_refused(rep_client):
    response = rep_client.post(
        "/en/portal/relais-lyon/events/new/",
        event_data(start="2026-03-29T03:30", end="2026-03-29T05:00", time_zone="Europe/Helsinki"),
    )

    assert "This time does not exist in Europe/Helsinki" in response.text
    assert not Event.objects.exists()


def test_an_all_day_event_on_a_clock_change_day_is_accepted(rep_client):
    response = rep_client.post(
        "/en/portal/relais-lyon/events/new/",
        event_data(
            start="2026-03-29T03:30",
            end="2026-03-29T03:30",
            time_zone="Europe/Helsinki",
            all_day="on",
        ),
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert event.local_start.date() == datetime.date(2026, 3, 29)
    assert event.local_end.date() == datetime.date(2026, 3, 29)
