"""extraction: judge what the extractors found (unreadable files, secrecy markers, photo warnings)
with the severity table (rules/severity.py)."""

from __future__ import annotations

from intake.models import Reason
from intake.rules.base import Context, Rule
from intake.rules.severity import judge


def check(ctx: Context) -> list[Reason]:
    return [judge(finding) for finding in ctx.extraction.findings]


RULE = Rule(
    "extraction", "What the manuscript, archive and photo extractors found, judged by rules/severity.py.", check)
