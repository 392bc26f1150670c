"""The poller never loses a mail and never answers one twice, whatever moment it is killed at."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLE = EXAMPLES / "01-docx-with-photos.eml"
OTHER = EXAMPLES / "03-body-only-article.eml"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
ACCEPTED = sorted(CORPUS.glob("0[1-4]-*.eml"))  # four different, complete submissions


def settle(sink: Any, expected: int, quiet: float = 2.0) -> None:
    """Wait for `expected` mails, then make sure no more arrive for `quiet` seconds."""
    sink.wait_for(expected, timeout=30)
    time.sleep(quiet)
    assert len(sink.envelopes) == expected, [e.message["Subject"] for e in sink.envelopes]


def assert_once(system: Deployment, dovecot: Any) -> None:
    assert len(system.messages()) == 1
    assert len(system.submissions()) == 1
    assert sorted(n.kind for n in system.notices()) == ["acknowledgement", "review_request"]
    assert all(n.status == "sent" for n in system.notices())
    system.wait(lambda: dovecot.uids("INBOX") == [] and len(dovecot.uids("Processed")) == 1, 15,
                "the mail to be filed in Processed")


@pytest.mark.parametrize("point", ["after_fetch", "after_blob", "after_row", "after_enqueue"])
def test_kill_9_at_any_step_loses_nothing_and_answers_once(
    point: str, system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    """kill -9 after FETCH, after the raw store, after the message row, after enqueue (before MOVE)."""
    system.worker()
    dovecot.append(SAMPLE.read_bytes())
    crashing = system.poller("crashing", {"INTAKE_FAILPOINTS": point})
    assert crashing.wait(30) == -signal.SIGKILL
    assert dovecot.uids("INBOX") != []  # nothing was filed away by the dead poller

    system.poller("restarted")
    settle(smtp_sink, 2)
    assert_once(system, dovecot)


def test_poller_survives_a_dovecot_restart_while_idling(
    system: Deployment, dovecot_private: Any, smtp_sink: Any
) -> None:
    """Dovecot restarted under an IDLE poller: it reconnects and processes what arrived meanwhile."""
    system.env["INTAKE_MAILBOX_URL"] = dovecot_private.url("INBOX")
    system.worker()
    system.poller()
    system.wait(lambda: _polled(system), 15, "the first poll")
    dovecot_private.stop()
    dovecot_private.start()
    dovecot_private.append(SAMPLE.read_bytes())
    settle(smtp_sink, 2)
    assert_once(system, dovecot_private)


def test_uidvalidity_change_answers_nobody_twice(
    system: Deployment, dovecot_private: Any, smtp_sink: Any
) -> None:
    """A mail processed but not yet moved gets a new UID under a new UIDVALIDITY: no second answer."""
    system.env["INTAKE_MAILBOX_URL"] = dovecot_private.url("INBOX")
    system.worker()
    dovecot_private.append(SAMPLE.read_bytes())
    crashing = system.poller("crashing", {"INTAKE_FAILPOINTS": "after_enqueue"})
    assert crashing.wait(30) == -signal.SIGKILL
    smtp_sink.wait_for(2, timeout=30)
    old, new = dovecot_private.reset_uidvalidity("INBOX")
    assert old != new

    system.poller("after-reset")
    dovecot_private.append(OTHER.read_bytes())
    settle(smtp_sink, 4)
    assert len(system.messages()) == 2
    assert len({n.idempotency_key for n in system.notices()}) == 4
    system.wait(lambda: dovecot_private.uids("INBOX") == [], 15, "the INBOX to be emptied")


def test_two_pollers_process_every_mail_once_and_the_standby_takes_over(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    """Two pollers, one Redis lease: each mail once; kill -9 the active one and the standby goes on within 10 s."""
    system.worker()
    first = system.poller("first")
    system.wait(lambda: _polled(system), 15, "the first poller to hold the lease")
    second = system.poller("second")
    for sample in ACCEPTED[:3]:
        dovecot.append(sample.read_bytes())
    settle(smtp_sink, 6)

    active, standby = _active(system, first, second)
    active.kill()
    active.wait(5)
    killed_at = time.monotonic()
    dovecot.append(ACCEPTED[3].read_bytes())
    smtp_sink.wait_for(8, timeout=20)
    assert time.monotonic() - killed_at < 10 + 1.0  # Dovecot's IDLE notice takes ~0.5 s of that
    assert standby.poll() is None
    settle(smtp_sink, 8)
    assert len(system.messages()) == 4
    assert len(system.submissions()) == 4


def _active(system: Deployment, first: Any, second: Any) -> tuple[Any, Any]:
    import redis

    client = redis.Redis.from_url(system.env["INTAKE_BROKER_URL"])
    holder = client.get("intake:poller-lease:default")
    assert holder is not None
    for proc, other in ((first, second), (second, first)):
        log = next(system.logs.glob(f"{'first' if proc is first else 'second'}-*.log")).read_text()
        if "lease intake:poller-lease:default acquired" in log:
            return proc, other
    raise AssertionError("no poller says it holds the lease")


def _polled(system: Deployment) -> bool:
    from sqlalchemy import select

    from intake.tables import MailboxState

    with system.store.session() as s:
        return s.scalar(select(MailboxState.last_poll_at)) is not None


def test_two_pollers_mail_ops_about_an_alarm_once(system: Deployment, dovecot: Any, smtp_sink: Any) -> None:
    """Alarms (and the monthly table) come from the poller that holds the operations lease only: with a
    quarantined message and two pollers evaluating alarms, ops get one mail."""
    from intake.tables import Message

    with system.store.session() as s:
        s.add(Message(mailbox="default", message_id_header="<stuck@163.com>", sha256="0" * 64, size_bytes=1,
                      status="failed", attempts=5, error="RuntimeError: test"))
    ops = {"INTAKE_OPS_ADDRESS": "ops@example.test"}
    system.poller("first", ops)
    system.poller("second", ops)
    smtp_sink.wait_for(1, timeout=20)
    time.sleep(8)  # both pollers have made their first evaluation (5 s after start) by now
    alarms = [e for e in smtp_sink.envelopes if e.rcpt_tos == ["ops@example.test"]]
    assert len(alarms) == 1, [str(e.message["Subject"]) for e in alarms]
    assert "quarantine" in str(alarms[0].message["Subject"])
