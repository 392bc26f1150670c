"""Content-addressed blob stores: files under one directory, or rows in the database.

`INTAKE_BLOB_URL` picks one (`open_blobs`): unset or `file:` is `<data_dir>/raw`, `file:///path`
another directory, `database:` (or `db:`) the tables `blobs` and `blob_chunks` of the configured
database, so workers on several hosts need no shared filesystem. Both keep raw mails, attachments
and composed notices under their sha256 and behave alike (`Blobs`): put is idempotent, a blob is
only ever seen whole, names are checked to be 64 lowercase hex characters (never user input).

In the database a blob is one `blobs` row (the mark that it is complete) and its bytes in 1 MiB
`blob_chunks`, written in one transaction: a 50 MB mail is never built twice in memory and
`open()` streams it chunk by chunk. When the calling thread is inside a `Store.session()` that
holds a connection, the blob store works in that transaction (SQLite allows one writer: a second
connection would wait for the first) and the blob commits or rolls back with the rows naming it.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from sqlalchemy import Connection, Engine, delete, event, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from intake import failpoints
from intake.config import blob_location
from intake.tables import Blob, BlobChunk, utcnow

CHUNK_BYTES = 1024 * 1024
HEX = frozenset("0123456789abcdef")

Data = bytes | bytearray | memoryview | BinaryIO


def check_digest(digest: str) -> str:
    """The digest itself, or ValueError unless it is 64 lowercase hex characters."""
    if len(digest) != 64 or not HEX.issuperset(digest):
        raise ValueError("not a sha256 digest")
    return digest


def _missing(digest: str) -> FileNotFoundError:
    return FileNotFoundError(f"blob {digest} is not stored")


class Blobs(Protocol):
    """What every blob store does; callers hold a `Store.blobs` of this type."""

    def put(self, data: Data) -> str:
        """Store bytes (or everything a binary file object yields); return their sha256. Idempotent."""
        ...

    def get(self, digest: str) -> bytes:
        """The whole blob; FileNotFoundError when it is not stored."""
        ...

    def open(self, digest: str) -> BinaryIO:
        """A readable binary stream of the blob; FileNotFoundError when it is not stored."""
        ...

    def exists(self, digest: str) -> bool: ...

    def size(self, digest: str) -> int | None:
        """The blob's size in bytes, or None when it is not stored."""
        ...

    def delete(self, digest: str) -> bool:
        """Remove one blob; False when it was not there."""
        ...


# --------------------------------------------------------------------------- files


class BlobStore(Blobs):
    """Content-addressed files under one directory (`ab/cdef…`): write to a temp file, fsync, rename."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        check_digest(digest)
        return self.root / digest[:2] / digest[2:]

    def put(self, data: Data) -> str:
        if not isinstance(data, bytes | bytearray | memoryview):
            return self._put_stream(data)
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
        return digest

    def _put_stream(self, stream: BinaryIO) -> str:
        """Copy into a temp file while hashing (one chunk in memory), then rename it to its digest."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-")
        try:
            hasher = hashlib.sha256()
            with os.fdopen(fd, "wb") as fh:
                while chunk := stream.read(CHUNK_BYTES):
                    hasher.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            digest = hasher.hexdigest()
            target = self.path(digest)
            if target.exists():
                os.unlink(tmp)
                return digest
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def open(self, digest: str) -> BinaryIO:
        return self.path(digest).open("rb")

    def exists(self, digest: str) -> bool:
        return self.path(digest).exists()

    def size(self, digest: str) -> int | None:
        try:
            return self.path(digest).stat().st_size
        except FileNotFoundError:
            return None

    def delete(self, digest: str) -> bool:
        try:
            self.path(digest).unlink()
        except FileNotFoundError:
            return False
        return True


# --------------------------------------------------------------------------- database


class DatabaseBlobs(Blobs):
    """Blobs in the tables `blobs` (one row each: sha256, size, created_at) and `blob_chunks`.

    put inserts the `blobs` row first with ON CONFLICT DO NOTHING: the writer that gets it back
    writes the chunks in the same transaction; a racing writer waits for that transaction
    (PostgreSQL's conflict check, SQLite's single writer) and then finds the blob there.
    """

    def __init__(self, engine: Engine, sessions: sessionmaker[Session] | None = None,
                 chunk_bytes: int = CHUNK_BYTES) -> None:
        if engine.dialect.name not in ("postgresql", "sqlite"):
            raise ValueError(f"blobs in the database need PostgreSQL or SQLite, not {engine.dialect.name}")
        self.engine = engine
        self.chunk_bytes = chunk_bytes
        self._upsert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        self._local = threading.local()  # this thread's sessions that hold a connection
        if sessions is not None:
            event.listen(sessions, "after_begin", self._session_began)
            event.listen(sessions, "after_transaction_end", self._session_ended)

    # -- the calling thread's transaction -------------------------------------------------

    def _active(self) -> list[tuple[Session, Connection]]:
        active: list[tuple[Session, Connection]] = self._local.__dict__.setdefault("active", [])
        return active

    def _session_began(self, session: Session, _transaction: Any, connection: Connection) -> None:
        self._active().append((session, connection))

    def _session_ended(self, session: Session, transaction: Any) -> None:
        if transaction.parent is None:  # the session's outermost transaction: its connection goes back
            self._active()[:] = [(s, c) for s, c in self._active() if s is not session]

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        """The calling thread's open session transaction if there is one, else a transaction of our own."""
        for _session, conn in reversed(self._active()):
            if not conn.closed and conn.in_transaction():
                yield conn
                return
        with self.engine.begin() as conn:
            yield conn

    # -- the store ---------------------------------------------------------------------------

    def put(self, data: Data) -> str:
        if isinstance(data, bytes | bytearray | memoryview):
            view = memoryview(data).cast("B")
            digest = hashlib.sha256(view).hexdigest()
            step = self.chunk_bytes
            self._write(digest, len(view), (bytes(view[i : i + step]) for i in range(0, len(view), step)))
            return digest
        with tempfile.TemporaryFile(prefix="intake-blob-") as spool:  # the digest first, then the rows
            hasher, size = hashlib.sha256(), 0
            while chunk := data.read(self.chunk_bytes):
                hasher.update(chunk)
                spool.write(chunk)
                size += len(chunk)
            spool.seek(0)
            digest = hasher.hexdigest()
            self._write(digest, size, iter(lambda: spool.read(self.chunk_bytes), b""))
        return digest

    def _write(self, digest: str, size: int, chunks: Iterable[bytes]) -> None:
        with self._connection() as conn:
            if conn.execute(select(Blob.sha256).where(Blob.sha256 == digest)).first() is not None:
                return
            claim = (self._upsert(Blob).values(sha256=digest, size_bytes=size, created_at=utcnow())
                     .on_conflict_do_nothing(index_elements=[Blob.sha256]).returning(Blob.sha256))
            if conn.execute(claim).first() is None:
                return  # another writer stored it while we waited
            failpoints.hit("blob_row_claimed")
            statement = insert(BlobChunk)
            for seq, chunk in enumerate(chunks):
                conn.execute(statement, {"sha256": digest, "seq": seq, "data": chunk})

    def _size(self, conn: Connection, digest: str) -> int | None:
        found = conn.execute(select(Blob.size_bytes).where(Blob.sha256 == check_digest(digest))).first()
        return None if found is None else int(found[0])

    def _chunk(self, conn: Connection, digest: str, seq: int) -> bytes:
        row = conn.execute(select(BlobChunk.data).where(BlobChunk.sha256 == digest, BlobChunk.seq == seq)).first()
        if row is None:
            raise _missing(digest)  # deleted while being read
        data = row[0]
        return data if isinstance(data, bytes) else bytes(data)

    def get(self, digest: str) -> bytes:
        out = io.BytesIO()  # getvalue() hands over its buffer: the blob is in memory once
        with self._connection() as conn:
            size = self._size(conn, digest)
            if size is None:
                raise _missing(digest)
            seq = 0
            while out.tell() < size:
                out.write(self._chunk(conn, digest, seq))
                seq += 1
        if out.tell() != size:
            raise OSError(f"blob {digest}: {out.tell()} bytes stored, {size} expected")
        return out.getvalue()

    def open(self, digest: str) -> BinaryIO:
        with self._connection() as conn:
            size = self._size(conn, digest)
        if size is None:
            raise _missing(digest)
        return io.BufferedReader(_ChunkReader(self, digest, size))

    def exists(self, digest: str) -> bool:
        return self.size(digest) is not None

    def size(self, digest: str) -> int | None:
        with self._connection() as conn:
            return self._size(conn, digest)

    def delete(self, digest: str) -> bool:
        check_digest(digest)
        with self._connection() as conn:
            conn.execute(delete(BlobChunk).where(BlobChunk.sha256 == digest))
            return bool(conn.execute(delete(Blob).where(Blob.sha256 == digest)).rowcount)


class _ChunkReader(io.RawIOBase):
    """Reads one stored blob a chunk at a time, each chunk in a short transaction of its own."""

    def __init__(self, blobs: DatabaseBlobs, digest: str, size: int) -> None:
        super().__init__()
        self.blobs, self.digest, self.total = blobs, digest, size
        self.seq = self.done = 0
        self.chunk, self.offset = b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.offset == len(self.chunk):
            if self.done >= self.total:
                return 0
            with self.blobs._connection() as conn:
                self.chunk, self.offset = self.blobs._chunk(conn, self.digest, self.seq), 0
            self.seq += 1
            self.done += len(self.chunk)
            if not self.chunk or self.done > self.total:
                raise OSError(f"blob {self.digest}: chunk {self.seq - 1} does not fit its size {self.total}")
        view = memoryview(buffer).cast("B")
        n = min(len(view), len(self.chunk) - self.offset)
        view[:n] = self.chunk[self.offset : self.offset + n]
        self.offset += n
        return n


# --------------------------------------------------------------------------- INTAKE_BLOB_URL


def open_blobs(url: str | None, data_dir: Path, engine: Engine, sessions: sessionmaker[Session]) -> Blobs:
    """The blob store `url` (INTAKE_BLOB_URL) names; files in `<data_dir>/raw` when it is unset."""
    kind, path = blob_location(url)
    if kind == "database":
        return DatabaseBlobs(engine, sessions)
    return BlobStore(path or data_dir / "raw")
