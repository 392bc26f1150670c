"""One decision service for every way a reviewer decides: a reply mail, the web desk, the CLI.

A decision sets the submission's status (approved, returned, rejected), records one event
`submission.<status>` with the reviewer as actor and `{"comment", "via"}` as detail, and writes
the contributor's decision notice to the outbox (unless the submission is not answered
automatically: a web form's or OA system's). The notice is planned and composed before the
transaction; the transaction locks the submission only to check that it is still in the state
the reviewer saw (`Version`) and to write. A decision made on a state that changed meanwhile (a
second click, another reviewer, a revision) raises `Stale` and changes nothing: a decision is
never applied, nor answered, twice.

Who may decide is the caller's part: `intake.trust` authenticates a reply; the desk checks its
session, CSRF token and the reviewer's assignment; the CLI is run by ops on the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from intake.clock import local_text
from intake.config import Settings
from intake.drafts import from_stored
from intake.mail import parse_mail
from intake.models import NoticeKind, Outcome
from intake.notify import Planned, Subject, base_context, decision_envelope
from intake.outbox import Composed, compose_notices, record_notices
from intake.states import SubmissionStatus
from intake.store import Store, Tx
from intake.store.desk import last_decision, last_event_id
from intake.store.submissions import submission_by_tracking_id
from intake.tables import Event, Message, Submission, utcnow

DECIDABLE = (SubmissionStatus.PENDING_REVIEW, SubmissionStatus.HELD, SubmissionStatus.APPROVED,
             SubmissionStatus.RETURNED, SubmissionStatus.REJECTED)
STATUSES = (SubmissionStatus.APPROVED, SubmissionStatus.RETURNED, SubmissionStatus.REJECTED)
VIA = ("mail", "web", "cli")
MAX_COMMENT = 5000


class NotDecidable(Exception):
    """The submission does not exist or is in a state no decision applies to (incomplete)."""


class Stale(Exception):
    """The submission changed after the reviewer saw it: nothing was decided."""


class Repeated(Exception):
    """The submission is already in that state with that comment: nothing to decide, nobody to tell again."""


def repeats(s: Tx, sub: Submission, act: Act) -> bool:
    """The same decision again (a Back and resubmit, a second reply "通过"): same state, same comment."""
    if sub.status != act.status:
        return False
    last = last_decision(s, sub.id, [f"submission.{status}" for status in STATUSES])
    return last is not None and last == (f"submission.{act.status}", act.comment)


@dataclass(frozen=True)
class Act:
    """A reviewer's decision: what, why, who and by which way."""

    status: str  # approved | returned | rejected
    comment: str
    actor: str  # the reviewer's address (an admin's, on the desk)
    via: str  # mail | web | cli

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"not a decision: {self.status!r}")
        if self.via not in VIA:
            raise ValueError(f"not a way to decide: {self.via!r}")


@dataclass(frozen=True)
class Version:
    """The state a reviewer decided on: status, revision and the latest event of the submission."""

    status: str
    revision: int
    event: int

    def token(self) -> str:
        return f"{self.status}.{self.revision}.{self.event}"

    @classmethod
    def parse(cls, text: str) -> Version | None:
        parts = text.split(".")
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            return None
        return cls(parts[0], int(parts[1]), int(parts[2]))


@dataclass(frozen=True)
class Decided:
    tracking_id: str
    status: str
    notice_ids: list[int]


def version_of(s: Tx, sub: Submission) -> Version:
    return Version(sub.status, sub.revision, last_event_id(s, sub.id))


def plan(store: Store, settings: Settings, sub: Submission, act: Act, key: str) -> list[Planned]:
    """The contributor's decision notice (answering their first mail), or nothing for a submission
    nobody is answered about. `key` ends the notice's idempotency key: one notice per decision."""
    if not sub.auto_answer:
        return []
    with store.session() as s:
        first = s.get_one(Message, sub.first_message_id)
        first_sha256, first_received = first.sha256, first.received_at
    return [_decision_notice(store, settings, sub, act, key, first_sha256, first_received)]


def apply(s: Tx, settings: Settings, sub: Submission, act: Act, composed: list[Composed],
          message_id: int | None) -> list[int]:
    """Inside the caller's transaction, with `sub` locked: set the status, record the event and the notice."""
    sub.status, sub.updated_at = act.status, utcnow()
    s.add(Event(submission_id=sub.id, message_id=message_id, kind=f"submission.{act.status}",
                actor=act.actor[:100], detail={"comment": act.comment, "via": act.via}))
    created = record_notices(s, settings, composed, message_id or sub.first_message_id, sub.id)
    return created.notice_ids


def decide(store: Store, settings: Settings, tracking_id: str, act: Act, seen: Version | None = None) -> Decided:
    """Decide on the desk or from the CLI. `seen` is the version the reviewer looked at (None: the
    current one, for the CLI). Raises NotDecidable, Stale or Repeated; the caller enqueues the notice ids."""
    act = Act(act.status, act.comment.strip()[:MAX_COMMENT], act.actor.strip().lower(), act.via)
    with store.session() as s:
        sub = submission_by_tracking_id(s, tracking_id.strip().upper())
        if sub is None or sub.status not in DECIDABLE:
            raise NotDecidable(tracking_id)
        current = version_of(s, sub)
        repeated = repeats(s, sub, act)
        s.expunge(sub)
    if seen is not None and seen != current:
        raise Stale(sub.tracking_id)
    if repeated:
        raise Repeated(sub.tracking_id)
    composed = compose_notices(store, settings, plan(store, settings, sub, act, f"{act.via}{current.event}"))
    with store.session() as s:
        locked = s.get_one(Submission, sub.id, with_for_update=True)
        if version_of(s, locked) != current:
            raise Stale(sub.tracking_id)
        ids = apply(s, settings, locked, act, composed, None)
        return Decided(locked.tracking_id, locked.status, ids)


def _decision_notice(store: Store, settings: Settings, sub: Submission, act: Act, key: str, first_sha256: str,
                     first_received: datetime) -> Planned:
    original = parse_mail(store.blobs.get(first_sha256))
    subject = Subject(
        mail=original, outcome=Outcome.ACCEPTED, reason=None, reasons=(), draft=from_stored(sub.draft or {}),
        tracking_id=sub.tracking_id, scope=f"sub:{sub.tracking_id}", revision=sub.revision,
        received_at=local_text(first_received, settings.tz), reviewers=(),
    )
    context: dict[str, Any] = {**base_context(subject, settings),
                               "decision": {"status": act.status, "comment": act.comment, "reviewer": act.actor}}
    return Planned(NoticeKind.DECISION, decision_envelope(subject, settings, sub.contributor_addr, key), context)
