"""Named queries on stored mails (`messages`): replay, the stale sweep, counts, a submission's mails."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from intake.states import MessageStatus
from intake.tables import Message


def all_messages(s: Session) -> list[Message]:
    """Every stored mail, oldest first (the demo's summary)."""
    return list(s.scalars(select(Message).order_by(Message.id)))


def messages_of_submission(s: Session, submission_id: int) -> list[Message]:
    """The mails merged into one submission, oldest first."""
    return list(s.scalars(select(Message).where(Message.submission_id == submission_id).order_by(Message.id)))


def replayable_messages(s: Session, ids: list[int] | None = None) -> list[Message]:
    """What `intake replay` hands on again: these ids unless already processed, else every quarantined mail."""
    if ids:
        return list(s.scalars(select(Message).where(Message.id.in_(ids), Message.status != MessageStatus.PROCESSED)))
    return list(s.scalars(select(Message).where(Message.status == MessageStatus.FAILED)))


def count_messages(s: Session, status: str) -> int:
    """How many mails are in `status` (e.g. quarantined)."""
    return s.scalar(select(func.count(Message.id)).where(Message.status == status)) or 0


def stale_message_ids(s: Session, now: datetime, unclaimed_for: float, limit: int) -> list[int]:
    """Unprocessed mails no living worker holds: their lease ran out, or nobody took them for
    `unclaimed_for` seconds since they were stored or last queued."""
    queued = func.coalesce(Message.queued_at, Message.received_at)
    return list(s.scalars(select(Message.id).where(
        Message.status == MessageStatus.RECEIVED,
        (Message.claimed_until < now) | (Message.claimed_until.is_(None)
                                         & (queued < now - timedelta(seconds=unclaimed_for))),
    ).order_by(Message.id).limit(limit)))


def mark_queued(s: Session, ids: list[int], now: datetime) -> None:
    """Record that these (still unprocessed) mails were handed to the queue now, lease cleared."""
    s.execute(update(Message).where(Message.id.in_(ids), Message.status == MessageStatus.RECEIVED)
              .values(queued_at=now, claimed_until=None))
