"""Frozen domain values that flow through the pipeline (no I/O, no ORM).

The SQLAlchemy tables live in `intake.tables`; these are the values the
pipeline stages hand each other: a parsed mail, the extracted draft, the
reasons rules report, and the outcome the pipeline decides.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from intake.states import Severity


class Outcome(enum.StrEnum):
    """What the pipeline decided for one message (the JSON contract's `outcome`)."""

    ACCEPTED = "accepted"
    INCOMPLETE = "incomplete"
    REJECTED = "rejected"
    IGNORED = "ignored"
    DUPLICATE = "duplicate"
    HELD = "held"  # secrecy markers: acknowledged, sent to reviewers without attachments, a human decides


class NoticeKind(enum.StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    INCOMPLETE = "incomplete"
    REJECTION = "rejection"
    REVIEW_REQUEST = "review_request"
    DECISION = "decision"
    DECISION_UNVERIFIED = "decision_unverified"  # to a reviewer: a decision in their name was not believed


# the extensions of manuscript files (extract.choose ranks them); every other file is a photo or "other"
MANUSCRIPT_EXTENSIONS = frozenset({"docx", "doc", "wps", "docm", "odt", "rtf", "pdf", "txt"})


@dataclass(frozen=True)
class Attachment:
    """One MIME part that carries a file (never a path: `filename` is display text only)."""

    filename: str
    content_type: str
    payload: bytes
    content_id: str | None = None
    inline: bool = False

    @property
    def extension(self) -> str:
        name = self.filename.lower()
        return name.rsplit(".", 1)[-1] if "." in name else ""

    def kind(self, manuscript: str | None) -> str:
        """"manuscript", "photo" or "other": how the receipt lists the file and the store keeps it
        (a second .docx is a manuscript too, even though only `manuscript` was drafted)."""
        if self.filename == manuscript or self.extension in MANUSCRIPT_EXTENSIONS:
            return "manuscript"
        return "photo" if self.content_type.startswith("image/") else "other"


@dataclass(frozen=True)
class ParsedMail:
    """A mail decoded once: headers as text, bodies, attachments."""

    message_id: str
    subject: str
    from_name: str
    from_addr: str
    to: tuple[str, ...]
    date: str | None
    text_body: str
    html_body: str
    attachments: tuple[Attachment, ...]
    headers: dict[str, str]  # lower-cased names, first occurrence, decoded
    content_type: str  # top-level MIME type, e.g. "multipart/report"
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    return_path: str | None = None
    defects: tuple[str, ...] = ()
    reply_to: tuple[tuple[str, str], ...] = ()  # (display name, lower-cased address) pairs of Reply-To
    header_lines: tuple[tuple[str, str], ...] = ()  # every header in order (lower-cased name, decoded value)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def header_all(self, name: str) -> tuple[str, ...]:
        """Every value of a header that may occur several times (Authentication-Results, Received)."""
        wanted = name.lower()
        return tuple(value for key, value in self.header_lines if key == wanted)


@dataclass(frozen=True)
class Reason:
    """Why a rule or an extractor objects: a stable code for ops, details for the notice.

    `severity` is "reject" (the submission cannot proceed), "missing" (a
    required field is absent: the contributor can complete it), "hold" (a
    human must look), "ignore" (never answer), "duplicate", or "warning".
    """

    code: str
    severity: Severity
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:  # "reject" → Severity.REJECT; a misspelt severity fails here
        object.__setattr__(self, "severity", Severity(self.severity))


@dataclass(frozen=True)
class Finding:
    """What an extractor saw, neutrally: a stable code, details, and whether it stopped the
    extraction (no draft could be made because of it). The severity table in rules/severity.py
    turns each into a Reason; extractors never decide what a finding does to the outcome."""

    code: str
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    blocking: bool = False

    @classmethod
    def stop(cls, code: str, detail: str = "", data: dict[str, Any] | None = None) -> Finding:
        """A finding that stops the extraction (nothing readable, an unsafe attachment, …)."""
        return cls(code, detail, data or {}, blocking=True)


BODY_KINDS = ("heading", "paragraph", "table")  # the blocks whose text is the article body


@dataclass(frozen=True)
class Block:
    """One piece of the draft in document order.

    kind: "title" | "heading" | "paragraph" | "photo" | "table".
    For "heading", `level` is 1 for 一、 and 2 for （一）, 3 for 1. style.
    For "photo", `photo` indexes `Draft.photos`.
    """

    kind: str
    text: str = ""
    level: int = 0
    photo: int | None = None


@dataclass(frozen=True)
class Photo:
    filename: str
    content_type: str
    sha256: str
    size_bytes: int
    width: int
    height: int
    caption: str | None
    source: str  # "docx" (embedded in the manuscript), "attachment", "pdf"
    data: bytes = field(repr=False, compare=False, default=b"")


@dataclass(frozen=True)
class FieldValue:
    """A metadata value and where it was found (shown to reviewers)."""

    value: str
    found_in: str  # e.g. "manuscript:first_lines", "manuscript:closing", "body", "subject", "signature"


@dataclass(frozen=True, eq=True)
class Draft:
    """The draft article extracted from one submission.

    Title, unit and authors have their own slots (their own extraction rules); every other
    metadata field of `intake.fields` (phone, reviewer, …) is one FieldValue in `values`.
    """

    title: FieldValue | None
    source_unit: FieldValue | None
    authors: tuple[str, ...]
    authors_found_in: str | None
    blocks: tuple[Block, ...]
    photos: tuple[Photo, ...]
    manuscript: str | None  # file name of the manuscript, or None when from the mail body
    manuscript_format: str  # "docx", "doc", "wps", "pdf", "txt", "body", ...
    photographers: tuple[str, ...] = ()
    values: Mapping[str, FieldValue] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]  # holds a dict

    @property
    def phone(self) -> FieldValue | None:
        return self.values.get("phone")

    @property
    def reviewer(self) -> FieldValue | None:
        return self.values.get("reviewer")

    def value(self, name: str) -> FieldValue | None:
        """The FieldValue of a single-valued field (None for authors: see `authors`)."""
        if name in ("title", "source_unit"):
            found: FieldValue | None = getattr(self, name)
            return found
        return self.values.get(name)

    def found_in(self, name: str) -> str | None:
        if name == "authors":
            return self.authors_found_in if self.authors else None
        value = self.value(name)
        return value.found_in if value else None

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.kind in BODY_KINDS)

    @property
    def word_count(self) -> int:
        from intake.text import word_count

        return word_count(self.body_text)

    def field(self, name: str) -> str | None:
        if name == "authors":
            return "、".join(self.authors) or None
        value = self.value(name)
        return value.value if value else None


@dataclass(frozen=True)
class Extraction:
    """What the extraction stage returns: a draft (or None) and every finding, not yet judged
    (rules/severity.py says what each does to the outcome)."""

    draft: Draft | None
    findings: tuple[Finding, ...] = ()


class Conflict(RuntimeError):
    """What a mail was routed on changed before it was recorded (another revision or decision won):
    the service routes it again on the new state."""
