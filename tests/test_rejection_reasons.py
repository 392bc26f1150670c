"""A rejection names every reason that rejects, so the contributor can fix all in one reply."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from intake.config import load_settings
from intake.runtime import build_runtime


def _mail() -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = "周敏 <zhoumin_qy@163.com>", "tougao@localhost"
    msg["Subject"], msg["Message-ID"] = "稿件", "<two-broken-files@163.com>"
    msg.set_content("您好，稿件见附件，请审阅。")
    msg.add_attachment(b"\x00not a zip" * 40, maintype="application", subtype="octet-stream", filename="春耕稿.docx")
    msg.add_attachment(b"", maintype="application", subtype="msword", filename="春耕稿备份.doc")
    return msg.as_bytes()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_rejection_lists_each_broken_file(tmp_path: Path, lang: str) -> None:
    runtime = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_LANGUAGE": lang}))
    message_id, _ = runtime.store.record_message(_mail(), "test")
    result = runtime.ingest(message_id)
    assert (result["outcome"], result["reason"]) == ("rejected", "unreadable_manuscript")
    [path] = sorted((tmp_path / "outbox").glob("*rejection*.eml"))
    notice = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    text = notice.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = notice.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for part in (text, html):
        assert "春耕稿.docx" in part and "春耕稿备份.doc" in part
