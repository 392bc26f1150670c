"""Crash and race points for the tests.

`INTAKE_FAILPOINTS=after_row` makes the process SIGKILL itself there (crash tests, in a
subprocess). In-process tests may instead attach a callback to a point with `on(name, fn)`,
e.g. to deliver a mail exactly inside the window between a sweep and IDLE.

Read once at import; when unset (always, in production) `hit()` is two dict lookups.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator

_ACTIVE = frozenset(p.strip() for p in os.environ.get("INTAKE_FAILPOINTS", "").split(",") if p.strip())
_CALLBACKS: dict[str, Callable[[], None]] = {}


def hit(name: str) -> None:
    if name in _ACTIVE:
        os.kill(os.getpid(), signal.SIGKILL)
    callback = _CALLBACKS.get(name)
    if callback is not None:
        callback()


@contextlib.contextmanager
def on(name: str, callback: Callable[[], None]) -> Iterator[None]:
    """Call `callback` each time the point `name` is hit, for the duration of the block."""
    _CALLBACKS[name] = callback
    try:
        yield
    finally:
        _CALLBACKS.pop(name, None)
