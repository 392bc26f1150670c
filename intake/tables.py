"""SQLAlchemy tables: messages, submissions, files, notices (the outbox), events, mailbox state.

Names are the domain's words (STYLE.md §12). Uniqueness constraints carry
the idempotency guarantees: a mail is stored once per (mailbox, uidvalidity,
uid) and once per (message-id, sha256); a notice once per idempotency key.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    UniqueConstraint,
)
from sqlalchemy import String as _String
from sqlalchemy import Text as _Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from intake.states import MessageStatus, NoticeStatus
from intake.text import storable


def utcnow() -> datetime:
    return datetime.now(UTC)


def _storable_json(value: Any) -> Any:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable(str(k)): _storable_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_storable_json(v) for v in value]
    return value


# Every text a mail can put in a column passes through these on its way to the database:
# PostgreSQL refuses NUL in text and json, and no driver can encode a lone surrogate. The raw
# bytes stay untouched in the raw store, so nothing is lost by cleaning the copies.


class String(TypeDecorator[str]):
    impl = _String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return storable(value) if isinstance(value, str) else value


class Text(TypeDecorator[str]):
    impl = _Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return storable(value) if isinstance(value, str) else value


class StorableJSON(TypeDecorator[Any]):
    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return _storable_json(value)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: StorableJSON, list[Any]: StorableJSON}


class Message(Base):
    """One raw mail as received. Status: received → processed | failed."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_messages_mailbox_uid"),
        UniqueConstraint("message_id_header", "sha256", name="uq_messages_msgid_sha"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(200))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    message_id_header: Mapped[str] = mapped_column(String(998))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sender: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=MessageStatus.RECEIVED.value, index=True)
    outcome: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(60))
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    submission_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: rows reference each other
    result: Mapped[dict[str, Any] | None] = mapped_column(StorableJSON)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # a worker's lease
    queued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # last handed to the broker


class Submission(Base):
    """A contributor's submission; follow-up mails merge into it."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tracking_id: Mapped[str] = mapped_column(String(40), unique=True)
    first_message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(60))
    contributor_addr: Mapped[str] = mapped_column(String(320), index=True)
    contributor_name: Mapped[str] = mapped_column(String(200), default="")
    # contributor_addr is whom we answer (Reply-To when personal, else From); both may follow up.
    sender_addr: Mapped[str] = mapped_column(String(320), default="", index=True)  # From
    reply_to_addr: Mapped[str | None] = mapped_column(String(320), index=True)
    auto_answer: Mapped[bool] = mapped_column(Boolean, default=True)  # False: web form, OA system …
    subject: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str | None] = mapped_column(Text)
    source_unit: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[Any]] = mapped_column(StorableJSON, default=list)
    phone: Mapped[str | None] = mapped_column(String(40))
    reviewer: Mapped[str | None] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    manuscript: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    simhash: Mapped[int | None] = mapped_column(BigInteger)
    missing: Mapped[list[Any]] = mapped_column(StorableJSON, default=list)
    warnings: Mapped[list[Any]] = mapped_column(StorableJSON, default=list)
    draft: Mapped[dict[str, Any] | None] = mapped_column(StorableJSON)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StoredFile(Base):
    """An attachment or photo of a submission; bytes live in the content-addressed store."""

    __tablename__ = "files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(20))  # manuscript | photo | other
    filename: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    caption: Mapped[str | None] = mapped_column(Text)


class Notice(Base):
    """The outbox: one rendered mail. Status: pending → sent | failed."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(300), unique=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    recipients: Mapped[list[Any]] = mapped_column(StorableJSON)
    message_id_header: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(String(64))  # the composed mail, in the blob store
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(20), default=NoticeStatus.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Event(Base):
    """Every state transition: who, when, why."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_subject", "submission_id", "message_id"),
                      Index("ix_events_kind_at", "kind", "created_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))
    kind: Mapped[str] = mapped_column(String(60))
    actor: Mapped[str] = mapped_column(String(100), default="system")
    detail: Mapped[dict[str, Any]] = mapped_column(StorableJSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class MailboxState(Base):
    """Per-mailbox poller state: UIDVALIDITY, last processed UID, last successful poll."""

    __tablename__ = "mailbox_state"

    mailbox: Mapped[str] = mapped_column(String(200), primary_key=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_poll_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class TrackingCounter(Base):
    """Per-day sequence behind tracking ids TG-YYYYMMDD-NNNN."""

    __tablename__ = "tracking_counters"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class SendLog(Base):
    """Automatic mails per recipient, for the per-sender rate limit."""

    __tablename__ = "send_log"
    __table_args__ = (Index("ix_send_log_recipient_at", "recipient", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(320))
    kind: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Blob(Base):
    """A blob held in the database (INTAKE_BLOB_URL=database:); the row marks it complete.

    Written in one transaction with its chunks, so a row is only ever seen with all of them.
    """

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(_String(64), primary_key=True)  # a hash, never mail text
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class BlobChunk(Base):
    """One piece (1 MiB; the last one shorter) of a blob, in order of seq from 0."""

    __tablename__ = "blob_chunks"

    sha256: Mapped[str] = mapped_column(_String(64), ForeignKey("blobs.sha256", ondelete="CASCADE"),
                                        primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SubmissionBand(Base):
    """One of a submission's 16 near-duplicate band keys (intake.similarity.band_keys), indexed,
    so finding candidates costs the same with a thousand stored submissions or a million."""

    __tablename__ = "submission_bands"
    __table_args__ = (Index("ix_submission_bands_key", "key"),)

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[int] = mapped_column(BigInteger)


class Assignment(Base):
    """A reviewer a review request for the submission was sent to: whose desk list shows it."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_reviewer", "reviewer"),)

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    reviewer: Mapped[str] = mapped_column(_String(320), primary_key=True)  # an address from the settings
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SubmissionRevision(Base):
    """The draft as each revision left it (the desk shows v1 → v2 with a text diff)."""

    __tablename__ = "submission_revisions"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    draft: Mapped[dict[str, Any] | None] = mapped_column(StorableJSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Account(Base):
    """A desk user: a reviewer (sees the submissions sent to them) or an admin (sees all)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    address: Mapped[str] = mapped_column(_String(320), unique=True)  # lower case
    role: Mapped[str] = mapped_column(_String(20), default="reviewer")
    password_hash: Mapped[str | None] = mapped_column(_String(200))  # argon2id; None: proxy login only
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DeskSession(Base):
    """A logged-in browser: the cookie's token is stored only as its sha256."""

    __tablename__ = "desk_sessions"

    token_sha256: Mapped[str] = mapped_column(_String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(_String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginFailure(Base):
    """A failed desk login, by account name and by client address, for the login rate limit."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(_String(400))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
