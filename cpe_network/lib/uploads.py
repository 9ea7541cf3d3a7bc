"""Uploads: checked by content, never trusted by name, stored under names the site
chooses, and served as nothing but what they were checked to be."""

import functools
import io
import os
import posixpath
import re
import secrets
import uuid
from datetime import timedelta

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import (
    FileSystemStorage,
    InvalidStorageError,
    default_storage,
    storages,
)
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

MAX_PDF_BYTES = 10 * 1024 * 1024

NOT_PDF = _("This file is not a PDF document. Save or export it as PDF and try again.")
# What a browser reads of a file to guess its type (WHATWG MIME Sniffing: the "resource
# header"), and markup that would make it take the file for a web page or a picture.
SNIFFED_BYTES = 1445
MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|frame|frameset|svg|math|meta|link|style"
    rb"|base|object|embed|form|img)[\s/>]",
    re.IGNORECASE,
)
STREAM = re.compile(rb"(?<![a-z])stream(?:\r\n|\n|\r).*?endstream", re.DOTALL)
NAME = re.compile(rb"/((?:[^\s()<>\[\]{}/%#]|#[0-9A-Fa-f]{2})+)")
# Text, where a slash is only a character: literal strings (one level of nested
# parentheses) and comments.
TEXT = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|%[^\r\n]*", re.DOTALL)
# What makes a PDF act rather than be read: scripts (JavaScript, XFA forms), actions
# that start programs, open other files or send data, and attached files.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/XFA", "/EF", "/EmbeddedFiles", "/RichMediaContent"}
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/GoToR",
    "/GoToE",
    "/SubmitForm",
    "/ImportData",
    "/Rendition",
    "/RichMediaExecute",
}
ACTIVE_SUBTYPES = {"/FileAttachment", "/RichMedia"}
ACTIVE_NAMES = ACTIVE_KEYS | ACTIVE_ACTIONS | ACTIVE_SUBTYPES
KEYS_READ = ("/S", "/Subtype", "/URI")
UNSAFE_LINKS = re.compile(r"\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)


def validate_pdf(upload):
    """A validator for uploaded documents: a PDF by its content, of sane size, that a
    parser reads (pypdf), that a browser cannot take for anything else, and that only
    shows pages: no scripts, no actions that start programs or open other files, no
    attached files, no encryption (staff and visitors could not read it, nor the site
    check it). Any failure is a message on the form, never an error page."""
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("This file is %(size)s; documents may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not re.match(rb"%PDF-[12]\.\d", content) or b"%%EOF" not in content[-2048:]:
        raise ValidationError(NOT_PDF, code="not_pdf")
    if _is_polyglot(content):
        raise ValidationError(
            _(
                "This file holds web page code (HTML) as well as a PDF document. Export it "
                "again as PDF and try again."
            ),
            code="polyglot",
        )
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "This PDF is protected by a password or encryption. Save a copy without "
                    "protection and try again."
                ),
                code="encrypted",
            )
        active = _has_active_content(reader, content)
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on broken files: all mean "not a PDF"
        raise ValidationError(NOT_PDF, code="not_pdf") from error
    if not pages:
        raise ValidationError(NOT_PDF, code="not_pdf")
    if active:
        raise ValidationError(
            _(
                "This PDF contains scripts, actions that open programs or other files, or "
                "attached files, which the site does not accept. Print it to a new PDF "
                "(“Save as PDF”) and try again."
            ),
            code="active_content",
        )


def _is_polyglot(content):
    """A PDF that is also a web page: markup where a browser looks to guess the type,
    outside the PDF's streams (in comments, strings), or after its end."""
    end = content.rfind(b"%%EOF")
    return bool(
        MARKUP.search(content, 0, SNIFFED_BYTES)
        or MARKUP.search(STREAM.sub(b"", content[:end]))
        or re.search(rb"<[a-zA-Z!?/]", content[end:])
    )


def _has_active_content(reader, content):
    """Whether any object the parser finds (every one in the cross-reference tables,
    compressed ones included) or any name written outside streams (where a repairing
    reader could find objects the tables leave out) makes the PDF act."""
    numbers = {(n, gen) for gen, table in reader.xref.items() for n in table if gen != 65535}
    numbers |= {(n, 0) for n in reader.xref_objStm}
    pending = [reader.trailer]
    pending += [reader.get_object(IndirectObject(n, gen, reader)) for n, gen in numbers]
    while pending:
        item = pending.pop()
        if isinstance(item, DictionaryObject):
            # Indexing resolves references: `/S 7 0 R` is read as what object 7 holds.
            kind, subtype, link = (str(item[key]) if key in item else "" for key in KEYS_READ)
            if ACTIVE_KEYS & set(item) or kind in ACTIVE_ACTIONS or subtype in ACTIVE_SUBTYPES:
                return True
            if kind == "/URI" and UNSAFE_LINKS.match(link):
                return True
            pending.extend(
                value for value in item.values() if isinstance(value, (DictionaryObject, list))
            )
        elif isinstance(item, list):
            pending.extend(value for value in item if isinstance(value, (DictionaryObject, list)))
    names = NAME.findall(TEXT.sub(b"", STREAM.sub(b"", content)))
    return any(f"/{_decode_name(name)}" in ACTIVE_NAMES for name in names)


def _decode_name(raw):
    """A name as written in the file (`J#53`) as a reader reads it (`JS`)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), raw).decode("latin-1")


# Names. What a sender calls a file is never kept: "programme.html" would be served as a
# web page, and "relais-lyon.webp" guessed before it is published.

SITE_CHOSEN = re.compile(r"[0-9a-f]{32}\.(?:webp|pdf)")


def random_name(extension):
    """A name nobody can guess (128 random bits), with the extension of the checked type."""
    return f"{secrets.token_hex(16)}.{extension}"


def is_site_chosen(path):
    """True for names random_name() made: what is stored there never changes."""
    return SITE_CHOSEN.fullmatch(os.path.basename(path)) is not None


@deconstructible
class SiteChosenName:
    """`upload_to` for every stored upload: a random name, with the extension of the type
    the site checked, in `folder`; `folder` may name the model's attributes, as in
    "{model.MEDIA_FOLDER}/originals"."""

    def __init__(self, folder, extension):
        self.folder = folder
        self.extension = extension

    def __eq__(self, other):
        return isinstance(other, SiteChosenName) and vars(self) == vars(other)

    def folder_for(self, model):
        return self.folder.format(model=model)

    def __call__(self, instance, filename):
        return f"{self.folder_for(type(instance))}/{random_name(self.extension)}"


@functools.cache
def _public_folders():
    """Each folder of MEDIA_ROOT the site stores uploads in: the model and field whose
    files live there."""
    folders = {}
    for model in apps.get_models():
        for field in model._meta.fields:
            if (
                isinstance(field, models.FileField)
                and isinstance(field.upload_to, SiteChosenName)
                and field.storage is default_storage
            ):
                folders[field.upload_to.folder_for(model)] = (model, field.name)
    return folders


def owner_of(path):
    """The row that holds the file at `path` in MEDIA_ROOT now (with the rows its
    visibility depends on), or None: a file replaced since, or never stored, has none."""
    folder, _slash, _name = path.rpartition("/")
    if folder not in _public_folders():
        return None
    model, field = _public_folders()[folder]
    rows = model._default_manager.filter(**{field: path})
    if needed := [f.name for f in model._meta.fields if f.many_to_one and not f.null]:
        rows = rows.select_related(*needed)
    return rows.first()


def rename_stored_files(model, fields):
    """For data migrations: every file that rows of `model` hold in `fields` under a name
    the site did not choose (a sender's, or one made from a slug) moves to a random name
    in the same folder, with the extension of its field's type (pictures, re-encoded
    already, are WebP; documents are PDF). Row by row: the new file is written, the row
    updated, then the old file removed, so a run stopped half-way can be run again. A
    missing file is left as it is. Returns {row's pk: {old name: new name}}."""
    renamed = {}
    for row in list(model._default_manager.all()):
        moves = {}
        for name in fields:
            file = getattr(row, name)
            if not file or is_site_chosen(file.name) or not file.storage.exists(file.name):
                continue
            extension = "webp" if isinstance(file.field, models.ImageField) else "pdf"
            folder = posixpath.dirname(file.name)
            with file.storage.open(file.name, "rb") as content:
                new = file.storage.save(posixpath.join(folder, random_name(extension)), content)
            moves[name] = (file.name, new)
        if moves:
            model._default_manager.filter(pk=row.pk).update(
                **{name: new for name, (_old, new) in moves.items()}
            )
            for name, (old, _new) in moves.items():
                getattr(row, name).storage.delete(old)
            renamed[row.pk] = dict(moves.values())
    return renamed


def pdf_download(file, name):
    """A stored PDF sent as a download named `name`, sandboxed (`sandboxed`); 404 when
    the file is gone from the storage (removed by hand): nothing to send."""
    try:
        content = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        content, as_attachment=True, content_type="application/pdf", filename=name
    )
    return sandboxed(response)


def sandboxed(response):
    """A stored file that runs nothing where it is opened: a sandbox without scripts,
    plugins or anything loaded, and no guessing of its type."""
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PrivateFileStorage(FileSystemStorage):
    """Files only staff may read, on this server: kept in PRIVATE_MEDIA_ROOT, outside the
    public media folder, with no address."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


@deconstructible(path="cpe_network.lib.uploads.PrivateStorage")
class PrivateStorage:
    """The storage of files only staff (or a member's people) may read: the one named
    "private" in STORAGES, PRIVATE_MEDIA_ROOT (PrivateFileStorage) or a bucket in object
    storage; served only by views that check permissions. Looked up on each use, so a
    field's storage follows the settings (and tests that change them)."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            storage = storages["private"]
        except InvalidStorageError:
            # Settings that replace STORAGES without naming it (written before it
            # existed, or a test's): the private folder, as before.
            storage = _private_folder
        return getattr(storage, name)


_private_folder = PrivateFileStorage()


# Files kept while a form is sent back: a person who chose three PDFs and mistyped an
# address must not choose them again.

HELD_SALT = "uploads.held"
HELD_MAX_AGE = 24 * 60 * 60  # seconds; `manage.py delete_held_uploads` removes older ones
# Where valid files wait for their form to be sent again: in the private storage, never
# served.
HELD_FOLDER = "held"

held_storage = PrivateStorage()


def hold(upload):
    """Keep a valid upload on the server; returns the signed reference the form carries
    back, which names it (a file chosen by the site, never by the sender)."""
    if getattr(upload, "held_token", None):
        return upload.held_token
    upload.seek(0)
    stored = held_storage.save(f"{HELD_FOLDER}/{uuid.uuid4().hex}.upload", File(upload))
    upload.seek(0)
    return signing.dumps(
        {
            "file": stored,
            "name": os.path.basename(upload.name),
            "size": upload.size,
            "type": getattr(upload, "content_type", None) or "application/octet-stream",
        },
        salt=HELD_SALT,
        compress=True,
    )


def held_upload(token):
    """The upload a reference names, as if it had just been sent; None when the
    reference is forged, older than a day, or its file is gone."""
    try:
        data = signing.loads(token, salt=HELD_SALT, max_age=HELD_MAX_AGE)
        upload = UploadedFile(
            held_storage.open(data["file"]),
            name=data["name"],
            content_type=data["type"],
            size=data["size"],
        )
    except (signing.BadSignature, KeyError, TypeError, OSError):
        return None
    upload.held_token = token
    return upload


def delete_held_uploads(older_than=HELD_MAX_AGE):
    """Remove the kept files whose reference has expired; returns how many."""
    cutoff = timezone.now() - timedelta(seconds=older_than)
    try:
        _folders, names = held_storage.listdir(HELD_FOLDER)
    except FileNotFoundError:  # nothing was ever held on this server
        return 0
    old = [
        name for name in names if held_storage.get_modified_time(f"{HELD_FOLDER}/{name}") < cutoff
    ]
    for name in old:
        held_storage.delete(f"{HELD_FOLDER}/{name}")
    return len(old)


class KeptFileMixin:
    """A file input that, when its page comes back (an error here or elsewhere on the
    page), holds the valid file it received, says so, and carries its reference."""

    upload = None  # the valid file the form received, set by the form

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.upload is not None:
            widget = context["widget"]
            note = f"{widget['attrs'].get('id', name)}_held"
            described = widget["attrs"].get("aria-describedby", "")
            widget["attrs"]["aria-describedby"] = f"{described} {note}".strip()
            widget["attrs"].pop("required", None)
            widget.update(
                held={
                    "token": hold(self.upload),
                    "name": os.path.basename(self.upload.name),
                    "size": self.upload.size,
                },
                held_note_id=note,
                base_template=self.template_name,
            )
        return context

    def render(self, name, value, attrs=None, renderer=None):
        if self.upload is None:
            return super().render(name, value, attrs, renderer)
        context = self.get_context(name, value, attrs)
        return self._render("forms/widgets/kept_file.html", context, renderer)


class KeptFileInput(KeptFileMixin, forms.FileInput):
    pass


class KeptClearableFileInput(KeptFileMixin, forms.ClearableFileInput):
    pass


class KeptAdminFileWidget(KeptFileMixin, AdminFileWidget):
    pass


KEPT_WIDGETS = {
    forms.FileInput: KeptFileInput,
    forms.ClearableFileInput: KeptClearableFileInput,
    AdminFileWidget: KeptAdminFileWidget,
}


class KeepUploadsMixin:
    """A page sent back with errors keeps the files that were valid: each is held on the
    server for a day, the form carries a signed reference to it, and the page says which
    file is received (the others show their error, or ask to be chosen). Sent again
    without a new file, the field takes the held one, checked again like a new upload.
    Files are held only when the page is shown again, so a form that succeeds at once
    writes nothing extra."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self._file_fields().values():
            if kept := KEPT_WIDGETS.get(type(field.widget)):
                widget = kept(attrs=field.widget.attrs)
                widget.is_required = field.widget.is_required
                field.widget = widget
        if not self.is_bound:
            return
        for name in self._file_fields():
            key = self.add_prefix(name)
            token = self.data.get(f"{key}-held")
            if key not in self.files and token and (upload := held_upload(token)):
                self.files = self.files.copy()
                self.files[key] = upload

    def _file_fields(self):
        return {
            name: field for name, field in self.fields.items() if isinstance(field, forms.FileField)
        }

    def full_clean(self):
        super().full_clean()
        for name, field in self._file_fields().items():
            upload = getattr(self, "cleaned_data", {}).get(name)
            valid = name not in self._errors and isinstance(upload, UploadedFile)
            if isinstance(field.widget, KeptFileMixin):
                field.widget.upload = upload if valid else None
