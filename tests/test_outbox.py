"""intake.outbox: planned notices become stored mails once; each stored mail is delivered once (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import servers
from sqlalchemy import func, select

from intake.config import Settings, load_settings
from intake.extract import extract
from intake.mail import parse_mail
from intake.models import NoticeKind, Outcome
from intake.notify import Planned, Subject, plan
from intake.outbox import Created, RetryLater, compose_notices, due_notices, record_notices, send_notice
from intake.rules.severity import judge
from intake.smtp import Transport, transport_from_url
from intake.store import Store, Tx
from intake.tables import Event, Notice, SendLog, utcnow

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
RAW = next(CORPUS.glob("01-*.eml")).read_bytes()
MAIL = parse_mail(RAW)
EXTRACTION = extract(MAIL)
CONTRIBUTOR = MAIL.from_addr
REVIEWER = "reviewer@localhost"


@pytest.fixture
def store(tmp_path: Path, database_url: str) -> Iterator[Store]:
    s = Store(database_url, tmp_path)
    s.upgrade()
    try:
        yield s
    finally:
        s.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_REVIEWERS": REVIEWER})


@pytest.fixture
def message_id(store: Store) -> int:
    row_id, _ = store.record_message(RAW, "default", 1, 1)
    return row_id


def planned(revision: int = 1, tracking_id: str = "TG-20261126-0001") -> list[Planned]:
    """What notify.plan makes of corpus mail 01, accepted: an acknowledgement, then one review request."""
    subject = Subject(
        mail=MAIL, outcome=Outcome.ACCEPTED, reason=None, reasons=tuple(judge(f) for f in EXTRACTION.findings),
        draft=EXTRACTION.draft,
        tracking_id=tracking_id, scope=f"sub:{tracking_id}", revision=revision,
        received_at="2026-11-26T10:00:00+08:00", reviewers=(REVIEWER,),
    )
    settings = load_settings({"INTAKE_DATA_DIR": "/nonexistent"})
    return plan(subject, settings, lambda photo: photo.data)


def store_notices(s: Tx, store: Store, settings: Settings, planned: list[Planned], message_id: int) -> Created:
    """Compose, then record in the open transaction: the two steps the service takes."""
    return record_notices(s, settings, compose_notices(store, settings, planned), message_id, None)


def create(store: Store, settings: Settings, message_id: int, revision: int = 1) -> list[int]:
    with store.session() as s:
        return store_notices(s, store, settings, planned(revision), message_id).notice_ids


def notice(store: Store, notice_id: int) -> Notice:
    with store.session() as s:
        return s.get_one(Notice, notice_id)


def set_notice(store: Store, notice_id: int, **values: object) -> None:
    with store.session() as s:
        row = s.get_one(Notice, notice_id)
        for name, value in values.items():
            setattr(row, name, value)


def events(store: Store, kind: str) -> list[Event]:
    with store.session() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind)))


def smtp(sink: servers.SmtpSink) -> Transport:
    return transport_from_url(sink.url)


# --------------------------------------------------------------------------- storing


def test_plan_for_an_accepted_mail_is_acknowledgement_then_review_request() -> None:
    """The fixture's premise: contributor first, then each reviewer, with distinct idempotency keys."""
    items = planned()
    assert [(p.kind, p.envelope.recipients) for p in items] == [
        (NoticeKind.ACKNOWLEDGEMENT, (CONTRIBUTOR,)), (NoticeKind.REVIEW_REQUEST, (REVIEWER,))]
    assert items[0].envelope.idempotency_key == f"sub:TG-20261126-0001:acknowledgement:{CONTRIBUTOR}:1"


def test_store_notices_keeps_the_composed_mail_as_a_pending_row(
    store: Store, settings: Settings, message_id: int
) -> None:
    """Each notice is rendered once; its bytes live in the blob store with the envelope's Message-ID."""
    ack_id, review_id = create(store, settings, message_id)
    row = notice(store, ack_id)
    assert (row.status, row.kind, row.recipients, row.attempts) == ("pending", "acknowledgement", [CONTRIBUTOR], 0)
    assert row.message_id_header == planned()[0].envelope.message_id
    raw = store.blobs.get(row.raw_sha256)
    assert row.size_bytes == len(raw)
    assert f"Message-ID: {row.message_id_header}".encode() in raw
    assert "TG-20261126-0001" in row.subject
    assert notice(store, review_id).kind == "review_request"
    assert len(events(store, "notice.created")) == 2


def test_store_notices_is_idempotent_on_the_key(store: Store, settings: Settings, message_id: int) -> None:
    """A redelivered task stores nothing new and returns the same ids (and counts no extra send)."""
    first = create(store, settings, message_id)
    again = create(store, settings, message_id)
    assert again == first
    with store.session() as s:
        assert s.scalar(select(func.count(Notice.id))) == 2
        assert s.scalar(select(func.count(SendLog.id))) == 1


def test_third_contributor_notice_within_the_hour_is_rate_limited(
    store: Store, settings: Settings, message_id: int
) -> None:
    """With rate_limit_per_hour=2, the third mail to one sender is skipped and recorded as an event."""
    limited = settings.with_overrides(rate_limit_per_hour=2)
    created = []
    for revision in (1, 2, 3):
        with store.session() as s:
            created.append(store_notices(s, store, limited, planned(revision), message_id))
    assert [c.rate_limited for c in created] == [[], [], [CONTRIBUTOR]]
    assert [len(c.notice_ids) for c in created] == [2, 2, 1]
    (event,) = events(store, "notice.rate_limited")
    assert event.detail == {"kind": "acknowledgement", "recipient": CONTRIBUTOR}
    with store.session() as s:
        kinds = list(s.scalars(select(Notice.kind).order_by(Notice.id)))
    assert kinds.count("acknowledgement") == 2
    assert kinds.count("review_request") == 3, "review requests are never limited"


def test_rate_limit_zero_means_unlimited(store: Store, settings: Settings, message_id: int) -> None:
    """rate_limit_per_hour=0 turns the limit off."""
    unlimited = settings.with_overrides(rate_limit_per_hour=0)
    for revision in range(1, 5):
        with store.session() as s:
            assert store_notices(s, store, unlimited, planned(revision), message_id).rate_limited == []


# --------------------------------------------------------------------------- sending


def test_a_notice_is_sent_once(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """First send delivers the stored bytes and marks it sent; a second send is skipped."""
    ack_id, _ = create(store, settings, message_id)
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "sent"
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "skipped"
    (envelope,) = smtp_sink.wait_for(1, timeout=5)
    row = notice(store, ack_id)
    assert envelope.content == store.blobs.get(row.raw_sha256)
    assert envelope.rcpt_tos == [CONTRIBUTOR]
    assert envelope.mail_from == settings.submission_address
    assert (row.status, row.attempts, row.claimed_until) == ("sent", 1, None)
    assert row.sent_at is not None
    assert len(smtp_sink.envelopes) == 1


def test_transient_failure_retries_later_with_the_same_bytes(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """451 → RetryLater; the row stays pending with attempts=1 and a retry time; the retry sends the same mail."""
    ack_id, _ = create(store, settings, message_id)
    stored = store.blobs.get(notice(store, ack_id).raw_sha256)
    smtp_sink.fail_next(1, 451)
    before = utcnow()
    with pytest.raises(RetryLater) as caught:
        send_notice(store, settings, smtp(smtp_sink), ack_id)
    assert caught.value.notice_id == ack_id and caught.value.countdown > 0
    row = notice(store, ack_id)
    assert (row.status, row.attempts, row.claimed_until) == ("pending", 1, None)
    assert row.last_error is not None and "451" in row.last_error
    assert row.next_attempt_at is not None
    assert row.next_attempt_at.replace(tzinfo=before.tzinfo) > before
    assert ack_id not in due_notices(store), "not due before its retry time"
    assert len(events(store, "notice.retry")) == 1

    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "sent"
    (envelope,) = smtp_sink.wait_for(1, timeout=5)
    assert envelope.content == stored
    assert envelope.message["Message-ID"] == row.message_id_header
    assert notice(store, ack_id).attempts == 2


def test_a_mail_through_the_relay_makes_the_deferred_notices_due_at_once(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """After an outage the first mail that goes through ends the others' backoff (no 80 s wait)."""
    ack_id, review_id = create(store, settings, message_id)
    smtp_sink.fail_next(1, 451)
    with pytest.raises(RetryLater):
        send_notice(store, settings, smtp(smtp_sink), ack_id)
    assert ack_id not in due_notices(store)
    assert send_notice(store, settings, smtp(smtp_sink), review_id) == "sent"
    assert ack_id in due_notices(store)
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "sent"


def test_permanent_failure_marks_the_notice_failed(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """550 → status failed with the server's reply as last_error; no retry, nothing delivered."""
    ack_id, _ = create(store, settings, message_id)
    smtp_sink.fail_next(1, 550)
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "failed"
    row = notice(store, ack_id)
    assert (row.status, row.attempts) == ("failed", 1)
    assert row.last_error is not None and row.last_error.startswith("550")
    assert len(events(store, "notice.failed")) == 1
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "skipped"
    assert smtp_sink.envelopes == []


def test_a_notice_claimed_by_another_worker_is_skipped(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """While claimed_until is in the future, another sender leaves the notice alone."""
    ack_id, _ = create(store, settings, message_id)
    set_notice(store, ack_id, claimed_until=utcnow() + timedelta(seconds=60))
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "skipped"
    assert notice(store, ack_id).status == "pending"
    assert smtp_sink.envelopes == []


def test_an_expired_claim_can_be_taken_over(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """A claim whose time has passed (the worker died) no longer blocks sending."""
    ack_id, _ = create(store, settings, message_id)
    set_notice(store, ack_id, claimed_until=utcnow() - timedelta(seconds=1))
    assert send_notice(store, settings, smtp(smtp_sink), ack_id) == "sent"


def test_due_notices_lists_pending_unclaimed_due_notices_only(
    store: Store, settings: Settings, message_id: int
) -> None:
    """The sweeper sees pending notices nobody holds whose retry time has come, in id order."""
    ids = create(store, settings, message_id, 1) + create(store, settings, message_id, 2) + create(
        store, settings, message_id, 3)
    plain, past_retry, claimed, future_retry, sent, failed = ids
    now = utcnow()
    set_notice(store, past_retry, next_attempt_at=now - timedelta(seconds=5))
    set_notice(store, claimed, claimed_until=now + timedelta(seconds=60))
    set_notice(store, future_retry, next_attempt_at=now + timedelta(seconds=60))
    set_notice(store, sent, status="sent")
    set_notice(store, failed, status="failed")
    assert due_notices(store) == [plain, past_retry]
    assert due_notices(store, limit=1) == [plain]


def test_transient_failure_after_the_deadline_is_final(
    store: Store, settings: Settings, message_id: int, smtp_sink: servers.SmtpSink
) -> None:
    """A notice older than send_deadline_seconds that fails again is marked failed, not retried."""
    ack_id, _ = create(store, settings, message_id)
    set_notice(store, ack_id, created_at=utcnow() - timedelta(hours=2))
    smtp_sink.fail_next(1, 451)
    short = settings.with_overrides(send_deadline_seconds=60)
    assert send_notice(store, short, smtp(smtp_sink), ack_id) == "failed"
    row = notice(store, ack_id)
    assert row.status == "failed"
    assert row.last_error is not None and row.last_error.startswith("deadline passed")
    assert ack_id not in due_notices(store)


def test_a_fresh_notice_is_not_due_while_its_first_send_is_on_its_way(tmp_path: Path) -> None:
    """The sweeper leaves a just-created notice alone for the grace period (its task is still queued)."""
    from intake.tables import Message

    store = Store(f"sqlite:///{tmp_path / 'grace.sqlite3'}", tmp_path)
    store.upgrade()
    with store.session() as s:
        msg = Message(mailbox="t", message_id_header="<g@x>", sha256="0" * 64, size_bytes=1, status="processed")
        s.add(msg)
        s.flush()
        s.add(Notice(idempotency_key="k", message_id=msg.id, kind="acknowledgement", recipients=["a@b"],
                     message_id_header="<n@x>", subject="s", raw_sha256="0" * 64, status="pending"))
    assert due_notices(store, grace_seconds=60) == []
    assert len(due_notices(store, grace_seconds=0)) == 1
