"""Database and content-addressed blob store: the only module that opens either.

Raw mails are written to `<data_dir>/raw/ab/cdef…` (sha256) with write-to-temp,
fsync and rename, so a crash never leaves a half-written blob under its name; with
INTAKE_BLOB_URL=database: they go to the database instead (intake/store/blobs.py).
SQLite runs in WAL mode with `BEGIN IMMEDIATE` transactions (a poller and
workers write concurrently; immediate locks avoid upgrade deadlocks);
PostgreSQL is used by URL. Migrations are Alembic's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, tzinfo
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from intake import failpoints
from intake.clock import DEFAULT_TIMEZONE, local, zone
from intake.mail import decode_text_header
from intake.states import MessageStatus
from intake.store.blobs import Blobs, open_blobs
from intake.store.blobs import BlobStore as BlobStore  # re-exported: its home was here
from intake.tables import Event, Message, TrackingCounter, utcnow

Tx = Session  # one open transaction (`with store.session() as s`): callers annotate `s: Tx`, never import SQLAlchemy


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"isolation_level": None, "timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def message_id_of(raw: bytes) -> str:
    """The Message-ID header, or a stable stand-in derived from the bytes."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:65536])
    value = str(headers.get("Message-ID", "") or "").strip()
    return value[:998] if value else f"<{sha256_hex(raw)}@no-message-id.invalid>"


class Store:
    """The database plus blob store of one deployment."""

    def __init__(
        self, database_url: str, data_dir: Path, tz: tzinfo | None = None, blob_url: str | None = None,
    ) -> None:
        if database_url.startswith("sqlite:///"):
            Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url
        self.engine = _make_engine(database_url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.blobs: Blobs = open_blobs(blob_url, data_dir, self.engine, self.sessions)  # INTAKE_BLOB_URL
        self.tz = tz or zone(DEFAULT_TIMEZONE)  # the office's day, for tracking ids

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any exception."""
        with self.sessions() as session, session.begin():
            yield session

    def upgrade(self) -> None:
        from intake.migrate import upgrade

        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- messages ---------------------------------------------------------------------------

    def record_message(
        self, raw: bytes, mailbox: str, uidvalidity: int | None = None, uid: int | None = None,
        declared_size: int | None = None,
    ) -> tuple[int, bool]:
        """Persist raw bytes then a message row; return (id, created). Idempotent.

        A second call for the same (mailbox, uidvalidity, uid) or the same
        (Message-ID, sha256) returns the existing row with created=False.
        """
        digest = self.blobs.put(raw)
        failpoints.hit("after_blob")
        msgid = message_id_of(raw)
        existing = self.find_message(mailbox, uidvalidity, uid, msgid, digest)
        if existing is not None:
            return existing, False
        headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:65536])
        row = Message(
            mailbox=mailbox, uidvalidity=uidvalidity, uid=uid, message_id_header=msgid, sha256=digest,
            size_bytes=max(len(raw), declared_size or 0), sender=decode_text_header(headers.get("From", ""))[:320],
            subject=decode_text_header(headers.get("Subject", ""))[:2000], status=MessageStatus.RECEIVED,
        )
        try:
            with self.session() as s:
                s.add(row)
                s.flush()
                s.add(Event(message_id=row.id, kind="message.received", actor="poller",
                            detail={"mailbox": mailbox, "uid": uid, "size": len(raw)}))
            return row.id, True
        except IntegrityError:
            found = self.find_message(mailbox, uidvalidity, uid, msgid, digest)
            if found is None:
                raise
            return found, False

    def find_message(
        self, mailbox: str, uidvalidity: int | None, uid: int | None, msgid: str, digest: str
    ) -> int | None:
        with self.session() as s:
            if uid is not None:
                found = s.scalar(select(Message.id).where(
                    Message.mailbox == mailbox, Message.uidvalidity == uidvalidity, Message.uid == uid))
                if found is not None:
                    return found
            return s.scalar(select(Message.id).where(
                Message.message_id_header == msgid, Message.sha256 == digest))

    def known_uids(self, mailbox: str, uidvalidity: int, uids: list[int]) -> dict[int, tuple[int, str, int]]:
        """UID → (message id, status, size) for the UIDs of this mailbox and UIDVALIDITY already stored."""
        found: dict[int, tuple[int, str, int]] = {}
        with self.session() as s:
            for start in range(0, len(uids), 500):
                rows = s.execute(select(Message.uid, Message.id, Message.status, Message.size_bytes).where(
                    Message.mailbox == mailbox, Message.uidvalidity == uidvalidity,
                    Message.uid.in_(uids[start : start + 500])))
                found.update({int(uid): (mid, status, size) for uid, mid, status, size in rows if uid is not None})
        return found

    def message_status(self, message_id: int) -> str:
        with self.session() as s:
            return s.get_one(Message, message_id).status

    def raw_of(self, message_id: int) -> bytes:
        with self.session() as s:
            msg = s.get_one(Message, message_id)
            return self.blobs.get(msg.sha256)

    # -- tracking ids -----------------------------------------------------------------------

    def next_tracking_id(self, session: Session, now: datetime | None = None) -> str:
        """TG-YYYYMMDD-NNNN from a per-day counter, atomic on SQLite and PostgreSQL."""
        day = local(now or utcnow(), self.tz).strftime("%Y%m%d")
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        upsert = insert(TrackingCounter).values(day=day, last=1).on_conflict_do_update(
            index_elements=[TrackingCounter.day], set_={"last": TrackingCounter.last + 1}
        )
        number = session.execute(upsert.returning(TrackingCounter.last)).scalar_one()
        return f"TG-{day}-{number:04d}"
