#!/usr/bin/env python3
"""Benchmark: the duplicate check's cost per mail as the archive grows (1,000 → 100,000 submissions).

For each archive size the store is seeded with that many pending submissions inside the 90-day
window (each with a stored draft of ~600 characters, a content hash, a simhash and 16 band
keys), one of them a planted article. Then `--probes` mails are checked the way a worker checks
one (`intake.service._priors`: the indexed candidate query, then the duplicate rule's Jaccard
confirmation): half are near copies of the planted article (must be found), half new articles
(must not). Beside it, in the same run and on the same rows, the check as it was before the
index (the floor of a plain scan): load every submission of the window, compare content hashes,
then the simhash Hamming distance, then Jaccard on the near ones.

Background rows are unrelated articles, so their hashes and keys are what unrelated text gives:
uniformly random values (drawn, not computed, so seeding 100,000 rows takes seconds).

    .venv/bin/python bench/dedupe.py [--sizes 1000,10000,100000] [--db postgresql|sqlite|both]
                                     [--probes 40] [--no-scan]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import servers  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from intake.config import load_settings  # noqa: E402
from intake.drafts import stored_body_text  # noqa: E402
from intake.models import Block, Draft, Extraction  # noqa: E402
from intake.rules.duplicate import match  # noqa: E402
from intake.service import _DUPLICATE_OF, _priors  # noqa: E402
from intake.similarity import band_keys, content_hash, hamming, jaccard, simhash  # noqa: E402
from intake.store import Store  # noqa: E402
from intake.tables import Message, Submission, SubmissionBand, utcnow  # noqa: E402

WORDS = ("机关党建", "青年干部", "读书分享", "志愿服务", "理论学习", "作风建设", "调查研究", "基层治理",
         "为民办事", "主题党日", "廉政教育", "业务培训", "防汛演练", "社区走访", "政务公开", "数字政府")


def article(rnd: random.Random, sentences: int = 30) -> str:
    return "".join(f"{rnd.choice(WORDS)}{rnd.randint(10, 99)}次，{rnd.choice(WORDS)}与{rnd.choice(WORDS)}同步推进，"
                   f"覆盖{rnd.randint(100, 999)}人。" for _ in range(sentences))


def near_copy(rnd: random.Random, text: str) -> str:
    """One sentence of thirty rewritten."""
    parts = text.split("。")
    parts[rnd.randrange(len(parts) - 1)] = "本句已由作者改写，内容与原稿不同"
    return "。".join(parts)


def signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def seed(store: Store, n: int, planted: str, rnd: random.Random) -> None:
    """n pending submissions in the window, the planted article among them."""
    now = utcnow()
    at = rnd.randrange(n)
    with store.session() as s:
        for start in range(0, n, 5000):
            count = min(5000, n - start)
            messages, subs, bands = [], [], []
            for i in range(start, start + count):
                text = planted if i == at else article(rnd)
                real = i == at
                messages.append({"id": i + 1, "mailbox": "bench", "message_id_header": f"<b{i}@bench>",
                                 "sha256": f"{i:064x}", "size_bytes": 1000, "sender": "", "subject": "",
                                 "status": "processed"})
                subs.append({"id": i + 1, "tracking_id": f"TG-BENCH-{i:07d}", "first_message_id": i + 1,
                             "status": "pending_review", "outcome": "accepted", "contributor_addr": f"c{i}@163.com",
                             "content_hash": content_hash(text) if real else f"{rnd.getrandbits(256):064x}",
                             "simhash": simhash(text) if real else signed(rnd.getrandbits(64)),
                             "draft": {"blocks": [{"kind": "paragraph", "text": text}]},
                             "created_at": now - timedelta(days=rnd.uniform(0, 80)), "updated_at": now})
                keys = band_keys(text) if real else [signed(rnd.getrandbits(64)) for _ in range(16)]
                bands.extend({"submission_id": i + 1, "band": b, "key": k} for b, k in enumerate(keys))
            s.execute(insert(Message), messages)
            s.execute(insert(Submission), subs)
            s.execute(insert(SubmissionBand), bands)


def scan(store: Store, text: str, days: int) -> str | None:
    """The check before the index: every submission of the window, hash, then simhash, then Jaccard."""
    since = utcnow() - timedelta(days=days)
    digest, sig = content_hash(text), simhash(text)
    with store.session() as s:
        rows = s.execute(select(Submission.tracking_id, Submission.content_hash, Submission.simhash, Submission.id)
                         .where(Submission.status.in_(_DUPLICATE_OF), Submission.created_at >= since)
                         .order_by(Submission.id)).all()
        for tracking_id, chash, _sig, _id in rows:
            if chash == digest:
                return tracking_id
        for tracking_id, _chash, other, sub_id in rows:
            if other is None or hamming(sig, other) > 12:
                continue
            stored = s.get_one(Submission, sub_id).draft
            if stored and jaccard(text, stored_body_text(stored)) >= 0.9:
                return tracking_id
    return None


def indexed(store: Store, settings: object, text: str) -> str | None:
    draft = Draft(title=None, source_unit=None, authors=(), authors_found_in=None,
                  blocks=(Block("paragraph", text),), photos=(), manuscript="稿件.docx", manuscript_format="docx")
    prior = match(text, _priors(store, settings, Extraction(draft)))  # type: ignore[arg-type]
    return prior.tracking_id if prior else None


@contextlib.contextmanager
def database(kind: str, tmp: Path, n: int) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp / f'dedupe-{n}.sqlite3'}"
    else:
        with servers.postgres_url() as url:
            yield url


def run(kind: str, n: int, probes: int, do_scan: bool, tmp: Path) -> dict[str, float]:
    rnd = random.Random(n)
    planted = article(rnd)
    with database(kind, tmp, n) as url:
        store = Store(url, tmp / f"data-{kind}-{n}")
        store.upgrade()
        settings = load_settings({"INTAKE_DATA_DIR": str(tmp), "INTAKE_DATABASE_URL": url})
        started = time.perf_counter()
        seed(store, n, planted, rnd)
        seeded = time.perf_counter() - started
        texts = [near_copy(rnd, planted) if i % 2 == 0 else article(rnd) for i in range(probes)]
        truth = [(text, jaccard(text, planted) >= 0.9) for text in texts]  # the definition, measured
        figures: dict[str, float] = {"seed_s": seeded}
        for name, check in (("indexed", lambda t: indexed(store, settings, t)),
                            ("scan", lambda t: scan(store, t, settings.duplicate_window_days))):
            if name == "scan" and not do_scan:
                continue
            times, wrong = [], 0
            for text, is_dup in truth:
                t0 = time.perf_counter()
                found = check(text)
                times.append(time.perf_counter() - t0)
                wrong += (found is not None) != is_dup
            figures[f"{name}_ms"] = statistics.median(times) * 1000
            figures[f"{name}_wrong"] = wrong
        store.dispose()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--db", choices=("postgresql", "sqlite", "both"), default="both")
    parser.add_argument("--probes", type=int, default=40)
    parser.add_argument("--no-scan", action="store_true", help="skip the plain scan (the floor) at every size")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    kinds = ["postgresql", "sqlite"] if args.db == "both" else [args.db]
    failed = False
    print(f"{'db':<11}{'stored':>9}{'seed s':>8}{'indexed ms/mail':>17}{'scan ms/mail':>14}{'wrong':>7}")
    for kind in kinds:
        base = None
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                f = run(kind, n, args.probes, not args.no_scan, Path(tmp))
                base = base or f["indexed_ms"]
                wrong = f"{int(f['indexed_wrong'])}/{int(f.get('scan_wrong', 0))}"
                failed |= f["indexed_wrong"] > 0
                scan_ms = f"{f['scan_ms']:.2f}" if "scan_ms" in f else "-"
                print(f"{kind:<11}{n:>9}{f['seed_s']:>8.1f}{f['indexed_ms']:>12.2f} x{f['indexed_ms'] / base:<4.2f}"
                      f"{scan_ms:>14}{wrong:>7}", flush=True)
    print("indexed: median ms per mail (x: relative to the smallest archive); wrong: probes misjudged, "
          "indexed/scan")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
