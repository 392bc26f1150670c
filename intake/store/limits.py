"""Look-ups behind the brakes and the trust checks: known senders, sends per recipient, review requests."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from intake.models import NoticeKind
from intake.tables import Notice, SendLog, Submission

_REVIEW_REQUEST = NoticeKind.REVIEW_REQUEST.value


def address_in_submissions(s: Session, address: str) -> bool:
    """Some submission names `address` (as contributor, From or Reply-To)."""
    return s.scalar(select(Submission.id).where(or_(
        Submission.contributor_addr == address, Submission.sender_addr == address,
        Submission.reply_to_addr == address)).limit(1)) is not None


def sends_since(s: Session, recipient: str, since: datetime) -> int:
    """Automatic mails to `recipient` recorded since `since` (the per-sender rate limit)."""
    return s.scalar(select(func.count(SendLog.id)).where(
        SendLog.recipient == recipient, SendLog.created_at >= since)) or 0


def review_request_among(s: Session, message_ids: Collection[str]) -> bool:
    """One of these Message-IDs is that of a review request we sent."""
    return s.scalar(select(Notice.id).where(
        Notice.kind == _REVIEW_REQUEST, Notice.message_id_header.in_(message_ids)).limit(1)) is not None


def review_requests_for(s: Session, submission_id: int) -> list[Notice]:
    """The review requests stored for one submission, oldest first."""
    return list(s.scalars(select(Notice).where(
        Notice.kind == _REVIEW_REQUEST, Notice.submission_id == submission_id).order_by(Notice.id)))


class OtherRequest(NamedTuple):
    message_id_header: str
    recipients: list[Any]
    tracking_id: str


def other_review_requests(s: Session, submission_id: int, limit: int) -> list[OtherRequest]:
    """The newest review requests of every other submission, with that submission's tracking id."""
    rows = s.execute(
        select(Notice.message_id_header, Notice.recipients, Submission.tracking_id)
        .join(Submission, Submission.id == Notice.submission_id)
        .where(Notice.kind == _REVIEW_REQUEST, Notice.submission_id != submission_id)
        .order_by(Notice.id.desc()).limit(limit))
    return [OtherRequest(message_id, recipients, tracking_id) for message_id, recipients, tracking_id in rows]
