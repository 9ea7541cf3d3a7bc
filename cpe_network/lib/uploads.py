"""Documents sent through public forms: checked by content, never trusted by name."""

import os
import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 10 * 1024 * 1024


def validate_pdf(upload):
    if upload.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("This file is %(size)s; documents may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read()
    upload.seek(0)
    if not head.lstrip().startswith(b"%PDF-") or b"%%EOF" not in tail:
        raise ValidationError(
            _("This file is not a PDF document. Save or export it as PDF and try again."),
            code="not_pdf",
        )


class PrivateStorage(FileSystemStorage):
    """Files only staff may read: kept in PRIVATE_MEDIA_ROOT, outside the public media
    folder, and served by a view that checks permissions."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


# Files kept while a form is sent back: a person who chose three PDFs and mistyped an
# address must not choose them again.

HELD_SALT = "uploads.held"
HELD_MAX_AGE = 24 * 60 * 60  # seconds; `manage.py delete_held_uploads` removes older ones


class HeldStorage(PrivateStorage):
    """Where valid files wait for their form to be sent again: inside the private folder,
    never served."""

    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, "held")


held_storage = HeldStorage()


def hold(upload):
    """Keep a valid upload on the server; returns the signed reference the form carries
    back, which names it (a file chosen by the site, never by the sender)."""
    if getattr(upload, "held_token", None):
        return upload.held_token
    upload.seek(0)
    stored = held_storage.save(f"{uuid.uuid4().hex}.upload", File(upload))
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
    if not held_storage.exists(""):
        return 0
    cutoff = timezone.now() - timedelta(seconds=older_than)
    _folders, names = held_storage.listdir("")
    old = [name for name in names if held_storage.get_modified_time(name) < cutoff]
    for name in old:
        held_storage.delete(name)
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
