"""A backlog does not hold the answers back: sends have a queue of their own, served in turn.

With one FIFO queue, a backlog of N mails is read to the end before the first acknowledgement
leaves (every send task queues behind the ingests). Real Dovecot, Redis, a real Celery worker
(solo pool, so one task at a time) and an aiosmtpd sink.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.chaos.mails import build_mails
from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

MAILS = 24


def test_the_first_answers_leave_while_the_backlog_is_still_being_read(
    system: Deployment, dovecot: Any, smtp_sink: Any,
) -> None:
    """24 mails in the INBOX, then the poller and one solo worker: the first contributor's answer
    arrives while most of the backlog is still unread, and everyone is answered once in the end."""
    mails = build_mails(MAILS, seed=5, to="tougao@example.test", tag="queues")
    for mail in mails:
        dovecot.append(mail.raw)
    system.poller()
    system.wait(lambda: len(system.messages()) == MAILS, 60, "the poller to store the backlog")
    system.worker(name="solo")  # the solo pool: one task at a time
    smtp_sink.wait_for(1, timeout=120)
    waiting = sum(m.status == "received" for m in system.messages())
    assert waiting >= MAILS // 2, f"the first answer came after {MAILS - waiting} of {MAILS} mails were read"
    system.wait(lambda: all(m.status == "processed" for m in system.messages()), 180, "every mail to be read")
    system.wait(lambda: all(n.status == "sent" for n in system.notices()), 60, "every notice to be sent")
    answered = [str(env.rcpt_tos[0]).lower() for env in smtp_sink.envelopes
                if {mail.contributor for mail in mails} & {str(r).lower() for r in env.rcpt_tos}]
    assert sorted(answered) == sorted(mail.contributor for mail in mails)  # each contributor once
