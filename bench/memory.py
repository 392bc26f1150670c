#!/usr/bin/env python3
"""Benchmark: a worker's memory over many mails, with and without the per-mail collection.

Extracts every .docx corpus mail `--rounds` times in one process (as one worker process sees
a stream of mails) and prints the process's peak RSS and the median time per mail, once with
the automatic collector only and once as a worker process runs (`freeze_long_lived()` at
start, `collect_garbage()` after each mail, as `Runtime.ingest` does). Each mode runs in a fresh process.

    .venv/bin/python bench/memory.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, statistics, sys, time
sys.path.insert(0, {repo!r})
import intake.runtime, intake.service  # a worker's imports
from intake.extract import extract
from intake.mail import parse_mail
from pathlib import Path
paths = sorted(p for p in Path({corpus!r}).glob("*.eml") if "docx" in p.name)
mails = [parse_mail(p.read_bytes()) for p in paths]
if {collect}:
    intake.runtime.freeze_long_lived()  # as a worker process does once it has started
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times = []
for _ in range({rounds}):
    for mail in mails:
        t = time.perf_counter()
        extract(mail)
        if {collect}:
            intake.runtime.collect_garbage()
        times.append(time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"mails": len(times), "median_ms": statistics.median(times) * 1000,
                  "peak_rss_mb": peak / 1024, "growth_mb": (peak - base) / 1024}}))
"""


def run(collect: bool, rounds: int) -> dict[str, float]:
    code = CHILD.format(repo=str(REPO), corpus=str(REPO / "tests" / "data" / "corpus"), rounds=rounds,
                        collect=collect)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    print(f"{'mode':<28}{'mails':>7}{'median/mail':>14}{'peak RSS':>11}{'growth':>10}")
    for label, collect in (("automatic collector only", False), ("collect_garbage() per mail", True)):
        r = run(collect, args.rounds)
        print(f"{label:<28}{r['mails']:>7.0f}{r['median_ms']:>11.2f} ms{r['peak_rss_mb']:>8.1f} MB"
              f"{r['growth_mb']:>7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
