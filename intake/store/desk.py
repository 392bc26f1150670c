"""Named queries of the editorial desk: accounts, sessions, login failures, assignments, revisions,
the submission list with its filters and counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from intake.tables import (
    Account,
    Assignment,
    DeskSession,
    Event,
    LoginFailure,
    Submission,
    SubmissionRevision,
)

# ------------------------------------------------------------------ accounts and sessions

def account_by_address(s: Session, address: str) -> Account | None:
    return s.scalars(select(Account).where(Account.address == address.strip().lower())).first()


def all_accounts(s: Session) -> list[Account]:
    return list(s.scalars(select(Account).order_by(Account.address)))


def session_by_token_hash(s: Session, token_sha256: str, now: datetime) -> DeskSession | None:
    return s.scalars(select(DeskSession).where(DeskSession.token_sha256 == token_sha256,
                                               DeskSession.expires_at > now)).first()


def end_session(s: Session, token_sha256: str) -> None:
    s.execute(delete(DeskSession).where(DeskSession.token_sha256 == token_sha256))


def end_sessions_of(s: Session, account_id: int) -> None:
    s.execute(delete(DeskSession).where(DeskSession.account_id == account_id))


def purge_expired_sessions(s: Session, now: datetime) -> None:
    s.execute(delete(DeskSession).where(DeskSession.expires_at <= now))


def failures_since(s: Session, keys: Iterable[str], since: datetime) -> int:
    """The most failed logins of any of `keys` since `since`."""
    rows = s.execute(select(LoginFailure.key, func.count(LoginFailure.id))
                     .where(LoginFailure.key.in_(tuple(keys)), LoginFailure.created_at >= since)
                     .group_by(LoginFailure.key)).all()
    return max((count for _, count in rows), default=0)


def forget_failures(s: Session, keys: Iterable[str], before: datetime | None = None) -> None:
    query = delete(LoginFailure).where(LoginFailure.key.in_(tuple(keys)))
    if before is not None:
        query = query.where(LoginFailure.created_at < before)
    s.execute(query)


# ------------------------------------------------------------------ assignments and revisions

def assign(s: Session, submission_id: int, reviewers: Iterable[str]) -> None:
    """Record that these reviewers were sent the submission (once each)."""
    have = set(s.scalars(select(Assignment.reviewer).where(Assignment.submission_id == submission_id)))
    for reviewer in dict.fromkeys(r.lower() for r in reviewers):
        if reviewer not in have:
            s.add(Assignment(submission_id=submission_id, reviewer=reviewer))


def assigned_reviewers(s: Session, submission_id: int) -> list[str]:
    return list(s.scalars(select(Assignment.reviewer).where(Assignment.submission_id == submission_id)
                          .order_by(Assignment.reviewer)))


def is_assigned(s: Session, submission_id: int, reviewer: str) -> bool:
    return s.scalar(select(func.count()).select_from(Assignment).where(
        Assignment.submission_id == submission_id, Assignment.reviewer == reviewer.lower())) != 0


def keep_revision(s: Session, submission_id: int, revision: int, message_id: int, draft: dict[str, object]) -> None:
    """The draft as this revision stands now (a reply completing metadata updates the same revision)."""
    row = s.get(SubmissionRevision, (submission_id, revision))
    if row is None:
        s.add(SubmissionRevision(submission_id=submission_id, revision=revision, message_id=message_id, draft=draft))
    else:
        row.draft, row.message_id = draft, message_id


def revisions_of(s: Session, submission_id: int) -> list[SubmissionRevision]:
    return list(s.scalars(select(SubmissionRevision).where(SubmissionRevision.submission_id == submission_id)
                          .order_by(SubmissionRevision.revision)))


def last_decision(s: Session, submission_id: int, kinds: Iterable[str]) -> tuple[str, str] | None:
    """(kind, comment) of the submission's latest event of these kinds, or None."""
    row = s.execute(select(Event.kind, Event.detail).where(Event.submission_id == submission_id,
                                                           Event.kind.in_(tuple(kinds)))
                    .order_by(Event.id.desc()).limit(1)).first()
    return None if row is None else (row[0], str((row[1] or {}).get("comment") or ""))


def last_event_id(s: Session, submission_id: int) -> int:
    return s.scalar(select(func.max(Event.id)).where(Event.submission_id == submission_id)) or 0


# ------------------------------------------------------------------ the list

@dataclass(frozen=True)
class Filters:
    status: str | None = None
    unit: str | None = None  # a substring of the source unit
    since: datetime | None = None  # created at or after
    until: datetime | None = None  # created before
    text: str | None = None  # a substring of the title, subject, tracking id, unit, author or contributor
    reviewer: str | None = None  # only the submissions assigned to this reviewer


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filtered(query, f: Filters, with_status: bool = True):  # type: ignore[no-untyped-def]
    if f.reviewer is not None:
        query = query.where(Submission.id.in_(select(Assignment.submission_id)
                                              .where(Assignment.reviewer == f.reviewer.lower())))
    if with_status and f.status:
        query = query.where(Submission.status == f.status)
    if f.unit:
        query = query.where(Submission.source_unit.ilike(_like(f.unit), escape="\\"))
    if f.since is not None:
        query = query.where(Submission.created_at >= f.since)
    if f.until is not None:
        query = query.where(Submission.created_at < f.until)
    if f.text:
        pattern = _like(f.text)
        query = query.where(or_(*(column.ilike(pattern, escape="\\") for column in (
            Submission.title, Submission.subject, Submission.tracking_id, Submission.source_unit,
            Submission.contributor_addr, Submission.contributor_name, Submission.manuscript))))
    return query


def list_submissions(s: Session, f: Filters, limit: int, offset: int = 0) -> tuple[list[Submission], int]:
    """One page of the filtered list, newest first, and how many match in all."""
    rows = list(s.scalars(_filtered(select(Submission), f).order_by(Submission.id.desc()).limit(limit)
                          .offset(offset)))
    total = s.scalar(_filtered(select(func.count(Submission.id)), f)) or 0
    return rows, total


def counts_by_status(s: Session, f: Filters) -> dict[str, int]:
    """How many submissions match the filters (but the status one), per status."""
    query = _filtered(select(Submission.status, func.count(Submission.id)), f, with_status=False)
    return {status: count for status, count in s.execute(query.group_by(Submission.status))}
