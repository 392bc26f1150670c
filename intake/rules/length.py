"""length: warn reviewers about a very short or very long article (never blocks)."""

from __future__ import annotations

from intake.models import Reason
from intake.rules.base import Context, Rule
from intake.states import Severity

MIN_WORDS = 150
MAX_WORDS = 20000


def check(ctx: Context) -> list[Reason]:
    draft = ctx.extraction.draft
    if draft is None:
        return []
    count = draft.word_count
    if count < MIN_WORDS:
        return [Reason("too_short", Severity.WARNING, f"{count} words", {"word_count": count, "minimum": MIN_WORDS})]
    if count > MAX_WORDS:
        return [Reason("too_long", Severity.WARNING, f"{count} words", {"word_count": count, "maximum": MAX_WORDS})]
    return []


RULE = Rule("length", "Warn when the article is under 150 or over 20,000 words.", check)
