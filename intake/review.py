"""A reviewer's reply to a review request: record the decision and tell the contributor.

A decision counts only when `intake.trust` authenticates it: a configured reviewer of
that submission, answering the review request we sent them (its Message-ID or their
plus address), DKIM/DMARC passed where a trusted server says so; never an auto-reply.
The message's outcome is `ignored` (nothing to submit) with reason `review_decision`,
`repeated_decision` (the submission is already so decided, with the same comment: nobody is told
again), or `reviewer_reply` when the first line is not a decision; the notification goes
to the contributor as a `decision` notice. A decision that fails authentication is
`unverified_decision`: an Event `decision.unverified` with the reason code, nothing
changed, and a `decision_unverified` warning to the real reviewer (at most one per
reviewer, submission and hour).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message as MailHeaders
from email.parser import BytesHeaderParser
from email.policy import compat32
from typing import Any

from intake import decide
from intake.classify import classify
from intake.clock import local_text
from intake.config import Settings
from intake.decide import DECIDABLE, Act
from intake.decisions import Decision, parse_decision
from intake.models import Conflict, NoticeKind, Outcome, ParsedMail
from intake.notify import Planned, unverified_envelope
from intake.outbox import compose_notices, record_notices
from intake.secret import require_secret
from intake.states import MessageStatus
from intake.store import Store, Tx
from intake.store.processing import pending_notice_ids
from intake.tables import Event, Message, Notice, Submission, utcnow
from intake.threads import referenced_submission
from intake.trust import Verdict, all_reviewers, authenticate, carries_review_token

__all__ = ["DECIDABLE", "ReviewerReply", "all_reviewers", "already_processed", "record_reply", "reviewer_reply"]


@dataclass(frozen=True)
class ReviewerReply:
    """A (claimed) reviewer's reply about a submission that can still be decided, as loaded."""

    submission_id: int
    decision: Decision | None  # None: a reviewer's words that decide nothing
    headers: MailHeaders  # every Authentication-Results and Delivered-To, not only the first


def reviewer_reply(s: Tx, settings: Settings, mail: ParsedMail, raw: bytes) -> ReviewerReply | None:
    """The mail as a (claimed) reviewer's reply about a decidable submission; None otherwise. Reads only."""
    if classify(mail, settings.submission_address):  # DMARC failures are intake.trust's: it warns the reviewer
        return None
    is_reviewer = mail.from_addr in all_reviewers(settings)
    decision = parse_decision(mail.text_body)
    if decision is None and not is_reviewer:
        return None  # an ordinary mail (a non-reviewer's words that decide nothing are never swallowed)
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:262144])
    if not is_reviewer and not carries_review_token(s, mail, headers, settings):
        return None
    sub = referenced_submission(s, mail)
    if sub is None or sub.status not in DECIDABLE:
        return None
    return ReviewerReply(sub.id, decision, headers)


def record_reply(
    store: Store, settings: Settings, message_id: int, mail: ParsedMail, reply: ReviewerReply
) -> tuple[dict[str, Any], list[int]]:
    """Authenticate a decision and apply it (or warn the real reviewer); record the message as handled.

    Authentication reads and the notice is rendered and composed before the record transaction,
    which locks the message and the submission only to check nothing changed and to write."""
    decision, headers = reply.decision, reply.headers
    with store.session() as s:
        sub = s.get_one(Submission, reply.submission_id)
        seen = (sub.status, sub.revision)
        verdict = authenticate(s, settings, require_secret(settings), mail, headers, sub) if decision else None
        act = Act(decision.status, decision.comment, mail.from_addr, "mail") if decision else None
        repeated = act is not None and decide.repeats(s, sub, act)
        s.expunge(sub)
    if decision is None:
        reason, kind, to, planned = "reviewer_reply", "decision", [sub.contributor_addr], []
    elif verdict is not None and verdict.reason is not None:
        reason, kind, to = "unverified_decision", "decision_unverified", list(verdict.warn)
        planned = _unverified_notices(settings, sub, mail, headers, decision, verdict)
    elif repeated:  # the same decision again (a second "通过"): recorded, the contributor is not told twice
        reason, kind, to, planned = "repeated_decision", "decision", [sub.contributor_addr], []
    else:
        assert act is not None
        reason, kind, to = "review_decision", "decision", [sub.contributor_addr]
        planned = decide.plan(store, settings, sub, act, f"msg{message_id}")
    composed = compose_notices(store, settings, planned)
    with store.session() as s:
        msg = s.get_one(Message, message_id, with_for_update=True)
        if msg.status == MessageStatus.PROCESSED:  # a concurrent delivery of the same task finished first
            return already_processed(msg.result), pending_notice_ids(s, message_id)
        sub = s.get_one(Submission, reply.submission_id, with_for_update=True)
        if (sub.status, sub.revision) != seen:  # decided or revised meanwhile: routed again on the new state
            raise Conflict(f"{sub.tracking_id} changed to {sub.status}, revision {sub.revision}")
        if reason == "review_decision" and act is not None:
            notice_ids = decide.apply(s, settings, sub, act, composed, msg.id)
        elif reason == "unverified_decision" and decision is not None and verdict is not None:
            s.add(Event(submission_id=sub.id, message_id=msg.id, kind="decision.unverified",
                        actor=mail.from_addr[:100],
                        detail={"reason": verdict.reason, "status": decision.status, "from": mail.from_addr,
                                "return_path": mail.return_path, "warned": list(verdict.warn)}))
        if reason != "review_decision":
            created = record_notices(s, settings, composed, msg.id, sub.id).notice_ids
            # A warning already made this hour for that reviewer is not made again (the key holds the hour).
            notice_ids = [nid for nid in created if s.get_one(Notice, nid).message_id == msg.id]
        result = {
            "message_id": mail.message_id, "tracking_id": sub.tracking_id, "outcome": Outcome.IGNORED.value,
            "reason": reason, "draft": None, "missing": [], "warnings": [],
            "notifications": [{"kind": kind, "to": to}] if notice_ids else [],
        }
        msg.status, msg.outcome, msg.reason = MessageStatus.PROCESSED, Outcome.IGNORED.value, reason
        msg.submission_id, msg.result, msg.processed_at = sub.id, result, utcnow()
        s.add(Event(message_id=msg.id, submission_id=sub.id, kind="message.processed", actor=mail.from_addr,
                    detail={"outcome": Outcome.IGNORED.value, "reason": reason}))
        return result, notice_ids


def already_processed(recorded: dict[str, Any] | None) -> dict[str, Any]:
    """What a repeated call did: nothing. The recorded result, as a duplicate that sent no mail."""
    result = dict(recorded or {})
    result.update(outcome=Outcome.DUPLICATE.value, reason="already_processed", notifications=[])
    return result


def _unverified_notices(
    settings: Settings, sub: Submission, mail: ParsedMail, headers: MailHeaders, decision: Decision,
    verdict: Verdict,
) -> list[Planned]:
    """A warning to each real reviewer about a decision that did not authenticate (one per hour each)."""
    now = utcnow()
    context = {
        "tracking_id": sub.tracking_id, "site_name": settings.site_name,
        "submission_address": settings.submission_address, "title": sub.title or "",
        "attempt": {"reason": verdict.reason, "status": decision.status, "comment": decision.comment[:500],
                    "from": mail.from_addr, "subject": mail.subject[:300],
                    "received_at": local_text(now, settings.tz),
                    "authentication": bool(headers.get_all("Authentication-Results"))},
    }
    hour = now.strftime("%Y%m%d%H")
    return [Planned(NoticeKind.DECISION_UNVERIFIED,
                    unverified_envelope(settings, sub.tracking_id, reviewer, hour, verdict.review_request),
                    context) for reviewer in verdict.warn]
