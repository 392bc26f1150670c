"""A wall-clock limit on extraction, so no input can hang a worker.

Uses SIGALRM (setitimer) when called from the main thread, which is where Celery's solo and
prefork pools and `intake ingest` run tasks; elsewhere (the embedded `run` loop's threads) the
size and ratio limits and the subprocess timeouts are the guard.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class ExtractionTimeout(Exception):
    """The extraction ran past its limit."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise ExtractionTimeout(f"extraction took longer than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
