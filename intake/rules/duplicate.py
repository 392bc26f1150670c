"""duplicate: the same manuscript text (or >= 90% similar) was already submitted within the window."""

from __future__ import annotations

from intake.models import Reason
from intake.rules.base import Context, Rule
from intake.states import Severity


def check(ctx: Context) -> list[Reason]:
    draft = ctx.extraction.draft
    if draft is None or not draft.body_text.strip():
        return []
    prior = ctx.find_prior(draft.body_text)
    if prior is None:
        return []
    return [Reason("duplicate", Severity.DUPLICATE, f"same as {prior.tracking_id}", {
        "first_tracking_id": prior.tracking_id, "first_received_at": prior.received_at,
        "similarity": round(prior.similarity, 3)})]


RULE = Rule("duplicate", "Reject a manuscript already submitted (exact or >= 90% similar).", check)
