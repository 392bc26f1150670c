"""Mail that arrives inside the poller's blind windows is still picked up at once (real Dovecot).

Two windows exist around IMAP IDLE: between the sweep's SEARCH and the end of the sweep (the
server announces the new mail in an untagged EXISTS attached to our FETCH/MOVE responses), and
between the end of the sweep and the IDLE command. A failpoint callback delivers a mail exactly
there; with a 10-minute IDLE timeout, nothing but the race handling can find it in time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake import failpoints
from intake.config import load_settings
from intake.delivery import watcher
from intake.poller.watch import Watcher
from intake.runtime import Runtime, build_runtime
from intake.tables import MailboxState

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class RecordingQueue:
    """Stands in for the broker: records which messages were handed on (the poller's only output)."""

    def __init__(self) -> None:
        self.ingested: list[int] = []

    def ingest(self, message_id: int) -> None:
        self.ingested.append(message_id)

    def send(self, notice_id: int, countdown: float = 0) -> None:
        pass


@pytest.fixture
def runtime(tmp_path: Path, dovecot: Any) -> Runtime:
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MAILBOX_URL": dovecot.url("INBOX"),
                              "INTAKE_IDLE_TIMEOUT": "600", "INTAKE_HEARTBEAT_INTERVAL": "600"})
    rt = build_runtime(settings)
    rt.queue = RecordingQueue()  # type: ignore[misc]
    return rt


@pytest.fixture
def watching(runtime: Runtime) -> Iterator[Watcher]:
    stop = threading.Event()
    w = watcher(runtime, runtime.settings.mailboxes[0], stop)
    thread = threading.Thread(target=w.run, daemon=True)
    thread.start()
    try:
        yield w
    finally:
        stop.set()
        thread.join(15)


def _mail(n: int) -> bytes:
    raw = (EXAMPLES / "05-missing-phone.eml").read_bytes()
    return raw.replace(b"Message-ID: <", f"Message-ID: <race{n}.".encode(), 1)


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


def _deliver_once(dovecot: Any, n: int) -> Any:
    done = threading.Event()

    def deliver() -> None:
        if not done.is_set():
            done.set()
            dovecot.append(_mail(n))

    return deliver


@pytest.mark.parametrize("window", ["sweep_searched", "before_idle"])
def test_a_mail_delivered_inside_the_window_is_picked_up_without_waiting_for_more_mail(
    window: str, dovecot: Any, runtime: Runtime
) -> None:
    dovecot.append(_mail(0))  # the first sweep finds this one; the window opens after it
    with failpoints.on(window, _deliver_once(dovecot, 1)):
        stop = threading.Event()
        w = watcher(runtime, runtime.settings.mailboxes[0], stop)
        thread = threading.Thread(target=w.run, daemon=True)
        thread.start()
        try:
            _wait(lambda: len(runtime.queue.ingested) == 2 and dovecot.uids("INBOX") == [], 10,  # type: ignore[attr-defined]
                  "both mails to be handed on and filed away")
        finally:
            stop.set()
            thread.join(15)


def test_a_burst_appended_while_the_poller_idles_is_all_picked_up(dovecot: Any, runtime: Runtime,
                                                                    watching: Watcher) -> None:
    _wait(lambda: _state(runtime) is not None, 10, "the first sweep")
    senders = [threading.Thread(target=lambda k=k: [dovecot.append(_mail(100 * k + i)) for i in range(25)])
               for k in range(4)]
    for t in senders:
        t.start()
    for t in senders:
        t.join()
    _wait(lambda: dovecot.uids("INBOX") == [], 90, "the INBOX to be empty")  # generous: a loaded machine
    assert len(runtime.queue.ingested) == 100  # type: ignore[attr-defined]


def test_an_idling_poller_records_a_heartbeat_so_it_is_not_reported_stale(dovecot: Any, tmp_path: Path) -> None:
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MAILBOX_URL": dovecot.url("INBOX"),
                              "INTAKE_HEARTBEAT_INTERVAL": "1"})
    runtime = build_runtime(settings)
    stop = threading.Event()
    thread = threading.Thread(target=watcher(runtime, settings.mailboxes[0], stop).run, daemon=True)
    thread.start()
    try:
        _wait(lambda: _state(runtime) is not None, 10, "the first sweep")
        first = _state(runtime)
        _wait(lambda: _state(runtime) > first, 10, "a heartbeat while idling")
    finally:
        stop.set()
        thread.join(15)


def test_a_mail_missed_by_idle_is_found_by_the_safety_sweep(dovecot: Any, tmp_path: Path,
                                                              monkeypatch: Any) -> None:
    """Even if a server never announced new mail, the heartbeat cycle's search finds it."""
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MAILBOX_URL": dovecot.url("INBOX"),
                              "INTAKE_HEARTBEAT_INTERVAL": "2"})
    runtime = build_runtime(settings)
    monkeypatch.setattr("intake.poller.imap.announces_new_mail", lambda responses: False)
    stop = threading.Event()
    thread = threading.Thread(target=watcher(runtime, settings.mailboxes[0], stop).run, daemon=True)
    thread.start()
    try:
        _wait(lambda: _state(runtime) is not None, 10, "the first sweep")
        dovecot.append(_mail(7))
        _wait(lambda: dovecot.uids("INBOX") == [], 10, "the safety sweep to file the mail away")
    finally:
        stop.set()
        thread.join(15)


def _state(runtime: Runtime) -> Any:
    with runtime.store.session() as s:
        state = s.get(MailboxState, "default")
        return state.last_poll_at if state else None
