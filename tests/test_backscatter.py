"""Rejections to senders never seen before are capped, on SQLite and PostgreSQL (intake.backscatter).

A capped rejection keeps its outcome and reason, sends nothing, says why in `warnings`,
and its message still ends processed.
"""

from __future__ import annotations

from sqlalchemy import select

from intake.tables import Event, Message
from tests.trust_support import (
    ARTICLE,
    NO_PHONE,
    RuntimeFactory,
    ingest,
    kinds,
    make,
    outbox,
    runtime_factory,
)

__all__ = ["runtime_factory"]  # fixtures


def stranger(n: int) -> bytes:
    return make(sender=f"stranger{n}@spam.example", manuscript=None, body="请查收", subject="稿件", msgid=f"<s{n}@x>")


def test_rejections_to_unknown_senders_stop_at_the_hourly_cap(runtime_factory: RuntimeFactory) -> None:
    """Cap 2: the third stranger's no_manuscript rejection is not sent (rejection_not_sent_rate_limited)."""
    runtime = runtime_factory(unknown_sender_rejections_per_hour="2")
    results = [ingest(runtime, stranger(n)) for n in range(3)]
    assert [(r["outcome"], r["reason"]) for r in results] == [("rejected", "no_manuscript")] * 3
    assert [len(r["notifications"]) for r in results] == [1, 1, 0]
    assert results[2]["warnings"] == ["rejection_not_sent_rate_limited"]
    assert [m["To"] for m in outbox(runtime)] == ["stranger0@spam.example", "stranger1@spam.example"]
    with runtime.store.session() as s:
        assert {m.status for m in s.scalars(select(Message))} == {"processed"}
        kinds_ = [e.kind for e in s.scalars(select(Event).order_by(Event.id))]
        assert kinds_.count("notice.rejection_to_unknown_sender") == 2
        assert kinds_.count("notice.rejection_not_sent") == 1


def test_known_senders_are_neither_capped_nor_counted(runtime_factory: RuntimeFactory) -> None:
    """Cap 1: a contributor with a submission still gets rejections; the stranger after the first does not."""
    runtime = runtime_factory(unknown_sender_rejections_per_hour="1")
    ingest(runtime, make(manuscript=NO_PHONE + ARTICLE))  # a@163.com is now known (incomplete submission)
    assert len(ingest(runtime, stranger(0))["notifications"]) == 1
    known = ingest(runtime, make(manuscript=None, body="请查收", subject="稿件二", msgid="<m9@163.com>"))
    assert kinds(known) == [("rejection", ["a@163.com"])]
    assert ingest(runtime, stranger(1))["warnings"] == ["rejection_not_sent_rate_limited"]


def test_no_rejections_to_unknown_senders_at_all_when_switched_off(runtime_factory: RuntimeFactory) -> None:
    """INTAKE_REJECT_UNKNOWN_SENDERS=false: rejected, nothing sent, rejection_not_sent_unknown_sender."""
    runtime = runtime_factory(reject_unknown_senders="false")
    result = ingest(runtime, stranger(0))
    assert (result["outcome"], result["reason"], result["notifications"]) == ("rejected", "no_manuscript", [])
    assert result["warnings"] == ["rejection_not_sent_unknown_sender"]
    assert outbox(runtime) == []
    again = ingest(runtime, stranger(0))
    assert (again["outcome"], again["reason"], again["notifications"]) == ("duplicate", "already_processed", [])
    assert outbox(runtime) == [], "a redelivery sends nothing either"


def test_acknowledgements_are_never_capped(runtime_factory: RuntimeFactory) -> None:
    """The cap is for rejections only: a new contributor's complete submission is acknowledged."""
    runtime = runtime_factory(reject_unknown_senders="false")
    assert kinds(ingest(runtime, make()))[0] == ("acknowledgement", ["a@163.com"])
