"""Fixtures for the hostile-input tests: an embedded runtime on SQLite or PostgreSQL.

The runtime is the one `intake ingest` and the workers build (``build_runtime``): inline queue (no
broker), file outbox under the test's data dir, so a stored message goes through exactly the
worker's path: ``store.record_message`` (what the poller does) then ``runtime.ingest`` (what the
``intake.ingest`` task calls), and the notices it creates are delivered to ``<data>/outbox``.

PostgreSQL: one throw-away database for this package (``servers.postgres_url``, the helper behind
the suite's ``postgres_url`` fixture), migrated once and emptied (TRUNCATE … RESTART IDENTITY) before
each test, so every test still starts from an empty database without paying ~1 s to create and
drop one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.hostile.harness import Harness, build, memory_ceiling


@pytest.fixture(scope="package", autouse=True)
def _memory_ceiling() -> Iterator[None]:
    """A soft address-space limit while these tests run: a bomb that gets past intake's limits ends in
    MemoryError (a reported failure) instead of taking the shared machine's memory. Restored after."""
    with memory_ceiling():
        yield


@pytest.fixture(scope="package")
def hostile_postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import servers  # tests/servers.py, on sys.path through tests/conftest.py

    with servers.postgres_url() as url:
        build(tmp_path_factory.mktemp("pg-migrate"), url).store.dispose()  # migrate once
        yield url


def _empty(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            tables = [row[0] for row in conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"))]
            if tables:
                conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Harness]:
    """A fresh embedded runtime (inline queue, file outbox) on SQLite or on an emptied PostgreSQL database."""
    url: str | None = None
    if request.param == "postgresql":
        url = request.getfixturevalue("hostile_postgres_url")
        _empty(url)
    runtime = build(tmp_path, url)
    try:
        yield Harness(request.param, tmp_path, runtime)
    finally:
        runtime.store.dispose()


@pytest.fixture
def sqlite_harness(tmp_path: Path) -> Iterator[Harness]:
    """The same runtime on SQLite only (the fuzz test's full-ingest part)."""
    runtime = build(tmp_path, None)
    try:
        yield Harness("sqlite", tmp_path, runtime)
    finally:
        runtime.store.dispose()
