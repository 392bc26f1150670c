"""Named queries on the outbox (`notices`): look-ups by key, the sweeper's due list, retries."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake.states import NoticeStatus
from intake.tables import Notice


def notice_id_by_key(s: Session, key: str) -> int | None:
    """The id of the notice with this idempotency key, if one was stored."""
    return s.scalar(select(Notice.id).where(Notice.idempotency_key == key))


def notice_by_key(s: Session, key: str) -> Notice | None:
    """The notice with this idempotency key, if one was stored."""
    return s.scalar(select(Notice).where(Notice.idempotency_key == key))


def find_notice(s: Session, notice_id: int) -> Notice | None:
    """The notice with this id, or None."""
    return s.get(Notice, notice_id)


def get_notice(s: Session, notice_id: int) -> Notice:
    """The notice with this id; raises when there is none."""
    return s.get_one(Notice, notice_id)


def notices_of_submission(s: Session, submission_id: int) -> list[Notice]:
    """Every notice about one submission, oldest first."""
    return list(s.scalars(select(Notice).where(Notice.submission_id == submission_id).order_by(Notice.id)))


def failed_notices_for_update(s: Session, ids: list[int] | None = None) -> list[Notice]:
    """Notices failed for good (only these ids, when given), locked for this transaction."""
    query = select(Notice).where(Notice.status == NoticeStatus.FAILED)
    if ids:
        query = query.where(Notice.id.in_(ids))
    return list(s.scalars(query.with_for_update()))


def hurry_retries(s: Session, now: datetime) -> None:
    """Make every pending notice waiting out a backoff due now (the relay answers again)."""
    s.execute(update(Notice).where(Notice.status == NoticeStatus.PENDING, Notice.attempts > 0,
                                   Notice.next_attempt_at > now).values(next_attempt_at=now))


def due_notice_ids(s: Session, now: datetime, grace_seconds: float, limit: int) -> list[int]:
    """Pending notices nobody holds whose retry time has come; one never tried is due only
    `grace_seconds` after its creation."""
    never_tried = Notice.next_attempt_at.is_(None) & (Notice.created_at <= now - timedelta(seconds=grace_seconds))
    return list(s.scalars(
        select(Notice.id).where(
            Notice.status == NoticeStatus.PENDING,
            (Notice.claimed_until.is_(None)) | (Notice.claimed_until < now),
            never_tried | (Notice.next_attempt_at <= now),
        ).order_by(Notice.id).limit(limit)))
