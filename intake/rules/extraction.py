"""extraction: pass on what the extractors found (unreadable files, secrecy markers, photo warnings)."""

from __future__ import annotations

from intake.models import Reason
from intake.rules.base import Context, Rule


def check(ctx: Context) -> list[Reason]:
    return list(ctx.extraction.reasons)


RULE = Rule(
    "extraction", "Reasons reported by the manuscript, archive and photo extractors.", check)
