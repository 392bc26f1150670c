"""duplicate: the same manuscript text (or >= 90% similar) was already submitted within the window."""

from __future__ import annotations

from collections.abc import Sequence

from intake.models import Reason
from intake.rules.base import Candidate, Context, Prior, Rule
from intake.similarity import content_hash, jaccard
from intake.states import Severity

NEAR_DUPLICATE = 0.9  # shingle Jaccard similarity at or above which two manuscripts are one


def match(text: str, candidates: Sequence[Candidate]) -> Prior | None:
    """The first earlier submission with the same content, else the first at least 90 % similar."""
    digest = content_hash(text)
    for cand in candidates:
        if cand.content_hash == digest:
            return Prior(cand.tracking_id, cand.received_at, 1.0)
    for cand in candidates:
        score = jaccard(text, cand.body_text) if cand.body_text else 0.0
        if score >= NEAR_DUPLICATE:
            return Prior(cand.tracking_id, cand.received_at, score)
    return None


def check(ctx: Context) -> list[Reason]:
    draft = ctx.extraction.draft
    if draft is None or not draft.body_text.strip():
        return []
    prior = match(draft.body_text, ctx.priors)
    if prior is None:
        return []
    return [Reason("duplicate", Severity.DUPLICATE, f"same as {prior.tracking_id}", {
        "first_tracking_id": prior.tracking_id, "first_received_at": prior.received_at,
        "similarity": round(prior.similarity, 3)})]


RULE = Rule("duplicate", "Reject a manuscript already submitted (exact or >= 90% similar).", check)
