"""Two revisions of one submission recorded at once (SQLite and PostgreSQL): the one that loses
the race to record is routed again on the new state, so revisions are numbered 2 and 3, each
with its own notices; nothing is lost or answered twice. A tracking id reserved by a mail that
then records nothing (a crash, a lost race) leaves a gap, never a number used twice.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from intake import failpoints
from intake.runtime import Runtime
from intake.tables import Notice, Submission
from tests.trust_support import ARTICLE, LABELS, ingest, make, runtime, runtime_factory

__all__ = ["runtime", "runtime_factory"]  # fixtures


def revision(n: int, tracking_id: str) -> bytes:
    return make(msgid=f"<rev{n}@163.com>", subject=f"Re: {tracking_id} 修改稿{n}",
                manuscript=LABELS + ARTICLE + f"第{n}次修改补充了一段新的内容。" * 3)


def test_a_revision_that_loses_the_race_is_routed_again(runtime: Runtime) -> None:
    first = ingest(runtime, make())
    tracking_id = first["tracking_id"]
    assert first["outcome"] == "accepted"
    results: dict[str, Any] = {}

    def record_the_other_first() -> None:  # once: while revision 1 waits to record, revision 2 is recorded
        failpoints._CALLBACKS.pop("before_record", None)
        results["second"] = ingest(runtime, revision(2, tracking_id))

    with failpoints.on("before_record", record_the_other_first):
        results["first"] = ingest(runtime, revision(1, tracking_id))
    assert results["second"]["tracking_id"] == results["first"]["tracking_id"] == tracking_id
    with runtime.store.session() as s:
        sub = s.scalars(select(Submission).where(Submission.tracking_id == tracking_id)).one()
        assert sub.revision == 3
        keys = [n.idempotency_key for n in s.scalars(select(Notice).where(Notice.submission_id == sub.id))]
    assert len(keys) == len(set(keys))
    acks = [k for k in keys if "acknowledgement" in k]
    assert len(acks) == 3, keys  # the first mail and both revisions, each answered once


def test_a_reserved_tracking_id_left_unused_is_a_gap_not_a_repeat(runtime: Runtime) -> None:
    """A new submission whose record transaction fails after reserving its id: the next gets a new one."""
    def fail() -> None:
        raise RuntimeError("crash before recording")

    with failpoints.on("before_record", fail), pytest.raises(RuntimeError):
        ingest(runtime, make(msgid="<gap1@163.com>"))
    later = ingest(runtime, make(msgid="<gap2@163.com>", sender="另一位 <b@163.com>",
                                 manuscript=LABELS + ARTICLE + "另一篇稿件的不同内容。" * 20))
    assert later["tracking_id"].endswith("-0002")
