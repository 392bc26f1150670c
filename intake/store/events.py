"""Named queries on the event log: counts of a kind, the latest of a kind, a submission's history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.tables import Event


def count_events(s: Session, kind: str, since: datetime | None = None) -> int:
    """How many events of `kind` were recorded (since `since`, when given)."""
    query = select(func.count(Event.id)).where(Event.kind == kind)
    if since is not None:
        query = query.where(Event.created_at >= since)
    return s.scalar(query) or 0


def last_notice_event_at(s: Session, notice_id: int, kind: str) -> datetime | None:
    """When the latest event of `kind` about one notice was recorded, or None."""
    return s.scalar(select(func.max(Event.created_at)).where(Event.notice_id == notice_id, Event.kind == kind))


def newest_events(s: Session, kind: str, limit: int) -> list[Event]:
    """The latest events of `kind`, newest first."""
    return list(s.scalars(select(Event).where(Event.kind == kind).order_by(Event.id.desc()).limit(limit)))


def event_details(s: Session, kinds: Iterable[str]) -> list[tuple[str, dict[str, Any] | None]]:
    """(kind, detail) of every event of these kinds, oldest first (state kept as events, e.g. alarms)."""
    rows = s.execute(select(Event.kind, Event.detail).where(Event.kind.in_(tuple(kinds))).order_by(Event.id))
    return [(kind, detail) for kind, detail in rows]


def events_of_submission(s: Session, submission_id: int) -> list[Event]:
    """One submission's history, oldest first."""
    return list(s.scalars(select(Event).where(Event.submission_id == submission_id).order_by(Event.id)))
