import io
import os
import re
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.models import Member
from tests.factories import CategoryFactory, EventDocumentFactory, MemberFactory, image_file
from tests.forms import admin_new_member

pytestmark = pytest.mark.django_db

ADD = "/admin/members/member/add/"


def member_form(logo, **changes):
    """The admin's form adding Logo Test, in France, with `logo`."""
    return admin_new_member(
        CategoryFactory(), name="Logo Test", slug="logo-test", country="FR", logo=logo, **changes
    )


def png(name, image):
    """`image`, sent as a PNG file."""
    output = io.BytesIO()
    image.save(output, "PNG")
    return SimpleUploadedFile(name, output.getvalue(), "image/png")


def test_logo_is_stored_resized_without_metadata(admin_client):
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Maker"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 0.0)}  # GPS
    upload = image_file("photo.jpg", size=(2000, 1500), image_format="JPEG", exif=exif.tobytes())

    response = admin_client.post(ADD, member_form(upload))

    assert response.status_code == 302
    member = Member.objects.get(slug="logo-test")
    for stored, size in [
        (member.logo_small, (64, 64)),
        (member.logo_medium, (128, 128)),
        (member.logo_large, (256, 256)),
    ]:
        with Image.open(stored.path) as image:
            assert image.size == size
            assert not image.getexif()
            assert "exif" not in image.info
    with Image.open(member.logo.path) as image:
        assert image.format == "WEBP"
        assert max(image.size) == 1200
        assert not image.getexif()


def test_pages_show_the_resized_logo_never_the_original(admin_client, client):
    admin_client.post(ADD, member_form(image_file()) | {"published": "on"})
    member = Member.objects.get(slug="logo-test")

    directory = client.get("/en/members/").text
    page = client.get("/en/members/logo-test/").text

    copies = (
        f"{member.logo_small.url} 64w, {member.logo_medium.url} 128w, {member.logo_large.url} 256w"
    )
    assert f'srcset="{copies}" sizes="3.5rem"' in directory
    assert f'srcset="{copies}" sizes="8rem"' in page
    assert member.logo.url not in directory + page


def test_a_new_logo_gets_new_file_names(admin_client):
    admin_client.post(ADD, member_form(image_file()))
    member = Member.objects.get(slug="logo-test")
    first = {member.logo_small.name, member.logo_medium.name, member.logo_large.name}

    member.logo = image_file("new.png", size=(100, 300))
    member.save()

    assert first.isdisjoint(
        {member.logo_small.name, member.logo_medium.name, member.logo_large.name}
    )
    assert re.fullmatch(r"members/logos/small/[0-9a-f]{32}\.webp", member.logo_small.name)


def test_published_logos_and_documents_are_kept_by_browsers_for_a_year(admin_client, client):
    admin_client.post(ADD, member_form(image_file()) | {"published": "on"})
    member = Member.objects.get(slug="logo-test")
    document = EventDocumentFactory()

    logo = client.get(member.logo_small.url)
    programme = client.get(document.file.url)

    assert logo.status_code == 200
    assert logo["Cache-Control"] == "public, max-age=31536000, immutable"
    assert programme["Cache-Control"] == "public, max-age=31536000, immutable"


def test_logos_stored_before_are_made_again_at_the_sizes_pages_ask_for():
    remake = import_module("members.migrations.0007_logo_sizes_for_srcset").remake_logo_copies
    member = MemberFactory(slug="old-logo", logo=image_file())
    # As stored before: two copies, named after the member only.
    Member.objects.filter(pk=member.pk).update(
        logo_small="members/logos/small/old-logo.webp", logo_medium=""
    )

    remake(django_apps, None)

    member.refresh_from_db()
    with Image.open(member.logo_medium.path) as image:
        assert image.size == (128, 128)
    assert re.fullmatch(r"members/logos/small/[0-9a-f]{32}\.webp", member.logo_small.name)


def test_file_that_is_not_an_image_is_refused_with_a_message(admin_client):
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not a picture at all", "image/png")

    response = admin_client.post(ADD, member_form(fake))

    assert response.status_code == 200
    assert "Upload a valid image" in response.text
    assert not Member.objects.exists()


def test_decompression_bomb_is_refused_with_a_message(admin_client):
    bomb = png("bomb.png", Image.new("1", (20000, 20000)))  # tiny file, 400 million pixels

    response = admin_client.post(ADD, member_form(bomb))

    assert response.status_code == 200
    assert 'class="errorlist' in response.text
    assert not Member.objects.exists()


def test_picture_with_too_many_pixels_is_refused_with_a_message(admin_client):
    big = png("big.png", Image.new("1", (8000, 6000)))  # 48 million pixels, under Pillow's limit

    response = admin_client.post(ADD, member_form(big))

    assert "This picture has too many pixels." in response.text
    assert not Member.objects.exists()


def test_oversized_file_is_refused_with_a_message(admin_client):
    noise = os.urandom(1600 * 1600 * 3)  # incompressible: about 7.7 MB as PNG
    heavy = png("heavy.png", Image.frombytes("RGB", (1600, 1600), noise))
    assert heavy.size > 5 * 1024 * 1024

    response = admin_client.post(ADD, member_form(heavy))

    assert "pictures may be at most 5" in response.text
    assert not Member.objects.exists()
