"""Prometheus metrics: `http://127.0.0.1:INTAKE_METRICS_PORT/metrics` from run, poll and worker.

Two sources, so every process tells the same truth:
- counts of what happened are read from the database at scrape time (`StoreCollector`): they are
  right across processes, hosts and restarts (messages by outcome, notices by kind and status,
  last poll per mailbox, waiting and quarantined messages, the end-to-end probe);
- timings are observed where the work runs (`EXTRACTION_SECONDS`). A Celery prefork worker runs
  extraction in pool processes: `intake worker` sets PROMETHEUS_MULTIPROC_DIR to a fresh folder
  before Celery starts, and the main process serves the pool's merged histograms.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Histogram, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

log = logging.getLogger(__name__)

EXTRACTION_SECONDS = Histogram(
    "intake_extraction_seconds", "Time to evaluate one mail (parse, extract, rules), by manuscript format",
    ["format"], buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
)


def observe_extraction(fmt: str, seconds: float) -> None:
    EXTRACTION_SECONDS.labels(format=fmt or "none").observe(seconds)


class StoreCollector(Collector):
    """Counts read from the database at each scrape (a failing database yields intake_up 0)."""

    def __init__(self, store: Any, settings: Any, backlog: Callable[[], int | None] | None = None) -> None:
        self.store, self.settings, self.backlog = store, settings, backlog

    def describe(self) -> list[Metric]:
        return []  # collected lazily: no database query at registration

    def collect(self) -> Iterator[Metric]:
        from intake.states import MessageStatus
        from intake.store.mailboxes import last_polls
        from intake.store.reports import messages_by_status, notices_by_kind_and_status, processed_by_outcome

        up = GaugeMetricFamily("intake_database_up", "1 when the last scrape could read the database")
        try:
            with self.store.session() as s:
                outcomes = processed_by_outcome(s)
                notices = notices_by_kind_and_status(s)
                by_status = dict(messages_by_status(s))
                polls = last_polls(s)
        except Exception as exc:
            log.warning("metrics: database unreadable: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        messages = CounterMetricFamily("intake_messages", "Messages processed, by outcome", labels=["outcome"])
        for outcome, count in outcomes:
            messages.add_metric([outcome or "unknown"], count)
        yield messages
        sent = CounterMetricFamily("intake_notices", "Notices (outgoing mails) by kind and current status",
                                   labels=["kind", "status"])
        for kind, status, count in notices:
            sent.add_metric([kind, status], count)
        yield sent
        last = GaugeMetricFamily("intake_mailbox_last_poll_timestamp_seconds",
                                 "Unix time of the last successful poll or heartbeat (0: never)", labels=["mailbox"])
        from intake.clock import aware

        for box in self.settings.mailboxes:
            when = polls.get(box.name)
            last.add_metric([box.name], aware(when).timestamp() if when else 0.0)
        yield last
        waiting = GaugeMetricFamily("intake_messages_waiting", "Messages stored and not yet processed")
        waiting.add_metric([], by_status.get(MessageStatus.RECEIVED, 0))
        yield waiting
        quarantined = GaugeMetricFamily("intake_quarantined_messages",
                                        "Messages quarantined after their last attempt (intake replay)")
        quarantined.add_metric([], by_status.get(MessageStatus.FAILED, 0))
        yield quarantined
        depth = self.backlog() if self.backlog is not None else None
        if depth is not None:
            queue = GaugeMetricFamily("intake_queue_depth", "Tasks waiting in the broker queue")
            queue.add_metric([], depth)
            yield queue
        yield from self._probe()

    def _probe(self) -> Iterator[Metric]:
        from intake.probe import last_probe

        try:
            probe = last_probe(self.store, self.settings.probe_timeout)
        except Exception:
            return
        if probe is None:
            return
        ok = GaugeMetricFamily("intake_probe_success", "1 when the last end-to-end probe was answered in time")
        ok.add_metric([], 1 if probe["ok"] else 0)
        yield ok
        if probe.get("roundtrip_seconds") is not None:
            rt = GaugeMetricFamily("intake_probe_roundtrip_seconds",
                                   "Seconds from sending the last answered probe to its acknowledgement")
            rt.add_metric([], probe["roundtrip_seconds"])
            yield rt
        when = GaugeMetricFamily("intake_probe_last_sent_timestamp_seconds", "Unix time the last probe was sent")
        when.add_metric([], probe["sent_at_epoch"])
        yield when


def serve(port: int, store: Any, settings: Any, backlog: Callable[[], int | None] | None = None,
          host: str = "127.0.0.1") -> Any:
    """Start the /metrics HTTP server on a daemon thread (loopback by default); returns the server."""
    registry: CollectorRegistry
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=folder)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    registry.register(StoreCollector(store, settings, backlog))
    server, _thread = start_http_server(port, addr=host, registry=registry)
    log.info("metrics on http://%s:%d/metrics", host, port)
    return server
