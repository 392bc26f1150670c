"""Repair the text lines a PDF yields: curly quotes moved by pypdf, spaces around digits in
dates, titles wrapped over two lines, paragraphs broken at the page width.
"""

from __future__ import annotations

import re

from intake.extract.labels import is_label_line
from intake.extract.text import heading_level
from intake.extract.units import DATE_LINE
from intake.text import clean_line

_SENTENCE_END = "。！？”」』!?"
_LEADING_QUOTES = re.compile(r"^[“”‘’](?:\s*[“”‘’])*\s*")
_GAP = re.compile(r"(?<=[\u4e00-\u9fff，。、：；！？）】》]) (?=[\u4e00-\u9fff（【《])")
_FULL = 0.8  # a line at least this share of the widest one was broken by the layout
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=[年月日号])|(?<=[年月]) (?=\d)")
_MAX_TITLE = 40


def reflow(lines: list[str]) -> list[str]:
    """Join lines a PDF broke at the page width back into paragraphs.

    A line continues the previous one when the previous one fills (nearly) the whole text
    width and does not end a sentence, and neither is a heading or a label line.
    """
    cleaned = [clean_line(x) for x in lines]
    width = max((len(x) for x in cleaned), default=0)
    out: list[str] = []
    for line in cleaned:
        prev = out[-1] if out else ""
        joinable = (
            line and prev and prev[-1] not in _SENTENCE_END and len(prev) >= _FULL * width
            and not heading_level(line) and not is_label_line(line) and not is_label_line(prev)
        )
        if joinable:
            out[-1] = prev + line
        else:
            out.append(line)
    return out


def restore_quotes(line: str) -> str:
    """Put curly quotes back where pypdf left a space.

    LibreOffice sets “ ” in a Western fallback font and pypdf emits them at the start of the
    line ("“ ”青禾开展 红色议事厅 活动"); when the counts agree they go back in order.
    """
    m = _LEADING_QUOTES.match(line)
    if not m:
        return line
    quotes = [c for c in m[0] if not c.isspace()]
    rest = line[m.end() :]
    gaps = list(_GAP.finditer(rest))
    if len(gaps) != len(quotes):
        return line
    out, last = [], 0
    for gap, quote in zip(gaps, quotes, strict=True):
        out += [rest[last : gap.start()], quote]
        last = gap.end()
    return "".join(out) + rest[last:]


def join_wrapped_title(lines: list[str]) -> list[str]:
    """Join a title that a large font wrapped onto a second, shorter line."""
    filled = [i for i, x in enumerate(lines) if x][:2]
    if len(filled) < 2:
        return lines
    first, second = lines[filled[0]], lines[filled[1]]
    plain = not any(is_label_line(x) or heading_level(x) or DATE_LINE.match(x) for x in (first, second))
    if plain and first[-1] not in "。！？，：；" and second[-1] not in "。！？，：；" \
            and len(second) < len(first) and len(first) + len(second) <= _MAX_TITLE:
        return [*lines[: filled[0]], first + second, *lines[filled[1] + 1 :]]
    return lines


def repair_lines(text: str) -> list[str]:
    """All repairs, in order, on the raw text of a PDF."""
    lines = [_DIGIT_SPACE.sub("", restore_quotes(clean_line(x))) for x in text.split("\n")]
    return reflow(join_wrapped_title(lines))
