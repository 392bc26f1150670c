"""What a rule sees (Context) and what it is (Rule)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intake.models import Extraction, ParsedMail, Reason


@dataclass(frozen=True)
class Prior:
    """An earlier submission a new one duplicates: which, when, how similar."""

    tracking_id: str
    received_at: str
    similarity: float


@dataclass(frozen=True)
class Candidate:
    """An earlier submission the store found may match (same content hash, or a near signature).

    The store hands these over as values, in the order it stored them; the duplicate rule decides."""

    tracking_id: str
    received_at: str
    content_hash: str | None
    body_text: str | None = None  # loaded only for a near candidate, to confirm it


@dataclass(frozen=True)
class Context:
    mail: ParsedMail
    raw_size: int
    extraction: Extraction
    required_fields: Sequence[str]
    max_message_bytes: int
    priors: Sequence[Candidate] = ()  # earlier submissions this one may duplicate (the store's candidates)
    subject_pattern: str | None = None  # TOML rules.subject_pattern, e.g. "^【.+】|\\+"
    subject_hint: str = "单位+标题"


@dataclass(frozen=True)
class Rule:
    """One named check; `fn` reports reasons and never acts."""

    name: str
    description: str
    fn: Callable[[Context], list[Reason]]

    def check(self, ctx: Context) -> list[Reason]:
        return self.fn(ctx)
