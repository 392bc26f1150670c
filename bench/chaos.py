#!/usr/bin/env python3
"""Chaos, long form: 300 mails through the whole system under a seeded fault schedule.

The same harness as the CI short form (tests/chaos/harness.py), with more mails, a longer window
and more kills: `intake poll` and Celery workers killed with SIGKILL at random moments, Redis (no
persistence) killed and started empty once, Dovecot restarted once, the SMTP server refusing every
mail (421/451) for 30 s. Prints the figures as a table; exit status 1 if any target is missed
(INBOX empty, every contributor answered exactly once, one review request per accepted
submission and reviewer, every message row terminal, all within 60 s of the last fault).

    .venv/bin/python bench/chaos.py [--mails 300] [--seed 1] [--db postgresql|sqlite]
                                    [--patience 300] [--logs DIR]

--patience keeps watching after the 60 s target (the run still fails) to tell *when* the
system recovers, e.g. through the 300 s stale-message sweep. Logs and chaos-result.json go to
--logs (default artifacts/bench-chaos-<seed>/).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.chaos.harness import ChaosPlan, run_chaos  # noqa: E402  (the harness the CI test uses)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--mails", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--window", type=float, default=90.0, help="seconds over which bursts and faults happen")
    parser.add_argument("--bursts", type=int, default=10)
    parser.add_argument("--poller-kills", type=int, default=4)
    parser.add_argument("--worker-kills", type=int, default=4)
    parser.add_argument("--smtp-outage", type=float, default=30.0)
    parser.add_argument("--target", type=float, default=60.0, help="recovery target after the last fault (s)")
    parser.add_argument("--patience", type=float, default=0.0, help="keep waiting this long past the target")
    parser.add_argument("--logs", type=Path, default=None)
    args = parser.parse_args()
    plan = ChaosPlan(mails=args.mails, seed=args.seed, bursts=args.bursts, window=args.window, workers=args.workers,
                     poller_kills=args.poller_kills, worker_kills=args.worker_kills, smtp_outage=args.smtp_outage,
                     recovery_timeout=args.target, patience=args.patience, database=args.db)
    logs = args.logs or REPO / "artifacts" / f"bench-chaos-{args.seed}"
    started = time.monotonic()
    result = run_chaos(plan, logs, progress=lambda msg: print(f"[{time.monotonic() - started:6.1f}s] {msg}",
                                                                 flush=True))
    print()
    print(f"Chaos, long form: {args.mails} mails, seed {args.seed}, {args.db}, {args.workers} workers, "
          f"run {result.duration:.0f} s")
    print(result.table())
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
