"""intake.store: raw mail is persisted once (idempotent rows), blobs are content-addressed and atomic."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake.store import BlobStore, Store, message_id_of, sha256_hex
from intake.tables import Event, Message

MAIL = b"From: a@163.com\r\nTo: tougao@localhost\r\nSubject: x\r\nMessage-ID: <m1@163.com>\r\n\r\nbody\r\n"
OTHER = MAIL.replace(b"body", b"another body")
NO_ID = b"From: a@163.com\r\nTo: tougao@localhost\r\nSubject: x\r\n\r\nbody\r\n"


@pytest.fixture
def store(tmp_path: Path, database_url: str) -> Iterator[Store]:
    s = Store(database_url, tmp_path)
    s.upgrade()
    try:
        yield s
    finally:
        s.dispose()


def message_count(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count(Message.id))) or 0)


# --------------------------------------------------------------------------- messages


def test_record_message_stores_bytes_and_a_received_row(store: Store) -> None:
    """The raw bytes go to the blob store; the row is `received` with sender, subject and size."""
    message_id, created = store.record_message(MAIL, "default", 7, 42)
    assert created
    assert store.raw_of(message_id) == MAIL
    assert store.message_status(message_id) == "received"
    with store.session() as s:
        row = s.get_one(Message, message_id)
        assert (row.sender, row.subject, row.size_bytes, row.sha256) == ("a@163.com", "x", len(MAIL), sha256_hex(MAIL))
        assert row.message_id_header == "<m1@163.com>"
        assert s.scalar(select(Event.kind).where(Event.message_id == message_id)) == "message.received"


def test_same_mailbox_uidvalidity_uid_is_recorded_once(store: Store) -> None:
    """A second fetch of the same IMAP UID (even if the bytes differ) returns the first row."""
    first, _ = store.record_message(MAIL, "default", 7, 42)
    again, created = store.record_message(OTHER, "default", 7, 42)
    assert (again, created) == (first, False)
    assert message_count(store) == 1


def test_same_uid_under_a_new_uidvalidity_is_a_new_row(store: Store) -> None:
    """After a UIDVALIDITY change, UID 42 is another message."""
    first, _ = store.record_message(MAIL, "default", 7, 42)
    second, created = store.record_message(OTHER, "default", 8, 42)
    assert created and second != first


def test_same_message_id_and_bytes_are_recorded_once(store: Store) -> None:
    """The same mail seen again under another UID or mailbox (Message-ID + sha256) is not a new row."""
    first, _ = store.record_message(MAIL, "default", 7, 42)
    again, created = store.record_message(MAIL, "other-box", 1, 1)
    assert (again, created) == (first, False)


def test_same_message_id_with_different_bytes_is_a_new_row(store: Store) -> None:
    """A reused Message-ID with other content is a different mail."""
    first, _ = store.record_message(MAIL, "default")
    second, created = store.record_message(OTHER, "default")
    assert created and second != first


def test_a_mail_without_message_id_gets_a_stable_stand_in(store: Store) -> None:
    """No Message-ID: `<sha256@no-message-id.invalid>`, so recording it twice still dedupes."""
    assert message_id_of(NO_ID) == f"<{sha256_hex(NO_ID)}@no-message-id.invalid>"
    assert message_id_of(NO_ID) == message_id_of(NO_ID)
    first, created = store.record_message(NO_ID, "maildir")
    again, created_again = store.record_message(NO_ID, "maildir")
    assert created and not created_again and again == first


def test_record_message_keeps_the_declared_size(store: Store) -> None:
    """A server-declared RFC822.SIZE larger than the bytes fetched is what size_bytes records."""
    message_id, _ = store.record_message(MAIL, "default", 1, 1, declared_size=10_000_000)
    with store.session() as s:
        assert s.get_one(Message, message_id).size_bytes == 10_000_000


# --------------------------------------------------------------------------- blobs


def test_blob_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    """put() returns the sha256, stores under ab/cdef…, and a second put of the same bytes changes nothing."""
    blobs = BlobStore(tmp_path / "raw")
    digest = blobs.put(MAIL)
    assert digest == sha256_hex(MAIL)
    path = tmp_path / "raw" / digest[:2] / digest[2:]
    assert path.read_bytes() == MAIL
    mtime = path.stat().st_mtime_ns
    assert blobs.put(MAIL) == digest
    assert path.stat().st_mtime_ns == mtime
    assert blobs.get(digest) == MAIL
    assert [p.name for p in path.parent.iterdir()] == [digest[2:]], "no temp files left"


def test_blob_put_is_atomic_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash before the rename leaves neither the blob under its name nor a temp file."""
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("power cut")

    blobs = BlobStore(tmp_path / "raw")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        blobs.put(MAIL)
    digest = sha256_hex(MAIL)
    assert not (tmp_path / "raw" / digest[:2] / digest[2:]).exists()
    assert list((tmp_path / "raw" / digest[:2]).iterdir()) == []


@pytest.mark.parametrize(
    "digest",
    ["../../../../etc/passwd", "ab/" + "0" * 61, "A" * 64, "0" * 63, "0" * 65, "g" * 64, "", "0" * 63 + "\n"],
)
def test_blob_paths_refuse_anything_but_a_lowercase_sha256(tmp_path: Path, digest: str) -> None:
    """path()/get() raise ValueError for non-hex or wrong-length digests (no path traversal)."""
    blobs = BlobStore(tmp_path / "raw")
    with pytest.raises(ValueError):
        blobs.path(digest)
    with pytest.raises(ValueError):
        blobs.get(digest)


# --------------------------------------------------------------------------- tracking ids


def test_tracking_ids_count_up_per_day_and_restart_the_next_day(store: Store) -> None:
    """TG-YYYYMMDD-NNNN (local date): 0001, 0002 on one day; 0001 again on the next."""
    day1 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    day2 = day1 + timedelta(days=1)
    with store.session() as s:
        ids = [store.next_tracking_id(s, day1), store.next_tracking_id(s, day1), store.next_tracking_id(s, day2)]
    with store.session() as s:
        ids.append(store.next_tracking_id(s, day1))
    stamp1, stamp2 = day1.astimezone().strftime("%Y%m%d"), day2.astimezone().strftime("%Y%m%d")
    assert ids == [f"TG-{stamp1}-0001", f"TG-{stamp1}-0002", f"TG-{stamp2}-0001", f"TG-{stamp1}-0003"]


def test_tracking_id_shape_without_an_explicit_time(store: Store) -> None:
    """Without `now`, today's date is used and the id has the TG-YYYYMMDD-NNNN shape."""
    with store.session() as s:
        tracking_id = store.next_tracking_id(s)
    assert re.fullmatch(r"TG-\d{8}-\d{4}", tracking_id)


def test_a_rolled_back_transaction_does_not_consume_a_number(store: Store) -> None:
    """The counter is part of the caller's transaction: a failed ingest leaves no gap."""
    day = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    with pytest.raises(RuntimeError), store.session() as s:
        store.next_tracking_id(s, day)
        raise RuntimeError("ingest failed")
    with store.session() as s:
        assert store.next_tracking_id(s, day).endswith("-0001")
