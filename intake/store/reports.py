"""Read models for `intake status` and `/metrics`: counts by state, failures with when they failed.

Counts come back as (key, count) pairs straight from GROUP BY (a key may be None); callers shape them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.states import MessageStatus, NoticeStatus
from intake.tables import Event, Message, Notice, Submission


def messages_by_status(s: Session) -> list[tuple[str, int]]:
    """Every stored mail by status (received, processed, failed)."""
    return [(status, n) for status, n in s.execute(select(Message.status, func.count()).group_by(Message.status))]


def messages_by_outcome(s: Session) -> list[tuple[str | None, int]]:
    """Every stored mail by outcome (None: not processed yet)."""
    return [(outcome, n) for outcome, n in s.execute(select(Message.outcome, func.count()).group_by(Message.outcome))]


def processed_by_outcome(s: Session) -> list[tuple[str | None, int]]:
    """Processed mails only, by outcome."""
    rows = s.execute(select(Message.outcome, func.count()).where(
        Message.status == MessageStatus.PROCESSED).group_by(Message.outcome))
    return [(outcome, n) for outcome, n in rows]


def ignored_by_reason(s: Session) -> list[tuple[str | None, int]]:
    """Mails left unanswered on purpose (outcome ignored), by reason."""
    rows = s.execute(select(Message.reason, func.count()).where(
        Message.outcome == "ignored").group_by(Message.reason))
    return [(reason, n) for reason, n in rows]


def notices_by_status(s: Session) -> list[tuple[str, int]]:
    """Every notice by status (pending, sent, failed)."""
    return [(status, n) for status, n in s.execute(select(Notice.status, func.count()).group_by(Notice.status))]


def notices_by_kind_and_status(s: Session) -> list[tuple[str, str, int]]:
    """Every notice by kind and status: (kind, status, count)."""
    rows = s.execute(select(Notice.kind, Notice.status, func.count()).group_by(Notice.kind, Notice.status))
    return [(kind, status, n) for kind, status, n in rows]


def submissions_by_status(s: Session) -> list[tuple[str, int]]:
    """Every submission by status."""
    rows = s.execute(select(Submission.status, func.count()).group_by(Submission.status))
    return [(status, n) for status, n in rows]


def silent_submissions(s: Session) -> int:
    """Submissions never answered automatically (web forms, OA systems …)."""
    return s.scalar(select(func.count(Submission.id)).where(Submission.auto_answer.is_(False))) or 0


def retrying_notices(s: Session) -> int:
    """Pending notices that failed transiently at least once."""
    return s.scalar(select(func.count(Notice.id)).where(
        Notice.status == NoticeStatus.PENDING, Notice.attempts > 0)) or 0


def failed_notices(s: Session, since: datetime | None = None, limit: int = 20) -> list[tuple[Notice, datetime | None]]:
    """Notices failed for good with when they last failed, newest first (only failed since `since`)."""
    failed_at = (select(Event.notice_id, func.max(Event.created_at).label("at"))
                 .where(Event.kind == "notice.failed").group_by(Event.notice_id).subquery())
    query = (select(Notice, failed_at.c.at).outerjoin(failed_at, failed_at.c.notice_id == Notice.id)
             .where(Notice.status == NoticeStatus.FAILED).order_by(Notice.id.desc()).limit(limit))
    if since is not None:
        query = query.where(failed_at.c.at >= since)
    return [(notice, at) for notice, at in s.execute(query)]


def quarantined_messages(s: Session, since: datetime | None = None,
                         limit: int = 20) -> list[tuple[Message, datetime | None]]:
    """Quarantined mails with when they were quarantined, newest first (only since `since`)."""
    quarantined_at = (select(Event.message_id, func.max(Event.created_at).label("at"))
                      .where(Event.kind == "message.failed").group_by(Event.message_id).subquery())
    query = (select(Message, quarantined_at.c.at)
             .outerjoin(quarantined_at, quarantined_at.c.message_id == Message.id)
             .where(Message.status == MessageStatus.FAILED).order_by(Message.id.desc()).limit(limit))
    if since is not None:
        query = query.where(quarantined_at.c.at >= since)
    return [(msg, at) for msg, at in s.execute(query)]
