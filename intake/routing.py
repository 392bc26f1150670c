"""Reviewer routing: the default list, or rules by source unit or keyword; all of them or round-robin.

TOML:
    [routing]
    mode = "all"            # or "round_robin"
    [[routing.rules]]
    source_unit = "教育"     # substring of the source unit
    keywords = ["乡村振兴"]   # any of them in the title or body
    reviewers = ["edu-editor@example.org"]
The first matching rule wins; none matching → INTAKE_REVIEWERS.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.config import Settings
from intake.models import Draft


def _matches(rule: Mapping[str, Any], draft: Draft) -> bool:
    unit = str(rule.get("source_unit") or "")
    keywords = [str(k) for k in rule.get("keywords") or []]
    if not unit and not keywords:
        return False
    if unit and unit not in (draft.field("source_unit") or ""):
        return False
    text = f"{draft.field('title') or ''}\n{draft.body_text}"
    return not keywords or any(k in text for k in keywords)


def route_reviewers(settings: Settings, draft: Draft | None, sequence: int) -> tuple[str, ...]:
    routing: Mapping[str, Any] = settings.extra.get("routing") or {}
    reviewers = settings.reviewers
    if draft is not None:
        for rule in routing.get("rules") or []:
            if _matches(rule, draft) and rule.get("reviewers"):
                reviewers = tuple(str(r).lower() for r in rule["reviewers"])
                break
    if routing.get("mode") == "round_robin" and reviewers:
        return (reviewers[sequence % len(reviewers)],)
    return reviewers
