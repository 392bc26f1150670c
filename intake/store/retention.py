"""Which blobs a purge may delete: those only finished, old records point at."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from intake.states import MessageStatus, NoticeStatus
from intake.tables import Message, Notice, StoredFile, Submission


def purge_candidates(s: Session, cutoff: datetime, open_states: Collection[str]) -> tuple[set[str], set[str]]:
    """(candidates, kept): digests of raw mail, files and composed notices older than `cutoff` and
    finished (mail processed, its submission not in `open_states`, notice sent or failed), and the
    digests of everything else, which must stay even when a candidate shares them."""
    states = tuple(open_states)
    open_subs = select(Submission.id).where(Submission.status.in_(states))
    old_messages = select(Message.sha256).where(
        Message.received_at < cutoff, Message.status == MessageStatus.PROCESSED,
        or_(Message.submission_id.is_(None), Message.submission_id.not_in(open_subs)))
    old_files = select(StoredFile.sha256).join(Submission, Submission.id == StoredFile.submission_id).where(
        Submission.updated_at < cutoff, Submission.status.not_in(states))
    old_notices = select(Notice.raw_sha256).where(
        Notice.created_at < cutoff, Notice.status.in_((NoticeStatus.SENT, NoticeStatus.FAILED)))
    candidates = {*s.scalars(old_messages), *s.scalars(old_files), *s.scalars(old_notices)}
    kept_messages = select(Message.sha256).where(Message.sha256.not_in(old_messages))
    kept_files = select(StoredFile.sha256).where(StoredFile.sha256.not_in(old_files))
    kept_notices = select(Notice.raw_sha256).where(Notice.raw_sha256.not_in(old_notices))
    kept = {*s.scalars(kept_messages), *s.scalars(kept_files), *s.scalars(kept_notices)}
    return candidates, kept
