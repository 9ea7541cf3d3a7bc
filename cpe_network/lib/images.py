"""Uploaded pictures: checked by content, never trusted by name, and re-encoded without
metadata at the sizes pages show, so a page never sends what was uploaded. Each copy gets
a random name of its own, so a browser may keep it for good: a new picture is a new name.

A picture is decoded once, at the largest size its copies need; a JPEG at a reduced scale
(Pillow's draft mode), so a large photo costs a fraction of the time and memory."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .text import CleanCharField
from .uploads import SiteChosenName, random_name

MAX_BYTES = 5 * 1024 * 1024
# Pages show 1,600 pixels at most. A JPEG (a photo) is decoded at a reduced scale, so a
# 24-megapixel camera's (6,000 × 4,000) costs little; other formats are decoded in full,
# four bytes a pixel and more: a logo, a drawing or a screenshot needs far fewer.
MAX_PIXELS_JPEG = 25_000_000
MAX_PIXELS = 10_000_000
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
ORIENTATION = 0x0112  # EXIF: how the camera was held
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
SIDEWAYS = {5, 6, 7, 8}


def validate_image(upload):
    """A validator for uploaded pictures: size, real image content, sane dimensions,
    read from the file's header before anything is decoded."""
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
                limit = MAX_PIXELS_JPEG if kind == "JPEG" else MAX_PIXELS
                if kind in FORMATS and width * height <= limit:
                    image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height, kind, limit = MAX_PIXELS_JPEG, MAX_PIXELS_JPEG, "JPEG", MAX_PIXELS_JPEG
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
    if width * height > limit and kind == "JPEG":
        raise ValidationError(
            _(
                "This photo has too many pixels. Upload one of at most 25 megapixels, for "
                "example 6,000 × 4,000."
            ),
            code="too_many_pixels",
        )
    if width * height > limit:
        raise ValidationError(
            _(
                "This picture has too many pixels. Upload one of at most 10 megapixels, for "
                "example 4,000 × 2,500, or a photo saved as JPEG."
            ),
            code="too_many_pixels",
        )


def picture(upload, box):
    """The uploaded picture decoded once, upright, in RGB (RGBA if it may be transparent),
    within `box` (width, height): what every copy of it is made from."""
    upload.seek(0)
    with Image.open(upload) as image:
        turn = UPRIGHT.get(image.getexif().get(ORIENTATION))
        if image.getexif().get(ORIENTATION) in SIDEWAYS:
            box = (box[1], box[0])  # fitted before it is turned upright
        # A JPEG is read at 1/2, 1/4 or 1/8 of its size (draft mode), still twice the
        # size needed at least, so that resampling keeps it sharp.
        fit = min(box[0] / image.width, box[1] / image.height, 1)
        image.draft(None, (max(int(image.width * fit * 2), 1), max(int(image.height * fit * 2), 1)))
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        if image.mode not in ("RGB", "RGBA", "L", "CMYK", "YCbCr"):
            image = image.convert(mode)  # palettes and the like resample only in full colour
        image.thumbnail(box, Image.Resampling.LANCZOS)
        image = image.convert(mode)
    upload.seek(0)
    return image.transpose(turn) if turn is not None else image


def rendition(source, box, *, square=False):
    """`source` (an upload, or what picture() made of one) re-encoded as WebP within
    `box` (width, height), without metadata (EXIF, GPS, ICC), under a random name. With
    `square`, it is centred on a transparent canvas of exactly `box`, so pages know its
    size."""
    image = source if isinstance(source, Image.Image) else picture(source, box)
    image = image.copy()
    image.thumbnail(box, Image.Resampling.LANCZOS)
    # A fresh image carries no info dict: nothing of the original's metadata.
    if square:
        clean = Image.new("RGBA", box, (255, 255, 255, 0))
        clean.paste(image, ((box[0] - image.width) // 2, (box[1] - image.height) // 2))
    else:
        clean = Image.new(image.mode, image.size)
        clean.paste(image)
    output = io.BytesIO()
    clean.save(output, "WEBP", quality=85)
    return ContentFile(output.getvalue(), name=random_name("webp"))


class WebImage(models.Model):
    """A picture people upload, kept as the site re-encoded it: `image`, within 1600 px
    (what every later size is made from), and `image_web`, within WEB_SIZE, what pages
    show, with its size so that they reserve its room; and its description for people
    who cannot see it. Files are looked up by name when served (`owner_of`), hence the
    indexes. A subclass names its MEDIA_FOLDER, and its WEB_SIZE if not the default."""

    WEB_SIZE = (1200, 675)

    image = models.ImageField(
        _("image"),
        upload_to=SiteChosenName("{model.MEDIA_FOLDER}/originals", "webp"),
        blank=True,
        db_index=True,
        validators=[validate_image],
    )
    image_web = models.ImageField(
        upload_to=SiteChosenName("{model.MEDIA_FOLDER}", "webp"),
        blank=True,
        editable=False,
        db_index=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, editable=False)
    image_alt = CleanCharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            master = picture(self.image.file, (1600, 1600))
            self.image_web = rendition(master, self.WEB_SIZE)
            self.image = rendition(master, (1600, 1600))
        elif not self.image:
            self.image_web = ""
        super().save(*args, **kwargs)
