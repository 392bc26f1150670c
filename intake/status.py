"""Health: last successful poll per mailbox, message and notice counts, stale-mailbox warnings."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, select

from intake.config import Settings
from intake.i18n import t
from intake.states import MessageStatus, NoticeStatus
from intake.store import Store
from intake.tables import Event, MailboxState, Message, Notice, Submission, utcnow

log = logging.getLogger(__name__)
STALE_INTERVALS = 3


def _age(when: datetime | None) -> float | None:
    if when is None:
        return None
    now = utcnow()
    return (now - (when if when.tzinfo else when.replace(tzinfo=now.tzinfo))).total_seconds()


def stale_after(settings: Settings) -> float:
    """How long a mailbox may go without a successful poll or heartbeat: N of the poller's longest waits."""
    cycle = min(settings.idle_timeout, settings.heartbeat_interval)
    return STALE_INTERVALS * max(settings.poll_interval, cycle, 60.0)


def warn_stale(store: Store, settings: Settings) -> list[str]:
    stale = []
    with store.session() as s:
        for box in settings.mailboxes:
            state = s.get(MailboxState, box.name)
            age = _age(state.last_poll_at if state else None)
            if age is not None and age > stale_after(settings):
                log.warning("mailbox %s has not been polled for %.0f s", box.name, age)
                stale.append(box.name)
    return stale


def _fmt(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "0"


def _print_failures(store: Store, limit: int = 20) -> None:
    """The newest permanent failures, with their errors, for ops to act on."""
    with store.session() as s:
        notices = s.scalars(select(Notice).where(Notice.status == NoticeStatus.FAILED)
                            .order_by(Notice.id.desc()).limit(limit))
        for notice in notices:
            print(t("status_failed_notice", id=notice.id, kind=notice.kind, to=", ".join(notice.recipients),
                    error=notice.last_error or ""))
        messages = s.scalars(select(Message).where(Message.status == MessageStatus.FAILED)
                             .order_by(Message.id.desc()).limit(limit))
        for msg in messages:
            print(t("status_failed_message", id=msg.id, sender=msg.sender, error=msg.error or ""))


def print_status(store: Store, settings: Settings) -> int:
    with store.session() as s:
        for box in settings.mailboxes:
            state = s.get(MailboxState, box.name)
            last = state.last_poll_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if state and state.last_poll_at \
                else t("never")
            error = f" ({state.last_error})" if state and state.last_error else ""
            print(t("status_mailbox", name=box.name, last=last, uv=state.uidvalidity if state else "-",
                    uid=state.last_uid if state else "-", error=error))
            age = _age(state.last_poll_at if state else None)
            if age is not None and age > stale_after(settings):
                print(t("status_stale", name=box.name, seconds=age))
        messages = {str(k): int(v) for k, v in s.execute(select(Message.status, func.count()).group_by(Message.status))}
        notices = {str(k): int(v) for k, v in s.execute(select(Notice.status, func.count()).group_by(Notice.status))}
        ignored = {str(k): int(v) for k, v in s.execute(select(Message.reason, func.count()).where(
            Message.outcome == "ignored").group_by(Message.reason))}
        not_sent = s.scalar(select(func.count(Event.id)).where(Event.kind == "notice.rejection_not_sent")) or 0
        silent = s.scalar(select(func.count(Submission.id)).where(Submission.auto_answer.is_(False))) or 0
    print(t("status_counts", messages=_fmt(messages), notices=_fmt(notices)))
    print(t("status_unanswered", ignored=_fmt(ignored), not_sent=not_sent, silent=silent))
    _print_failures(store)
    return 0 if not notices.get("failed") and not messages.get("failed") else 1
