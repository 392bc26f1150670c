"""The intermediate result every manuscript extractor returns (before metadata and photos)."""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractError(Exception):
    """An extractor could not read its input; `code` is the Finding code to report."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Embedded:
    """An image found inside a manuscript (Word picture, PDF image)."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)
    caption: str | None = None


@dataclass(frozen=True)
class Item:
    """One element of a manuscript in document order.

    kind: "title" | "heading" | "paragraph" | "table" | "image".
    """

    kind: str
    text: str = ""
    level: int = 0
    image: Embedded | None = None


@dataclass(frozen=True)
class Manuscript:
    """A manuscript read by one extractor."""

    filename: str | None
    format: str  # "docx", "doc", "wps", "pdf", "txt", "body"
    items: tuple[Item, ...]
    photo_source: str = "docx"  # Photo.source for embedded images

    def text_lines(self) -> list[tuple[int, str]]:
        """(item index, text) of the items metadata may be read from."""
        return [(i, it.text) for i, it in enumerate(self.items) if it.kind in ("title", "heading", "paragraph")]
