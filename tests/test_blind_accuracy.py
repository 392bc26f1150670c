"""Field accuracy on the blind batches (tests/data/blind/): submissions written by helpers that
never read intake/, from descriptions of real conventions. The thresholds are those of issue 15:
outcome ≥ 98 %, every field ≥ 95 %, per batch. The scores before and after tuning are in
tests/data/blind/SCORES.md; `tests/data/blind/score.py --errors` lists the mismatches.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parent / "data" / "blind"
BATCHES = sorted(p for p in BLIND.glob("batch*") if (p / "labels.json").exists())


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("blind_score", BLIND / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("batch", BATCHES, ids=[p.name for p in BATCHES])
def test_blind_batch_meets_the_outcome_and_field_thresholds(batch: Path) -> None:
    report, errors, count = _scorer().score(batch)
    print(f"\n{batch.name} ({count} mails): " + ", ".join(f"{k} {v:.1%}" for k, v in report.items()))
    assert count >= 30
    assert report["outcome"] >= 0.98, errors
    assert all(v >= 0.95 for v in report.values()), errors
