"""The whole acceptance policy as one ordered table (STYLE.md: policy is a table).

Each rule is a small module with a kebab-case `name`, a one-line
`description` and one `check(ctx) -> list[Reason]` that reports and never
acts. `intake.pipeline.decide` reads every reason at once and decides, so a
contributor learns everything that is wrong in one mail.
"""

from __future__ import annotations

from intake.models import Reason
from intake.rules import duplicate, extraction, length, required_fields, size, subject_format
from intake.rules.base import Context, Rule

RULES: tuple[Rule, ...] = (
    size.RULE,              # too_large: over INTAKE_MAX_MESSAGE_BYTES                    → reject
    extraction.RULE,        # no_manuscript, unreadable, unsafe, external_link, secrecy  → reject / hold
                            # photo and caption warnings from the extractors             → warning
    required_fields.RULE,   # title, source_unit, authors, phone (+ reviewer if configured) → missing
    duplicate.RULE,         # same manuscript content, or >= 90% similar within the window → duplicate
    length.RULE,            # very short or very long body                               → warning
    subject_format.RULE,    # empty subject, or not the office's convention (TOML)       → warning
)


def check_all(ctx: Context) -> list[Reason]:
    """Every rule's reasons, in table order."""
    found: list[Reason] = []
    for rule in RULES:
        found.extend(rule.check(ctx))
    return found


__all__ = ["RULES", "Context", "Rule", "check_all"]
