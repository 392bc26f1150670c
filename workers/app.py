"""The Celery application, configured from INTAKE_* settings (JSON only, acks late, prefetch 1)."""

from __future__ import annotations

import logging

from celery import Celery
from celery.signals import (
    after_setup_logger,
    after_setup_task_logger,
    worker_init,
    worker_process_init,
    worker_ready,
)
from kombu.entity import Queue

from intake.config import ConfigError, load_settings
from intake.logs import apply_to
from intake.metrics import serve
from intake.runtime import (
    INGEST_QUEUE,
    NOTICE_QUEUE,
    CeleryQueue,
    Runtime,
    build_runtime,
    celery_config,
    freeze_long_lived,
)
from intake.secret import require_secret
from intake.store.connections import forget_inherited_connections

log = logging.getLogger(__name__)

settings = load_settings()
try:
    require_secret(settings)  # decisions and our Message-IDs need it; refuse to start without it
except ConfigError as exc:
    raise SystemExit(f"intake worker: refusing to start: {exc}") from None
if settings.broker_url and settings.broker_url.startswith("filesystem://"):
    (settings.data_dir / "broker").mkdir(parents=True, exist_ok=True)
app = Celery("intake", broker=settings.broker_url or "memory://")
app.conf.update(celery_config(settings))
app.conf.task_queues = (Queue(INGEST_QUEUE), Queue(NOTICE_QUEUE))  # type: ignore[no-untyped-call]  # both, in turn

_runtime: Runtime | None = None


def runtime() -> Runtime:
    """This process's runtime, built lazily (after a prefork worker forks)."""
    global _runtime
    if _runtime is None:
        built = build_runtime(settings, inline=True, migrate=False)
        _runtime = Runtime(built.settings, built.store, built.transport, CeleryQueue(settings, app))
    return _runtime


def _reset_after_fork(**_kwargs: object) -> None:
    global _runtime
    if _runtime is not None:  # built in the main process (for /metrics): its connections stay the parent's
        forget_inherited_connections(_runtime.store)
    _runtime = None
    freeze_long_lived()


def _started(**_kwargs: object) -> None:
    freeze_long_lived()  # before a prefork pool forks (shared pages stay shared); solo/threads pools work here


def _ready(**_kwargs: object) -> None:
    """A worker that starts takes over at once what a dead one left (expired leases, lost tasks);
    with INTAKE_METRICS_PORT, the main process serves /metrics (the pool's timings merged)."""
    if settings.metrics_port:
        try:
            rt = runtime()
            serve(settings.metrics_port, rt.store, settings, rt.queue.backlog, settings.metrics_host)
        except Exception:
            log.exception("metrics server not started")
    try:
        rt = runtime()
        handed = rt.requeue_stale() + rt.sweep()
        if handed:
            log.info("worker start: handed on %d messages and notices nobody held", handed)
    except Exception:
        log.exception("start-up sweep failed")


def _logging(logger: logging.Logger, **_kwargs: object) -> None:
    """Celery's loggers get our format (INTAKE_LOG_FORMAT) and the mail context fields."""
    apply_to(logger, settings.log_format)


after_setup_logger.connect(_logging, weak=False)
after_setup_task_logger.connect(_logging, weak=False)
worker_init.connect(_started, weak=False)
worker_ready.connect(_ready, weak=False)
worker_process_init.connect(_reset_after_fork, weak=False)


import workers.tasks  # noqa: E402,F401  (registers the tasks)
