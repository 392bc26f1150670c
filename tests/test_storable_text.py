"""Text PostgreSQL refuses (NUL) or no driver can encode (lone surrogates) never fails a mail, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime
from intake.tables import Event, Message
from tests.test_mail import mail_with_parts, text_part

TEST_SECRET = "test-only-secret-0123456789abcdefghij"  # PostgreSQL runs need one (never in production)


@pytest.fixture
def runtime(tmp_path: Path, database_url: str) -> Runtime:
    rt = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": database_url,
                                      "INTAKE_REVIEWERS": "editor@example.org", "INTAKE_SECRET_KEY": TEST_SECRET}))
    rt.store.upgrade()
    return rt


def test_a_nul_in_an_attachment_name_and_body_is_processed_and_answered(runtime: Runtime) -> None:
    part = (b"Content-Type: application/octet-stream\r\n"
            b"Content-Disposition: attachment; filename*=utf-8''%E7%A8%BF%00%E4%BB%B6.txt\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + __import__("base64").b64encode("标题：测试稿件\n作者：李明\n".encode()) + b"\r\n")
    raw = mail_with_parts(text_part("正文\x00第一段", "utf-8", "utf-8"), part)
    message_id, _ = runtime.store.record_message(raw, "test")
    runtime.ingest(message_id)
    assert runtime.store.message_status(message_id) == "processed"
    assert list((runtime.settings.data_dir / "outbox").glob("*.eml"))


def test_every_kind_of_column_takes_nul_and_surrogates(runtime: Runtime) -> None:
    message_id, _ = runtime.store.record_message(b"From: a@b.example\r\nSubject: x\r\n\r\nx\r\n", "test")
    dirty = "a\x00b\udce6c"
    with runtime.store.session() as s:
        row = s.get_one(Message, message_id)
        row.subject = dirty                      # Text
        row.sender = dirty                       # String(n)
        row.result = {"k\x00": [dirty, {"n": dirty}]}  # JSON
        s.add(Event(kind="test", actor="t\x00", message_id=message_id, detail={"x": dirty}))
    with runtime.store.session() as s:
        row = s.get_one(Message, message_id)
        assert row.subject == row.sender == "ab\ufffdc"
        assert row.result == {"k": ["ab\ufffdc", {"n": "ab\ufffdc"}]}
        event = s.scalars(select(Event).where(Event.kind == "test")).one()
        assert event.actor == "t" and event.detail == {"x": "ab\ufffdc"}
