"""required-fields: every configured metadata field must be present in the draft."""

from __future__ import annotations

from intake.models import Reason
from intake.rules.base import Context, Rule
from intake.states import Severity


def check(ctx: Context) -> list[Reason]:
    draft = ctx.extraction.draft
    if draft is None:
        return []
    return [Reason(name, Severity.MISSING, f"{name} not found")
            for name in ctx.required_fields if not draft.field(name)]


RULE = Rule("required-fields", "Title, source unit, authors and phone (configurable) must be given.", check)
