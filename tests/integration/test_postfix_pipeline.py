"""Every notice we build goes through a strict, real MTA: Postfix on loopback relaying to the sink.

Postfix here refuses bare LF, over-size mail, 8-bit bodies without an 8-bit transfer encoding and
non-FQDN addresses (tests/postfix.py). The file outbox would accept anything; this is the check
that our mail is what real servers take.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.runtime import build_runtime
from intake.tables import Notice
from tests.test_wire import MAILS, _forwarded_submission

pytestmark = pytest.mark.integration


def test_every_notice_of_every_sample_passes_a_strict_postfix(postfix_smtp: Any, smtp_sink: Any,
                                                              tmp_path: Path) -> None:
    rt = build_runtime(load_settings({
        "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SMTP_URL": postfix_smtp.url,
        "INTAKE_REVIEWERS": "editor@example.test", "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test",
        "INTAKE_RATE_LIMIT_PER_HOUR": "1000"}))
    raws = [p.read_bytes() for p in MAILS if p.parent.name == "examples"] + [_forwarded_submission()]
    for raw in raws:
        message_id, _ = rt.store.record_message(raw, "test")
        rt.ingest(message_id)
    with rt.store.session() as s:
        notices = list(s.scalars(select(Notice)))
    failed = [(n.kind, n.recipients, n.last_error) for n in notices if n.status != "sent"]
    assert failed == []
    delivered = smtp_sink.wait_for(len(notices), timeout=60)
    assert len(delivered) == len(notices) >= 20
    kinds = {n.kind for n in notices}
    assert {"acknowledgement", "incomplete", "rejection", "review_request"} <= kinds
    sent = {n.message_id_header for n in notices}
    assert {str(e.message["Message-ID"]) for e in delivered} == sent  # each arrived, once
