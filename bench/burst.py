#!/usr/bin/env python3
"""Benchmark: a burst of 1,000 mails APPENDed to Dovecot as fast as possible, no faults.

`intake poll` idles on the INBOX, 2 Celery workers (solo pool) run, PostgreSQL by default. The
mails are the chaos mix (tests/chaos/mails.py: ~60 % complete, 25 % incomplete, 15 % without a
manuscript, one contributor address each), APPENDed over --connections parallel connections
opened beforehand. The run ends when everything is answered and the INBOX is empty, or when
nothing has changed (INBOX, sink, message rows) for --quiet seconds.

Prints: APPEND time and rate; mails left in INBOX after the quiet period (target 0); contributors
unanswered and answered twice (0, 0); review requests missing/duplicated; time to drain the
INBOX and to answer everyone; mails/s; median and p95 of APPEND → contributor's answer. Beside
them, the floor: a bare imapclient loop (SEARCH, FETCH BODY.PEEK[] by 20, one MOVE per mail, as
the poller does) draining the same 1,000 mails from another mailbox with no processing at all.

    .venv/bin/python bench/burst.py [--mails 1000] [--connections 8] [--workers 2]
                                    [--db postgresql|sqlite] [--quiet 30] [--no-floor]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests import servers  # noqa: E402  (the same servers the integration tests use)
from tests.chaos.harness import (  # noqa: E402
    REVIEWERS,
    SUBMISSION_ADDRESS,
    ChaosResult,
    Ledger,
    _diagnose,
    _finish_figures,
    refusing_sink,
)
from tests.chaos.mails import ChaosMail, build_mails  # noqa: E402
from tests.integration.deployment import deployment  # noqa: E402


def append_parallel(dove: servers.DovecotServer, mails: list[ChaosMail],
                    connections: int) -> tuple[dict[int, float], dict[int, int]]:
    """APPEND every mail over `connections` logged-in clients; returns (index → time of the OK, index → UID)."""
    clients = [dove.client(timeout=60) for _ in range(connections)]
    todo = list(mails)
    lock = threading.Lock()
    done: dict[int, float] = {}
    uids: dict[int, int] = {}

    def run(client: Any) -> None:
        while True:
            with lock:
                if not todo:
                    return
                mail = todo.pop(0)
            resp = client.append("INBOX", mail.raw)
            done[mail.index] = time.monotonic()
            match = servers._APPENDUID.search(resp if isinstance(resp, bytes) else str(resp).encode())
            if match:
                uids[mail.index] = int(match.group(1))

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        with contextlib.suppress(Exception):
            c.logout()
    return done, uids


def floor_drain(dove: servers.DovecotServer, mails: list[ChaosMail], connections: int) -> tuple[float, float]:
    """(APPEND seconds, drain seconds) of the bare loop on a fresh mailbox: no store, no broker, no parsing."""
    box = dove.fresh_user()
    start = time.monotonic()
    append_parallel(box, mails, connections)
    appended = time.monotonic() - start
    client = box.client(timeout=60)
    start = time.monotonic()
    client.select_folder("INBOX")
    while True:
        uids = sorted(client.search(["NOT", "DELETED"]))
        if not uids:
            break
        for i in range(0, len(uids), 20):
            batch = uids[i:i + 20]
            data = client.fetch(batch, ["BODY.PEEK[]"])
            for uid in batch:
                if data.get(uid, {}).get(b"BODY[]"):
                    client.move([uid], "Processed")
    drained = time.monotonic() - start
    client.logout()
    return appended, drained


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--quiet", type=float, default=30.0, help="stop after this long without any progress")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-floor", action="store_true")
    parser.add_argument("--logs", type=Path, default=REPO / "artifacts" / "bench-burst")
    args = parser.parse_args()
    logs: Path = args.logs
    logs.mkdir(parents=True, exist_ok=True)
    print(f"building {args.mails} mails …", flush=True)
    mails = build_mails(args.mails, args.seed, to=SUBMISSION_ADDRESS, tag="burst")
    expected = Counter(m.kind for m in mails)
    with contextlib.ExitStack() as stack:
        dove = stack.enter_context(servers.dovecot_server(users={SUBMISSION_ADDRESS: "secret"}))
        stack.callback(lambda: _copy(dove.dir / "dovecot.log", logs / "dovecot.log"))
        redis_url = stack.enter_context(servers.redis_url())
        sink = stack.enter_context(refusing_sink())  # never told to refuse: a plain sink here
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="intake-burst-")))
        db = stack.enter_context(servers.postgres_url()) if args.db == "postgresql" \
            else f"sqlite:///{work / 'intake.sqlite3'}"
        dep = stack.enter_context(deployment(
            database_url=db, broker_url=redis_url, mailbox_url=dove.url("INBOX"), smtp_url=sink.url,
            data_dir=work / "data", logs=logs, start_worker=lambda *a, **k: None,
            submission_address=SUBMISSION_ADDRESS, reviewers=",".join(REVIEWERS),
            # every mail comes from a new address: no backscatter cap on rejections to strangers
            unknown_sender_rejections_per_hour="0"))
        for n in range(args.workers):
            stack.enter_context(servers.celery_worker(dep.env, "workers.app", name=f"burst{n + 1}",
                                                      log_path=logs / f"worker{n + 1}.log", ready_timeout=90))
        # Not Deployment.poller(): that one logs at debug level, ~100 kB per mail, which would slow it down.
        poller = subprocess.Popen([sys.executable, "-m", "intake.cli", "poll"], env={**os.environ, **dep.env},
                                  cwd=REPO, stdout=(logs / "poller.log").open("wb"), stderr=subprocess.STDOUT,
                                  start_new_session=True)
        dep.pollers.append(poller)
        stack.callback(dep.stop_pollers)
        dep.wait(lambda: _polled(dep), 60, "the poller's first sweep")
        time.sleep(2.0)  # the poller is in IDLE now
        ledger = Ledger(mails, sink, dove, dep)
        stack.callback(ledger.close)

        print(f"APPEND {args.mails} mails over {args.connections} connections …", flush=True)
        start = time.monotonic()
        appended_at, uids = append_parallel(dove, mails, args.connections)
        append_s = time.monotonic() - start
        inbox_empty_at: float | None = None
        last_change, last_state = time.monotonic(), None
        next_report = time.monotonic()
        deadline = start + args.timeout
        while time.monotonic() < deadline:
            inbox = ledger.inbox_uids()
            answers = ledger.read_sink()
            rows = len(dep.messages())
            state = (None if inbox is None else len(inbox), len(sink.envelopes), rows)
            now = time.monotonic()
            if inbox == set() and inbox_empty_at is None:
                inbox_empty_at = now
            if state != last_state:
                last_change, last_state = now, state
            all_done = inbox == set() and all(ledger.done_at(m) is not None for m in mails)
            if all_done or now - last_change > args.quiet:
                break
            if now >= next_report:
                next_report = now + 10.0
                print(f"  t={now - start:6.1f}s INBOX {state[0]}, rows {rows}, mails at the sink {state[1]}, "
                      f"contributors answered {len(answers.to_contributor)}", flush=True)
            time.sleep(1.0)
        time.sleep(3.0)  # late duplicates
        inbox = ledger.inbox_uids()
        result = ChaosResult(args.mails, {k: expected.get(k, 0) for k in ("accepted", "incomplete", "rejected")})
        _finish_figures(result, ledger, inbox, dep)
        result.outstanding, result.outstanding_examples = _diagnose(ledger, inbox, uids, dep)
        done_times = [d for m in mails if (d := ledger.done_at(m)) is not None]
        latencies = [ans[0][1] - appended_at[m.index] for m in mails
                     if (ans := ledger.answers.to_contributor.get(m.contributor)) and m.index in appended_at]
        last_answer = max(done_times) if done_times else start
        everyone = len(done_times) == len(mails)
        answered = len([m for m in mails if ledger.answers.to_contributor.get(m.contributor)])
        dep.stop_pollers()
        floor = None if args.no_floor else floor_drain(dove, mails, args.connections)

    drain = last_answer - start
    print()
    print(f"Burst: {args.mails} mails APPENDed at once ({args.db}, Redis, `intake poll` idling, "
          f"{args.workers} Celery workers, solo pool)")
    fig = [
        ("mails (accepted/incomplete/rejected)",
         f"{args.mails} ({expected['accepted']}/{expected['incomplete']}/{expected['rejected']})", ""),
        ("APPEND time", f"{append_s:.1f} s ({args.mails / append_s:.0f} mails/s, {args.connections} conns)", ""),
        ("left in INBOX after quiet", str(result.left_in_inbox), "0"),
        ("contributors unanswered", str(result.unanswered), "0"),
        ("contributors answered twice", str(result.answered_twice), "0"),
        ("answered with the wrong kind", str(result.wrong_answer), "0"),
        ("review requests missing / duplicated", f"{result.reviews_missing} / {result.reviews_duplicated}", "0 / 0"),
        ("message rows not terminal", str(result.messages_not_terminal), "0"),
        ("INBOX drained (first APPEND → empty)",
         "never" if inbox_empty_at is None else f"{inbox_empty_at - start:.1f} s", ""),
        ("time to drain (first APPEND → last answer)", f"{drain:.1f} s" + ("" if everyone else " (incomplete)"), ""),
        ("throughput", f"{answered / drain:.2f} mails/s" if drain > 0 else "—", ""),
        ("APPEND → contributor's answer, median",
         f"{statistics.median(latencies):.1f} s" if latencies else "—", ""),
        ("APPEND → contributor's answer, p95", f"{pct(latencies, 0.95):.1f} s" if latencies else "—", ""),
    ]
    if floor is not None:
        fig.append(("floor: bare FETCH+MOVE drain", f"{floor[1]:.1f} s ({args.mails / floor[1]:.0f} mails/s)", ""))
    width = max(len(f[0]) for f in fig)
    for name, value, target in fig:
        print(f"{name:<{width}}  {value:<40} {target}")
    if result.outstanding:
        print("\nnot done at the end, by where the mail was stuck:")
        for where, n in sorted(result.outstanding.items()):
            print(f"  {n:4d}  {where}   e.g. {', '.join(result.outstanding_examples[where][:3])}")
    (logs / "burst-result.json").write_text(json.dumps({
        "figures": {name: value for name, value, _ in fig}, "result": result.to_json(),
        "latencies": sorted(round(x, 2) for x in latencies)}, ensure_ascii=False, indent=1, default=str))
    print(f"\nlogs: {logs}")
    missed = result.left_in_inbox != 0 or result.unanswered or result.answered_twice
    return 1 if missed else 0


def _polled(dep: Any) -> bool:
    from sqlalchemy import select

    from intake.tables import MailboxState

    with dep.store.session() as s:
        return s.scalar(select(MailboxState.last_poll_at)) is not None


def _copy(src: Path, dst: Path) -> None:
    import shutil

    with contextlib.suppress(OSError):
        shutil.copy(src, dst)


if __name__ == "__main__":
    sys.exit(main())
