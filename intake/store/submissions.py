"""Named reading queries on submissions and their files (ops look-ups, the demo's export)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.tables import StoredFile, Submission


def newest_submissions(s: Session, limit: int, status: str | None = None,
                       since: datetime | None = None) -> list[Submission]:
    """The newest submissions first, optionally only in `status` or created since `since`."""
    query = select(Submission).order_by(Submission.id.desc()).limit(limit)
    if status:
        query = query.where(Submission.status == status)
    if since is not None:
        query = query.where(Submission.created_at >= since)
    return list(s.scalars(query))


def all_submissions(s: Session) -> list[Submission]:
    """Every submission, oldest first."""
    return list(s.scalars(select(Submission).order_by(Submission.id)))


def submission_by_tracking_id(s: Session, tracking_id: str) -> Submission | None:
    """The submission with this tracking id (as stored: upper case), or None."""
    return s.scalars(select(Submission).where(Submission.tracking_id == tracking_id)).first()


def submission_by_id(s: Session, submission_id: int) -> Submission | None:
    """The submission with this row id, or None."""
    return s.get(Submission, submission_id)


def files_of_submission(s: Session, submission_id: int) -> list[StoredFile]:
    """A submission's attachments and photos (every revision), in the order stored."""
    return list(s.scalars(select(StoredFile).where(StoredFile.submission_id == submission_id)
                          .order_by(StoredFile.id)))
