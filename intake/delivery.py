"""The poller's sink: the store and the queue behind `intake.poller.sink.Sink`.

Order of effects per mail: store raw → message row → enqueue; the poller files the mail away
only after `deliver` returned. A crash anywhere leaves the mail in the folder; the next sweep
finds it, the store's dedupe (mailbox + UIDVALIDITY + UID, then Message-ID + sha256)
recognises it, and at most the missing steps are redone.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from intake import failpoints
from intake.config import MailboxSettings, Settings
from intake.poller.lease import Lease
from intake.poller.sink import Known
from intake.poller.watch import Watcher
from intake.states import MessageStatus
from intake.store import Store
from intake.store.mailboxes import mailbox_state
from intake.tables import Event, MailboxState, utcnow

if TYPE_CHECKING:
    from intake.runtime import Queue, Runtime

log = logging.getLogger(__name__)


class StoreSink:
    def __init__(self, store: Store, queue: Queue) -> None:
        self.store = store
        self.queue = queue

    def deliver(self, mailbox: str, raw: bytes, uidvalidity: int | None, uid: int | None,
                declared_size: int | None = None) -> str:
        failpoints.hit("after_fetch")
        message_id, created = self.store.record_message(raw, mailbox, uidvalidity, uid, declared_size)
        failpoints.hit("after_row")
        # a new row is always "received"
        status = MessageStatus.RECEIVED if created else self.store.message_status(message_id)
        if status == MessageStatus.RECEIVED:
            self.queue.ingest(message_id)
        failpoints.hit("after_enqueue")
        return status

    def known(self, mailbox: str, uidvalidity: int, uids: list[Any]) -> dict[Any, Known]:
        return {uid: Known(*row) for uid, row in self.store.known_uids(mailbox, uidvalidity, uids).items()}

    def requeue(self, message_id: int) -> None:
        self.queue.ingest(message_id)

    def mail_failed(self, mailbox: str, key: Any, error: str) -> None:
        with self.store.session() as s:
            s.add(Event(kind="poller.mail_failed", actor="poller",
                        detail={"mailbox": mailbox, "key": str(key), "error": error}))

    def folder_seen(self, mailbox: str, uidvalidity: int | None, last_uid: int | None,
                    error: str | None) -> None:
        with self.store.session() as s:
            state = mailbox_state(s, mailbox)
            if state is None:
                state = MailboxState(mailbox=mailbox, last_uid=0)
                s.add(state)
            if uidvalidity is not None and state.uidvalidity not in (None, uidvalidity):
                log.warning("mailbox %s: UIDVALIDITY changed %s → %s; resyncing by Message-ID + sha256",
                            mailbox, state.uidvalidity, uidvalidity)
                s.add(Event(kind="poller.uidvalidity_changed", actor="poller",
                            detail={"mailbox": mailbox, "old": state.uidvalidity, "new": uidvalidity}))
                state.last_uid = 0
            if error is None:
                state.last_poll_at = utcnow()
            state.last_error = error
            if uidvalidity is not None:
                state.uidvalidity = uidvalidity
            if last_uid is not None and last_uid > (state.last_uid or 0):
                state.last_uid = last_uid


def watcher(runtime: Runtime, box: MailboxSettings, stop: threading.Event, lease: Lease | None = None,
            settings: Settings | None = None) -> Watcher:
    """A watcher for one mailbox that delivers into this runtime's store and queue."""
    return Watcher(box, settings or runtime.settings, StoreSink(runtime.store, runtime.queue), stop, lease)
