"""Leases on message and notice rows (`claimed_until`): one conditional UPDATE each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from intake.tables import Message, Notice

Leased = type[Message] | type[Notice]


def take_lease(s: Session, table: Leased, row_id: int, status: str, now: datetime, until: datetime) -> bool:
    """Hold the row until `until` if it is in `status` and nobody holds it (or their lease ran out)."""
    free = table.claimed_until.is_(None) | (table.claimed_until < now)
    taken = s.execute(update(table).where(table.id == row_id, table.status == status, free)
                      .values(claimed_until=until)).rowcount  # type: ignore[attr-defined]
    return bool(taken)


def extend_lease(s: Session, table: Leased, row_id: int, until: datetime) -> None:
    """Move a held lease on to `until` (a released one stays released)."""
    s.execute(update(table).where(table.id == row_id, table.claimed_until.is_not(None)).values(claimed_until=until))


def drop_lease(s: Session, table: Leased, row_id: int) -> None:
    """Release the row, whoever held it."""
    s.execute(update(table).where(table.id == row_id).values(claimed_until=None))
