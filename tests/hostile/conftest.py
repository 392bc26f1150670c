"""Fixtures for the hostile-input tests: an embedded runtime on SQLite or PostgreSQL.

The runtime is the one `intake ingest` and the workers build (``build_runtime``): inline queue (no
broker), file outbox under the test's data dir, so a stored message goes through exactly the
worker's path: ``store.record_message`` (what the poller does) then ``runtime.ingest`` (what the
``intake.ingest`` task calls), and the notices it creates are delivered to ``<data>/outbox``.
PostgreSQL comes from the suite's ``postgres_url`` fixture (a throw-away database per test).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.harness import Harness, build, memory_ceiling


@pytest.fixture(scope="package", autouse=True)
def _memory_ceiling() -> Iterator[None]:
    """A soft address-space limit while these tests run: a bomb that gets past intake's limits ends in
    MemoryError (a reported failure) instead of taking the shared machine's memory. Restored after."""
    with memory_ceiling():
        yield


@pytest.fixture(params=["sqlite", "postgresql"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Harness]:
    """A fresh embedded runtime (inline queue, file outbox) on SQLite or on a throw-away PostgreSQL database."""
    url: str | None = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    runtime = build(tmp_path, url)
    try:
        yield Harness(request.param, tmp_path, runtime)
    finally:
        runtime.store.dispose()  # before the PostgreSQL database is dropped


@pytest.fixture
def sqlite_harness(tmp_path: Path) -> Iterator[Harness]:
    """The same runtime on SQLite only (the fuzz test's full-ingest part)."""
    runtime = build(tmp_path, None)
    try:
        yield Harness("sqlite", tmp_path, runtime)
    finally:
        runtime.store.dispose()
