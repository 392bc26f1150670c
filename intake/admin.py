"""Repairs and lookups for ops: submissions list/show, notices retry, purge of old raw mail.

Each function returns plain data (the `--json` documents); the CLI renders it. Nothing here
sends mail directly: a retried notice goes back to the outbox and the queue sends it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select

from intake.clock import aware, local_text
from intake.config import Settings
from intake.states import MessageStatus, NoticeStatus, SubmissionStatus
from intake.store import Store
from intake.tables import Event, Message, Notice, StoredFile, Submission, utcnow

# Submissions still being worked on keep their raw mail and files whatever their age: a reply
# may complete, revise or decide them, and that reads the first mail again.
OPEN_STATES = (SubmissionStatus.INCOMPLETE, SubmissionStatus.PENDING_REVIEW, SubmissionStatus.HELD)


def _iso(when: Any) -> str | None:
    return aware(when).isoformat() if when is not None else None


def submission_row(sub: Submission, settings: Settings) -> dict[str, Any]:
    return {
        "id": sub.id, "tracking_id": sub.tracking_id, "status": sub.status, "outcome": sub.outcome,
        "reason": sub.reason, "title": sub.title, "source_unit": sub.source_unit, "authors": list(sub.authors or []),
        "phone": sub.phone, "reviewer": sub.reviewer, "contributor": sub.contributor_addr,
        "missing": list(sub.missing or []), "revision": sub.revision, "word_count": sub.word_count,
        "created_at": _iso(sub.created_at), "updated_at": _iso(sub.updated_at),
        "created_local": local_text(sub.created_at, settings.tz),
    }


def list_submissions(store: Store, settings: Settings, status: str | None = None, days: int | None = None,
                     limit: int = 50) -> list[dict[str, Any]]:
    with store.session() as s:
        query = select(Submission).order_by(Submission.id.desc()).limit(limit)
        if status:
            query = query.where(Submission.status == status)
        if days is not None:
            query = query.where(Submission.created_at >= utcnow() - timedelta(days=days))
        return [submission_row(sub, settings) for sub in s.scalars(query)]


class NotFound(LookupError):
    pass


def show_submission(store: Store, settings: Settings, key: str) -> dict[str, Any]:
    """One submission by tracking id or row id: metadata, files, mails, notices and its history."""
    with store.session() as s:
        sub = s.scalars(select(Submission).where(Submission.tracking_id == key.upper())).first()
        if sub is None and key.isdigit():
            sub = s.get(Submission, int(key))
        if sub is None:
            raise NotFound(key)
        row = submission_row(sub, settings)
        row["warnings"] = list(sub.warnings or [])
        row["files"] = [{"kind": f.kind, "filename": f.filename, "content_type": f.content_type,
                         "size_bytes": f.size_bytes, "revision": f.revision, "caption": f.caption,
                         "kept": store.blobs.exists(f.sha256)}
                        for f in s.scalars(select(StoredFile).where(StoredFile.submission_id == sub.id)
                                           .order_by(StoredFile.id))]
        row["messages"] = [{"id": m.id, "status": m.status, "outcome": m.outcome, "reason": m.reason,
                            "sender": m.sender, "subject": m.subject, "received_at": _iso(m.received_at),
                            "raw_kept": store.blobs.exists(m.sha256)}
                           for m in s.scalars(select(Message).where(Message.submission_id == sub.id)
                                              .order_by(Message.id))]
        row["notices"] = [{"id": n.id, "kind": n.kind, "to": list(n.recipients), "status": n.status,
                           "attempts": n.attempts, "error": n.last_error, "sent_at": _iso(n.sent_at)}
                          for n in s.scalars(select(Notice).where(Notice.submission_id == sub.id)
                                             .order_by(Notice.id))]
        row["events"] = [{"at": _iso(e.created_at), "at_local": local_text(e.created_at, settings.tz),
                          "kind": e.kind, "actor": e.actor, "detail": e.detail}
                         for e in s.scalars(select(Event).where(Event.submission_id == sub.id)
                                            .order_by(Event.id))]
    return row


def retry_notices(store: Store, ids: list[int] | None = None, failed: bool = False) -> list[int]:
    """Put failed notices (these ids, or every failed one) back in the outbox, due now.

    The send deadline counts again from the retry (`notice.retried`, read by the outbox), so a
    notice that failed because the deadline passed gets a whole new one.
    """
    now = utcnow()
    with store.session() as s:
        query = select(Notice).where(Notice.status == NoticeStatus.FAILED)
        if ids:
            query = query.where(Notice.id.in_(ids))
        elif not failed:
            return []
        rows = list(s.scalars(query.with_for_update()))
        for notice in rows:
            notice.status, notice.next_attempt_at, notice.claimed_until = NoticeStatus.PENDING, now, None
            s.add(Event(notice_id=notice.id, submission_id=notice.submission_id, message_id=notice.message_id,
                        kind="notice.retried", actor="cli", detail={"error": notice.last_error}))
        return [n.id for n in rows]


def purge(store: Store, days: int, dry_run: bool = False) -> dict[str, int]:
    """Delete raw mail, attachments and composed notices older than `days`, keeping every record.

    Only what is finished is purged: messages processed (not waiting, not quarantined), whose
    submission (if any) is no longer open, and notices sent or failed. A blob still referenced
    by anything kept (the same photo sent again last week) stays.
    """
    cutoff = utcnow() - timedelta(days=days)
    with store.session() as s:
        open_subs = select(Submission.id).where(Submission.status.in_(OPEN_STATES))
        old_messages = select(Message.sha256).where(
            Message.received_at < cutoff, Message.status == MessageStatus.PROCESSED,
            or_(Message.submission_id.is_(None), Message.submission_id.not_in(open_subs)))
        old_files = select(StoredFile.sha256).join(Submission, Submission.id == StoredFile.submission_id).where(
            Submission.updated_at < cutoff, Submission.status.not_in(OPEN_STATES))
        old_notices = select(Notice.raw_sha256).where(
            Notice.created_at < cutoff, Notice.status.in_((NoticeStatus.SENT, NoticeStatus.FAILED)))
        candidates = {*s.scalars(old_messages), *s.scalars(old_files), *s.scalars(old_notices)}
        kept_messages = select(Message.sha256).where(Message.sha256.not_in(old_messages))
        kept_files = select(StoredFile.sha256).where(StoredFile.sha256.not_in(old_files))
        kept_notices = select(Notice.raw_sha256).where(Notice.raw_sha256.not_in(old_notices))
        kept = {*s.scalars(kept_messages), *s.scalars(kept_files), *s.scalars(kept_notices)}
        doomed = sorted(candidates - kept)
        removed = freed = 0
        for digest in doomed:
            size = store.blobs.size(digest)
            if size is None:
                continue
            if not dry_run:
                store.blobs.delete(digest)
            removed, freed = removed + 1, freed + size
        if not dry_run and removed:
            s.add(Event(kind="blobs.purged", actor="cli", detail={"older_than_days": days, "files": removed,
                                                                   "bytes": freed}))
    return {"files": removed, "bytes": freed, "kept_shared": len(candidates & kept)}
