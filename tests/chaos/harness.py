"""A reusable chaos run: the whole system under a seeded schedule of faults, then the accounts.

One run (``run_chaos(plan, logs)``):

1. starts a private Dovecot, a private Redis *without persistence* (so a restart loses every queued
   task), a fresh PostgreSQL database (or SQLite), an SMTP sink, ``plan.workers`` Celery workers and
   one ``intake poll``;
2. APPENDs ``plan.mails`` distinct submissions (``tests.chaos.mails``) to the INBOX in bursts, over
   several APPEND connections, while a fault schedule drawn from ``plan.seed`` runs: poller and
   workers killed with SIGKILL and started again, Redis killed and started empty once, Dovecot
   restarted once, the SMTP sink refusing every mail (421 at MAIL FROM, 451 at DATA) for
   ``plan.smtp_outage`` seconds;
3. waits up to ``plan.recovery_timeout`` seconds after the end of the last fault for: INBOX empty,
   every contributor answered, every review request out, every message row terminal; then waits
   ``plan.quiet`` seconds more so late duplicates are counted too;
4. returns a ``ChaosResult`` with the figures and writes them (plus the fault timeline and INBOX
   samples) to ``logs/chaos-result.json``; worker, poller, Dovecot and Redis logs stay in ``logs``.

Answers are counted at the SMTP sink per recipient: a contributor must get exactly one mail, of
the kind their submission calls for (subject prefix of the zh-CN templates); each reviewer exactly
one review request per accepted submission (matched by In-Reply-To = the submission's Message-ID).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

from tests import servers
from tests.chaos.mails import ChaosMail, build_mails, kind_of_subject
from tests.integration.deployment import Deployment, deployment

SUBMISSION_ADDRESS = "tougao@localhost"
REVIEWERS = ("editor@example.test", "chief@example.test")
TERMINAL = ("processed", "failed")


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class ChaosPlan:
    mails: int = 50
    seed: int = 1
    bursts: int = 5
    window: float = 40.0  # faults and bursts happen in [0, window] s after the first poll
    workers: int = 2
    poller_kills: int = 2
    worker_kills: int = 2
    redis_restarts: int = 1
    dovecot_restarts: int = 1
    smtp_outage: float = 30.0  # 0: none
    recovery_timeout: float = 60.0  # target: all done within this long after the last fault
    patience: float = 0.0  # keep waiting this much longer to see *when* it recovers (bench only)
    quiet: float = 3.0
    append_connections: int = 4
    database: str = "postgresql"  # or "sqlite"


@dataclass
class Fault:
    kind: str  # poller_kill | worker_kill | redis_restart | dovecot_restart | smtp_outage
    at: float  # planned start, seconds after the run's t0
    started: float | None = None  # actual start (same clock)
    ended: float | None = None  # when the component was back (or the outage over)
    detail: str = ""
    recovery: float | None = None  # from `ended` until every mail appended before it was done


def burst_times(plan: ChaosPlan) -> list[float]:
    """When each burst of mails is APPENDed (seconds after t0): evenly over 90 % of the window."""
    if plan.bursts <= 1:
        return [0.0]
    return [plan.window * 0.9 * b / (plan.bursts - 1) for b in range(plan.bursts)]


def schedule(plan: ChaosPlan) -> list[Fault]:
    """The fault schedule for ``plan``: seeded; same-kind faults at least 5 s apart.

    Each fault strikes 0.5–2 s after a randomly chosen burst starts, while that burst is being
    fetched, processed and answered. Picked uniformly over the whole window, most faults would hit
    an idle system, since a burst is done within seconds.
    """
    rng = random.Random(plan.seed * 7919 + 13)
    bursts = burst_times(plan)

    def times(n: int, choices: list[float]) -> list[float]:
        picked: list[float] = []
        for _ in range(1000):
            picked = sorted(rng.choice(choices) + rng.uniform(0.5, 2.0) for _ in range(n))
            if all(b - a >= 5.0 for a, b in itertools.pairwise(picked)):
                return picked
        return picked

    faults = [Fault("poller_kill", t) for t in times(plan.poller_kills, bursts)]
    faults += [Fault("worker_kill", t) for t in times(plan.worker_kills, bursts)]
    faults += [Fault("redis_restart", t) for t in times(plan.redis_restarts, bursts)]
    faults += [Fault("dovecot_restart", t) for t in times(plan.dovecot_restarts, bursts)]
    if plan.smtp_outage > 0:  # during the first half, so that mails keep coming while it lasts
        first_half = [b for b in bursts if b <= plan.window / 2] or bursts[:1]
        faults.append(Fault("smtp_outage", rng.choice(first_half) + rng.uniform(0.5, 2.0)))
    return sorted(faults, key=lambda f: f.at)


# --------------------------------------------------------------------------- restartable servers


class RestartableRedis:
    """``redis-server`` on a fixed free port without persistence: kill -9 and start again, empty."""

    def __init__(self, folder: Path) -> None:
        self.exe = shutil.which("redis-server")
        if self.exe is None:
            raise servers.unavailable("redis-server is not installed (apt-get install redis-server)")
        self.dir = folder
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = servers.free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://{servers.HOST}:{self.port}/0"

    def start(self) -> None:
        cmd = [self.exe or "redis-server", "--bind", servers.HOST, "--port", str(self.port), "--save", "",
               "--appendonly", "no", "--dir", str(self.dir)]
        with open(self.dir / "redis.log", "ab") as log:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        servers.wait_port(servers.HOST, self.port, 10, self.proc)

    def kill9(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(10)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


class RefusingSink(servers.SmtpSink):
    """The test SMTP sink with a time switch: until ``refuse_until`` every mail is refused.

    Refusals alternate between ``421`` at MAIL FROM (server closing) and ``451`` at DATA, both
    transient. Each refusal is counted in ``refused``.
    """

    def __init__(self, port: int) -> None:
        super().__init__(port)
        self.refuse_until = 0.0
        self.refused = 0
        self._turn = 0

    def refuse_for(self, seconds: float) -> None:
        with self._cond:
            self.refuse_until = time.monotonic() + seconds

    def _refusing(self) -> bool:
        return time.monotonic() < self.refuse_until

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        with self._cond:
            if self._refusing():
                self._turn += 1
                if self._turn % 2:
                    self.refused += 1
                    return "421 4.3.2 Service not available, closing transmission channel (chaos)"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._cond:
            if self._refusing():
                self.refused += 1
                return "451 4.3.0 Requested action aborted: try again later (chaos)"
        return await super().handle_DATA(server, session, envelope)


@contextlib.contextmanager
def refusing_sink() -> Iterator[RefusingSink]:
    with servers.running_sink(RefusingSink, enable_SMTPUTF8=True, data_size_limit=128 * 1024 * 1024) as sink:
        yield sink


# --------------------------------------------------------------------------- the running system


class System:
    """Dovecot, Redis, sink, deployment, workers and poller of one run, and the faults acting on them."""

    def __init__(self, dove: servers.DovecotServer, redis: RestartableRedis, sink: RefusingSink,
                 dep: Deployment, stack: contextlib.ExitStack, logs: Path, workers: int) -> None:
        self.dove, self.redis, self.sink, self.dep, self.stack, self.logs = dove, redis, sink, dep, stack, logs
        self.lock = threading.Lock()
        self.dovecot_up = threading.Event()
        self.dovecot_up.set()
        self.workers: list[servers.CeleryWorker] = []
        self.poller: subprocess.Popen[bytes] | None = None
        self.died_on_their_own: list[str] = []
        self._worker_count = 0
        for _ in range(workers):
            self.start_worker()

    def start_worker(self) -> servers.CeleryWorker:
        with self.lock:
            self._worker_count += 1
            name = f"worker{self._worker_count}"
        worker = self.stack.enter_context(servers.celery_worker(
            self.dep.env, "workers.app", name=name, log_path=self.logs / f"{name}.log", ready_timeout=90))
        with self.lock:
            self.workers.append(worker)
        return worker

    def supervise(self) -> None:
        """What a process supervisor does in production (compose `restart: unless-stopped`, systemd):
        a worker that died on its own (kombu crashes when Redis vanishes mid-restore) is replaced.
        Workers killed by the schedule were already removed from `workers`."""
        with self.lock:
            dead = [w for w in self.workers if not w.alive()]
            for w in dead:
                self.workers.remove(w)
                self.died_on_their_own.append(w.name)
        for _ in dead:
            threading.Thread(target=self.start_worker, daemon=True).start()

    def start_poller(self) -> None:
        self.poller = self.dep.poller("poller")

    def kill_poller(self) -> str:
        proc = self.poller
        if proc is None or proc.poll() is not None:
            return "no poller running"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        return f"pid {proc.pid}"

    def kill_worker(self, rng: random.Random) -> str:
        with self.lock:
            alive = [w for w in self.workers if w.alive()]
        if not alive:
            return "no worker alive"
        victim = rng.choice(alive)
        victim.kill9()
        with self.lock:
            self.workers.remove(victim)
        return victim.name


# --------------------------------------------------------------------------- the result


@dataclass
class ChaosResult:
    mails: int
    expected: dict[str, int]  # accepted / incomplete / rejected
    left_in_inbox: int | None = None
    unanswered: int = 0
    answered_twice: int = 0
    wrong_answer: int = 0  # answered once, but with the wrong kind of notice
    reviews_missing: int = 0  # (accepted submission, reviewer) pairs without a review request
    reviews_duplicated: int = 0  # pairs with more than one
    reviews_unexpected: int = 0  # review requests for mails that are not accepted submissions
    messages_not_terminal: int = 0
    messages_failed: int = 0
    message_rows: int = 0
    notices_pending: int = 0
    broker_queue: int | None = None  # tasks waiting in the Redis queue at the end
    smtp_refused: int = 0
    workers_died: list[str] = field(default_factory=list)  # exited without being killed by the schedule
    last_fault_end: float | None = None  # seconds after t0
    recovery: float | None = None  # last fault → everything done; None: not within the wait
    recovery_target: float = 60.0
    faults: list[Fault] = field(default_factory=list)
    outstanding: dict[str, int] = field(default_factory=dict)  # why mails were not done at the deadline
    outstanding_examples: dict[str, list[str]] = field(default_factory=dict)
    duration: float = 0.0
    logs: str = ""

    @property
    def target_misses(self) -> list[str]:
        misses = [f"{name} = {value}" for name, value in (
            ("left in INBOX", self.left_in_inbox), ("unanswered", self.unanswered),
            ("answered twice", self.answered_twice), ("wrong answer", self.wrong_answer),
            ("review requests missing", self.reviews_missing),
            ("review requests duplicated", self.reviews_duplicated),
            ("review requests unexpected", self.reviews_unexpected),
            ("message rows not terminal", self.messages_not_terminal)) if value != 0]
        if self.recovery is None or self.recovery > self.recovery_target:
            shown = "not within the wait" if self.recovery is None else f"{self.recovery:.1f} s"
            misses.append(f"recovery after the last fault = {shown} (target ≤ {self.recovery_target:.0f} s)")
        return misses

    @property
    def ok(self) -> bool:
        return not self.target_misses

    def rows(self) -> list[tuple[str, str, str]]:
        """(figure, value, target) for a table."""
        rec = "—" if self.recovery is None else f"{self.recovery:.1f} s"
        return [
            ("mails (accepted/incomplete/rejected)",
             f"{self.mails} ({self.expected['accepted']}/{self.expected['incomplete']}/{self.expected['rejected']})",
             ""),
            ("left in INBOX", str(self.left_in_inbox), "0"),
            ("contributors unanswered", str(self.unanswered), "0"),
            ("contributors answered twice", str(self.answered_twice), "0"),
            ("answered with the wrong kind", str(self.wrong_answer), "0"),
            ("review requests missing", str(self.reviews_missing), "0"),
            ("review requests duplicated", str(self.reviews_duplicated), "0"),
            ("review requests unexpected", str(self.reviews_unexpected), "0"),
            ("message rows not terminal", str(self.messages_not_terminal), "0"),
            ("message rows (failed)", f"{self.message_rows} ({self.messages_failed})", str(self.mails)),
            ("notices still pending", str(self.notices_pending), "0"),
            ("tasks still in the broker queue", str(self.broker_queue), ""),
            ("SMTP refusals during the outage", str(self.smtp_refused), ""),
            ("workers that died on their own (replaced)", ", ".join(self.workers_died) or "0", ""),
            ("last fault → full recovery", rec, f"≤ {self.recovery_target:.0f} s"),
        ]

    def table(self) -> str:
        width = max(len(r[0]) for r in self.rows())
        lines = [f"{'figure':<{width}}  {'value':>16}  target", "-" * (width + 30)]
        lines += [f"{name:<{width}}  {value:>16}  {target}" for name, value, target in self.rows()]
        lines += ["", "faults (seconds after the first poll):"]
        for f in self.faults:
            rec = "not recovered" if f.recovery is None else f"recovered {f.recovery:5.1f} s after"
            start = "—" if f.started is None else f"{f.started:6.1f}"
            end = "—" if f.ended is None else f"{f.ended:6.1f}"
            lines.append(f"  {f.kind:<16} start {start}  end {end}  {rec}  {f.detail}")
        if self.outstanding:
            lines += ["", "not done at the end, by where the mail was stuck:"]
            for where, n in sorted(self.outstanding.items()):
                examples = ", ".join(self.outstanding_examples.get(where, [])[:3])
                lines.append(f"  {n:4d}  {where}   e.g. {examples}")
        misses = self.target_misses
        lines += ["", "targets: all met" if not misses else "targets missed: " + "; ".join(misses)]
        if self.logs:
            lines.append(f"logs: {self.logs}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["target_misses"] = self.target_misses
        return data


# --------------------------------------------------------------------------- accounting


_HEADERS = BytesHeaderParser(policy=default_policy)


@dataclass
class Answers:
    """What reached the sink, by contributor and by (submission Message-ID, reviewer)."""

    to_contributor: dict[str, list[tuple[str, float]]]  # address → [(kind, received_at)]
    reviews: dict[tuple[str, str], list[float]]  # (in-reply-to, reviewer) → [received_at]
    stray: int  # mails to nobody we know


class Ledger:
    """Reads the sink incrementally (headers only) and the INBOX, and decides who is done."""

    def __init__(self, mails: list[ChaosMail], sink: RefusingSink, dove: servers.DovecotServer,
                 dep: Deployment) -> None:
        self.mails = mails
        self.by_contributor = {m.contributor: m for m in mails}
        self.by_message_id = {m.message_id: m for m in mails}
        self.sink, self.dove, self.dep = sink, dove, dep
        self._seen = 0
        self.answers = Answers(defaultdict(list), defaultdict(list), 0)
        self._imap: Any = None
        self._imap_lock = threading.Lock()

    def read_sink(self) -> Answers:
        envelopes = self.sink.envelopes
        for env in envelopes[self._seen:]:
            head = _HEADERS.parsebytes(env.content)
            subject = str(head.get("Subject", ""))
            kind = kind_of_subject(subject)
            in_reply_to = str(head.get("In-Reply-To", "")).strip()
            for rcpt in (r.lower() for r in env.rcpt_tos):
                if rcpt in REVIEWERS:
                    self.answers.reviews[(in_reply_to, rcpt)].append(env.received_at)
                elif rcpt in self.by_contributor:
                    self.answers.to_contributor[rcpt].append((kind, env.received_at))
                else:
                    self.answers.stray += 1
        self._seen = len(envelopes)
        return self.answers

    def inbox_uids(self) -> set[int] | None:
        """UIDs in the INBOX now; None while Dovecot cannot be reached."""
        with self._imap_lock:
            return self._inbox_uids()

    def _inbox_uids(self) -> set[int] | None:
        try:
            if self._imap is None:
                self._imap = self.dove.client(timeout=5)
            self._imap.select_folder("INBOX", readonly=True)
            return {int(u) for u in self._imap.search(["ALL"])}
        except Exception:
            with contextlib.suppress(Exception):
                self._imap.shutdown()
            self._imap = None
            return None

    def done_at(self, mail: ChaosMail) -> float | None:
        """When the last mail owed for ``mail`` reached the sink (None: something is still owed)."""
        got = self.answers.to_contributor.get(mail.contributor, [])
        if not got:
            return None
        times = [got[0][1]]
        if mail.kind == "accepted":
            for reviewer in REVIEWERS:
                review = self.answers.reviews.get((mail.message_id, reviewer))
                if not review:
                    return None
                times.append(review[0])
        return max(times)

    def close(self) -> None:
        if self._imap is not None:
            with contextlib.suppress(Exception):
                self._imap.logout()
            self._imap = None


# --------------------------------------------------------------------------- the run


class Appender:
    """APPENDs mails over several connections; waits while Dovecot is down, retries what failed."""

    def __init__(self, system: System, connections: int) -> None:
        self.system = system
        self.connections = connections
        self.uids: dict[int, int] = {}  # mail index → UID
        self.appended_at: dict[int, float] = {}  # mail index → time.monotonic() of the APPEND's OK
        self.retries = 0
        self._lock = threading.Lock()

    def append_all(self, mails: list[ChaosMail]) -> None:
        todo = list(mails)
        lock = threading.Lock()

        def run() -> None:
            client = None
            while True:
                with lock:
                    if not todo:
                        break
                    mail = todo.pop(0)
                while True:
                    self.system.dovecot_up.wait(30)
                    try:
                        if client is None:
                            client = self.system.dove.client(timeout=15)
                        resp = client.append("INBOX", mail.raw)
                        break
                    except Exception:
                        with self._lock:
                            self.retries += 1
                        with contextlib.suppress(Exception):
                            client.shutdown()  # type: ignore[union-attr]
                        client = None
                        time.sleep(0.2)
                text = resp if isinstance(resp, bytes) else str(resp).encode()
                match = servers._APPENDUID.search(text)
                with self._lock:
                    self.appended_at[mail.index] = time.monotonic()
                    if match:
                        self.uids[mail.index] = int(match.group(1))
            if client is not None:
                with contextlib.suppress(Exception):
                    client.logout()

        threads = [threading.Thread(target=run, daemon=True) for _ in range(min(self.connections, len(mails)))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


def _run_fault(fault: Fault, system: System, rng: random.Random, t0: float, plan: ChaosPlan) -> None:
    now = lambda: time.monotonic() - t0  # noqa: E731
    fault.started = now()
    down = rng.uniform(0.5, 3.0)
    if fault.kind == "poller_kill":
        fault.detail = system.kill_poller() + f", down {down:.1f} s"
        time.sleep(down)
        system.start_poller()
    elif fault.kind == "worker_kill":
        fault.detail = system.kill_worker(rng) + f", down {down:.1f} s"
        time.sleep(down)
        system.start_worker()  # ended = ready (the worker's boot is part of the fault)
    elif fault.kind == "redis_restart":
        system.redis.kill9()
        time.sleep(down)
        system.redis.start()
        fault.detail = f"kill -9, down {down:.1f} s, started empty"
    elif fault.kind == "dovecot_restart":
        system.dovecot_up.clear()
        try:
            system.dove.restart()
        finally:
            system.dovecot_up.set()
        fault.detail = "SIGTERM + start, mail kept"
    elif fault.kind == "smtp_outage":
        system.sink.refuse_for(plan.smtp_outage)
        time.sleep(plan.smtp_outage)
        fault.detail = f"421/451 for {plan.smtp_outage:.0f} s"
    fault.ended = now()


def _notice_state(notice: Any, now: Any) -> str:
    """Why a pending notice has not gone out yet."""
    def ahead(when: Any) -> float:
        when = when if when.tzinfo else when.replace(tzinfo=now.tzinfo)
        return (when - now).total_seconds()

    if notice.claimed_until is not None and ahead(notice.claimed_until) > 0:
        return f"claimed by a worker (killed?) for {ahead(notice.claimed_until):.0f} s more"
    if notice.next_attempt_at is None:
        return "never attempted: send task lost, sweep waits out its 120 s grace"
    due = ahead(notice.next_attempt_at)
    if due > 0:
        return f"retry backoff after {notice.attempts} attempt(s), due in {due:.0f} s"
    return f"retry overdue by {-due:.0f} s (its delayed task was lost)"


def _diagnose(ledger: Ledger, inbox: set[int] | None, uids: dict[int, int],
              dep: Deployment) -> tuple[dict[str, int], dict[str, list[str]]]:
    """For each mail not done: where it is stuck (INBOX, broker, outbox, sink)."""
    from sqlalchemy import select

    from intake.tables import Message, Notice, utcnow

    now = utcnow()
    with dep.store.session() as s:
        rows = {m.message_id_header: (m.id, m.status) for m in s.scalars(select(Message))}
        pending: dict[int, list[str]] = defaultdict(list)
        for n in s.scalars(select(Notice).where(Notice.status == "pending")):
            pending[n.message_id].append(_notice_state(n, now))
        failed_notices = Counter(n.message_id for n in s.scalars(select(Notice).where(Notice.status == "failed")))
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for mail in ledger.mails:
        if ledger.done_at(mail) is not None and (inbox is None or uids.get(mail.index) not in inbox):
            continue
        row = rows.get(mail.message_id) or rows.get(mail.message_id.strip("<>"))
        note = ""
        in_inbox = inbox is not None and uids.get(mail.index) in inbox
        if row is None:
            where = "in INBOX, never fetched (no message row)" if in_inbox else "no message row, not in INBOX"
        elif in_inbox and ledger.done_at(mail) is not None:
            where = "answered, but still in INBOX (not moved)"
        elif row[1] == "received":
            where = "row 'received': ingest task lost or pending"
        elif row[1] == "failed":
            where = "row 'failed' (quarantined)"
        elif pending.get(row[0]):
            state = sorted(pending[row[0]])[0]
            where, note = "processed, notice " + re.sub(r"\d+", "N", state), state
        elif failed_notices.get(row[0]):
            where = "processed, notice failed permanently"
        else:
            where = "processed, notices sent, not at the sink"
        if in_inbox and row is not None and where != "answered, but still in INBOX (not moved)":
            where += " [+ in INBOX]"
        counts[where] += 1
        examples[where].append(f"#{mail.index}" + (f" ({note})" if note else ""))
    return dict(counts), dict(examples)


def _finish_figures(result: ChaosResult, ledger: Ledger, inbox: set[int] | None, dep: Deployment) -> None:
    from sqlalchemy import func, select

    from intake.tables import Message, Notice

    answers = ledger.read_sink()
    result.left_in_inbox = None if inbox is None else len(inbox)
    result.unanswered = result.answered_twice = result.wrong_answer = 0
    for mail in ledger.mails:
        got = answers.to_contributor.get(mail.contributor, [])
        if not got:
            result.unanswered += 1
        elif len(got) > 1:
            result.answered_twice += 1
        elif got[0][0] != mail.answer:
            result.wrong_answer += 1
    accepted = {m.message_id for m in ledger.mails if m.kind == "accepted"}
    result.reviews_missing = sum(1 for mid in accepted for r in REVIEWERS if not answers.reviews.get((mid, r)))
    result.reviews_duplicated = sum(1 for key, got in answers.reviews.items() if key[0] in accepted and len(got) > 1)
    result.reviews_unexpected = sum(len(got) for key, got in answers.reviews.items() if key[0] not in accepted)
    with dep.store.session() as s:
        result.message_rows = s.scalar(select(func.count(Message.id))) or 0
        result.messages_not_terminal = s.scalar(
            select(func.count(Message.id)).where(Message.status.not_in(TERMINAL))) or 0
        result.messages_failed = s.scalar(select(func.count(Message.id)).where(Message.status == "failed")) or 0
        result.notices_pending = s.scalar(select(func.count(Notice.id)).where(Notice.status == "pending")) or 0
    result.smtp_refused = ledger.sink.refused


def _all_done(ledger: Ledger, inbox: set[int] | None, dep: Deployment) -> bool:
    from sqlalchemy import func, select

    from intake.tables import Message

    if inbox is None or inbox:
        return False
    ledger.read_sink()
    if any(ledger.done_at(m) is None for m in ledger.mails):
        return False
    with dep.store.session() as s:
        left = s.scalar(select(func.count(Message.id)).where(Message.status.not_in(TERMINAL))) or 0
    return left == 0


@contextlib.contextmanager
def _database(plan: ChaosPlan, folder: Path) -> Iterator[str]:
    if plan.database == "sqlite":
        yield f"sqlite:///{folder / 'intake.sqlite3'}"
    else:
        with servers.postgres_url() as url:
            yield url


def run_chaos(plan: ChaosPlan, logs: Path, progress: Callable[[str], None] | None = None) -> ChaosResult:
    """Run ``plan`` against the code in this checkout; logs and ``chaos-result.json`` go to ``logs``."""
    say = progress or (lambda _msg: None)
    logs.mkdir(parents=True, exist_ok=True)
    mails = build_mails(plan.mails, plan.seed, to=SUBMISSION_ADDRESS)
    result = ChaosResult(plan.mails, dict(Counter(m.kind for m in mails)), recovery_target=plan.recovery_timeout,
                         logs=str(logs))
    for kind in ("accepted", "incomplete", "rejected"):
        result.expected.setdefault(kind, 0)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="intake-chaos-"))
    rng = random.Random(plan.seed)
    faults = schedule(plan)
    result.faults = faults
    samples: list[tuple[float, int | None, int]] = []  # (t, INBOX count, mails at the sink)
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, work, True)
        dove = stack.enter_context(servers.dovecot_server(users={"tougao@localhost": "secret"}))
        stack.callback(lambda: _copy(dove.dir / "dovecot.log", logs / "dovecot.log"))
        redis = RestartableRedis(work / "redis")
        redis.start()
        stack.callback(redis.stop)
        stack.callback(lambda: _copy(redis.dir / "redis.log", logs / "redis.log"))
        sink = stack.enter_context(refusing_sink())
        database_url = stack.enter_context(_database(plan, work))
        dep = stack.enter_context(deployment(
            database_url=database_url, broker_url=redis.url, mailbox_url=dove.url("INBOX"), smtp_url=sink.url,
            data_dir=work / "data", logs=logs, start_worker=lambda *a, **k: None,
            submission_address=SUBMISSION_ADDRESS, reviewers=",".join(REVIEWERS),
            # Every mail of the mix comes from a new address: the backscatter cap on rejections to
            # unknown senders (30 an hour by default) would hold back answers the figures count.
            unknown_sender_rejections_per_hour="0"))
        workers = contextlib.ExitStack()
        stack.enter_context(workers)
        say(f"starting {plan.workers} workers and the poller")
        system = System(dove, redis, sink, dep, workers, logs, plan.workers)
        system.start_poller()
        dep.wait(lambda: _polled(dep), 60, "the poller's first sweep")
        ledger = Ledger(mails, sink, dove, dep)
        stack.callback(ledger.close)
        appender = Appender(system, plan.append_connections)
        t0, t0_wall = time.monotonic(), time.time()
        say(f"t0: {plan.mails} mails in {plan.bursts} bursts, {len(faults)} faults over {plan.window:.0f} s")

        fault_threads: list[threading.Thread] = []

        def faulter() -> None:
            for fault in faults:
                delay = t0 + fault.at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                say(f"t={time.monotonic() - t0:5.1f}s fault {fault.kind}")
                th = threading.Thread(target=_run_fault, args=(fault, system, rng, t0, plan), daemon=True)
                th.start()
                fault_threads.append(th)

        def bursts() -> None:
            per = -(-len(mails) // max(plan.bursts, 1))
            for b, at in enumerate(burst_times(plan)):
                delay = t0 + at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                appender.append_all(mails[b * per:(b + 1) * per])

        stop_sampling = threading.Event()

        def sampler() -> None:
            while not stop_sampling.wait(0.5):
                system.supervise()
                inbox = ledger.inbox_uids()
                samples.append((round(time.monotonic() - t0, 2), None if inbox is None else len(inbox),
                                len(sink.envelopes)))

        threads = [threading.Thread(target=f, daemon=True) for f in (faulter, bursts, sampler)]
        for th in threads:
            th.start()
        threads[0].join()
        threads[1].join()
        for th in fault_threads:
            th.join(timeout=120)
        last_end = max((f.ended or 0.0) for f in faults) if faults else time.monotonic() - t0
        result.last_fault_end = round(last_end, 2)
        say(f"t={time.monotonic() - t0:5.1f}s last fault over (at {last_end:.1f} s); waiting for recovery")

        deadline = t0 + last_end + plan.recovery_timeout + plan.patience
        inbox = ledger.inbox_uids()
        while True:
            inbox = ledger.inbox_uids()
            if _all_done(ledger, inbox, dep):
                result.recovery = round(max(0.0, time.monotonic() - t0 - last_end), 2)
                break
            if time.monotonic() > deadline:
                break
            time.sleep(0.5)
        say(f"t={time.monotonic() - t0:5.1f}s recovery {result.recovery}; quiet {plan.quiet:.0f} s")
        time.sleep(plan.quiet)
        inbox = ledger.inbox_uids()
        _finish_figures(result, ledger, inbox, dep)
        result.outstanding, result.outstanding_examples = _diagnose(ledger, inbox, appender.uids, dep)
        result.broker_queue = queue_length(redis.url)
        with system.lock:
            result.workers_died = system.died_on_their_own + [w.name for w in system.workers if not w.alive()]
        for fault in faults:
            fault.recovery = _fault_recovery(fault, mails, ledger, appender, t0)
        stop_sampling.set()
        threads[2].join(5)
        result.duration = round(time.monotonic() - started, 1)
        (logs / "chaos-result.json").write_text(json.dumps({
            "plan": asdict(plan), "result": result.to_json(), "append_retries": appender.retries,
            "appended_at": {i: round(t - t0, 2) for i, t in appender.appended_at.items()},
            "done_at": {m.index: (None if (d := ledger.done_at(m)) is None else round(d - t0, 2)) for m in mails},
            "mails": [{"index": m.index, "kind": m.kind, "contributor": m.contributor, "source": m.source,
                       "message_id": m.message_id, "uid": appender.uids.get(m.index)} for m in mails],
            "rows": _row_times(dep, t0_wall),
            "samples": samples,
        }, ensure_ascii=False, indent=1, default=str))
        say("stopping")
        dep.stop_pollers()
    return result


def _fault_recovery(fault: Fault, mails: list[ChaosMail], ledger: Ledger, appender: Appender,
                    t0: float) -> float | None:
    """Seconds from the fault's end until every mail APPENDed before that end was fully answered."""
    if fault.ended is None:
        return None
    end = t0 + fault.ended
    before = [m for m in mails if appender.appended_at.get(m.index, float("inf")) <= end]
    latest = 0.0
    for mail in before:
        done = ledger.done_at(mail)
        if done is None:
            return None
        latest = max(latest, done - end)
    return round(latest, 2)


def queue_length(broker_url: str, queue: str = "intake") -> int | None:
    """Tasks waiting in the Celery queue (a Redis list); None if Redis does not answer."""
    import redis as redis_client

    try:
        client = redis_client.Redis.from_url(broker_url, socket_timeout=2)
        try:
            return int(client.llen(queue))
        finally:
            client.close()
    except redis_client.RedisError:
        return None


def _row_times(dep: Deployment, t0_wall: float) -> dict[str, dict[str, Any]]:
    """Per Message-ID: the row's status, and when it was stored and processed (seconds after t0)."""
    from sqlalchemy import select

    from intake.tables import Message

    def rel(when: Any) -> float | None:
        if when is None:
            return None
        return round((when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp() - t0_wall, 2)

    with dep.store.session() as s:
        return {m.message_id_header: {"status": m.status, "attempts": m.attempts, "stored": rel(m.received_at),
                                      "processed": rel(m.processed_at)} for m in s.scalars(select(Message))}


def _polled(dep: Deployment) -> bool:
    from sqlalchemy import select

    from intake.tables import MailboxState

    with dep.store.session() as s:
        return s.scalar(select(MailboxState.last_poll_at)) is not None


def _copy(src: Path, dst: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.copy(src, dst)
