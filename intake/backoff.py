"""One backoff for every retry in the project: exponential, capped, jittered.

`delay(attempt)` is the pure rule (attempt 1 waits about `first`, each further attempt twice
as long, never more than `cap`); `Backoff` keeps the attempt count for a loop that reconnects.
The jitter spreads retries of many clients that failed together (a restarted server).
"""

from __future__ import annotations

import random


def delay(attempt: int, first: float, cap: float, spread: float = 0.2) -> float:
    """Seconds to wait before retry number `attempt` (1-based), within ±`spread` of the base."""
    base = min(first * float(2 ** min(max(attempt - 1, 0), 30)), cap)
    return base * random.uniform(1.0 - spread, 1.0 + spread)


class Backoff:
    """Attempt counter for a reconnect loop: `next()` after a failure, `reset()` after a success."""

    def __init__(self, first: float = 1.0, cap: float = 60.0, spread: float = 0.5) -> None:
        self.first, self.cap, self.spread, self.attempt = first, cap, spread, 0

    def reset(self) -> None:
        self.attempt = 0

    def next(self) -> float:
        self.attempt += 1
        return min(delay(self.attempt, self.first, self.cap, self.spread), self.cap)
