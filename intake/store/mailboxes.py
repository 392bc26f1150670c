"""Named queries on the poller's per-mailbox state and the mails waiting in each mailbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.states import MessageStatus
from intake.tables import MailboxState, Message


def mailbox_state(s: Session, mailbox: str) -> MailboxState | None:
    """The poller's recorded state of one mailbox, None before its first poll."""
    return s.get(MailboxState, mailbox)


def last_polls(s: Session) -> dict[str, datetime | None]:
    """Mailbox name → its last successful poll or heartbeat, for every mailbox ever polled."""
    return {state.mailbox: state.last_poll_at for state in s.scalars(select(MailboxState))}


def waiting_in(s: Session, mailbox: str) -> tuple[int, datetime | None]:
    """(how many, the oldest received_at) of the mails from `mailbox` stored and not yet processed."""
    waiting, oldest = s.execute(
        select(func.count(Message.id), func.min(Message.received_at))
        .where(Message.mailbox == mailbox, Message.status == MessageStatus.RECEIVED)).one()
    return int(waiting), oldest
