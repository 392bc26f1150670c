"""The outbox: planned notices become stored mails; stored mails are sent exactly once.

A notice is rendered and composed once, before the transaction that records it
(`compose_notices`, then `record_notices`), and its bytes are kept in the blob
store: a resend after a crash is byte-for-byte the same mail with the same
Message-ID. Sending claims the row with a short lease so two workers never
deliver it at once.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import BinaryIO, cast

from intake import failpoints
from intake.backoff import delay
from intake.claims import renewing
from intake.clock import aware
from intake.config import Settings
from intake.logs import bind
from intake.logs import context as log_context
from intake.models import NoticeKind
from intake.notices import compose_into, render
from intake.notify import Planned
from intake.smtp import PermanentSendError, TransientSendError, Transport
from intake.states import NoticeStatus
from intake.store import Store, Tx
from intake.store.desk import assign
from intake.store.events import last_notice_event_at
from intake.store.leases import take_lease
from intake.store.limits import sends_since
from intake.store.notices import due_notice_ids, find_notice, get_notice, hurry_retries, notice_id_by_key
from intake.tables import Event, Notice, SendLog, utcnow

log = logging.getLogger(__name__)

SPOOL_BYTES = 1024 * 1024  # a composed notice up to this size stays in memory on its way to the blob store


class RetryLater(Exception):
    """A transient failure: try this notice again after `countdown` seconds."""

    def __init__(self, notice_id: int, countdown: float, error: str) -> None:
        super().__init__(f"notice {notice_id}: {error}; retry in {countdown:.0f}s")
        self.notice_id = notice_id
        self.countdown = countdown


def backoff(attempt: int) -> float:
    """~10 s, 20 s, 40 s … capped at 30 minutes, ±20 %."""
    return delay(attempt, first=10.0, cap=1800.0)


def over_rate_limit(session: Tx, recipient: str, per_hour: int, now: datetime) -> bool:
    if per_hour <= 0:
        return False
    return sends_since(session, recipient, now - timedelta(hours=1)) >= per_hour


@dataclass(frozen=True)
class Created:
    notice_ids: list[int]
    rate_limited: list[str]


@dataclass(frozen=True)
class Composed:
    """A planned notice, rendered and composed; its bytes are in the blob store already."""

    planned: Planned
    subject: str
    raw_sha256: str
    size_bytes: int


def compose_notices(store: Store, settings: Settings, planned: list[Planned]) -> list[Composed]:
    """Render, compose and store each planned notice's bytes: the costly part, done outside any
    transaction (content addressed, so doing it again after a crash writes nothing new)."""
    out: list[Composed] = []
    for item in planned:
        rendered = render(item.kind.value, settings.language, item.context)
        # Composed into a spool (in memory up to SPOOL_BYTES, else a temporary file) that the blob
        # store reads a chunk at a time: a notice carrying 25 MB of photos is never in memory whole.
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, prefix="intake-notice-") as spool:
            size = compose_into(cast(BinaryIO, spool), item.envelope, rendered, item.files)
            spool.seek(0)
            digest = store.blobs.put(cast(BinaryIO, spool))
        out.append(Composed(item, rendered.subject, digest, size))
    return out


def record_notices(
    session: Tx, settings: Settings, composed: list[Composed], message_id: int, submission_id: int | None,
) -> Created:
    """Insert one outbox row per composed notice, skipping keys already present. Idempotent."""
    now = utcnow()
    ids: list[int] = []
    limited: list[str] = []
    for done in composed:
        item = done.planned
        key = item.envelope.idempotency_key
        existing = notice_id_by_key(session, key)
        if existing is not None:
            ids.append(existing)
            continue
        recipient = item.rate_limited_recipient
        if recipient and over_rate_limit(session, recipient, settings.rate_limit_per_hour, now):
            limited.append(recipient)
            session.add(Event(message_id=message_id, submission_id=submission_id, kind="notice.rate_limited",
                              detail={"kind": item.kind.value, "recipient": recipient}))
            continue
        notice = Notice(
            idempotency_key=key, message_id=message_id, submission_id=submission_id, kind=item.kind.value,
            recipients=list(item.envelope.recipients), message_id_header=item.envelope.message_id,
            subject=done.subject, raw_sha256=done.raw_sha256, size_bytes=done.size_bytes,
            status=NoticeStatus.PENDING,
        )
        session.add(notice)
        session.flush()
        if recipient:
            session.add(SendLog(recipient=recipient, kind=item.kind.value, created_at=now))
        if item.kind == NoticeKind.REVIEW_REQUEST and submission_id is not None:
            assign(session, submission_id, notice.recipients)  # the desk lists it for them
        session.add(Event(message_id=message_id, submission_id=submission_id, notice_id=notice.id,
                          kind="notice.created", detail={"kind": item.kind.value, "to": notice.recipients}))
        ids.append(notice.id)
    return Created(ids, limited)


def _claim(store: Store, notice_id: int, seconds: int) -> Notice | None:
    now = utcnow()
    with store.session() as s:
        claimed = take_lease(s, Notice, notice_id, NoticeStatus.PENDING, now, now + timedelta(seconds=seconds))
        return find_notice(s, notice_id) if claimed else None


def send_notice(store: Store, settings: Settings, transport: Transport, notice_id: int) -> str:
    """Deliver one notice; returns its status. Raises RetryLater on a transient failure."""
    with log_context(notice_id=notice_id):
        return _send_notice(store, settings, transport, notice_id)


def _send_notice(store: Store, settings: Settings, transport: Transport, notice_id: int) -> str:
    notice = _claim(store, notice_id, settings.send_claim_seconds)
    if notice is None:
        return "skipped"
    bind(message_id=notice.message_id)
    stream = store.blobs.open(notice.raw_sha256)  # handed to the transport a chunk at a time, never loaded whole
    try:
        # Renewed while this process lives; kept until the outcome is recorded (never a window
        # in which a pending notice is unclaimed after SMTP accepted it).
        with renewing(store, Notice, notice.id, settings.send_claim_seconds, release_after=False):
            failpoints.hit("before_smtp")
            transport.send(stream, settings.submission_address, tuple(notice.recipients), f"{notice.id}-{notice.kind}",
                           size=store.blobs.size(notice.raw_sha256))
    except TransientSendError as exc:
        return _transient(store, settings, notice, str(exc))
    except PermanentSendError as exc:
        _finish(store, notice.id, NoticeStatus.FAILED, str(exc), "notice.failed")
        log.error("notice %s to %s failed permanently: %s", notice.id, notice.recipients, exc)
        return NoticeStatus.FAILED
    finally:
        stream.close()
    failpoints.hit("after_smtp")
    _finish(store, notice.id, NoticeStatus.SENT, None, "notice.sent")
    _relay_is_back(store)
    return NoticeStatus.SENT


def _relay_is_back(store: Store) -> None:
    """The relay accepted a mail: notices waiting out a transient failure are due now.

    Backoff protects a relay that is down; once one mail goes through, the others need not sit
    out a 40 or 80 s wait (Postfix flushes a destination that answers again the same way). The
    sweeper hands them on within seconds; their delayed retry tasks then find them sent.
    """
    now = utcnow()
    with store.session() as s:
        hurry_retries(s, now)


def _finish(store: Store, notice_id: int, status: str, error: str | None, event: str) -> None:
    now = utcnow()
    with store.session() as s:
        notice = get_notice(s, notice_id)
        notice.status, notice.last_error, notice.claimed_until = status, error, None
        notice.attempts += 1
        notice.sent_at = now if status == NoticeStatus.SENT else None
        s.add(Event(notice_id=notice_id, submission_id=notice.submission_id, message_id=notice.message_id,
                    kind=event, detail={"error": error} if error else {}))


def _transient(store: Store, settings: Settings, notice: Notice, error: str) -> str:
    now = utcnow()
    with store.session() as s:  # the deadline counts from creation, or from ops' last `notices retry`
        retried = last_notice_event_at(s, notice.id, "notice.retried")
    since = max(aware(notice.created_at), aware(retried) if retried is not None else aware(notice.created_at))
    if now - since > timedelta(seconds=settings.send_deadline_seconds):
        _finish(store, notice.id, NoticeStatus.FAILED, f"deadline passed: {error}", "notice.failed")
        return NoticeStatus.FAILED
    delay = backoff(notice.attempts + 1)
    with store.session() as s:
        row = get_notice(s, notice.id)
        row.attempts += 1
        row.last_error, row.claimed_until = error, None
        row.next_attempt_at = now + timedelta(seconds=delay)
        s.add(Event(notice_id=notice.id, kind="notice.retry", detail={"error": error, "in_seconds": round(delay)}))
    raise RetryLater(notice.id, delay, error)


def due_notices(store: Store, grace_seconds: float = 0, limit: int = 100) -> list[int]:
    """Pending notices nobody holds and whose retry time has come (for the sweeper).

    A notice never attempted is due only `grace_seconds` after its creation: until then its
    first send task is presumably still on its way.
    """
    now = utcnow()
    with store.session() as s:
        return due_notice_ids(s, now, grace_seconds, limit)
