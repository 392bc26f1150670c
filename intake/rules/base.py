"""What a rule sees (Context) and what it is (Rule)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from intake.models import Extraction, ParsedMail, Reason


@dataclass(frozen=True)
class Prior:
    """An earlier submission a new one may duplicate."""

    tracking_id: str
    received_at: str
    similarity: float


@dataclass(frozen=True)
class Context:
    mail: ParsedMail
    raw_size: int
    extraction: Extraction
    required_fields: Sequence[str]
    max_message_bytes: int
    find_prior: Callable[[str], Prior | None]  # body text -> an earlier submission it duplicates
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
