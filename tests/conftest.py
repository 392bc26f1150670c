"""Shared pytest fixtures: real servers from ``servers.py`` with sensible scopes, and artifact paths.

Scopes: one Dovecot per session (each test gets a fresh, empty user via ``dovecot``; tests that
restart or rebuild the server take ``dovecot_private``), one Redis database per session flushed
before each test (``redis_url``), a fresh PostgreSQL database and SMTP sink per test, and a factory
for Celery workers that are stopped when the test ends. Logs and screenshots go under
``./artifacts/`` (gitignored). Nothing here imports ``intake`` at import time.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `import servers`, whatever the import mode

import servers
from postfix import postfix_smtp_fixture  # noqa: F401  (registers the `postfix_smtp` fixture)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "integration: talks to real servers (Dovecot, Redis, PostgreSQL, aiosmtpd, Celery worker)"
    )


# --------------------------------------------------------------------------- paths


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return servers.REPO_ROOT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The example mails and attachments shipped in ``examples/``."""
    return servers.REPO_ROOT / "examples"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``./artifacts/``: where tests leave logs and screenshots worth keeping after the run."""
    servers.ARTIFACTS_DIR.mkdir(exist_ok=True)
    return servers.ARTIFACTS_DIR


@pytest.fixture
def test_artifacts(artifacts_dir: Path, request: pytest.FixtureRequest) -> Path:
    """A directory ``artifacts/<test id>/`` for this test's own artifacts (created empty)."""
    path = artifacts_dir / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid).strip("_")[:150]
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


# --------------------------------------------------------------------------- Dovecot


@pytest.fixture(scope="session")
def dovecot_session(artifacts_dir: Path) -> Iterator[servers.DovecotServer]:
    """One Dovecot for the whole session (as tougao@example.test/secret). Don't restart it."""
    with servers.dovecot_server() as server:
        try:
            yield server
        finally:
            server.stop()
            with_log = server.dir / "dovecot.log"
            if with_log.exists():
                shutil.copy(with_log, artifacts_dir / "dovecot-session.log")


@pytest.fixture
def dovecot(dovecot_session: servers.DovecotServer) -> Iterator[servers.DovecotServer]:
    """The session's Dovecot, seen as a fresh user with an empty mailbox (INBOX, Processed, Rejected)."""
    view = dovecot_session.fresh_user()
    try:
        yield view
    finally:
        view.close_clients()


@pytest.fixture
def dovecot_private(test_artifacts: Path) -> Iterator[servers.DovecotServer]:
    """A Dovecot of this test's own: free to restart, stop or reset UIDVALIDITY (~1 s to stop)."""
    with servers.dovecot_server() as server:
        try:
            yield server
        finally:
            server.stop()
            if (server.dir / "dovecot.log").exists():
                shutil.copy(server.dir / "dovecot.log", test_artifacts / "dovecot.log")


# --------------------------------------------------------------------------- Redis, PostgreSQL, SMTP


@pytest.fixture(scope="session")
def redis_session_url() -> Iterator[str]:
    with servers.redis_url() as url:
        yield url


@pytest.fixture
def redis_url(redis_session_url: str) -> str:
    """``redis://127.0.0.1:PORT/N``: a Redis database of this session's own, emptied before the test."""
    import redis

    client = redis.Redis.from_url(redis_session_url)
    try:
        client.flushdb()
    finally:
        client.close()
    return redis_session_url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """``postgresql+psycopg://…/intake_test_<hex>``: a new, empty database, dropped after the test."""
    with servers.postgres_url() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store-touching test runs on both databases: SQLite (embedded) and PostgreSQL (production)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'intake.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def smtp_sink() -> Iterator[servers.SmtpSink]:
    """An SMTP server collecting every mail sent to it (``.url``, ``.wait_for()``, ``.messages()``)."""
    with servers.smtp_sink() as sink:
        yield sink


# --------------------------------------------------------------------------- Celery


@pytest.fixture
def celery_worker_factory(test_artifacts: Path) -> Iterator[servers.CeleryWorkerFactory]:
    """``start(env, app="workers.app", **kw) -> CeleryWorker``; every worker is stopped after the test.

    Logs go to ``artifacts/<test id>/<worker name>.log``.
    """
    with ExitStack() as stack:
        count = 0

        def start(env: Mapping[str, str], app: str = "workers.app", **kwargs: Any) -> servers.CeleryWorker:
            nonlocal count
            count += 1
            name = kwargs.pop("name", None) or f"worker{count}"
            kwargs.setdefault("log_path", test_artifacts / f"{name}.log")
            return stack.enter_context(servers.celery_worker(env, app, name=name, **kwargs))

        yield start
