"""Through the whole system (poller, Redis, Celery worker, SMTP): a forged decision changes nothing,
the reviewer's own reply decides, on SQLite and PostgreSQL."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.tables import Event
from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "01-docx-with-photos.eml"


def decision(review: EmailMessage, sender: str, text: str, msgid: str, threaded: bool) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, "tougao@example.test"
    msg["Subject"] = "回复：" + str(review["Subject"])
    msg["Message-ID"], msg["Date"] = msgid, formatdate(localtime=True)
    if threaded:
        msg["In-Reply-To"] = msg["References"] = str(review["Message-ID"])
    msg.set_content(f"{text}\n\n在 2026-12-02 10:00:00，\"投稿邮箱\" <tougao@example.test> 写道：\n> 各位编辑：\n")
    return msg.as_bytes()


def test_a_forged_decision_is_refused_and_the_reviewers_reply_decides(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    system.worker()
    system.poller()
    dovecot.append(SAMPLE.read_bytes())
    review = next(e.message for e in smtp_sink.wait_for(2, timeout=60) if e.message["To"] == "editor@example.test")

    dovecot.append(decision(review, "editor@example.test", "通过", "<forged@evil.example>", threaded=False))
    warning = smtp_sink.wait_for(3, timeout=60)[2]
    assert warning.rcpt_tos == ["editor@example.test"] and "未予采纳" in str(warning.message["Subject"])
    [submission] = system.submissions()
    assert submission.status == "pending_review"
    with system.store.session() as s:
        reasons = [e.detail["reason"] for e in s.scalars(select(Event).where(Event.kind == "decision.unverified"))]
    assert reasons == ["no_token"]

    dovecot.append(decision(review, "editor@example.test", "通过", "<genuine@example.test>", threaded=True))
    approved = smtp_sink.wait_for(4, timeout=60)[3].message
    assert approved["To"] == submission.contributor_addr and "稿件已采用" in str(approved["Subject"])
    system.wait(lambda: system.submissions()[0].status == "approved", what="the approval")
