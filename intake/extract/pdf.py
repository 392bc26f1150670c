"""PDF manuscripts: text per page with pypdf (pdfminer.six when pypdf finds none), embedded
images as photos; encrypted, broken or text-less (scanned) PDFs are unreadable manuscripts.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import time
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from intake.extract.captions import caption_text
from intake.extract.content import Embedded, ExtractError, Item, Manuscript
from intake.extract.limits import ExtractLimits
from intake.extract.pdftext import repair_lines
from intake.extract.text import lines_to_items

log = logging.getLogger(__name__)


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError("unreadable_manuscript", "PDF is password-protected")
        _ = len(reader.pages)
    except ExtractError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
        raise ExtractError("unreadable_manuscript", f"not a readable PDF: {exc}") from exc
    return reader


def _pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    try:
        return str(extract_text(io.BytesIO(data)))
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        log.info("pdfminer failed: %s", exc)
        return ""


def _jpeg_xobjects(page: Any) -> list[tuple[str, str, bytes]] | None:
    """The page's images when all are plain JPEGs: their bytes as stored, with no decode and re-encode.

    None when an image needs decoding (other filters, masks) or sits in a form XObject: then
    pypdf's own image extraction is used.
    """
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return []
    found = []
    for name, ref in xobjects.get_object().items():
        obj = ref.get_object()
        if obj.get("/Subtype") != "/Image":
            if obj.get("/Subtype") == "/Form":
                return None
            continue
        filters = obj.get("/Filter")
        filters = [filters] if isinstance(filters, str) else list(filters or [])
        if [str(f) for f in filters] != ["/DCTDecode"] or "/SMask" in obj or "/Mask" in obj:
            return None
        found.append((f"{str(name).lstrip('/')}.jpg", "image/jpeg", obj._data))
    return found


def _pypdf_images(page: Any) -> list[tuple[str, str, bytes]]:
    found = []
    for image in page.images:
        ext = image.name.rsplit(".", 1)[-1].lower()
        found.append((image.name, "image/jpeg" if ext in ("jpg", "jpeg") else f"image/{ext}", image.data))
    return found


def _images(reader: PdfReader, page_number: int, seen: set[str]) -> list[Embedded]:
    """The page's images not seen on an earlier page (LibreOffice shares resources between pages)."""
    found: list[Embedded] = []
    try:
        page = reader.pages[page_number]
        images = _jpeg_xobjects(page)
        for name, content_type, data in _pypdf_images(page) if images is None else images:
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            found.append(Embedded(f"page{page_number + 1}-{name}", content_type, data))
    except Exception as exc:  # an undecodable image must not lose the text
        log.info("PDF image extraction failed on page %d: %s", page_number + 1, exc)
    return found


def read_pdf(data: bytes, filename: str | None, limits: ExtractLimits) -> Manuscript:
    """A PDF manuscript: reflowed text lines, then the images of each page after its text."""
    reader = _open(data)
    deadline = time.monotonic() + limits.timeout_seconds
    texts: list[str] = []
    images: list[Embedded] = []
    seen: set[str] = set()
    for number, page in enumerate(reader.pages):
        if time.monotonic() > deadline:
            raise ExtractError("unreadable_manuscript", "PDF text extraction timed out")
        texts.append(page.extract_text() or "")
        images.extend(_images(reader, number, seen))
    text = "\n".join(texts)
    if len(re.sub(r"\s", "", text)) < 10:
        text = _pdfminer_text(data)
    if not re.sub(r"\s", "", text):
        raise ExtractError("unreadable_manuscript", "PDF has no text layer (scanned?)")
    items = list(lines_to_items(repair_lines(text)))
    return Manuscript(filename, "pdf", tuple(_with_captions(items, images)), photo_source="pdf")


def _with_captions(items: list[Item], images: list[Embedded]) -> list[Item]:
    """Text items, then the images; caption lines ("图为…", "图1：…") go to the images in order."""
    caption_items = [i for i, it in enumerate(items) if it.kind == "paragraph" and caption_text(it.text)]
    used = set(caption_items[: len(images)])
    captions = [items[i].text for i in sorted(used)]
    out = [it for i, it in enumerate(items) if i not in used]
    for n, image in enumerate(images):
        caption = captions[n] if n < len(captions) else None
        out.append(Item("image", image=Embedded(image.filename, image.content_type, image.data, caption)))
    return out
