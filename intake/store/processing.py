"""The queries that processing one message needs: its notices, the thread it replies to, the
duplicate candidates for its text and a submission's earlier files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from intake.states import NoticeStatus
from intake.tables import Message, Notice, StoredFile, Submission, SubmissionBand


def pending_notice_ids(s: Session, message_id: int) -> list[int]:
    """The message's notices not sent yet (a repeated task re-dispatches only these)."""
    return list(s.scalars(select(Notice.id).where(
        Notice.message_id == message_id, Notice.status == NoticeStatus.PENDING)))


def submission_referenced(s: Session, refs: Sequence[str]) -> Submission | None:
    """The submission of the first id in `refs` (newest first) that is one of our notices or one of
    the submission's own messages."""
    found: dict[str, int] = {}
    for header, sub_id in s.execute(select(Notice.message_id_header, Notice.submission_id).where(
            Notice.message_id_header.in_(refs), Notice.submission_id.is_not(None))):
        if sub_id is not None:
            found.setdefault(header, sub_id)
    for header, sub_id in s.execute(select(Message.message_id_header, Message.submission_id).where(
            Message.message_id_header.in_(refs), Message.submission_id.is_not(None)).order_by(Message.id)):
        if sub_id is not None:
            found.setdefault(header, sub_id)
    sub_id = next((found[ref] for ref in refs if ref in found), None)
    return s.get(Submission, sub_id) if sub_id else None


def earlier_files(s: Session, submission_id: int, revision: int) -> list[StoredFile]:
    """The submission's files (not photos) from revisions before `revision`, newest first."""
    return list(s.scalars(select(StoredFile).where(
        StoredFile.submission_id == submission_id, StoredFile.revision < revision, StoredFile.kind != "photo",
    ).order_by(StoredFile.revision.desc(), StoredFile.id)))


def duplicate_candidates(
    s: Session, digest: str, keys: Sequence[int], since: datetime, statuses: Sequence[str],
) -> list[Submission]:
    """Submissions since `since` in `statuses` with the same content hash or sharing a band key,
    oldest first. Both go through an index: the cost does not grow with the archive."""
    ids = set(s.scalars(select(Submission.id).where(Submission.content_hash == digest)))
    ids.update(s.scalars(select(SubmissionBand.submission_id).where(SubmissionBand.key.in_(list(keys)))))
    if not ids:
        return []
    return list(s.scalars(select(Submission).where(
        Submission.id.in_(sorted(ids)), Submission.status.in_(statuses), Submission.created_at >= since,
    ).order_by(Submission.id)))


def replace_bands(s: Session, submission_id: int, keys: Sequence[int]) -> None:
    """A submission's band keys, for its current text (a revision replaces them)."""
    s.execute(delete(SubmissionBand).where(SubmissionBand.submission_id == submission_id))
    s.add_all(SubmissionBand(submission_id=submission_id, band=band, key=key) for band, key in enumerate(keys))
