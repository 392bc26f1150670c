"""A worker killed in the middle of sending leaves no notice unsent and none sent twice under another Message-ID."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "01-docx-with-photos.eml"


def test_worker_killed_after_smtp_accepted_the_mail(system: Deployment, dovecot: Any, smtp_sink: Any) -> None:
    """kill -9 between the SMTP server's 250 and recording "sent": the sweeper resends the identical mail."""
    system.env["INTAKE_SEND_CLAIM_SECONDS"] = "3"
    crashing = system.worker(name="crashing", env_extra={"INTAKE_FAILPOINTS": "after_smtp"})
    system.poller()
    dovecot.append(SAMPLE.read_bytes())
    smtp_sink.wait_for(1, timeout=30)
    system.wait(lambda: not crashing.alive(), 10, "the worker to kill itself after the SMTP 250")

    system.worker(name="recovering")
    system.wait(lambda: [n.status for n in system.notices()] == ["sent", "sent"], 40,
                "every notice to be sent")
    ids = Counter(str(e.message["Message-ID"]) for e in smtp_sink.envelopes)
    assert set(ids) == {n.message_id_header for n in system.notices()}
    assert len(smtp_sink.envelopes) <= 3  # at most the one interrupted mail again, with the same Message-ID
    resent = [e.content for e in smtp_sink.envelopes if ids[str(e.message["Message-ID"])] > 1]
    assert len(set(resent)) <= 1  # a resend is byte-for-byte the same mail
