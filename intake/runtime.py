"""Wiring: settings → store, transport and queue, built once per process.

The queue is how the poller hands work on. With a broker it publishes task
names over Celery (only ids cross the broker; `intake` never imports
`workers`); without one, work runs in this process, immediately.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import queue
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from intake import failpoints
from intake.config import Settings
from intake.logs import bind
from intake.logs import context as log_context
from intake.outbox import RetryLater, due_notices, send_notice
from intake.secret import with_secret
from intake.service import process_message, record_failure
from intake.smtp import Transport, transport_from_url
from intake.states import MessageStatus
from intake.store import Store

log = logging.getLogger(__name__)

INGEST_TASK = "intake.ingest"
SEND_TASK = "intake.send"


class Queue(Protocol):
    def ingest(self, message_id: int) -> None: ...

    def send(self, notice_id: int, countdown: float = 0) -> None: ...

    def backlog(self) -> int | None:
        """Tasks waiting in the queue, or None when that cannot be known."""
        ...


INGEST_QUEUE = "intake"  # ingest tasks (and any task not routed elsewhere)
NOTICE_QUEUE = "intake.notices"  # send tasks


def celery_config(settings: Settings) -> dict[str, Any]:
    """Settings shared by the publishing side (poller) and the workers."""
    conf: dict[str, Any] = {
        "task_serializer": "json",
        "accept_content": ["json"],
        "result_serializer": "json",
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_ignore_result": True,
        "broker_connection_retry_on_startup": True,
        "task_default_queue": INGEST_QUEUE,
        # Sends have a queue of their own, which a worker serves in turn with the ingest queue (kombu
        # rotates the queues it polls): after an outage, the first mails' answers go out while the
        # backlog is still being read, instead of after the whole backlog.
        "task_routes": {SEND_TASK: {"queue": NOTICE_QUEUE}},
        # Longer than the longest retry countdown (30 min), so a delayed task is not redelivered early.
        "broker_transport_options": {"visibility_timeout": 3 * 3600},
    }
    if settings.broker_url and settings.broker_url.startswith("filesystem://"):
        folder = str(settings.data_dir / "broker")
        conf["broker_transport_options"] = {
            "data_folder_in": folder, "data_folder_out": folder, "processed_folder": folder,
            "store_processed": False, "polling_interval": 0.1,
        }
    return conf


class CeleryQueue:
    """Publishes ingest/send tasks by name to the broker."""

    def __init__(self, settings: Settings, app: Any = None) -> None:
        if app is None:
            from celery import Celery

            if settings.broker_url and settings.broker_url.startswith("filesystem://"):
                (settings.data_dir / "broker").mkdir(parents=True, exist_ok=True)
            app = Celery("intake-publisher", broker=settings.broker_url)
            app.conf.update(celery_config(settings))
        self.app = app
        self._redis: Any = None

    def ingest(self, message_id: int) -> None:
        self.app.send_task(INGEST_TASK, args=[message_id])

    def send(self, notice_id: int, countdown: float = 0) -> None:
        self.app.send_task(SEND_TASK, args=[notice_id], countdown=countdown or None)

    def backlog(self) -> int | None:
        """Waiting tasks on a Redis broker (kombu keeps one list per priority step); else None."""
        url = str(self.app.conf.broker_url or "")
        if not url.startswith(("redis://", "rediss://")):
            return None
        try:
            import redis

            client = self._redis if self._redis is not None else redis.Redis.from_url(url, socket_timeout=5)
            self._redis = client
            keys = [f"{name}{suffix}" for name in (INGEST_QUEUE, NOTICE_QUEUE)
                    for suffix in ("", *(f"\x06\x16{step}" for step in range(1, 10)))]
            return sum(int(client.llen(key)) for key in keys)
        except Exception:
            log.debug("broker backlog unknown", exc_info=True)
            return None


@dataclass
class InlineQueue:
    """Runs work in this process (embedded mode, `intake ingest`, the demo).

    Immediate by default. `defer()` switches to a hand-off: poller threads only put ids on a
    local queue and `work()`, called from the main thread, does the processing, so the
    poller still only moves bytes and the extraction deadline (SIGALRM) applies.
    """

    runtime: Runtime | None = None
    results: dict[int, dict[str, Any]] = field(default_factory=dict)
    pending: queue.Queue[tuple[str, int]] | None = None

    def defer(self) -> None:
        self.pending = queue.Queue()

    def ingest(self, message_id: int) -> None:
        if self.pending is not None:
            self.pending.put(("ingest", message_id))
            return
        assert self.runtime is not None
        self.results[message_id] = self.runtime.ingest(message_id)

    def send(self, notice_id: int, countdown: float = 0) -> None:
        if self.pending is not None:
            self.pending.put(("send", notice_id))
            return
        self._send_now(notice_id)

    def backlog(self) -> int | None:
        return self.pending.qsize() if self.pending is not None else 0

    def _send_now(self, notice_id: int) -> None:
        assert self.runtime is not None
        try:
            send_notice(self.runtime.store, self.runtime.settings, self.runtime.transport, notice_id)
        except RetryLater as exc:
            # In process there is nobody to wake us later: the `run` loop's sweep retries when due.
            log.warning("%s", exc)

    def work(self, seconds: float) -> int:
        """Process handed-off work for up to `seconds` (returns early when idle); returns items done."""
        assert self.pending is not None and self.runtime is not None
        deadline, done = time.monotonic() + seconds, 0
        while (left := deadline - time.monotonic()) > 0:
            try:
                kind, item = self.pending.get(timeout=left)
            except queue.Empty:
                break
            try:
                if kind == "ingest":
                    self.results[item] = self.runtime.ingest(item)
                else:
                    self._send_now(item)
            except Exception:  # recorded (quarantined) by the runtime; the loop goes on
                log.exception("%s %s failed", kind, item)
            done += 1
        return done


@dataclass
class Runtime:
    settings: Settings
    store: Store
    transport: Transport
    queue: Queue

    def ingest(self, message_id: int, final_attempt: bool = True) -> dict[str, Any]:
        """Process one stored message and dispatch its notices, holding its lease meanwhile."""

        with log_context(message_id=message_id):
            return self._ingest(message_id, final_attempt)

    def _ingest(self, message_id: int, final_attempt: bool) -> dict[str, Any]:
        from intake.claims import claim, renewing
        from intake.tables import Message

        lease = self.settings.claim_seconds
        held = claim(self.store, Message, message_id, MessageStatus.RECEIVED, lease)
        if not held and self.store.message_status(message_id) == MessageStatus.RECEIVED:
            # Another worker holds it and is alive (it renews its lease); if it dies, the
            # sweeper hands the message on once the lease has run out.
            return {"message": message_id, "status": "in_progress"}
        failpoints.hit("after_claim")
        try:
            with renewing(self.store, Message, message_id, lease) if held else contextlib.nullcontext():
                result, notice_ids = process_message(self.store, self.settings, message_id)
        except Exception as exc:
            log.exception("message %s failed", message_id)
            record_failure(self.store, message_id, f"{type(exc).__name__}: {exc}", final_attempt)
            raise
        finally:
            collect_garbage()
        bind(tracking_id=result.get("tracking_id"))
        for notice_id in notice_ids:
            self.queue.send(notice_id)
        return result

    def sweep(self) -> int:
        """Re-dispatch notices that are due (crash between commit and enqueue, a sender killed
        mid-send, retries in embedded mode). A notice never tried is due after a short grace when
        the broker's queue is empty, else only once its send task cannot still be waiting."""
        grace = self.settings.send_claim_seconds if self.queue.backlog() == 0 else STALE_SECONDS
        ids = due_notices(self.store, grace_seconds=grace)
        for notice_id in ids:
            self.queue.send(notice_id)
        return len(ids)

    def requeue_stale(self) -> int:
        """Hand on again the messages nobody is processing: a lease that ran out (a worker died), or
        a message stored but never taken (its task lost, e.g. with a broker restarted without
        persistence). When the broker's queue is known to be empty, a few seconds tell the second
        case; otherwise the tasks may still be waiting in the queue and STALE_SECONDS must pass."""
        backlog = self.queue.backlog()
        ids = stale_messages(self.store, UNCLAIMED_SECONDS if backlog == 0 else STALE_SECONDS)
        for message_id in ids:
            self.queue.ingest(message_id)
        return len(ids)


_frozen_in: int | None = None  # the pid that set its long-lived objects aside with gc.freeze()


def freeze_long_lived() -> None:
    """For long-running processes (a worker process, `intake run`), once start-up is done: set
    what is alive now (imports, settings, caches) aside from the collector, so collect_garbage()
    after each mail scans only what that mail left (about 1.5 ms instead of 25 ms)."""
    global _frozen_in
    gc.collect()
    gc.freeze()
    _frozen_in = os.getpid()


def collect_garbage() -> None:
    """Free what one mail left behind, now, in a process that froze its long-lived objects.
    python-docx documents are reference cycles: left to the automatic collector, their XML
    trees and images pile up until a full collection, and a worker's RSS climbs by tens of MB
    (bench/memory.py). One-shot commands (`intake ingest`) leave it to the automatic collector."""
    if _frozen_in == os.getpid():
        gc.collect()


STALE_SECONDS = 300
UNCLAIMED_SECONDS = 5.0
SWEEP_SECONDS = 5.0


def stale_messages(store: Store, unclaimed_for: float = STALE_SECONDS, limit: int = 500) -> list[int]:
    """Messages to hand on again, marked as queued now: unprocessed, not held by a living worker,
    and either their lease ran out or nobody took them for `unclaimed_for` seconds."""
    from intake.store.messages import mark_queued, stale_message_ids
    from intake.tables import utcnow

    now = utcnow()
    with store.session() as s:
        ids = stale_message_ids(s, now, unclaimed_for, limit)
        if ids:
            mark_queued(s, ids, now)
    return ids


def build_runtime(settings: Settings, inline: bool | None = None, migrate: bool | None = None) -> Runtime:
    """The runtime for this process; embedded mode migrates the database automatically."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings = with_secret(settings)  # embedded mode: the data dir's secret.key, made on first use
    store = Store(settings.database_url, settings.data_dir, settings.tz, settings.blob_url)
    if migrate if migrate is not None else settings.database_url.startswith("sqlite"):
        store.upgrade()
    transport = transport_from_url(settings.smtp_url, settings.smtp_verify_tls, settings.tls_ca_file)
    use_inline = settings.broker_url is None if inline is None else inline
    queue: Queue = InlineQueue() if use_inline else CeleryQueue(settings)
    runtime = Runtime(settings, store, transport, queue)
    if isinstance(queue, InlineQueue):
        queue.runtime = runtime
    return runtime
