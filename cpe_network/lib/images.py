"""Uploaded pictures: checked by content, never trusted by name, and re-encoded without
metadata at the sizes pages show, so a page never sends what was uploaded. Each copy is
named after its content, so a browser may keep it for good: a new picture is a new name."""

import hashlib
import io
import re
import warnings
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 6,300 × 6,300: far more than a logo or photo needs
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# "relais-lyon.0123456789ab.webp" (or "relais-lyon_Xy12AbC.0123456789ab.webp" when
# storage finds the name taken, by the same content).
CONTENT_NAMED = re.compile(r"\.[0-9a-f]{12}\.webp$")


def validate_image(upload):
    """A validator for uploaded pictures: size, real image content, sane dimensions."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; pictures may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                kind = image.format
                if kind in FORMATS and width * height <= MAX_PIXELS:
                    image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height, kind = MAX_PIXELS, MAX_PIXELS, "JPEG"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG or WebP image."),
            code="not_an_image",
        ) from error
    finally:
        upload.seek(0)
    if kind not in FORMATS:
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG or WebP image."),
            code="not_an_image",
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This picture is too large in pixels. Upload one of at most 6,000 by 6,000."),
            code="too_many_pixels",
        )


def rendition(upload, box, name, *, square=False):
    """The picture re-encoded as WebP within `box` (width, height), upright, without
    metadata (EXIF, GPS, ICC), as a file named after `name` and its content. With
    `square`, it is centred on a transparent canvas of exactly `box`, so pages know its
    size."""
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        image = image.convert(mode)
        image.thumbnail(box, Image.Resampling.LANCZOS)
        output = io.BytesIO()
        # A fresh image carries no info dict: nothing of the original's metadata.
        if square:
            mode = "RGBA"
            clean = Image.new(mode, box, (255, 255, 255, 0))
            clean.paste(image, ((box[0] - image.width) // 2, (box[1] - image.height) // 2))
        else:
            clean = Image.new(mode, image.size)
            clean.paste(image)
        clean.save(output, "WEBP", quality=85)
    upload.seek(0)
    content = output.getvalue()
    digest = hashlib.sha256(content).hexdigest()[:12]
    return ContentFile(content, name=f"{Path(name).stem}.{digest}.webp")


def is_named_after_its_content(path):
    """True for the copies rendition() makes: what is at that name never changes."""
    return CONTENT_NAMED.search(path) is not None
