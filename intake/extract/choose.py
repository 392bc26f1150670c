"""Sort a mail's attachments (archives expanded) into manuscripts, photos and others, and read
the best manuscript: .docx > .doc/.wps > .pdf > .txt, by content sniffing where names lie.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from intake.extract import archive
from intake.extract.content import ExtractError, Manuscript
from intake.extract.doc import read_doc
from intake.extract.docx import OLE_MAGIC, read_docx
from intake.extract.limits import ExtractLimits
from intake.extract.pdf import read_pdf
from intake.extract.photos import is_photo_name
from intake.extract.text import read_text
from intake.models import MANUSCRIPT_EXTENSIONS, Attachment, Finding
from intake.similarity import jaccard
from intake.text import file_stem

log = logging.getLogger(__name__)
PRIORITY = {"docx": 0, "doc": 1, "wps": 1, "docm": 1, "odt": 1, "rtf": 1, "pdf": 2, "txt": 3}
assert frozenset(PRIORITY) == MANUSCRIPT_EXTENSIONS  # one list of manuscript formats (intake.models)
_MIN_INLINE_PHOTO = 20_000  # inline images under this size may be signature logos and emoji …
_DECORATION_EDGE = (150, 240)  # … and are, when their short edge or long edge is under these pixels
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
_SAME_ARTICLE = 0.5  # text similarity above which two files are one article in two formats (.docx + .pdf)


@dataclass
class Sorted:
    manuscripts: list[Attachment] = field(default_factory=list)
    photos: list[Attachment] = field(default_factory=list)
    others: list[Attachment] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every file name, archive members included
    reasons: list[Finding] = field(default_factory=list)


def _place(att: Attachment, out: Sorted) -> None:
    ext = att.extension
    if ext in PRIORITY:
        out.manuscripts.append(att)
    elif is_photo_name(att.filename) or (not ext and att.content_type.startswith("image/")):
        if not (att.inline and len(att.payload) < _MIN_INLINE_PHOTO and _decoration(att.payload)):
            out.photos.append(att)
    else:
        out.others.append(att)


def _decoration(data: bytes) -> bool:
    """A small inline image that is a logo, an icon or an emoji rather than a photo (by its pixels:
    a phone's photo sent inline, even downscaled, is larger than a signature logo)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
    except Exception:  # unreadable: inspect_photo reports it if it is kept; a tiny one is not
        return True
    return min(width, height) < _DECORATION_EDGE[0] or max(width, height) < _DECORATION_EDGE[1]


def sort_attachments(attachments: tuple[Attachment, ...], limits: ExtractLimits) -> Sorted:
    out = Sorted()
    for att in attachments:
        out.names.append(att.filename)
        if len(att.payload) > limits.max_attachment_bytes:
            out.reasons.append(Finding.stop("unsafe_attachment", "attachment larger than the limit",
                                      {"filename": att.filename, "size_bytes": len(att.payload)}))
            continue
        if att.extension in archive.ARCHIVE_EXTENSIONS:
            members, reasons = archive.expand(att, limits)
            out.reasons.extend(reasons)
            out.names.extend(m.filename for m in members)
            for member in members:
                _place(member, out)
            if not members and not any(r.blocking for r in reasons):
                out.others.append(att)
            continue
        _place(att, out)
    out.manuscripts.sort(key=lambda a: PRIORITY[a.extension])  # stable: mail order within a format
    return out


_RTF = b"{\\rtf"
# Word opens these under a .doc/.wps name too: OA systems export "Word" files as HTML or MHT,
# Word 2003 saves XML; LibreOffice reads them all
_WORD_AS_TEXT = (b"<html", b"<!doctype html", b"mime-version:", b"<?xml")


def _not_a_word_file(data: bytes, ext: str) -> str | None:
    """Why `data` cannot be the Word/WPS file its name says, or None when it may be one.

    LibreOffice opens any bytes as plain text, so random bytes or a truncated download named
    .doc would become a "manuscript" of garbage, and the covering note would be read as its
    metadata. Contributors must hear that the file cannot be opened.
    """
    if not data.strip():
        return f"empty .{ext} file"
    head = data[:2048].lstrip().lower()
    if data.startswith((b"PK\x03\x04", OLE_MAGIC, _RTF)) or head.startswith(b"%pdf-"):
        return None
    if ext in ("doc", "wps") and any(marker in head for marker in _WORD_AS_TEXT):
        return None
    return f"not a valid .{ext} file (neither Word nor WPS format)"


# Text of a real Chinese (or English) manuscript is CJK, ASCII and punctuation. Random bytes that
# a converter "opened" come out as Hangul, private-use, rare CJK Extension A and control
# characters: when those are more than this share of the text, the file is unreadable.
_NOISE_SHARE = 0.15
_CONVERTED = frozenset({"doc", "wps", "rtf", "odt"})  # read through a converter that opens anything
_NOISE = re.compile(r"[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u0370-\u1fff\u3400-\u4dbf\ua000-\ud7ff"
                    r"\ue000-\uf8ff\ufff0-\uffff]")


def is_noise(text: str) -> bool:
    """True when `text` reads as decoded random bytes rather than an article."""
    visible = "".join(text.split())
    return len(visible) >= 20 and len(_NOISE.findall(visible)) > _NOISE_SHARE * len(visible)


def read_manuscript(att: Attachment, limits: ExtractLimits) -> Manuscript:
    """Read one manuscript file; garbage that a converter produced from a broken file is refused."""
    ms = _read_manuscript(att, limits)
    if ms.format in _CONVERTED and is_noise("\n".join(it.text for it in ms.items)):
        raise ExtractError("unreadable_manuscript", "the file's text is unreadable (a damaged file?)")
    return ms


def _read_manuscript(att: Attachment, limits: ExtractLimits) -> Manuscript:
    """Dispatch on the content's magic bytes first, then on the extension."""
    data, ext, name = att.payload, att.extension, att.filename
    if ext in ("docx", "docm", "doc", "wps") and (why := _not_a_word_file(data, ext)):
        raise ExtractError("unreadable_manuscript", why)
    if data.startswith(b"PK\x03\x04") and ext != "odt":
        return read_docx(data, name, limits, fmt=ext if ext in ("docx", "docm") else "docx")
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_OOXML in data:
            raise ExtractError("unreadable_manuscript", "password-protected Word file")
        return read_doc(data, name, ext if ext in ("doc", "wps") else "doc", limits)
    if data.lstrip()[:5] == b"%PDF-" or ext == "pdf":
        return read_pdf(data, name, limits)
    if ext == "txt":
        return read_text(data, name)
    return read_doc(data, name, ext, limits)


def first_readable(
    manuscripts: list[Attachment], limits: ExtractLimits, message_id: str
) -> tuple[Manuscript | None, list[Finding]]:
    """The first manuscript that reads (by priority); failures of the others become warnings."""
    failures: list[Finding] = []
    for att in manuscripts:
        try:
            return read_manuscript(att, limits), failures
        except ExtractError as exc:
            log.warning("%s: %s unreadable: %s", message_id, att.filename, exc)
            failures.append(Finding(exc.code, exc.detail, {"filename": att.filename}))
        except Exception as exc:  # any library failure on hostile input is an unreadable file
            log.exception("%s: extractor crashed on %s", message_id, att.filename)
            failures.append(Finding("unreadable_manuscript", repr(exc), {"filename": att.filename}))
    # none readable: every failure rejects, so the contributor hears of each broken file at once
    return None, [Finding.stop(f.code, f.detail, f.data) for f in failures]


def _text(ms: Manuscript) -> str:
    return "\n".join(text for _, text in ms.text_lines())


def other_articles(
    chosen: Manuscript, rest: list[Attachment], limits: ExtractLimits, message_id: str
) -> tuple[list[Attachment], list[str]]:
    """The manuscript files after the chosen one that hold a different article, and their texts.

    One mail registers one article. The same article in a second format (same file name, or a
    text over _SAME_ARTICLE alike) is not another article; an unreadable file has no text to
    compare and is left to the attachment list reviewers get.
    """
    articles: list[Attachment] = []
    texts: list[str] = []
    drafted = _text(chosen)
    for att in rest:
        if file_stem(att.filename) == file_stem(chosen.filename):
            continue
        try:
            text = _text(read_manuscript(att, limits))
        except Exception as exc:  # hostile or broken input: no comparison, never a crash
            log.info("%s: %s not compared: %s", message_id, att.filename, exc)
            continue
        if jaccard(drafted, text) < _SAME_ARTICLE:
            articles.append(att)
            texts.append(text)
    return articles, texts
