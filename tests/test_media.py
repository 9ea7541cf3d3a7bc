"""Issue 11 (penetration test), serving uploads: a file is sent only while a row holds
it, only to whoever may see that row (everyone once it is public; before, staff and the
member who sent it), only as the type the site checked, and never as something that
runs: PDFs are sandboxed downloads."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from members.models import Application, Member
from news.models import EventDocument, Post
from tests.factories import (
    CategoryFactory,
    EventDocumentFactory,
    EventFactory,
    MemberFactory,
    PostFactory,
    image_file,
)
from tests.forms import application_data

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"
KEPT_A_YEAR = "public, max-age=31536000, immutable"


@pytest.fixture
def relais(db):
    """Relais Lyon, unpublished: its items and logo are not public yet."""
    return MemberFactory(name="Relais Lyon", slug="relais-lyon", published=False)


@pytest.fixture
def other_rep_client(client, other_member):
    """`client`, signed in as the representative of another member."""
    client.force_login(other_member.representatives.get())
    return client


def submitted_post(sender, **changes):
    return PostFactory(status="submitted", submitted_by=sender, image=image_file(), **changes)


def seen(client, *files):
    """What the site answers `client` for each of `files`."""
    return [client.get(file.url).status_code for file in files]


# Published files.


def test_a_published_events_programme_is_a_sandboxed_download_named_after_its_title(client):
    document = EventDocumentFactory(title_en="Programme of the day")

    response = client.get(document.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="programme-of-the-day.pdf"'
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == KEPT_A_YEAR
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_published_posts_picture_is_served_as_webp_and_kept_a_year(client):
    post = PostFactory(image=image_file())

    response = client.get(post.image_web.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["Cache-Control"] == KEPT_A_YEAR


def test_a_listed_members_logo_is_served_to_everyone(client):
    member = MemberFactory(logo=image_file())

    assert client.get(member.logo_small.url).status_code == 200


def test_an_html_or_svg_file_is_never_served_even_when_a_row_holds_it(client):
    """Files stored before the site chose names, had the migration not run yet."""
    document = EventDocumentFactory()
    for name in ("events/documents/programme.html", "events/documents/prog.svg"):
        default_storage.save(name, ContentFile(b"<html><script>alert(1)</script></html>"))
        EventDocument.objects.filter(pk=document.pk).update(file=name)

        assert client.get(f"/media/{name}").status_code == 404


def test_a_file_no_row_holds_is_not_served(client):
    member = MemberFactory(logo=image_file())
    replaced = member.logo_small.url
    member.logo = image_file("new.png")
    member.save()
    default_storage.save("members/logos/stray.webp", ContentFile(b"RIFF"))

    assert client.get(replaced).status_code == 404
    assert client.get("/media/members/logos/stray.webp").status_code == 404
    assert client.get("/media/members/logos/../logos/stray.webp").status_code == 404


# Unpublished items: their sender and staff see them, nobody else.


def test_a_submitted_posts_picture_is_hidden_from_visitors_and_other_members(
    client, relais, other_rep_client
):
    post = submitted_post(relais)

    assert seen(other_rep_client, post.image_web) == [404]
    other_rep_client.logout()
    assert seen(client, post.image_web, post.image) == [404, 404]


def test_the_sender_sees_the_picture_of_their_item_and_nobody_keeps_a_copy(rep_client, relais):
    post = submitted_post(relais)

    response = rep_client.get(post.image.url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_an_editor_previews_a_drafts_picture(editor_client):
    post = PostFactory(status="draft", image=image_file())

    assert editor_client.get(post.image_web.url).status_code == 200


def test_an_editor_without_a_required_second_factor_sees_no_drafts_picture(editor_client, settings):
    settings.STAFF_REQUIRE_MFA = True
    post = PostFactory(status="draft", image=image_file())
    member = MemberFactory(published=False, logo=image_file())

    assert seen(editor_client, post.image_web, member.logo_small) == [404, 404]


def test_a_scheduled_posts_picture_appears_when_the_post_does(client):
    post = PostFactory(image=image_file(), publish_at=timezone.now() + datetime.timedelta(days=1))

    assert client.get(post.image_web.url).status_code == 404
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now())
    assert client.get(post.image_web.url).status_code == 200


def test_a_submitted_events_programme_is_hidden_until_it_is_published(client, relais, rep_client):
    event = EventFactory(status="submitted", submitted_by=relais, image=image_file())
    document = EventDocumentFactory(event=event)

    assert seen(rep_client, document.file) == [200]
    rep_client.logout()
    assert seen(client, document.file, event.image_web) == [404, 404]

    event.publish()

    assert seen(client, document.file, event.image_web) == [200, 200]


def test_an_unpublished_members_logo_is_seen_by_its_representatives_and_staff_only(
    client, relais, rep_client, admin_client
):
    relais.logo = image_file()
    relais.save()

    assert seen(rep_client, relais.logo_large) == [200]
    assert seen(admin_client, relais.logo_large) == [200]
    rep_client.logout()
    assert seen(client, relais.logo_large, relais.logo) == [404, 404]


def test_a_former_members_logo_is_no_longer_served(client):
    member = MemberFactory(logo=image_file())
    Member.objects.filter(pk=member.pk).update(status=Member.Status.FORMER)

    assert client.get(member.logo_small.url).status_code == 404


def test_a_logo_in_an_unlisted_category_is_not_served(client):
    member = MemberFactory(logo=image_file(), category=CategoryFactory(listed=False))

    assert client.get(member.logo_small.url).status_code == 404


# The proxy sends the bytes, after the same checks.


def test_with_nginx_the_proxy_is_told_which_file_to_send(client, settings):
    settings.MEDIA_SENDFILE = "x-accel-redirect"
    document = EventDocumentFactory()
    hidden = PostFactory(status="draft", image=image_file())

    response = client.get(document.file.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal-media/{document.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="programme.pdf"'
    assert client.get(hidden.image_web.url).status_code == 404


def test_with_apache_the_proxy_is_told_the_files_path(client, settings):
    settings.MEDIA_SENDFILE = "x-sendfile"
    post = PostFactory(image=image_file())

    response = client.get(post.image_web.url)

    assert response["X-Sendfile"] == str(settings.MEDIA_ROOT / post.image_web.name)
    assert response.content == b""


# Application documents: staff only, as sandboxed downloads.


def test_application_documents_are_sandboxed_downloads_for_staff(client, admin_client):
    client.post("/en/join/", application_data(CategoryFactory()))
    application = Application.objects.get()

    response = admin_client.get(
        f"/admin/members/application/{application.pk}/document/annual_report_1/"
    )

    assert (
        response["Content-Disposition"]
        == 'attachment; filename="lien-familial-annual_report_1.pdf"'
    )
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"
