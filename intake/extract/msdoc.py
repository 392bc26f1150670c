"""Legacy Word 97-2003 .doc manuscripts read natively ([MS-DOC], [MS-ODRAW]), without LibreOffice.

Text: the main document from the piece table (Clx) in the table stream. Fields keep their result
and drop their code; consecutive table rows become one table item, as in docx.py. Styles are not read, so title and
headings are found as in plain text.

Photos: the JPEG and PNG OfficeArt BLIP records found by scanning the streams. Inline pictures
(mark \\x01) live in the Data stream, floating ones (mark \\x08) in the WordDocument and table
streams; the k-th picture of each stream group goes to the k-th mark of its kind, the rest at the
end. Other BLIPs (WMF, EMF, DIB, ...) keep their mark but are not photos.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from typing import Any

import olefile

from intake.extract.content import Embedded, ExtractError, Item, Manuscript
from intake.extract.docx import is_caption, is_own_caption
from intake.extract.labels import CELL_SEPARATOR
from intake.extract.limits import ExtractLimits
from intake.extract.text import lines_to_items
from intake.text import clean_line

_WORD_IDENT = 0xA5EC
_NFIB_WORD97 = 0x00C1  # Word 6/95 files (nFib 0x0065-0x0068) have another FIB layout
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
_CLX_PAIR = 33  # fcClx/lcbClx: the 34th fc/lcb pair of FibRgFcLcb97 (offset 0x1A2 in a standard FIB)
_MAX_PIECES = 100_000
_COMPRESSED = 0x40000000
_FC_MASK = 0x3FFFFFFF
# 8-bit text is Latin-1 except for these bytes ([MS-DOC] 2.9.73 FcCompressed)
_COMPRESSED_MAP = dict(zip(
    b"\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9f",
    "‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œŸ", strict=True))

_CONTROL = re.compile(r"[\x00-\x1f]")
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_END = "\x07"
_INLINE, _FLOATING = "\x01", "\x08"
_KEEP = {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\t": "\t", "\x1e": "-",
         _INLINE: _INLINE, _FLOATING: _FLOATING}
_MARKS = re.compile(r"[\x01\x08]")

# BLIP record type → (photo format or None, {recInstance: bytes between header and file data})
_JPEG_INSTANCES = {0x46A: 17, 0x46B: 33, 0x6E2: 17, 0x6E3: 33}  # one or two 16-byte UIDs, then a tag byte
_BLIPS: dict[int, tuple[str | None, dict[int, int]]] = {
    0xF01A: (None, {0x3D4: 50, 0x3D5: 66}),  # EMF: UIDs and a 34-byte metafile header
    0xF01B: (None, {0x216: 50, 0x217: 66}),  # WMF
    0xF01C: (None, {0x542: 50, 0x543: 66}),  # PICT
    0xF01D: ("jpeg", _JPEG_INSTANCES),
    0xF01E: ("png", {0x6E0: 17, 0x6E1: 33}),
    0xF01F: (None, {0x7A8: 17, 0x7A9: 33}),  # DIB
    0xF029: (None, {0x6E4: 17, 0x6E5: 33}),  # TIFF
    0xF02A: ("jpeg", _JPEG_INSTANCES),  # CMYK JPEG
}
_BLIP_TYPE = re.compile(rb"[\x1a-\x1f\x29\x2a]\xf0")
_SIGNATURES = {"jpeg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n"}
_CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png"}
_Blip = tuple[str, bytes] | None  # (format, file data); None for a picture that is not a photo


def _unreadable(detail: str) -> ExtractError:
    return ExtractError("unreadable_manuscript", detail)


def _fib(wd: bytes) -> tuple[int, str, int, int]:
    """(ccpText, table stream name, fcClx, lcbClx), walking the FIB as [MS-DOC] 2.5.15 describes."""
    ident, nfib = struct.unpack_from("<HH", wd, 0)
    if ident != _WORD_IDENT:
        raise _unreadable("not a Word document (bad FIB signature)")
    if nfib < _NFIB_WORD97:
        raise _unreadable(f"Word 6/95 or older file (nFib {nfib:#x})")
    (flags,) = struct.unpack_from("<H", wd, 0x0A)
    if flags & _F_ENCRYPTED:
        raise _unreadable("encrypted or password-protected Word file")
    (csw,) = struct.unpack_from("<H", wd, 0x20)
    rg_lw = 0x22 + 2 * csw + 2
    (cslw,) = struct.unpack_from("<H", wd, rg_lw - 2)
    rg_fc_lcb = rg_lw + 4 * cslw + 2
    (cb_rg_fc_lcb,) = struct.unpack_from("<H", wd, rg_fc_lcb - 2)
    if cslw < 4 or cb_rg_fc_lcb <= _CLX_PAIR:
        raise _unreadable("Word file information block too short")
    (ccp_text,) = struct.unpack_from("<i", wd, rg_lw + 12)
    fc_clx, lcb_clx = struct.unpack_from("<II", wd, rg_fc_lcb + 8 * _CLX_PAIR)
    return ccp_text, "1Table" if flags & _F_WHICH_TABLE else "0Table", fc_clx, lcb_clx


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int]]:
    """(first CP, end CP, FcCompressed) of each text piece, from the Clx's Pcdt."""
    clx = table[fc_clx:fc_clx + lcb_clx]
    if not lcb_clx or len(clx) != lcb_clx:
        raise _unreadable("piece table outside the table stream")
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: 0x01, int16 cbGrpprl, GrpPrl
        (size,) = struct.unpack_from("<h", clx, pos + 1)
        if size < 0:
            raise _unreadable("corrupt piece table")
        pos += 3 + size
    if pos >= len(clx) or clx[pos] != 0x02:
        raise _unreadable("no piece table")
    (lcb,) = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + lcb]
    count = (lcb - 4) // 12
    if len(plc) != lcb or lcb < 16 or (lcb - 4) % 12 or count > _MAX_PIECES:
        raise _unreadable("corrupt piece table")
    cps = struct.unpack_from(f"<{count + 1}I", plc)
    if any(b < a for a, b in pairwise(cps)):
        raise _unreadable("piece table out of order")
    fcs = struct.unpack_from("<" + "2xI2x" * count, plc, 4 * (count + 1))
    return [(cps[i], cps[i + 1], fcs[i]) for i in range(count)]


def _main_text(wd: bytes, pieces: list[tuple[int, int, int]], ccp_text: int) -> str:
    """The first ccpText characters: the main document, without footnotes, headers or text boxes."""
    if not 0 <= ccp_text <= len(wd):
        raise _unreadable("text length out of range")
    parts: list[str] = []
    for start, end, fc in pieces:
        if start >= ccp_text:
            break
        n = min(end, ccp_text) - start
        offset = fc & _FC_MASK
        if fc & _COMPRESSED:
            raw = wd[offset // 2:offset // 2 + n]
            text = raw.decode("latin-1").translate(_COMPRESSED_MAP)
        else:
            raw = wd[offset:offset + 2 * n]
            text = raw.decode("utf-16-le", errors="replace")
        if len(text) != n:
            raise _unreadable("text piece outside the document stream")
        parts.append(text)
    return "".join(parts)


def visible_text(text: str) -> str:
    """Word's special characters resolved: lines end in \\n, cells in \\t; picture marks kept.

    A field is \\x13 code \\x14 result \\x15 (fields nest): its code is dropped, its result kept.
    A cell ends in \\x07 and a table row in one more \\x07.
    """
    out: list[str] = []
    fields: list[bool] = []  # per open field: True once its result has begun
    hidden = 0  # open fields still in their code
    pos = 0
    for m in _CONTROL.finditer(text):
        char, at = m.group(), m.start()
        if not hidden:
            out.append(text[pos:at])
        pos = at + 1
        if char == _FIELD_BEGIN:
            fields.append(False)
            hidden += 1
        elif char == _FIELD_SEPARATOR:
            if fields and not fields[-1]:
                fields[-1] = True
                hidden -= 1
        elif char == _FIELD_END:
            if fields and not fields.pop():
                hidden -= 1
        elif hidden:
            continue
        elif char == _CELL_END:
            out.append("\n" if at and text[at - 1] == _CELL_END else _CELL_END)
        else:
            out.append(_KEEP.get(char, ""))
    if not hidden:
        out.append(text[pos:])
    return "".join(out)


def _blips(stream: bytes) -> list[_Blip]:
    """Every BLIP record in a stream, in stream order; JPEG/PNG only when their signature checks out."""
    found: list[_Blip] = []
    pos = 2
    while (m := _BLIP_TYPE.search(stream, pos)) is not None:
        start, pos = m.start() - 2, m.start() + 1
        if start + 8 > len(stream):
            break
        ver_instance, rec_type, length = struct.unpack_from("<HHI", stream, start)
        kind, instances = _BLIPS.get(rec_type, (None, {}))
        skip = instances.get(ver_instance >> 4, 0) if not ver_instance & 0xF else 0
        end = start + 8 + length
        if not skip or length <= skip or end > len(stream):
            continue
        body = stream[start + 8 + skip:end]
        if kind is not None and not body.startswith(_SIGNATURES[kind]):
            continue
        found.append((kind, body) if kind is not None else None)
        pos = end
    return found


def _check_limits(blips: list[_Blip], limits: ExtractLimits) -> None:
    """Refuse documents whose pictures break the limits an OOXML package is held to."""
    sizes = [len(b[1]) for b in blips if b is not None]
    if len(blips) > limits.max_archive_members:
        raise ExtractError("unsafe_attachment", f"{len(blips)} pictures (limit {limits.max_archive_members})")
    if sum(sizes) > limits.max_archive_total_bytes:
        raise ExtractError("unsafe_attachment", f"{sum(sizes)} bytes of pictures "
                                                f"(limit {limits.max_archive_total_bytes})")
    if any(size > limits.max_attachment_bytes for size in sizes):
        raise ExtractError("unsafe_attachment", "picture larger than the attachment limit")


def _paragraphs(text: str, inline: list[_Blip], floating: list[_Blip]) -> list[tuple[str, list[Embedded]]]:
    """(clean text, photos) per line; each mark takes the next picture of its kind, duplicates dropped."""
    queues: dict[str, Iterator[_Blip]] = {_INLINE: iter(inline), _FLOATING: iter(floating)}
    seen: set[bytes] = set()
    paragraphs: list[tuple[str, list[Embedded]]] = []

    def photos(blips: list[_Blip]) -> list[Embedded]:
        out = []
        for blip in blips:
            if blip is not None and blip[1] not in seen:
                seen.add(blip[1])
                name = f"image{len(seen)}.{blip[0]}"
                out.append(Embedded(name, _CONTENT_TYPES[blip[0]], blip[1]))
        return out

    for line in text.split("\n"):
        marks = _MARKS.findall(line)
        blips = [next(queues[mark], None) for mark in marks]
        paragraphs.append((clean_line(_MARKS.sub("", line)), photos(blips)))
    rest = photos([*queues[_INLINE], *queues[_FLOATING]])
    if rest:
        paragraphs.append(("", rest))
    return paragraphs


def _caption_after(paragraphs: list[tuple[str, list[Embedded]]], n: int) -> int | None:
    """Index of the paragraph after picture paragraph n when it reads as the picture's caption."""
    for j in range(n + 1, len(paragraphs)):
        text, images = paragraphs[j]
        if images:
            return None
        if text:
            return j if is_caption(text) else None
    return None


def _cells(row: str) -> list[str]:
    return [clean_line(cell) for cell in row.rstrip(_CELL_END).split(_CELL_END)]


def _items(paragraphs: list[tuple[str, list[Embedded]]]) -> list[Item]:
    """Image items in place with their captions (as docx.py finds them); consecutive table rows as
    one table item (cells joined as docx.py joins them); text kinds from lines_to_items."""
    sequence: list[str | Item] = []
    taken: int | None = None
    last_row = -2
    for n, (text, images) in enumerate(paragraphs):
        if n == taken or not (text or images):
            continue
        if _CELL_END in text and not images:
            row = CELL_SEPARATOR.join(_cells(text))
            table = sequence[-1] if last_row == n - 1 else None
            if isinstance(table, Item):
                sequence[-1] = Item("table", f"{table.text}\n{row}")
            else:
                sequence.append(Item("table", row))
            last_row = n
            continue
        text = " ".join(filter(None, _cells(text)))  # a picture in a table cell: its row as text
        if not images:
            sequence.append(text)
            continue
        caption: str | None = None
        if text and is_own_caption(text):
            caption = text
        else:
            if text:
                sequence.append(text)
            taken = _caption_after(paragraphs, n)
            caption = paragraphs[taken][0] if taken is not None else None
        for k, image in enumerate(images):
            own = caption if k == len(images) - 1 else None
            sequence.append(Item("image", image=replace(image, caption=own)))
    kinds = iter(lines_to_items([s for s in sequence if isinstance(s, str)]))
    return [s if isinstance(s, Item) else next(kinds) for s in sequence]


def _stream(ole: Any, name: str, limit: int) -> bytes:
    """A stream's bytes (empty when absent); none may claim more than the whole file holds."""
    if not ole.exists(name):
        return b""
    if ole.get_size(name) > limit:
        raise _unreadable(f"stream {name} larger than the file")
    return bytes(ole.openstream(name).read())


def _read(data: bytes) -> tuple[str, list[_Blip], list[_Blip]]:
    """(visible main text, inline pictures, floating pictures)."""
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        wd = _stream(ole, "WordDocument", len(data))
        if not wd:
            raise _unreadable("no WordDocument stream (not a Word 97-2003 file)")
        ccp_text, table_name, fc_clx, lcb_clx = _fib(wd)
        table = _stream(ole, table_name, len(data))
        if not table:
            raise _unreadable(f"no {table_name} stream")
        text = _main_text(wd, _pieces(table, fc_clx, lcb_clx), ccp_text)
        return visible_text(text), _blips(_stream(ole, "Data", len(data))), _blips(wd) + _blips(table)


def read_msdoc(data: bytes, filename: str | None, fmt: str, limits: ExtractLimits) -> Manuscript:
    """A Word 97-2003 manuscript as a Manuscript; anything unreadable raises ExtractError."""
    try:
        text, inline, floating = _read(data)
    except ExtractError:
        raise
    except Exception as exc:  # olefile and struct raise many unrelated types on broken files
        raise _unreadable(f"not a readable Word 97-2003 file: {exc!r}") from exc
    _check_limits(inline + floating, limits)
    items = _items(_paragraphs(text, inline, floating))
    if not items:
        raise _unreadable("Word file has no text")
    return Manuscript(filename, fmt, tuple(items), photo_source="docx")
