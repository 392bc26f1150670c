"""Word .docx manuscripts: walk the body in document order into title, headings, paragraphs,
tables and pictures with their captions.

Tracked changes: inserted text is kept, deleted text dropped (it lives in w:delText);
comments, headers and footers are not part of the body and never read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.styles import BabelFish
from lxml import etree

from intake.extract.archive import zip_limit_problem
from intake.extract.content import Embedded, ExtractError, Item, Manuscript
from intake.extract.labels import is_label_line
from intake.extract.limits import ExtractLimits
from intake.extract.text import heading_level
from intake.text import clean_line

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_W = "{" + _NS["w"] + "}"
_SKIP = "ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback"
_TEXT = f".//w:t[not({_SKIP})] | .//w:tab[not({_SKIP})] | .//w:br[not({_SKIP})]"
_PICS = f".//a:blip/@r:embed[not({_SKIP})] | .//v:imagedata/@r:id[not({_SKIP})]"
_CAPTION_STYLES = ("caption", "题注")
_CAPTION_START = re.compile(r"^(?:图片?\s*[\d一二三四五六七八九十]*\s*[：:、.．\s]|【图)")
_MAX_CAPTION = 100
_MAX_TITLE = 40
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class _Para:
    text: str
    style: str
    centred: bool
    bold: bool
    images: list[Embedded] = field(default_factory=list)


@lru_cache(maxsize=64)
def _compiled(expr: str) -> etree.XPath:
    return etree.XPath(expr, namespaces=_NS)


def _xp(element: Any, expr: str) -> Any:
    """XPath with our prefixes (python-docx's own xpath() knows neither v: nor mc:), compiled once."""
    return _compiled(expr)(element)


def _style_names(document: Any) -> dict[str, str]:
    """styleId → UI name ("Heading 1", "Caption") read straight from styles.xml (no Style objects)."""
    names: dict[str, str] = {}
    for style in _xp(document.styles.element, "w:style"):
        name = _xp(style, "string(w:name/@w:val)")
        names[style.get(_W + "styleId", "")] = BabelFish.internal2ui(name) if name else ""
    return names


def _text(element: Any) -> str:
    parts = []
    for node in _xp(element, _TEXT):
        parts.append(node.text or "" if node.tag == _W + "t" else ("\t" if node.tag == _W + "tab" else "\n"))
    return clean_line("".join(parts).replace("\n", " "))


def _images(p: Any, document: Any) -> list[Embedded]:
    found: list[Embedded] = []
    for rid in dict.fromkeys(_xp(p, _PICS)):
        part = document.part.related_parts.get(rid)
        if part is not None and hasattr(part, "blob"):
            name = str(part.partname).rsplit("/", 1)[-1]
            found.append(Embedded(name, part.content_type, part.blob))
    return found


def _para(p: Any, document: Any, styles: dict[str, str]) -> _Para:
    style_id = _xp(p, "string(w:pPr/w:pStyle/@w:val)")
    runs = _xp(p, f".//w:r[w:t and not({_SKIP})]")
    bold = bool(runs) and all(_xp(r, "w:rPr/w:b[not(@w:val='0' or @w:val='false')]") for r in runs)
    centred = _xp(p, "string(w:pPr/w:jc/@w:val)") == "center"
    return _Para(_text(p), styles.get(style_id, style_id), centred, bold, _images(p, document))


def _table(tbl: Any) -> str:
    rows = []
    for tr in _xp(tbl, "w:tr"):
        cells = [" ".join(filter(None, (_text(p) for p in _xp(tc, "w:p"))))
                 for tc in _xp(tr, "w:tc")]
        rows.append(" | ".join(cells))
    return "\n".join(r for r in rows if r.strip(" |"))


def _walk(body: Any, document: Any, styles: dict[str, str]) -> list[_Para | str]:
    """Paragraphs (as _Para) and tables (as text) in document order; content controls unwrapped."""
    out: list[_Para | str] = []
    for child in body.iterchildren():
        if child.tag == _W + "p":
            out.append(_para(child, document, styles))
        elif child.tag == _W + "tbl":
            out.append(_table(child))
        elif child.tag == _W + "sdt":
            for content in _xp(child, "w:sdtContent"):
                out.extend(_walk(content, document, styles))
    return out


def is_caption(text: str, style: str = "") -> bool:
    """Whether the paragraph after a picture is its caption (also used by the native .doc reader)."""
    if not text or is_label_line(text) or heading_level(text):
        return False
    if style.lower() in _CAPTION_STYLES or _CAPTION_START.match(text):
        return True
    return len(text) <= _MAX_CAPTION


def is_own_caption(text: str) -> bool:
    """Whether the text beside a picture, in the picture's own paragraph, is its caption."""
    return len(text) <= _MAX_CAPTION or bool(_CAPTION_START.match(text))


def _kind(para: _Para, have_title: bool, have_body: bool) -> tuple[str, int]:
    style = para.style.lower()
    if style in ("title", "标题"):
        return "title", 0
    m = re.match(r"^(?:heading|标题)\s*(\d)$", style)
    if m:
        level = int(m[1])
        return ("title", 0) if level == 1 and not have_title and not have_body else ("heading", level)
    level = heading_level(para.text)
    if level:
        return "heading", level
    short = len(para.text) <= _MAX_TITLE and para.text[-1] not in "。！？；，："
    if not have_title and not have_body and short and (para.centred or para.bold) and not is_label_line(para.text):
        return "title", 0
    return "paragraph", 0


def _items(entries: list[_Para | str]) -> list[Item]:
    items: list[Item] = []
    have_title = have_body = False
    skip: set[int] = set()
    for n, entry in enumerate(entries):
        if n in skip:
            continue
        if isinstance(entry, str):
            if entry:
                items.append(Item("table", entry))
            continue
        if entry.images:
            items.extend(_picture_items(entry, entries, n, skip))
            continue
        if not entry.text:
            continue
        kind, level = _kind(entry, have_title, have_body or any(i.kind == "image" for i in items))
        have_title = have_title or kind == "title"
        have_body = have_body or (kind == "paragraph" and not is_label_line(entry.text))
        items.append(Item(kind, entry.text, level))
    return items


def _picture_items(entry: _Para, entries: list[_Para | str], n: int, skip: set[int]) -> list[Item]:
    """Pictures of one paragraph; the caption is the paragraph's own short text or the next one."""
    caption: str | None = None
    items: list[Item] = []
    if entry.text and is_own_caption(entry.text):
        caption = entry.text
    elif entry.text:
        items.append(Item("paragraph", entry.text))
    if caption is None:
        for j in range(n + 1, len(entries)):
            nxt = entries[j]
            if isinstance(nxt, str) or nxt.images:
                break
            if nxt.text:
                if is_caption(nxt.text, nxt.style):
                    caption = nxt.text
                    skip.add(j)
                break
    for k, image in enumerate(entry.images):
        own = caption if k == len(entry.images) - 1 else None
        items.append(Item("image", image=Embedded(image.filename, image.content_type, image.data, own)))
    return items


def check_package(data: bytes, limits: ExtractLimits) -> None:
    """Refuse OOXML packages whose members would inflate beyond the limits (zip bombs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            problem = zip_limit_problem(zf.infolist(), limits)
    except zipfile.BadZipFile as exc:
        raise ExtractError("unreadable_manuscript", f"not a valid .docx: {exc}") from exc
    if problem:
        raise ExtractError("unsafe_attachment", problem)


def read_docx(data: bytes, filename: str | None, limits: ExtractLimits, fmt: str = "docx") -> Manuscript:
    """A .docx manuscript as a Manuscript; unreadable or encrypted files raise ExtractError."""
    if data.startswith(OLE_MAGIC):
        raise ExtractError("unreadable_manuscript", "encrypted or legacy Word file, not .docx")
    check_package(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        # zlib.error / EOFError: the zip directory is whole but a part's compressed data is damaged
        raise ExtractError("unreadable_manuscript", f"not a valid .docx: {exc}") from exc
    styles = _style_names(document)
    entries = _walk(document.element.body, document, styles)
    return Manuscript(filename, fmt, tuple(_items(entries)), photo_source="docx")
