"""Find the draft's metadata (title, source unit, authors, phone, reviewer, photographers).

Where a field is looked for, first hit wins (DESIGN.md §5):

- title:        manuscript title line > subject (without 投稿/【单位】 prefixes) > manuscript file name
- source_unit:  manuscript label > manuscript table (投稿信息表) > mail body label
                > manuscript 落款 closing line > subject > sender's signature in the body
                > manuscript file name
- authors, photographers, reviewer: manuscript label/credit > manuscript table > mail body label
- phone:        manuscript label > manuscript table > mail body label > any phone number in the
                signature

`FieldValue.found_in` records which: "manuscript", "manuscript:table", "manuscript:closing",
"body", "subject", "signature", "filename".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.extract.labels import Hit, find_hits, unit_next_to_labels
from intake.extract.names import normalise_phone, person, split_credits, split_names
from intake.extract.secrecy import is_marking_line
from intake.extract.units import (
    closing_lines,
    closing_unit,
    is_generic,
    parse_subject,
    signature_lines,
    signature_unit,
    subject_authors,
)
from intake.fields import VALUED, Field
from intake.models import FieldValue
from intake.text import HAN, clean_line, file_stem

HAN_CHAR = re.compile(f"[{HAN}]")

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
_MAX_TITLE = 40


@dataclass(frozen=True)
class Metadata:
    """Everything find_metadata learned; `used_lines` are manuscript lines that are metadata, not
    body, and `used_table_lines` the table label lines (of the list given) that gave a value."""

    title: FieldValue | None
    source_unit: FieldValue | None
    authors: tuple[str, ...]
    authors_found_in: str | None
    values: dict[str, FieldValue]  # the other fields (intake.fields.VALUED): phone, reviewer, …
    photographers: tuple[str, ...]
    used_lines: frozenset[int]
    title_line: int | None
    used_table_lines: frozenset[int] = frozenset()
    title_labelled: bool = False  # the title came from a "标题：" label, which beats Word's Title style

    @property
    def phone(self) -> FieldValue | None:
        return self.values.get("phone")

    @property
    def reviewer(self) -> FieldValue | None:
        return self.values.get("reviewer")


def title_index(lines: list[str], used: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The first short, non-metadata line among the first ones, if it reads like a title."""
    seen = 0
    for i, raw in enumerate(lines):
        line = clean_line(raw)
        if not line or i in used or is_marking_line(line) or is_generic(line):  # "新闻稿", "稿件报送单"
            continue
        seen += 1
        if len(line) <= _MAX_TITLE and not _HEADING.match(line) and line[-1] not in "。！？；，：,;:":
            return i
        if seen >= 3 or len(line) > _MAX_TITLE:
            return None
    return None


def _where(found_in: str, hit: Hit) -> str:
    """Provenance of a hit: an inferred one says it was a closing credit ("manuscript:closing")."""
    return f"{found_in}:closing" if hit.inferred else found_in


def _people(hits: list[Hit], inferred: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    authors: list[str] = []
    photographers: list[str] = []
    for hit in hits:
        if hit.inferred != inferred:
            continue
        if hit.kind == "authors":
            a, p = split_credits(hit.value)
            authors += [x for x in a if x not in authors]
            photographers += [x for x in p if x not in photographers]
        elif hit.kind == "photographer":
            photographers += [x for x in split_names(hit.value) if x not in photographers]
    return tuple(authors), tuple(photographers)


def _first(kind: str, sources: list[tuple[list[Hit], str]], shape: str = "text",
           inferred: bool = False) -> FieldValue | None:
    """The first labelled value of `kind` in the sources, in order (or, with `inferred`, the
    first unlabelled closing credit)."""
    for hits, found_in in sources:
        for hit in hits:
            if hit.kind != kind or hit.inferred != inferred:
                continue
            value = normalise_phone(hit.value) if shape == "phone" else person(hit.value) if shape == "person" \
                else hit.value
            if value:
                return FieldValue(value, _where(found_in, hit))
    return None


def _signature_value(f: Field, body_lines: list[str]) -> FieldValue | None:
    """An unlabelled value in the sender's signature block (only phone numbers are recognisable)."""
    if not f.signature or f.shape != "phone":
        return None
    for _, line in signature_lines(body_lines):
        phone = normalise_phone(line)
        if phone:
            return FieldValue(phone, "signature")
    return None


def _values(sources: list[tuple[list[Hit], str]], body_lines: list[str]) -> dict[str, FieldValue]:
    values: dict[str, FieldValue] = {}
    for f in VALUED:
        found = _first(f.key, sources, f.shape) or _signature_value(f, body_lines)
        if found:
            values[f.key] = found
    return values


def _source_unit(
    sources: list[tuple[list[Hit], str]], manuscript_lines: list[str], body_lines: list[str], subject: str,
    filename: str | None,
    closing: tuple[str, int] | None, used: set[int], body_used: set[int],
) -> FieldValue | None:
    """The unit (see the module docstring); a unit line taken from beside the label lines joins
    `used`, so it is not kept as body text."""
    labelled = _first("source_unit", sources)
    if labelled:
        return labelled
    if closing:
        return FieldValue(closing[0], "manuscript:closing")
    credited = _first("source_unit", sources, inferred=True)  # "（XX局供稿）", "（XX局 张三）"
    if credited:
        return credited
    for lines, taken, found_in in ((manuscript_lines, used, "manuscript"), (body_lines, body_used, "body")):
        beside = unit_next_to_labels(lines, taken)
        if beside is not None:
            taken.add(beside.line)
            return FieldValue(beside.value, f"{found_in}:closing")
    unit = parse_subject(subject)[0]
    signed = signature_unit(body_lines)
    if unit and not (signed and _abbreviates(unit, signed)):  # "人社局稿件" + a signed full name
        return FieldValue(unit, "subject")
    if signed:
        return FieldValue(signed, "signature")
    unit = parse_subject(file_stem(filename))[0] if filename else None
    return FieldValue(unit, "filename") if unit else None


def _abbreviates(short: str, full: str) -> bool:
    """"人社局" is short for "岚川县人力资源和社会保障局": its characters occur in order in a longer name."""
    rest = iter(full)
    return len(full) > len(short) and all(ch in rest for ch in short)


_MIN_FILENAME_TITLE = 6  # "植树.doc", "稿件1.docx": a file name this short names no article


def _title(lines: list[str], index: int | None, subject: str, filename: str | None,
           labelled: FieldValue | None) -> FieldValue | None:
    if labelled is not None:  # "标题：……"
        return labelled
    if index is not None:
        return FieldValue(clean_line(lines[index]), "manuscript")
    title = parse_subject(subject)[1]
    if title:
        return FieldValue(title, "subject")
    title = parse_subject(file_stem(filename))[1] if filename else None
    return FieldValue(title, "filename") if title and len(HAN_CHAR.findall(title)) >= _MIN_FILENAME_TITLE else None


def _authors(sources: list[tuple[list[Hit], str]], subject: str) -> tuple[tuple[str, ...], str | None,
                                                                          tuple[str, ...]]:
    """Authors (labelled > unlabelled closing credit > "单位+作者+标题" subject), where, photographers."""
    authors: tuple[str, ...] = ()
    authors_found_in: str | None = None
    photographers: tuple[str, ...] = ()
    for hits, found_in in sources:
        a, p = _people(hits)
        if a and not authors:
            authors, authors_found_in = a, found_in
        photographers = photographers or p
    if not authors and any(hit.inferred for hits, _ in sources for hit in hits):
        for hits, found_in in sources:
            a, p = _people(hits, inferred=True)
            if a and not authors:
                authors, authors_found_in = a, f"{found_in}:closing"
            photographers = photographers or p
    if not authors and (named := subject_authors(subject)):
        authors, authors_found_in = named, "subject"
    return authors, authors_found_in, photographers


def find_metadata(
    manuscript_lines: list[str], body_lines: list[str], subject: str, filename: str | None,
    table_lines: list[str] | None = None,
) -> Metadata:
    """Metadata of one submission; see the module docstring for the precedence.

    `table_lines` are the label lines of the manuscript's tables (labels.table_label_lines).
    """
    m_hits, used = find_hits(manuscript_lines)
    t_hits, t_used = find_hits(table_lines or [])
    b_hits, b_used = find_hits(body_lines)
    closing = closing_unit(manuscript_lines)
    used |= closing_lines(manuscript_lines, closing)
    sources = [(m_hits, "manuscript"), (t_hits, "manuscript:table"), (b_hits, "body")]
    authors, authors_found_in, photographers = _authors(sources, subject)
    unit = _source_unit(sources, manuscript_lines, body_lines, subject, filename, closing, used, b_used)
    labelled_title = _first("title", sources[:2])  # a title label in the manuscript (or its table)
    index = None if labelled_title else title_index(manuscript_lines, used)
    return Metadata(
        title=_title(manuscript_lines, index, subject, filename, labelled_title),
        title_labelled=labelled_title is not None,
        source_unit=unit,
        authors=authors,
        authors_found_in=authors_found_in,
        values=_values(sources, body_lines),
        photographers=photographers,
        used_lines=frozenset(used),
        title_line=index,
        used_table_lines=frozenset(t_used),
    )
