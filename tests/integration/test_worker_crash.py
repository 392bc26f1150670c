"""A worker killed -9 in the middle of a mail: another worker answers it within seconds, once.

Celery's task stays unacknowledged in Redis until the visibility timeout (hours); what brings the
mail back is the message's lease in the database running out and the sweeper handing it on.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_a_worker_killed_while_processing_is_replaced_within_30_seconds(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    crashing = system.worker(name="crashing", env_extra={"INTAKE_FAILPOINTS": "after_claim"})
    system.poller()
    dovecot.append((EXAMPLES / "05-missing-phone.eml").read_bytes())
    system.wait(lambda: not crashing.alive(), 30, "the worker to die holding the message")
    assert [m.status for m in system.messages()] == ["received"]

    system.worker(name="recovering")
    up = time.monotonic()
    [answer] = [e.message for e in smtp_sink.wait_for(1, timeout=30)]
    assert time.monotonic() - up < 30
    assert str(answer["Subject"]).startswith("【请补充稿件信息】")
    system.wait(lambda: [m.status for m in system.messages()] == ["processed"], 10, "the message to be processed")
    time.sleep(2)
    assert len(smtp_sink.envelopes) == 1  # answered once


def test_a_notice_whose_sender_was_killed_is_sent_by_another_worker_within_30_seconds(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    crashing = system.worker(name="crashing", env_extra={"INTAKE_FAILPOINTS": "before_smtp"})
    system.poller()
    dovecot.append((EXAMPLES / "05-missing-phone.eml").read_bytes())
    system.wait(lambda: not crashing.alive(), 30, "the worker to die holding the notice")
    assert [n.status for n in system.notices()] == ["pending"]

    system.worker(name="recovering")
    up = time.monotonic()
    smtp_sink.wait_for(1, timeout=30)
    assert time.monotonic() - up < 30
    system.wait(lambda: [n.status for n in system.notices()] == ["sent"], 10, "the notice to be recorded as sent")
    time.sleep(2)
    assert len(smtp_sink.envelopes) == 1
