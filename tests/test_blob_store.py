"""Blob stores (INTAKE_BLOB_URL): the same behaviour from files, the database on SQLite, and on PostgreSQL.

Every behaviour test runs against each backend through a real `Store` (its engine, its sessions,
the Alembic schema): round trip, idempotent and racing puts, exists/size/delete, digest checks,
a 50 MB blob with bounded memory, and a whole `intake ingest` run that leaves the data dir's
raw/ folder empty when the blobs live in the database.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake import failpoints
from intake.config import ConfigError, load_settings
from intake.store import BlobStore, Store
from intake.store.blobs import CHUNK_BYTES, DatabaseBlobs
from intake.tables import Blob, BlobChunk, Message, Notice, StoredFile

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SECRET = "test-only-secret-0123456789abcdefghij"
MAIL = b"From: a@163.com\r\nTo: tougao@localhost\r\nSubject: x\r\nMessage-ID: <m1@163.com>\r\n\r\nbody\r\n"
MB = 1024 * 1024


@pytest.fixture(params=["files", "sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A migrated Store whose blobs are files (data dir's raw/), or rows in SQLite or PostgreSQL."""
    if request.param == "postgresql":
        url: str = request.getfixturevalue("postgres_url")
    else:
        url = f"sqlite:///{tmp_path / 'db' / 'intake.sqlite3'}"
    s = Store(url, tmp_path / "data", blob_url=None if request.param == "files" else "database:")
    s.upgrade()
    try:
        yield s
    finally:
        s.dispose()


def stored(store: Store) -> list[str]:
    """The digests the backend holds, complete ones only (no temp files, no rows being written)."""
    if isinstance(store.blobs, BlobStore):
        root = store.blobs.root
        assert not list(root.rglob(".tmp-*")), "temp files left behind"
        return sorted(p.parent.name + p.name for p in root.glob("*/*"))
    with store.session() as s:
        return list(s.scalars(select(Blob.sha256).order_by(Blob.sha256)))


def chunk_count(store: Store, digest: str) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(BlobChunk).where(BlobChunk.sha256 == digest)) or 0)


def payload(size: int, seed: bytes = b"x") -> bytes:
    """Deterministic bytes that differ everywhere (a bug mixing up chunks shows)."""
    block = b"".join(hashlib.sha256(seed + i.to_bytes(4, "big")).digest() for i in range(2048))  # 64 KiB
    return (block * (size // len(block) + 1))[:size]


# --------------------------------------------------------------------------- behaviour, every backend


@pytest.mark.parametrize("size", [0, 1, 5000, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES + CHUNK_BYTES // 2])
def test_round_trip_by_get_and_by_open(store: Store, size: int) -> None:
    """put returns the sha256; get and open() give back the same bytes; size and exists agree."""
    data = payload(size)
    digest = store.blobs.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.blobs.get(digest) == data
    with store.blobs.open(digest) as fh:
        assert fh.read() == data
    with store.blobs.open(digest) as fh:  # small reads across chunk boundaries
        pieces = iter(lambda: fh.read(65_537), b"")
        assert b"".join(pieces) == data
    assert store.blobs.exists(digest) and store.blobs.size(digest) == size
    assert stored(store) == [digest]
    if isinstance(store.blobs, DatabaseBlobs):
        assert chunk_count(store, digest) == math.ceil(size / CHUNK_BYTES)


def test_put_accepts_a_binary_file_object(store: Store) -> None:
    """A file-like put stores what it yields under the same digest as the bytes would."""
    data = payload(3 * CHUNK_BYTES + 17, b"stream")
    digest = store.blobs.put(io.BytesIO(data))
    assert digest == hashlib.sha256(data).hexdigest() and store.blobs.get(digest) == data
    assert store.blobs.put(io.BytesIO(data)) == digest and store.blobs.put(data) == digest
    assert stored(store) == [digest]


def test_a_second_put_of_the_same_bytes_changes_nothing(store: Store) -> None:
    data = payload(2 * CHUNK_BYTES + 3)
    digest = store.blobs.put(data)
    before: object
    if isinstance(store.blobs, BlobStore):
        before = store.blobs.path(digest).stat().st_mtime_ns
    else:
        with store.session() as s:
            before = s.get_one(Blob, digest).created_at
    assert store.blobs.put(data) == digest
    assert stored(store) == [digest]
    if isinstance(store.blobs, BlobStore):
        assert store.blobs.path(digest).stat().st_mtime_ns == before
    else:
        with store.session() as s:
            assert s.get_one(Blob, digest).created_at == before
        assert chunk_count(store, digest) == 3


def test_two_threads_putting_the_same_blob_end_with_one_blob(store: Store) -> None:
    """Both puts return the digest; one copy is stored. In the database the second writer arrives
    while the first one's transaction is open (held at the point after it claimed the row) and
    writes no chunk of its own."""
    data = payload(3 * CHUNK_BYTES + 5, b"race")
    results: dict[str, str] = {}
    errors: list[BaseException] = []
    claimed = threading.Event()
    claims: list[str] = []
    times: dict[str, float] = {}

    def hold() -> None:  # the first writer, inside its transaction with the blobs row claimed
        claims.append(threading.current_thread().name)
        claimed.set()
        time.sleep(0.5)

    def put(name: str, wait: threading.Event | None) -> None:
        try:
            if wait is not None:
                assert wait.wait(10)
            times[f"{name}.start"] = time.monotonic()
            results[name] = store.blobs.put(data)
            times[f"{name}.done"] = time.monotonic()
        except BaseException as exc:
            errors.append(exc)

    if isinstance(store.blobs, DatabaseBlobs):
        with failpoints.on("blob_row_claimed", hold):
            threads = [threading.Thread(target=put, args=("first", None), name="first"),
                       threading.Thread(target=put, args=("second", claimed), name="second")]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
        assert claims == ["first"], "only one writer wrote chunks"
        assert times["second.start"] < times["first.done"], "the second put overlapped the first"
        assert chunk_count(store, results["first"]) == 4
    else:
        barrier = threading.Barrier(4)

        def together(name: str) -> None:
            barrier.wait(10)
            put(name, None)

        threads = [threading.Thread(target=together, args=(f"t{i}",)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert not errors, errors
    assert set(results.values()) == {hashlib.sha256(data).hexdigest()}
    assert stored(store) == [hashlib.sha256(data).hexdigest()]
    assert store.blobs.get(hashlib.sha256(data).hexdigest()) == data


def test_a_put_that_fails_midway_leaves_no_blob(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash before the blob is complete (before the rename; before the commit) leaves nothing under
    its name, and the next put stores it whole."""
    data = payload(2 * CHUNK_BYTES + 9, b"crash")
    digest = hashlib.sha256(data).hexdigest()

    def power_cut(*_args: object) -> None:
        raise OSError("power cut")

    with monkeypatch.context() as m:
        if isinstance(store.blobs, BlobStore):
            m.setattr(os, "replace", power_cut)
            with pytest.raises(OSError):
                store.blobs.put(data)
        else:
            with failpoints.on("blob_row_claimed", power_cut), pytest.raises(OSError):
                store.blobs.put(data)
    assert not store.blobs.exists(digest) and store.blobs.size(digest) is None and stored(store) == []
    if isinstance(store.blobs, DatabaseBlobs):
        assert chunk_count(store, digest) == 0
    assert store.blobs.put(data) == digest and store.blobs.get(digest) == data


def test_exists_size_and_delete(store: Store) -> None:
    kept, doomed = store.blobs.put(MAIL), store.blobs.put(payload(CHUNK_BYTES + 1))
    assert store.blobs.exists(doomed) and store.blobs.size(doomed) == CHUNK_BYTES + 1
    assert store.blobs.delete(doomed) is True
    assert store.blobs.delete(doomed) is False
    assert not store.blobs.exists(doomed) and store.blobs.size(doomed) is None
    with pytest.raises(FileNotFoundError):
        store.blobs.get(doomed)
    with pytest.raises(FileNotFoundError):
        store.blobs.open(doomed)
    assert stored(store) == [kept] and store.blobs.get(kept) == MAIL
    if isinstance(store.blobs, DatabaseBlobs):
        assert chunk_count(store, doomed) == 0
    assert store.blobs.put(payload(CHUNK_BYTES + 1)) == doomed and store.blobs.exists(doomed)


@pytest.mark.parametrize(
    "digest",
    ["../../../../etc/passwd", "ab/" + "0" * 61, "A" * 64, "0" * 63, "0" * 65, "g" * 64, "", "0" * 63 + "\n",
     "' OR 1=1 --" + "0" * 53],
)
def test_every_method_refuses_anything_but_a_lowercase_sha256(store: Store, digest: str) -> None:
    for method in (store.blobs.get, store.blobs.open, store.blobs.exists, store.blobs.size, store.blobs.delete):
        with pytest.raises(ValueError):
            method(digest)


def test_puts_and_reads_inside_an_open_session_commit_with_it(store: Store) -> None:
    """Within a `store.session()` that already wrote (SQLite: it holds the one write lock) a put
    neither waits nor fails, and is read back inside and after the session."""
    started = time.monotonic()
    with store.session() as s:
        s.add(Message(mailbox="t", message_id_header="<x@y>", sha256="0" * 64, size_bytes=1))
        s.flush()
        digest = store.blobs.put(MAIL)
        assert store.blobs.get(digest) == MAIL and store.blobs.size(digest) == len(MAIL)
    assert time.monotonic() - started < 10
    assert store.blobs.get(digest) == MAIL and stored(store) == [digest]


def test_a_blob_put_in_a_rolled_back_session(store: Store) -> None:
    """In the database the blob rolls back with the rows that name it; a file stays (files are not
    transactional: an unreferenced blob, as after a crash between blob and row)."""
    with pytest.raises(RuntimeError), store.session() as s:
        s.add(Message(mailbox="t", message_id_header="<x@y>", sha256="0" * 64, size_bytes=1))
        s.flush()
        digest = store.blobs.put(MAIL)
        raise RuntimeError("the decision failed")
    if isinstance(store.blobs, DatabaseBlobs):
        assert not store.blobs.exists(digest) and stored(store) == []
    else:
        assert stored(store) == [digest]


def test_a_50_mb_blob_round_trips_with_bounded_memory(store: Store) -> None:
    """put adds no copy of the mail; streaming through open() holds a chunk, not the blob; get holds it once."""
    size = 50 * MB
    data = payload(size, b"big")
    expected = hashlib.sha256(data).hexdigest()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        digest = store.blobs.put(data)
        put_peak = tracemalloc.get_traced_memory()[1] - base

        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        hasher, total = hashlib.sha256(), 0
        with store.blobs.open(digest) as fh:
            while piece := fh.read(256 * 1024):
                hasher.update(piece)
                total += len(piece)
        stream_peak = tracemalloc.get_traced_memory()[1] - base

        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        back = store.blobs.get(digest)
        get_peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert digest == expected and hasher.hexdigest() == expected and total == size
    assert back == data
    assert put_peak < 0.2 * size, f"put grew memory by {put_peak / MB:.1f} MiB"
    assert stream_peak < 0.2 * size, f"streaming grew memory by {stream_peak / MB:.1f} MiB"
    assert get_peak < 1.5 * size, f"get grew memory by {get_peak / MB:.1f} MiB"
    print(f"peaks (MiB): put {put_peak / MB:.1f}, open() stream {stream_peak / MB:.1f}, get {get_peak / MB:.1f}")


# --------------------------------------------------------------------------- INTAKE_BLOB_URL


@pytest.mark.parametrize(("value", "expected"), [
    ("", "file://{data}/raw"), ("file:", "file://{data}/raw"), ("file:///srv/blobs", "file:///srv/blobs"),
    ("database:", "database:"), ("db:", "database:"), ("database://", "database:"),
])
def test_blob_url_setting_is_read_and_normalised(tmp_path: Path, value: str, expected: str) -> None:
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_BLOB_URL": value})
    assert settings.blob_url == expected.format(data=tmp_path.resolve())


@pytest.mark.parametrize("value", ["s3://bucket/prefix", "file:relative/dir", "file://host/dir", "database:extra",
                                   "db:?x=1", "redis://localhost"])
def test_a_bad_blob_url_names_the_setting(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_BLOB_URL": value})
    assert caught.value.setting == "INTAKE_BLOB_URL"


def test_config_show_lists_the_blob_url(tmp_path: Path) -> None:
    from intake.checks import check, show

    rows = {r["setting"]: r["value"] for r in show(load_settings({"INTAKE_DATA_DIR": str(tmp_path)}))}
    assert rows["INTAKE_BLOB_URL"] == f"file://{tmp_path.resolve()}/raw"
    done = check({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_BLOB_URL": "database:"}, connect=False)
    assert {"setting": "INTAKE_BLOB_URL", "value": "database:"} in done["settings"]
    bad = check({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_BLOB_URL": "s3://bucket"}, connect=False)
    assert not bad["ok"] and [e["setting"] for e in bad["errors"]] == ["INTAKE_BLOB_URL"]


def test_a_file_url_picks_the_directory(tmp_path: Path) -> None:
    url = f"file://{tmp_path / 'elsewhere'}"
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "data", blob_url=url)
    try:
        digest = store.blobs.put(MAIL)
        assert (tmp_path / "elsewhere" / digest[:2] / digest[2:]).read_bytes() == MAIL
        assert not (tmp_path / "data" / "raw").exists()
    finally:
        store.dispose()


# --------------------------------------------------------------------------- the whole pipeline


def test_intake_ingest_with_blobs_in_the_database_leaves_raw_empty(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """`intake db upgrade` then `intake ingest` (in process) with INTAKE_BLOB_URL=database:: every raw
    mail, attachment and composed notice is in the database, the data dir has no raw/ files, and the
    outbox holds exactly the notices' stored bytes."""
    from intake.cli import main
    from intake.runtime import build_runtime

    for name in [k for k in os.environ if k.startswith("INTAKE_")]:
        monkeypatch.delenv(name)
    data_dir = tmp_path / "data"
    env = {"INTAKE_DATA_DIR": str(data_dir), "INTAKE_DATABASE_URL": database_url, "INTAKE_BLOB_URL": "database:",
           "INTAKE_SECRET_KEY": SECRET, "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test",
           "INTAKE_REVIEWERS": "editor@example.test"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    samples = ["01-docx-with-photos.eml", "02-separate-photos-captions-in-body.eml", "05-missing-phone.eml",
               "13-doc-manuscript.eml", "14-pdf-manuscript.eml"]
    assert main(["db", "upgrade"]) == 0
    assert main(["ingest", "--json", *(str(EXAMPLES / n) for n in samples)]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert len(results) == len(samples) and all(r["outcome"] for r in results)

    raw = data_dir / "raw"
    assert not raw.exists() or not any(raw.rglob("*")), "no blob written to the data dir"
    runtime = build_runtime(load_settings(env))
    try:
        blobs = runtime.store.blobs
        assert isinstance(blobs, DatabaseBlobs)
        with runtime.store.session() as s:
            messages = list(s.scalars(select(Message)))
            files = list(s.scalars(select(StoredFile.sha256)))
            notices = list(s.scalars(select(Notice)))
            held = set(s.scalars(select(Blob.sha256)))
        assert len(messages) == len(samples) and files and notices
        assert {m.sha256 for m in messages} | set(files) | {n.raw_sha256 for n in notices} <= held
        by_digest = {hashlib.sha256((EXAMPLES / n).read_bytes()).hexdigest(): n for n in samples}
        for m in messages:
            assert blobs.get(m.sha256) == (EXAMPLES / by_digest[m.sha256]).read_bytes()
        outbox = sorted((data_dir / "outbox").glob("*.eml"))
        assert len(outbox) == len(notices)
        sent = {p.read_bytes().split(b"\r\n", 2)[2] for p in outbox}  # after X-Envelope-From and -To
        assert sent == {blobs.get(n.raw_sha256) for n in notices}
    finally:
        runtime.store.dispose()
