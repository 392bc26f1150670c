"""A contributor's reply with the missing phone completes the submission and sends it for review."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "05-missing-phone.eml"


def reply_to(notice: EmailMessage, sender: str, body: str) -> bytes:
    """The contributor's reply as a 163 webmail user writes it: new text on top, the notice quoted below."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = str(notice["From"])
    msg["Subject"] = "回复：" + str(notice["Subject"])
    msg["Message-ID"] = "<reply-1.followup@163.com>"
    msg["In-Reply-To"] = str(notice["Message-ID"])
    msg["References"] = str(notice["Message-ID"])
    msg["Date"] = formatdate(localtime=True)
    quoted = "\n".join("> " + line for line in notice.get_body(("plain",)).get_content().splitlines())
    msg.set_content(f"{body}\n\n在 2026-11-26 10:00:00，\"投稿邮箱\" <{notice['From']}> 写道：\n{quoted}\n")
    return msg.as_bytes()


def test_reply_with_missing_phone_completes_the_submission(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    system.worker()
    system.poller()
    dovecot.append(SAMPLE.read_bytes())
    [incomplete] = [e.message for e in smtp_sink.wait_for(1, timeout=30)]
    assert "请补充" in str(incomplete["Subject"])
    [submission] = system.submissions()
    assert submission.status == "incomplete" and submission.missing == ["phone"]
    assert submission.tracking_id in str(incomplete["Subject"])

    contributor = submission.contributor_addr
    dovecot.append(reply_to(incomplete, contributor, "您好，补充联系电话：139 1234 5678。谢谢！"))
    smtp_sink.wait_for(3, timeout=30)

    mails = smtp_sink.messages()
    to_contributor = [m for m in mails if m["To"] == contributor]
    to_reviewer = [m for m in mails if m["To"] == "editor@example.test"]
    assert len(to_contributor) == 2 and len(to_reviewer) == 1
    assert "来稿已收到" in str(to_contributor[1]["Subject"])
    [submission] = system.submissions()
    assert submission.status == "pending_review" and submission.revision == 2
    assert submission.phone == "13912345678"
    assert submission.tracking_id in str(to_reviewer[0]["Subject"])
    assert to_contributor[1]["In-Reply-To"] == "<reply-1.followup@163.com>"


def own_mail_reply(original: bytes, sender: str, body: str) -> bytes:
    """The contributor opens 已发送, replies to their own mail: In-Reply-To is their first Message-ID."""
    from email import message_from_bytes

    first = message_from_bytes(original)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = str(first["To"])
    msg["Subject"] = "回复：" + "补充联系电话"
    msg["Message-ID"] = "<own-reply-1.followup@163.com>"
    msg["In-Reply-To"] = str(first["Message-ID"])
    msg["Date"] = formatdate(localtime=True)
    msg.set_content(body)
    return msg.as_bytes()


def test_reply_to_own_sent_mail_completes_the_submission(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    """No tracking id and no notice id: the submission's own Message-ID in In-Reply-To is enough."""
    system.worker()
    system.poller()
    original = SAMPLE.read_bytes()
    dovecot.append(original)
    smtp_sink.wait_for(1, timeout=30)
    [submission] = system.submissions()
    dovecot.append(own_mail_reply(original, submission.contributor_addr, "补充联系电话：139 1234 5678"))
    smtp_sink.wait_for(3, timeout=30)
    [submission] = system.submissions()
    assert submission.status == "pending_review" and submission.phone == "13912345678"
