"""Documents sent through public forms: checked by content, never trusted by name."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
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
