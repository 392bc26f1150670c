"""The guarded call and the embedded deployment the hostile tests run mails through.

Guards: intake's own extraction deadline uses SIGALRM (intake/extract/deadline.py) and cancels
any timer on its way out, so the time bound here must not use SIGALRM. A watchdog thread interrupts
the main thread with SIGUSR1 (raising ``Hang``, a BaseException that no ``except Exception`` in
intake swallows) and dumps every thread's stack; faulthandler kills the process as a last resort if
even that does not come back. Memory is the process RSS sampled by a thread (it sees C allocations
by lxml, Pillow, zlib, which tracemalloc would not) minus the RSS before the call, after
malloc_trim(0) has returned the heap's free pages (else reused free memory would not show).
"""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import os
import resource
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime

T = TypeVar("T")

TIME_BOUND_SECONDS = 20.0  # one hostile mail, stored and processed
MEMORY_BOUND_BYTES = 300 * 1024 * 1024  # RSS growth while processing it
HARD_KILL_SECONDS = 180  # the watchdog's interrupt did not come back: end the process with stacks


class Hang(BaseException):
    """Raised in the main thread by the watchdog when a call runs past its time bound."""


_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * _PAGE


@dataclass
class Guarded:
    """What one guarded call did: its value or its exception (with traceback text), time, memory."""

    value: Any = None
    error: BaseException | None = None
    trace: str = ""
    elapsed: float = 0.0
    rss_growth: int = 0


try:
    _LIBC: Any = ctypes.CDLL("libc.so.6")
except OSError:  # not glibc: RSS growth may then undercount memory the allocator reuses
    _LIBC = None


def _trim() -> None:
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _on_usr1(_signum: int, _frame: Any) -> None:
    raise Hang("watchdog: time bound exceeded")


def guarded(fn: Callable[[], T], seconds: float = TIME_BOUND_SECONDS) -> Guarded:
    """Run ``fn()`` in this (main) thread under a watchdog and an RSS sampler; never raises for fn's errors."""
    assert threading.current_thread() is threading.main_thread(), "intake's deadline needs the main thread"
    gc.collect()
    _trim()  # hand freed heap back to the OS, so memory reused by this call shows up as RSS growth
    baseline = rss_bytes()
    peak = [baseline]
    done = threading.Event()
    main = threading.main_thread().ident
    assert main is not None

    def sample() -> None:
        while not done.wait(0.005):
            peak[0] = max(peak[0], rss_bytes())

    def watch() -> None:
        if not done.wait(seconds):
            faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
            signal.pthread_kill(main, signal.SIGUSR1)

    previous = signal.signal(signal.SIGUSR1, _on_usr1)
    faulthandler.dump_traceback_later(HARD_KILL_SECONDS, exit=True)
    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=watch, daemon=True)]
    for thread in threads:
        thread.start()
    out = Guarded()
    start = time.monotonic()
    try:
        out.value = fn()
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        out.error, out.trace = exc, traceback.format_exc()
    finally:
        out.elapsed = time.monotonic() - start
        done.set()
        for thread in threads:
            thread.join()
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGUSR1, previous)
    out.rss_growth = max(peak[0], rss_bytes()) - baseline
    return out


@dataclass
class Harness:
    """One embedded deployment in ``root/data`` on one database."""

    db: str
    root: Path
    runtime: Runtime
    created: list[int] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.runtime.settings.data_dir

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    def store_and_ingest(self, raw: bytes) -> tuple[int, dict[str, Any]]:
        """The worker's path: the poller stores the bytes, the ingest task processes the row."""
        message_id, _ = self.runtime.store.record_message(raw, "hostile")
        self.created.append(message_id)
        return message_id, self.runtime.ingest(message_id, final_attempt=True)

    def __repr__(self) -> str:  # hypothesis prints fixtures of a failing example: keep it short
        return f"Harness({self.db}, {self.root})"

    def outbox_files(self) -> list[Path]:
        return sorted(self.outbox.glob("*.eml")) if self.outbox.is_dir() else []


MEMORY_CEILING_BYTES = 4 * 1024 * 1024 * 1024  # address space allowed above what the process has mapped


@contextmanager
def memory_ceiling(extra: int = MEMORY_CEILING_BYTES) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/status") as fh:
        mapped = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    limit = mapped + extra if hard == resource.RLIM_INFINITY else min(hard, mapped + extra)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def build(root: Path, database_url: str | None) -> Runtime:
    """The runtime `intake ingest` builds: inline queue, file outbox and data under ``root/data``."""
    env = {"INTAKE_DATA_DIR": str(root / "data")}
    if database_url:
        env["INTAKE_DATABASE_URL"] = database_url
        env["INTAKE_SECRET_KEY"] = "hostile-tests-only-secret-0123456789abcdef"  # required outside embedded mode
    return build_runtime(load_settings(env), inline=True, migrate=True)
