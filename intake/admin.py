"""Repairs and lookups for ops: submissions list/show, notices retry, purge of old raw mail.

Each function returns plain data (the `--json` documents); the CLI renders it. Nothing here
sends mail directly: a retried notice goes back to the outbox and the queue sends it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from intake.clock import aware, local_text
from intake.config import Settings
from intake.states import NoticeStatus, SubmissionStatus
from intake.store import Store
from intake.store.events import events_of_submission
from intake.store.messages import messages_of_submission
from intake.store.notices import failed_notices_for_update, notices_of_submission
from intake.store.retention import purge_candidates
from intake.store.submissions import (
    files_of_submission,
    newest_submissions,
    submission_by_id,
    submission_by_tracking_id,
)
from intake.tables import Event, Submission, utcnow

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
        since = utcnow() - timedelta(days=days) if days is not None else None
        return [submission_row(sub, settings) for sub in newest_submissions(s, limit, status, since)]


class NotFound(LookupError):
    pass


def show_submission(store: Store, settings: Settings, key: str) -> dict[str, Any]:
    """One submission by tracking id or row id: metadata, files, mails, notices and its history."""
    with store.session() as s:
        sub = submission_by_tracking_id(s, key.upper())
        if sub is None and key.isdigit():
            sub = submission_by_id(s, int(key))
        if sub is None:
            raise NotFound(key)
        row = submission_row(sub, settings)
        row["warnings"] = list(sub.warnings or [])
        row["files"] = [{"kind": f.kind, "filename": f.filename, "content_type": f.content_type,
                         "size_bytes": f.size_bytes, "revision": f.revision, "caption": f.caption,
                         "kept": store.blobs.exists(f.sha256)}
                        for f in files_of_submission(s, sub.id)]
        row["messages"] = [{"id": m.id, "status": m.status, "outcome": m.outcome, "reason": m.reason,
                            "sender": m.sender, "subject": m.subject, "received_at": _iso(m.received_at),
                            "raw_kept": store.blobs.exists(m.sha256)}
                           for m in messages_of_submission(s, sub.id)]
        row["notices"] = [{"id": n.id, "kind": n.kind, "to": list(n.recipients), "status": n.status,
                           "attempts": n.attempts, "error": n.last_error, "sent_at": _iso(n.sent_at)}
                          for n in notices_of_submission(s, sub.id)]
        row["events"] = [{"at": _iso(e.created_at), "at_local": local_text(e.created_at, settings.tz),
                          "kind": e.kind, "actor": e.actor, "detail": e.detail}
                         for e in events_of_submission(s, sub.id)]
    return row


def retry_notices(store: Store, ids: list[int] | None = None, failed: bool = False) -> list[int]:
    """Put failed notices (these ids, or every failed one) back in the outbox, due now.

    The send deadline counts again from the retry (`notice.retried`, read by the outbox), so a
    notice that failed because the deadline passed gets a whole new one.
    """
    now = utcnow()
    with store.session() as s:
        if not ids and not failed:
            return []
        rows = failed_notices_for_update(s, ids)
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
        candidates, kept = purge_candidates(s, cutoff, OPEN_STATES)
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
