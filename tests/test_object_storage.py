"""Issue 19, several servers: with S3_BUCKET set, uploads live in object storage (here
moto's S3 server on loopback), which every application server reads. The bucket is never
public: pictures and documents still come through the views that check who may see them,
and private documents have no address of their own."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cpe_network.lib.uploads import delete_held_uploads, held_upload, hold
from members.models import Application
from tests.factories import (
    CategoryFactory,
    MemberDocumentFactory,
    PostFactory,
    image_file,
    pdf_file,
)
from tests.forms import application_data

pytestmark = pytest.mark.django_db


def stored(bucket, prefix=""):
    """The keys in the bucket under `prefix`."""
    return sorted(item.key for item in bucket.objects.filter(Prefix=prefix))


def content(bucket, key):
    return bucket.Object(key).get()["Body"].read()


def test_a_published_posts_picture_is_kept_in_the_bucket_and_served_by_the_site(
    client, object_storage, settings
):
    post = PostFactory(image=image_file())

    response = client.get(post.image_web.url)

    assert stored(object_storage) == sorted(
        [f"media/{post.image.name}", f"media/{post.image_web.name}"]
    )
    assert post.image_web.url == f"/media/{post.image_web.name}"
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(response.streaming_content) == content(
        object_storage, f"media/{post.image_web.name}"
    )
    assert not settings.MEDIA_ROOT.exists()


def test_a_submitted_posts_picture_in_the_bucket_is_shown_to_its_sender_only(
    client, object_storage, relais, rep
):
    post = PostFactory(status="submitted", submitted_by=relais, image=image_file())

    assert client.get(post.image_web.url).status_code == 404
    client.force_login(rep)
    assert client.get(post.image_web.url).status_code == 200


def test_a_deleted_posts_picture_is_no_longer_served(client, object_storage):
    post = PostFactory(image=image_file())
    address = post.image_web.url
    post.delete()

    assert client.get(address).status_code == 404


def test_an_applications_documents_are_private_in_the_bucket_and_sent_to_staff_only(
    client, admin_client, object_storage, settings
):
    client.post("/en/join/", application_data(CategoryFactory()))
    application = Application.objects.get()
    name = application.annual_report_1.name
    address = f"/admin/members/application/{application.pk}/document/annual_report_1/"

    assert len(stored(object_storage, "private/applications/")) == 3
    assert stored(object_storage, "media/") == []
    with pytest.raises(ValueError):
        application.annual_report_1.url  # noqa: B018 (no address, as on disk)
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(address).status_code == 302  # to sign in
    response = admin_client.get(address)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content(object_storage, f"private/{name}")
    assert not settings.PRIVATE_MEDIA_ROOT.exists()


def test_a_members_document_in_the_bucket_is_refused_to_visitors_and_sent_to_members(
    client, rep, object_storage
):
    document = MemberDocumentFactory(file=pdf_file("minutes.pdf"))
    address = f"/en/portal/documents/{document.pk}/file/"

    assert client.get(address).status_code == 302  # to sign in
    client.force_login(rep)
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == content(
        object_storage, f"private/{document.file.name}"
    )


def test_held_files_wait_in_the_private_part_of_the_bucket_and_are_deleted_when_old(
    object_storage,
):
    token = hold(pdf_file("report.pdf"))

    assert stored(object_storage, "private/held/") == stored(object_storage)
    assert held_upload(token).read() == pdf_file().read()
    call_command("delete_held_uploads")
    assert len(stored(object_storage)) == 1  # not a day old yet
    assert delete_held_uploads(older_than=0) == 1
    assert stored(object_storage) == []
    assert held_upload(token) is None


@pytest.mark.parametrize(
    ("settings_set", "environment", "error"),
    [
        ({"S3_ENDPOINT_URL": "https://s3.example.org"}, {}, "cpe_network.E001"),
        ({"S3_BUCKET": "cpe"}, {"AWS_ACCESS_KEY_ID": "key"}, "cpe_network.E002"),
        ({"S3_BUCKET": "cpe", "MEDIA_SENDFILE": "x-accel-redirect"}, {}, "cpe_network.E003"),
    ],
)
def test_object_storage_set_up_by_halves_stops_the_site_at_start(
    settings, monkeypatch, settings_set, environment, error
):
    for name, value in settings_set.items():
        setattr(settings, name, value)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(SystemCheckError, match=error):
        call_command("check")


def test_settings_that_name_no_private_storage_keep_documents_in_the_private_folder(settings):
    """A settings module written before STORAGES["private"] existed still works."""
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

    document = MemberDocumentFactory()

    assert document.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
