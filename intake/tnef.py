"""Outlook's winmail.dat (TNEF): the files inside it become the mail's attachments.

Outlook wraps every attachment of a rich-text mail in one application/ms-tnef part that no
other client opens. Unwrapped when the mail is parsed, the files reach extraction, the
contributor's receipt and the reviewers' mail as if sent plainly. TNEF is not compressed, so the
files are never larger than the mail itself; their count is capped. Names written in the
sender's code page (GBK on Chinese Windows) are decoded like raw 8-bit header names.
"""

from __future__ import annotations

import logging
import mimetypes
import struct
from typing import Any

from tnefparse import TNEF

from intake.models import Attachment
from intake.text import decode_name

log = logging.getLogger(__name__)
MAGIC = b"\x78\x9f\x3e\x22"  # 0x223E9F78, little-endian
MAX_FILES = 200
_MAX_ATTRIBUTES = 64 + 16 * MAX_FILES  # a file takes a handful (rendering data, title, data, dates, MAPI)


def _name(item: Any) -> str:
    long_name = item.long_filename() if item.mapi_attrs else None
    if isinstance(long_name, str) and long_name.strip("\x00").strip():
        return long_name.strip("\x00").strip()
    raw = item._name if isinstance(item._name, bytes) else str(item._name).encode("utf-8")
    raw = raw.split(b"\x00", 1)[0]
    return (decode_name(raw) or raw.decode("latin-1")).strip()


def _attribute_count(data: bytes, cap: int) -> int:
    """Attributes in a TNEF stream, counted up to `cap` without copying (tnefparse copies the rest
    of the stream for each attribute, so a stream of many tiny ones would take hours)."""
    offset, count = 6, 0
    while offset + 12 < len(data) and count <= cap:
        (length,) = struct.unpack_from("<I", data, offset + 5)
        offset += length + 11
        count += 1
    return count


def unwrap(files: list[Attachment]) -> tuple[list[Attachment], list[str]]:
    """`files` with each TNEF part replaced by the files in it, and defects for unreadable ones."""
    out: list[Attachment] = []
    defects: list[str] = []
    for att in files:
        if not att.payload.startswith(MAGIC):
            out.append(att)
            continue
        try:
            if _attribute_count(att.payload, _MAX_ATTRIBUTES) > _MAX_ATTRIBUTES:
                raise ValueError("too many TNEF attributes")
            parsed = TNEF(att.payload, do_checksum=True)
            if not all(obj.good_checksum for obj in parsed.objects):  # cut short or damaged
                raise ValueError("attribute checksum mismatch")
            items = [a for a in parsed.attachments if a.data]
            inner = [(_name(a) or f"attachment-{n}.bin", bytes(a.data)) for n, a in enumerate(items, 1)]
        except Exception as exc:  # hostile or broken TNEF: keep the part as it came
            log.info("winmail.dat not readable: %s", exc)
            out.append(att)
            defects.append("tnef_unreadable")
            continue
        if len(inner) > MAX_FILES:
            out.append(att)
            defects.append("tnef_too_many_files")
            continue
        if not inner:  # only the rich-text rendering of the body, which the mail also has as text
            defects.append("tnef_no_files")
        for name, data in inner:
            base = name.replace("\\", "/").rsplit("/", 1)[-1]
            out.append(Attachment(base, mimetypes.guess_type(base)[0] or "application/octet-stream", data))
    return out, defects
