"""Duplicate and near-duplicate manuscripts, end to end through the store on SQLite and PostgreSQL.

The store finds candidates through indexes (content hash; 16 band keys per submission) and
hands them to the duplicate rule as values; the rule confirms a near one by Jaccard >= 0.9.
"""

from __future__ import annotations

import random
from typing import Any

from alembic import command
from sqlalchemy import func, inspect, select, text

from intake.drafts import stored_body_text
from intake.runtime import Runtime
from intake.similarity import band_keys, jaccard
from intake.store.migrate import alembic_config, upgrade
from intake.tables import Message, Submission, SubmissionBand
from tests.trust_support import LABELS, ingest, make, runtime, runtime_factory

__all__ = ["runtime", "runtime_factory"]  # fixtures

_WORDS = ("机关党建", "青年干部", "读书分享", "志愿服务", "理论学习", "作风建设", "调查研究", "基层治理",
          "为民办事", "主题党日", "廉政教育", "业务培训", "防汛演练", "社区走访", "政务公开", "数字政府")


def article(seed: int, sentences: int = 30) -> list[str]:
    """Distinct sentences of our own, different for every seed."""
    rnd = random.Random(seed)
    return [f"{rnd.choice(_WORDS)}{rnd.randint(10, 99)}次，{rnd.choice(_WORDS)}与{rnd.choice(_WORDS)}"
            f"同步推进，覆盖{rnd.randint(100, 999)}人，{rnd.choice(_WORDS)}取得{rnd.choice(_WORDS)}成效。"
            for _ in range(sentences)]


def submit(rt: Runtime, sentences: list[str], n: int) -> dict[str, Any]:
    return ingest(rt, make(sender=f"投稿人{n} <c{n}@163.com>", msgid=f"<dup{n}@163.com>",
                           manuscript=LABELS + "\n".join(sentences), subject=f"投稿{n}"))


def test_a_near_copy_is_a_duplicate_naming_the_first(runtime: Runtime) -> None:
    """One sentence in thirty rewritten: duplicate of the first, with its similarity; another article is not."""
    first = article(1)
    near = [*first[:-1], "这一句是改写后的结尾，内容与原文不同。"]
    assert 0.9 <= jaccard("".join(first), "".join(near)) < 1.0
    a = submit(runtime, first, 1)
    b = submit(runtime, near, 2)
    c = submit(runtime, article(2), 3)
    assert a["outcome"] == "accepted" and c["outcome"] == "accepted"
    assert (b["outcome"], b["reason"], b["tracking_id"]) == ("duplicate", "duplicate", None)
    with runtime.store.session() as s:
        assert s.scalar(select(func.count()).select_from(SubmissionBand)) == 16 * 2  # the two accepted
        sub = s.scalars(select(Submission).where(Submission.tracking_id == a["tracking_id"])).one()
        keys = s.scalars(select(SubmissionBand.key).where(SubmissionBand.submission_id == sub.id)
                         .order_by(SubmissionBand.band)).all()
        assert tuple(keys) == band_keys(stored_body_text(sub.draft or {}))
        events = [m.result for m in s.scalars(select(Message).where(Message.outcome == "duplicate"))]
    assert events and events[0]["notifications"], "the contributor is told which submission it duplicates"


def test_the_exact_same_text_is_a_duplicate_with_similarity_one(runtime: Runtime) -> None:
    """Same text from another sender (reformatted spacing): duplicate, similarity 1.0."""
    first = article(7)
    submit(runtime, first, 1)
    again = submit(runtime, [s.replace("，", "， ") for s in first], 2)
    assert (again["outcome"], again["reason"]) == ("duplicate", "duplicate")


def test_a_revision_replaces_the_band_keys(runtime: Runtime) -> None:
    """A revision (half the article rewritten) is indexed by its new text, not the old."""
    first = article(3)
    revised = first[:15] + article(4)[:15]
    a = submit(runtime, first, 1)
    with runtime.store.session() as s:
        sub = s.scalars(select(Submission).where(Submission.tracking_id == a["tracking_id"])).one()
        before = set(s.scalars(select(SubmissionBand.key).where(SubmissionBand.submission_id == sub.id)))
    follow = ingest(runtime, make(sender="投稿人1 <c1@163.com>", msgid="<dup1-v2@163.com>",
                                  subject=f"Re: {a['tracking_id']} 修改稿", manuscript=LABELS + "\n".join(revised)))
    assert follow["tracking_id"] == a["tracking_id"]
    with runtime.store.session() as s:
        sub = s.get_one(Submission, sub.id)
        after = set(s.scalars(select(SubmissionBand.key).where(SubmissionBand.submission_id == sub.id)))
        assert sub.revision == 2 and after == set(band_keys(stored_body_text(sub.draft or {})))
    assert len(after) == 16 and after != before


def test_the_migration_indexes_submissions_stored_before_it(runtime: Runtime) -> None:
    """Back at 0004 (no band table) with submissions stored, upgrading writes each one's 16 band keys."""
    submit(runtime, article(5), 1)
    submit(runtime, article(6), 2)
    engine = runtime.store.engine
    with engine.connect() as conn:
        indexed = sorted(conn.execute(text("SELECT submission_id, band, key FROM submission_bands")).all())
    command.downgrade(alembic_config(engine), "0004_blobs")
    assert "submission_bands" not in inspect(engine).get_table_names()
    upgrade(engine)
    with engine.connect() as conn:
        assert sorted(conn.execute(text("SELECT submission_id, band, key FROM submission_bands")).all()) == indexed
    assert len(indexed) == 32
