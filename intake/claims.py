"""Leases on rows: a worker holds a message or a notice only as long as it is alive.

Claiming is one conditional UPDATE (free, or its lease ran out), so two workers never hold the
same row. While the work runs, a thread renews the lease every third of its length; a worker
killed with -9 stops renewing, its lease runs out within `seconds`, and the sweeper hands the
row to the next worker. Work on a row stays idempotent, so a lease that runs out under a slow
but living worker costs only duplicated effort, never a second answer.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from datetime import timedelta

from intake.store import Store
from intake.store.leases import Leased, drop_lease, extend_lease, take_lease
from intake.tables import utcnow

log = logging.getLogger(__name__)


def claim(store: Store, table: Leased, row_id: int, status: str, seconds: float) -> bool:
    """Take the lease on one row in `status`, if nobody holds it."""
    now = utcnow()
    with store.session() as s:
        return take_lease(s, table, row_id, status, now, now + timedelta(seconds=seconds))


def _renew(store: Store, table: Leased, row_id: int, seconds: float) -> None:
    with store.session() as s:
        extend_lease(s, table, row_id, utcnow() + timedelta(seconds=seconds))


def release(store: Store, table: Leased, row_id: int) -> None:
    with store.session() as s:
        drop_lease(s, table, row_id)


@contextlib.contextmanager
def renewing(store: Store, table: Leased, row_id: int, seconds: float, release_after: bool = True) -> Iterator[None]:
    """Keep the lease on a claimed row alive while the block runs; release it afterwards unless
    the caller records the row's next state (and clears the lease) in the same step."""
    done = threading.Event()

    def renew() -> None:
        while not done.wait(seconds / 3):
            try:
                _renew(store, table, row_id, seconds)
            except Exception:  # a busy database: the next renewal (or the sweeper's redo) covers it
                log.debug("lease renewal of %s %s failed", table.__tablename__, row_id, exc_info=True)

    thread = threading.Thread(target=renew, name=f"lease-{table.__tablename__}-{row_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(5)
        if release_after:
            with contextlib.suppress(Exception):
                release(store, table, row_id)
