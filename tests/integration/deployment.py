"""A whole deployment for integration tests: env, database, pollers and workers as real processes."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intake.store import Store
from intake.tables import Message, Notice, Submission

REPO = Path(__file__).resolve().parents[2]
INTAKE = [sys.executable, "-m", "intake.cli"]


@dataclass
class Deployment:
    env: dict[str, str]
    data_dir: Path
    logs: Path
    start_worker: Callable[..., Any]
    pollers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.env["INTAKE_DATABASE_URL"], self.data_dir, None, self.env.get("INTAKE_BLOB_URL"))
        return self._store

    def intake(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*INTAKE, *args], env={**os.environ, **self.env}, cwd=REPO, text=True,
                              capture_output=True, timeout=timeout, check=False)

    def worker(self, env_extra: dict[str, str] | None = None, **kwargs: Any) -> Any:
        return self.start_worker({**self.env, **(env_extra or {})}, **kwargs)

    def poller(self, name: str = "poller", extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = (self.logs / f"{name}-{len(self.pollers)}.log").open("ab")
        proc = subprocess.Popen([*INTAKE, "-v", "poll"], env={**os.environ, **self.env, **(extra_env or {})},
                                cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.pollers.append(proc)
        return proc

    def stop_pollers(self) -> None:
        for proc in self.pollers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.pollers:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)

    # -- what the database says ------------------------------------------------------------------

    def messages(self) -> list[Message]:
        with self.store.session() as s:
            return list(s.scalars(select(Message).order_by(Message.id)))

    def submissions(self) -> list[Submission]:
        with self.store.session() as s:
            return list(s.scalars(select(Submission).order_by(Submission.id)))

    def notices(self) -> list[Notice]:
        with self.store.session() as s:
            return list(s.scalars(select(Notice).order_by(Notice.id)))

    def wait(self, predicate: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}; see logs in {self.logs}")


@contextmanager
def deployment(
    *, database_url: str, broker_url: str, mailbox_url: str, smtp_url: str, data_dir: Path, logs: Path,
    start_worker: Callable[..., Any], submission_address: str = "tougao@example.test", **settings: str,
) -> Iterator[Deployment]:
    env = {
        "INTAKE_DATA_DIR": str(data_dir),
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_BROKER_URL": broker_url,
        "INTAKE_MAILBOX_URL": mailbox_url,
        "INTAKE_SMTP_URL": smtp_url,
        "INTAKE_SUBMISSION_ADDRESS": submission_address,
        "INTAKE_REVIEWERS": "editor@example.test",
        "INTAKE_POLL_INTERVAL": "1",
        "INTAKE_SECRET_KEY": secrets.token_urlsafe(32),  # several processes, PostgreSQL or Redis: required
        "PYTHONPATH": str(REPO),
        **{f"INTAKE_{k.upper()}": v for k, v in settings.items()},
    }
    dep = Deployment(env=env, data_dir=data_dir, logs=logs, start_worker=start_worker)
    upgraded = dep.intake("db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    try:
        yield dep
    finally:
        dep.stop_pollers()
        if dep._store is not None:
            dep._store.dispose()
