"""Draft ⇄ dict: the JSON contract's `draft` object, the stored form, and template context."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from intake.fields import FIELDS as REGISTRY
from intake.fields import VALUED
from intake.models import BODY_KINDS, Block, Draft, FieldValue, Photo

FIELDS = tuple(f.key for f in REGISTRY)  # title, source_unit, authors, phone, reviewer, … in notice order


def contract_json(draft: Draft) -> dict[str, Any]:
    """The `draft` object of DESIGN.md §4 (stable keys; a new field of intake.fields adds one)."""
    fields: dict[str, Any] = {key: list(draft.authors) if key == "authors" else draft.field(key) for key in FIELDS}
    return {
        **fields,
        "word_count": draft.word_count,
        "manuscript": draft.manuscript,
        "body_text": draft.body_text,
        "images": [
            {"filename": p.filename, "caption": p.caption, "width": p.width, "height": p.height,
             "size_bytes": p.size_bytes}
            for p in draft.photos
        ],
    }


def _fv(value: FieldValue | None) -> dict[str, str] | None:
    return None if value is None else {"value": value.value, "found_in": value.found_in}


def _unfv(data: Any) -> FieldValue | None:
    return None if not data else FieldValue(str(data["value"]), str(data["found_in"]))


def to_stored(draft: Draft) -> dict[str, Any]:
    """Everything needed to rebuild the draft later (photo bytes live in the blob store)."""
    return {
        "title": _fv(draft.title), "source_unit": _fv(draft.source_unit),
        **{f.key: _fv(draft.values.get(f.key)) for f in VALUED},
        "authors": list(draft.authors), "authors_found_in": draft.authors_found_in,
        "photographers": list(draft.photographers), "manuscript": draft.manuscript,
        "manuscript_format": draft.manuscript_format,
        "blocks": [{"kind": b.kind, "text": b.text, "level": b.level, "photo": b.photo} for b in draft.blocks],
        "photos": [
            {"filename": p.filename, "content_type": p.content_type, "sha256": p.sha256, "size_bytes": p.size_bytes,
             "width": p.width, "height": p.height, "caption": p.caption, "source": p.source}
            for p in draft.photos
        ],
    }


def from_stored(data: dict[str, Any]) -> Draft:
    values = {f.key: v for f in VALUED if (v := _unfv(data.get(f.key))) is not None}
    return Draft(
        title=_unfv(data.get("title")), source_unit=_unfv(data.get("source_unit")), values=values,
        authors=tuple(data.get("authors") or ()),
        authors_found_in=data.get("authors_found_in"), photographers=tuple(data.get("photographers") or ()),
        manuscript=data.get("manuscript"), manuscript_format=str(data.get("manuscript_format") or "body"),
        blocks=tuple(Block(b["kind"], b.get("text", ""), int(b.get("level", 0)), b.get("photo"))
                     for b in data.get("blocks", [])),
        photos=tuple(Photo(p["filename"], p["content_type"], p["sha256"], int(p["size_bytes"]), int(p["width"]),
                           int(p["height"]), p.get("caption"), p.get("source", "attachment"))
                     for p in data.get("photos", [])),
    )


def stored_body_text(data: dict[str, Any]) -> str:
    """`Draft.body_text` of a stored draft, without rebuilding the draft."""
    return "\n".join(b.get("text", "") for b in data.get("blocks", []) if b.get("kind") in BODY_KINDS)


def merge(old: Draft, new: Draft | None, replaces_manuscript: bool) -> Draft:
    """A contributor's follow-up: a new manuscript replaces the old; new field values fill or correct."""
    base = new if (replaces_manuscript and new is not None) else old
    if new is None:
        return base

    def pick(name: str) -> FieldValue | None:
        return new.value(name) or old.value(name)

    authors = new.authors or old.authors
    values = {f.key: v for f in VALUED if (v := pick(f.key)) is not None}
    return replace(
        base,
        title=pick("title") if replaces_manuscript else (old.title or new.title),
        source_unit=pick("source_unit"), values=values,
        authors=authors, authors_found_in=new.authors_found_in if new.authors else old.authors_found_in,
    )


def template_context(draft: Draft, date: str) -> dict[str, Any]:
    """The `draft` variable of the templates."""
    return {
        **{name: draft.field(name) for name in FIELDS if name != "authors"},
        "authors": list(draft.authors),
        "word_count": draft.word_count,
        "manuscript": draft.manuscript,
        "manuscript_format": draft.manuscript_format,
        "date": date,
        "photo_count": len(draft.photos),
        "blocks": [{"kind": b.kind, "text": b.text, "level": b.level, "photo": b.photo} for b in draft.blocks],
        "photos": [
            {"filename": p.filename, "caption": p.caption, "width": p.width, "height": p.height,
             "size_bytes": p.size_bytes, "cid": f"photo{i}.{p.sha256[:16]}", "src": f"photos/{i + 1}-{p.sha256[:8]}"}
            for i, p in enumerate(draft.photos)
        ],
    }
