"""Named queries for `intake stats` (the monthly 通报 table): a month's submissions, their status
events, and the mails rejected without a submission. Times in and out are UTC; the caller turns the
office's month into [start, end) in UTC and does the counting (intake.stats)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.models import Outcome
from intake.tables import Event, Message, Submission


def submissions_registered(s: Session, start: datetime, end: datetime) -> list[tuple[int, str | None, str, datetime]]:
    """(id, source unit, status, registered at) of every submission registered in [start, end), oldest first."""
    rows = s.execute(select(Submission.id, Submission.source_unit, Submission.status, Submission.created_at)
                     .where(Submission.created_at >= start, Submission.created_at < end).order_by(Submission.id))
    return [(sid, unit, status, at) for sid, unit, status, at in rows]


def status_events(s: Session, start: datetime, end: datetime,
                  kinds: Iterable[str]) -> list[tuple[int, str, str, datetime]]:
    """(submission id, kind, actor, at) of the events of `kinds` about submissions registered in [start, end),
    oldest first, whenever the event itself happened."""
    registered = select(Submission.id).where(Submission.created_at >= start, Submission.created_at < end)
    rows = s.execute(select(Event.submission_id, Event.kind, Event.actor, Event.created_at)
                     .where(Event.kind.in_(tuple(kinds)), Event.submission_id.in_(registered))
                     .order_by(Event.created_at, Event.id))
    return [(sid, kind, actor, at) for sid, kind, actor, at in rows if sid is not None]


def rejected_mails(s: Session, start: datetime, end: datetime) -> int:
    """Mails received in [start, end) whose outcome is rejected and that have no submission of their own."""
    owned = select(Submission.first_message_id)
    query = select(func.count(Message.id)).where(Message.outcome == Outcome.REJECTED, Message.received_at >= start,
                                     Message.received_at < end, Message.id.not_in(owned))
    return s.scalar(query) or 0
