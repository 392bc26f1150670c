"""A submission appended to a real IMAP mailbox ends as two mails in a real SMTP server."""

from __future__ import annotations

import time
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "01-docx-with-photos.eml"


def _by_kind(messages: list[EmailMessage]) -> dict[str, EmailMessage]:
    out = {}
    for msg in messages:
        subject = str(msg["Subject"])
        out["review_request" if subject.startswith("【待审稿件】") else "contributor"] = msg
    return out


def test_docx_submission_is_acknowledged_and_sent_for_review(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    """APPEND → poller (IDLE) → Redis → Celery worker → acknowledgement and review request in the sink."""
    system.worker()
    system.poller()
    system.wait(lambda: bool(system.messages()) or _idle_ready(system), 15, "the poller to start")
    dovecot.append(SAMPLE.read_bytes())

    smtp_sink.wait_for(2, timeout=30)
    mails = _by_kind(smtp_sink.messages())
    assert set(mails) == {"contributor", "review_request"}

    [submission] = system.submissions()
    assert submission.status == "pending_review"
    ack, review = mails["contributor"], mails["review_request"]
    assert submission.tracking_id in str(ack["Subject"]) and submission.tracking_id in str(review["Subject"])
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["To"] == submission.contributor_addr
    assert review["To"] == "editor@example.test"
    original_id = system.messages()[0].message_id_header
    assert ack["In-Reply-To"] == original_id
    attachments = [part.get_filename() for part in review.iter_attachments()]
    assert "draft.html" in attachments

    system.wait(lambda: dovecot.uids("INBOX") == [] and len(dovecot.uids("Processed")) == 1, 10,
                "the mail to be moved to Processed")
    assert [n.status for n in system.notices()] == ["sent", "sent"]
    assert [m.status for m in system.messages()] == ["processed"]

    started = time.monotonic()
    system.stop_pollers()  # SIGTERM: finish the current message, log out, exit 0
    assert [p.returncode for p in system.pollers] == [0]
    assert time.monotonic() - started < 10


def _idle_ready(system: Deployment) -> bool:
    from sqlalchemy import select

    from intake.tables import MailboxState

    with system.store.session() as s:
        return s.scalar(select(MailboxState.last_poll_at)) is not None
