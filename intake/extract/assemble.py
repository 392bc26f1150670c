"""Turn a read manuscript, the mail body and photo attachments into a Draft plus its warnings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from intake.extract.captions import caption_text, clean_caption, credits_in, match_captions
from intake.extract.content import Manuscript
from intake.extract.labels import table_label_lines
from intake.extract.limits import ExtractLimits
from intake.extract.metadata import Metadata, find_metadata
from intake.extract.photos import inspect_photo, photo_warnings
from intake.extract.units import is_generic
from intake.models import Attachment, Block, Draft, FieldValue, Finding, Photo


@dataclass
class _Photos:
    photos: list[Photo]
    reasons: list[Finding]


def _inspect(items: list[tuple[str, bytes, str | None, str]], limits: ExtractLimits) -> _Photos:
    out = _Photos([], [])
    for name, data, caption, source in items:
        result = inspect_photo(name, data, clean_caption(caption), source, limits)
        if isinstance(result, Photo):
            out.photos.append(result)
        elif isinstance(result, Finding):
            out.reasons.append(result)
    return out


_FORM_VALUES = 2  # a table that gave this many metadata values is a 投稿信息表, not article content


def _table_lines(ms: Manuscript) -> list[tuple[int, str]]:
    """(item index, label line) of every label cell with a value in the manuscript's tables."""
    return [(i, line) for i, item in enumerate(ms.items) if item.kind == "table"
            for line in table_label_lines(item.text)]


def _skipped_items(
    ms: Manuscript, meta: Metadata, tables: list[tuple[int, str]], has_attached_photos: bool
) -> set[int]:
    """Item indexes that are metadata (lines, form tables, or caption lines for attached photos), not body."""
    lines = ms.text_lines()
    skipped = {lines[k][0] for k in meta.used_lines}
    used_per_table = Counter(tables[k][0] for k in meta.used_table_lines)
    skipped |= {i for i, count in used_per_table.items() if count >= _FORM_VALUES}
    if has_attached_photos:
        skipped |= {i for i, text in lines if caption_text(text)}
    return skipped


def _blocks(ms: Manuscript, skipped: set[int], title_item: int | None, photos: list[Photo]) -> list[Block]:
    blocks: list[Block] = []
    picture = 0
    for i, item in enumerate(ms.items):
        if item.kind == "image":
            if picture < len(photos):
                blocks.append(Block("photo", photos[picture].caption or "", photo=picture))
            picture += 1
        elif i == title_item:
            blocks.append(Block("title", item.text))
        elif i not in skipped and item.text:
            kind = "paragraph" if item.kind == "title" else item.kind
            blocks.append(Block(kind, item.text, item.level))
    return blocks


def _title_item(ms: Manuscript, meta: Metadata) -> int | None:
    if meta.title_labelled:
        return None
    for i, item in enumerate(ms.items):
        if item.kind == "title" and not is_generic(item.text):  # Word's Title style on "稿件报送单"
            return i
    lines = ms.text_lines()
    return lines[meta.title_line][0] if meta.title_line is not None else None


def build_draft(
    ms: Manuscript, body_lines: list[str], subject: str, attached: list[Attachment], limits: ExtractLimits,
    html_captions: list[str | None] | None = None,
) -> tuple[Draft, list[Finding]]:
    """The draft and its warnings (photos, captions, credits). `html_captions`: the line under
    each inline picture of an HTML body (for an article written in the mail)."""
    texts = [text for _, text in ms.text_lines()]
    tables = _table_lines(ms)
    meta = find_metadata(texts, body_lines, subject, ms.filename, [line for _, line in tables])
    title_item = _title_item(ms, meta)
    embedded = [it.image for it in ms.items if it.kind == "image" and it.image is not None]
    inside = _inspect([(e.filename, e.data, e.caption, ms.photo_source) for e in embedded], limits)
    captions = match_captions([a.filename for a in attached], body_lines, texts,
                              [p.caption for p in inside.photos] or list(html_captions or []))
    outside = _inspect([(a.filename, a.payload, c, "attachment") for a, c in zip(attached, captions, strict=True)],
                       limits)
    replace = bool(outside.photos) and len(outside.photos) == len(inside.photos)
    photos = outside.photos if replace else inside.photos + outside.photos
    in_blocks = len(inside.photos)
    # pictures the inspector skipped (WMF/EMF) shift indexes: only keep blocks when all were kept
    blocks = _blocks(ms, _skipped_items(ms, meta, tables, bool(attached)), title_item,
                     photos if in_blocks == len(embedded) else [])
    photographers = tuple(dict.fromkeys(meta.photographers + credits_in([p.caption for p in photos])))
    title = FieldValue(ms.items[title_item].text, "manuscript") if title_item is not None else meta.title
    draft = Draft(title=title, source_unit=meta.source_unit, authors=meta.authors,
                  authors_found_in=meta.authors_found_in, values=meta.values,
                  blocks=tuple(blocks), photos=tuple(photos), manuscript=ms.filename,
                  manuscript_format=ms.format, photographers=photographers)
    warnings = photo_warnings(photos, bool(photographers), bool(outside.photos))
    return draft, inside.reasons + outside.reasons + warnings
