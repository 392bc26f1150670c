"""A reviewer's reply to a review request: record the decision and tell the contributor.

Only configured reviewers (INTAKE_REVIEWERS and every routing rule's reviewers) can
decide, only on a submission their mail refers to, and never through an auto-reply.
The message's outcome is `ignored` (nothing to submit) with reason `review_decision`,
or `reviewer_reply` when the first line is not a decision; the notification goes
to the contributor as a `decision` notice.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from intake.classify import classify
from intake.config import Settings
from intake.decisions import Decision, parse_decision
from intake.drafts import from_stored
from intake.mail import parse_mail
from intake.models import NoticeKind, Outcome, ParsedMail
from intake.notify import Planned, Subject, base_context, decision_envelope
from intake.outbox import store_notices
from intake.store import Store
from intake.tables import Event, Message, Submission, utcnow
from intake.threads import referenced_submission

DECIDABLE = ("pending_review", "held", "approved", "returned")


def all_reviewers(settings: Settings) -> set[str]:
    found = set(settings.reviewers)
    for rule in (settings.extra.get("routing") or {}).get("rules") or []:
        found.update(str(r).lower() for r in rule.get("reviewers") or [])
    return found


def review_decision(
    store: Store, settings: Settings, message_id: int, mail: ParsedMail
) -> tuple[dict[str, Any], list[int]] | None:
    """Handle the mail when it is a reviewer's reply about a submission; None otherwise."""
    if mail.from_addr not in all_reviewers(settings) or classify(mail, settings.submission_address):
        return None
    with store.session() as s:
        msg = s.get_one(Message, message_id, with_for_update=True)
        sub = referenced_submission(s, mail)
        if sub is None or sub.status not in DECIDABLE or msg.status == "processed":
            return None
        decision = parse_decision(mail.text_body)
        notice_ids = _apply(s, store, settings, msg, sub, mail, decision) if decision else []
        reason = "review_decision" if decision else "reviewer_reply"
        result = {
            "message_id": mail.message_id, "tracking_id": sub.tracking_id, "outcome": Outcome.IGNORED.value,
            "reason": reason, "draft": None, "missing": [], "warnings": [],
            "notifications": [{"kind": "decision", "to": [sub.contributor_addr]}] if notice_ids else [],
        }
        msg.status, msg.outcome, msg.reason = "processed", Outcome.IGNORED.value, reason
        msg.submission_id, msg.result, msg.processed_at = sub.id, result, utcnow()
        s.add(Event(message_id=msg.id, submission_id=sub.id, kind="message.processed", actor=mail.from_addr,
                    detail={"outcome": Outcome.IGNORED.value, "reason": reason}))
        return result, notice_ids


def _apply(
    s: Session, store: Store, settings: Settings, msg: Message, sub: Submission, mail: ParsedMail,
    decision: Decision,
) -> list[int]:
    sub.status, sub.updated_at = decision.status, utcnow()
    s.add(Event(submission_id=sub.id, message_id=msg.id, kind=f"submission.{decision.status}", actor=mail.from_addr,
                detail={"comment": decision.comment}))
    first = s.get_one(Message, sub.first_message_id)
    original = parse_mail(store.blobs.get(first.sha256))
    subject = Subject(
        mail=original, outcome=Outcome.ACCEPTED, reason=None, reasons=(), draft=from_stored(sub.draft or {}),
        tracking_id=sub.tracking_id, scope=f"sub:{sub.tracking_id}", revision=sub.revision,
        received_at=first.received_at.astimezone().strftime("%Y-%m-%d %H:%M"), reviewers=(),
    )
    context = {**base_context(subject, settings),
               "decision": {"status": decision.status, "comment": decision.comment, "reviewer": mail.from_addr}}
    envelope = decision_envelope(subject, settings, sub.contributor_addr, msg.id)
    created = store_notices(s, store, settings, [Planned(NoticeKind.DECISION, envelope, context)], msg.id, sub.id)
    return created.notice_ids

