"""Unexpected failures quarantine a message (never lost, never half-answered); `intake replay` brings it back."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime
from intake.status import warn_stale
from intake.tables import Event, MailboxState, Message, Notice, utcnow

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "05-missing-phone.eml"

TEST_SECRET = "test-only-secret-0123456789abcdefghij"  # PostgreSQL runs need one (never in production)


@pytest.fixture
def runtime(tmp_path: Path, database_url: str) -> Runtime:
    rt = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": database_url,
                                      "INTAKE_SECRET_KEY": TEST_SECRET}))
    rt.store.upgrade()
    return rt


def cli_env(runtime: Runtime) -> dict[str, str]:
    """The environment of an `intake` command run against this test's data dir and database."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
            "INTAKE_DATA_DIR": str(runtime.settings.data_dir), "INTAKE_DATABASE_URL": runtime.settings.database_url,
            "INTAKE_SECRET_KEY": TEST_SECRET}


def test_a_crash_inside_processing_quarantines_the_message_with_its_error(runtime: Runtime, monkeypatch: Any) -> None:
    import intake.service

    def broken(_raw: bytes) -> Any:
        raise MemoryError("simulated")

    monkeypatch.setattr(intake.service, "parse_mail", broken)
    message_id, _ = runtime.store.record_message(SAMPLE.read_bytes(), "test")
    with pytest.raises(MemoryError):
        runtime.ingest(message_id, final_attempt=True)
    with runtime.store.session() as s:
        msg = s.get_one(Message, message_id)
        assert (msg.status, msg.attempts) == ("failed", 1) and "simulated" in (msg.error or "")
        assert s.scalars(select(Notice)).all() == []  # nobody was answered
        assert [e.kind for e in s.scalars(select(Event).where(Event.message_id == message_id))][-1] == "message.failed"


def test_a_retryable_attempt_keeps_the_message_received(runtime: Runtime, monkeypatch: Any) -> None:
    import intake.service

    monkeypatch.setattr(intake.service, "parse_mail", lambda _raw: (_ for _ in ()).throw(OSError("db away")))
    message_id, _ = runtime.store.record_message(SAMPLE.read_bytes(), "test")
    with pytest.raises(OSError):
        runtime.ingest(message_id, final_attempt=False)
    assert runtime.store.message_status(message_id) == "received"


def test_replay_processes_quarantined_messages(tmp_path: Path, runtime: Runtime) -> None:
    message_id, _ = runtime.store.record_message(SAMPLE.read_bytes(), "test")
    with runtime.store.session() as s:
        s.get_one(Message, message_id).status = "failed"
    env = cli_env(runtime)
    done = subprocess.run([sys.executable, "-m", "intake.cli", "replay"], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0 and "1" in done.stdout, done.stderr
    assert runtime.store.message_status(message_id) == "processed"
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_a_mailbox_not_polled_for_several_intervals_is_reported(
    runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    with runtime.store.session() as s:
        s.add(MailboxState(mailbox="default", last_uid=0, last_poll_at=utcnow() - timedelta(hours=1)))
    with caplog.at_level(logging.WARNING):
        assert warn_stale(runtime.store, runtime.settings) == ["default"]
    assert "not been polled" in caplog.text
    with runtime.store.session() as s:
        s.get_one(MailboxState, "default").last_poll_at = utcnow()
    assert warn_stale(runtime.store, runtime.settings) == []


def test_status_lists_permanent_failures_for_ops(tmp_path: Path, runtime: Runtime) -> None:
    message_id, _ = runtime.store.record_message(SAMPLE.read_bytes(), "test")
    runtime.ingest(message_id)
    with runtime.store.session() as s:
        notice = s.scalars(select(Notice)).one()
        notice.status, notice.last_error = "failed", "550 5.1.1 mailbox unavailable"
        s.get_one(Message, message_id).error = "kept for the record"
    env = cli_env(runtime)
    done = subprocess.run([sys.executable, "-m", "intake.cli", "status"], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert "550 5.1.1 mailbox unavailable" in done.stdout and "luoxinran_dag@163.com" in done.stdout


def test_status_health_fails_for_a_stale_or_never_polled_mailbox(tmp_path: Path, runtime: Runtime) -> None:
    env = cli_env(runtime)

    def health() -> int:
        return subprocess.run([sys.executable, "-m", "intake.cli", "status", "--health"], env=env, cwd=REPO,
                              capture_output=True, timeout=120, check=False).returncode

    # Never polled: a poller with a wrong password must not look healthy forever (compose gives
    # the poller a start_period to make its first poll).
    assert health() == 1
    with runtime.store.session() as s:
        s.add(MailboxState(mailbox="default", last_uid=0, last_poll_at=utcnow()))
    assert health() == 0
    with runtime.store.session() as s:
        s.get_one(MailboxState, "default").last_poll_at = utcnow() - timedelta(hours=1)
    assert health() == 1


def test_parsing_defects_are_recorded_for_ops(runtime: Runtime) -> None:
    from tests.data.mailgen import make_tnef
    from tests.test_mail import mail_with_parts, tnef_part

    raw = mail_with_parts(tnef_part(make_tnef([(b"a.docx", b"PK" * 50)])[:-30]))
    message_id, _ = runtime.store.record_message(raw, "test")
    runtime.ingest(message_id)
    with runtime.store.session() as s:
        event = s.scalars(select(Event).where(Event.message_id == message_id, Event.kind == "message.processed")).one()
        assert "tnef_unreadable" in event.detail["defects"]
