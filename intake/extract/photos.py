"""Photos: check one image with Pillow (format, size, orientation, pixel bomb) and warn about
what editors ask for (≥ 1 MB or ≥ 1920 px long edge, a caption ≤ 100 字, a photo credit).
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings

from PIL import Image, UnidentifiedImageError

from intake.extract.limits import MIB, ExtractLimits
from intake.models import Finding, Photo
from intake.text import file_stem

try:  # iPhone photos (HEIC): read when pillow-heif is installed, and handed on as JPEG
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - the dependency is declared; a trimmed install reports them unreadable
    pass

PHOTO_EXTENSIONS = frozenset({"jpg", "jpeg", "jpe", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif"})
_PHOTO_FORMATS = frozenset({"JPEG", "MPO", "PNG", "GIF", "BMP", "TIFF", "WEBP", "HEIF"})
_JPEG_QUALITY = 92  # HEIC → JPEG: browsers, mail clients and site CMSs don't show HEIC
_ORIENTATION = 0x0112
_MIN_BYTES = MIB
_MIN_LONG_EDGE = 1920
_MAX_CAPTION = 100


def is_photo_name(name: str) -> bool:
    return "." in name and name.lower().rsplit(".", 1)[-1] in PHOTO_EXTENSIONS


def inspect_photo(
    filename: str, data: bytes, caption: str | None, source: str, limits: ExtractLimits
) -> Photo | Finding | None:
    """A Photo, a Finding when the image is unsafe or unreadable, or None for non-photo art (WMF/EMF)."""
    if len(data) > limits.max_attachment_bytes:
        return Finding.stop("unsafe_attachment", "image larger than the attachment limit",
                      {"filename": filename})
    try:
        with warnings.catch_warnings():
            # our own pixel limit is checked below; Pillow's global warning is not ours to change
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt, (width, height) = img.format or "", img.size
                orientation = img.getexif().get(_ORIENTATION, 1) if fmt in ("JPEG", "MPO", "TIFF", "WEBP") else 1
            if width * height <= limits.max_image_pixels and fmt in _PHOTO_FORMATS:
                with Image.open(io.BytesIO(data)) as img:
                    img.verify()
    except Image.DecompressionBombError:
        return _bomb(filename)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return Finding("unreadable_photo", str(exc), {"filename": filename})
    if fmt not in _PHOTO_FORMATS:
        return None
    if width * height > limits.max_image_pixels:
        return _bomb(filename)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    if fmt == "HEIF":
        try:
            filename, data = _as_jpeg(filename, data)
        except (OSError, ValueError) as exc:
            return Finding("unreadable_photo", str(exc), {"filename": filename})
        fmt = "JPEG"
    content_type = Image.MIME.get(fmt, "application/octet-stream")
    return Photo(filename, content_type, hashlib.sha256(data).hexdigest(), len(data), width, height,
                 caption, source, data)


def _as_jpeg(filename: str, data: bytes) -> tuple[str, bytes]:
    """A HEIC/HEIF photo as JPEG, EXIF kept; the decoder has applied the rotation already, so the
    EXIF orientation is reset to upright (else viewers would turn the picture a second time)."""
    with Image.open(io.BytesIO(data)) as img:
        exif = img.getexif()
        if _ORIENTATION in exif:
            exif[_ORIENTATION] = 1
        out = io.BytesIO()
        img.convert("RGB").save(out, "JPEG", quality=_JPEG_QUALITY, exif=exif.tobytes())
    return f"{file_stem(filename)}.jpg", out.getvalue()


def _bomb(filename: str) -> Finding:
    return Finding.stop("unsafe_attachment", "image has too many pixels", {"filename": filename})


def _caption_length(caption: str) -> int:
    return len(re.sub(r"\s", "", caption))


def photo_warnings(photos: list[Photo], has_credit: bool, has_originals: bool) -> list[Finding]:
    """Every photo warning for the draft's photos, one Finding per photo and problem."""
    reasons: list[Finding] = []
    for photo in photos:
        data = {"filename": photo.filename}
        if photo.size_bytes < _MIN_BYTES and max(photo.width, photo.height) < _MIN_LONG_EDGE:
            reasons.append(Finding("photo_too_small",
                                  f"{photo.size_bytes} bytes, {photo.width}×{photo.height}",
                                  {**data, "size_bytes": photo.size_bytes, "width": photo.width,
                                   "height": photo.height}))
        if not photo.caption:
            reasons.append(Finding("photo_missing_caption", "", data))
        elif _caption_length(photo.caption) > _MAX_CAPTION:
            reasons.append(Finding("caption_too_long", f"{_caption_length(photo.caption)} 字", data))
    if photos and not has_originals and all(p.source == "docx" for p in photos):
        reasons.append(Finding("photos_only_in_manuscript", "", {"count": len(photos)}))
    if photos and not has_credit:
        reasons.append(Finding("no_photo_credit"))
    return reasons
