#!/usr/bin/env python3
"""Score the whole evaluation (parse → classify → extract → rules → decide) on blind batches.

    .venv/bin/python tests/data/blind/score.py [batch1 batch2 …] [--errors]

Prints one line per batch: outcome and per-field accuracy over the labelled mails (fields of
ignored and rejected mails are not scored, as in tests/test_corpus_accuracy.py), then with
--errors every mismatch. The same scoring as the CI test tests/test_blind_accuracy.py.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parents[2]))

from intake.mail import parse_mail  # noqa: E402
from intake.pipeline import evaluate  # noqa: E402

FIELDS = ("title", "source_unit", "authors", "phone", "reviewer", "photo_count", "captions", "missing")
REQUIRED = ("title", "source_unit", "authors", "phone")


def observed(raw: bytes) -> dict[str, Any]:
    ev = evaluate(parse_mail(raw), len(raw), "tougao@localhost", REQUIRED, 50 * 1024 * 1024)
    d = ev.draft
    return {
        "outcome": ev.outcome.value, "reason": ev.reason.code if ev.reason else None, "missing": ev.missing,
        "title": d.field("title") if d else None, "source_unit": d.field("source_unit") if d else None,
        "authors": list(d.authors) if d else [], "phone": d.field("phone") if d else None,
        "reviewer": d.field("reviewer") if d else None, "photo_count": len(d.photos) if d else 0,
        "captions": [p.caption for p in d.photos] if d else [],
    }


def score(folder: Path) -> tuple[dict[str, float], list[str], int]:
    labels: dict[str, dict[str, Any]] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    counts: dict[str, Counter[str]] = {f: Counter() for f in ("outcome", *FIELDS)}
    errors: list[str] = []
    for name, want in sorted(labels.items()):
        got = observed((folder / name).read_bytes())
        ok = (got["outcome"], got["reason"]) == (want["outcome"], want.get("reason"))
        counts["outcome"]["ok" if ok else "bad"] += 1
        if not ok:
            errors.append(f"{name}: outcome: want {want['outcome']}/{want.get('reason')}, "
                          f"got {got['outcome']}/{got['reason']}")
        if want["outcome"] in ("ignored", "rejected"):
            continue
        for field in FIELDS:
            ok = got[field] == want[field]
            counts[field]["ok" if ok else "bad"] += 1
            if not ok:
                errors.append(f"{name}: {field}: want {want[field]!r}, got {got[field]!r}")
    report = {f: c["ok"] / (c["ok"] + c["bad"]) for f, c in counts.items() if c["ok"] + c["bad"]}
    return report, errors, len(labels)


def main(argv: list[str]) -> int:
    show = "--errors" in argv
    batches = [a for a in argv if not a.startswith("--")] or sorted(
        p.name for p in ROOT.glob("batch*") if (p / "labels.json").exists())
    for batch in batches:
        report, errors, n = score(ROOT / batch)
        fully = n - len({e.split(":")[0] for e in errors})
        print(f"{batch} ({n} mails, {fully} fully right): " + ", ".join(f"{k} {v:.1%}" for k, v in report.items()))
        if show:
            print("\n".join("  " + e for e in errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
