"""Plain-text manuscripts: decode bytes safely for Chinese, then turn lines into items."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from intake.extract.content import ExtractError, Item, Manuscript
from intake.extract.labels import find_hits
from intake.extract.metadata import title_index
from intake.text import clean_line

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_LEVEL3 = re.compile(r"^\d{1,2}[.．、]\s*\S")
_MAX_HEADING = 40
_HEADING_FIRST = frozenset("一二三四五六七八九十（(")
_TITLE_WINDOW = 12  # the title is among the first lines; metadata is read from all of them later


def decode(data: bytes) -> str:
    """BOM → UTF-8/16/32; else strict UTF-8; else strict GB18030; only then charset-normalizer.

    Detectors guess short GBK text as Big5-HKSCS, so they are the last resort.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ExtractError("unreadable_manuscript", "text encoding not recognised")
    return str(best)


def heading_level(line: str) -> int:
    """1 for 一、, 2 for （一）, 3 for 1. (short lines only); 0 for anything else."""
    if not line or len(line) > _MAX_HEADING or not (line[0] in _HEADING_FIRST or line[0].isdecimal()):
        return 0  # \d in _LEVEL3 is any decimal digit: isdecimal() is the same class
    for level, pattern in ((1, _LEVEL1), (2, _LEVEL2), (3, _LEVEL3)):
        if pattern.match(line):
            return level
    return 0


def _title(cleaned: list[str]) -> int | None:
    """title_index over the first lines only: label hits are line-local (a label's value may sit
    up to two lines further), so the window plus two lines gives the same answer as the whole
    text whenever the title is inside the window; otherwise the whole text decides."""
    if len(cleaned) > _TITLE_WINDOW + 2:
        _, used = find_hits(cleaned[: _TITLE_WINDOW + 2])
        title = title_index(cleaned[:_TITLE_WINDOW], used)
        if title is not None:
            return title
    _, used = find_hits(cleaned)
    return title_index(cleaned, used)


def lines_to_items(lines: list[str]) -> tuple[Item, ...]:
    """Title (first short non-metadata line), numbered headings, paragraphs; blank lines dropped."""
    cleaned = [clean_line(x) for x in lines]
    title = _title(cleaned)
    items: list[Item] = []
    for i, line in enumerate(cleaned):
        if not line:
            continue
        level = heading_level(line)
        if i == title:
            items.append(Item("title", line))
        elif level:
            items.append(Item("heading", line, level))
        else:
            items.append(Item("paragraph", line))
    return tuple(items)


def read_text(data: bytes, filename: str | None, fmt: str = "txt") -> Manuscript:
    """A .txt manuscript (also catdoc output) as a Manuscript."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return Manuscript(filename, fmt, lines_to_items(text.split("\n")))
