"""Crash points for the crash tests: `INTAKE_FAILPOINTS=after_row` makes the process SIGKILL itself there.

Read once at import; when unset (always, in production) `hit()` is a set lookup.
"""

from __future__ import annotations

import os
import signal

_ACTIVE = frozenset(p.strip() for p in os.environ.get("INTAKE_FAILPOINTS", "").split(",") if p.strip())


def hit(name: str) -> None:
    if name in _ACTIVE:
        os.kill(os.getpid(), signal.SIGKILL)
