"""Fixtures for whole-system tests: a deployment on SQLite or PostgreSQL with real servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment, deployment


@pytest.fixture
def system(
    database_url: str, redis_url: str, dovecot: Any, smtp_sink: Any, celery_worker_factory: Any,
    tmp_path: Path, test_artifacts: Path,
) -> Iterator[Deployment]:
    """Dovecot mailbox → `intake poll` → Redis → Celery worker → aiosmtpd, on SQLite or PostgreSQL."""
    with deployment(database_url=database_url, broker_url=redis_url, mailbox_url=dovecot.url("INBOX"),
                    smtp_url=smtp_sink.url, data_dir=tmp_path / "data", logs=test_artifacts,
                    start_worker=celery_worker_factory) as dep:
        yield dep
