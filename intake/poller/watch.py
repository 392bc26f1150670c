"""The watcher loop: sweep a mailbox, then wait for new mail (IMAP IDLE or polling), forever.

Order of effects per mail: store raw → message row → enqueue → only then
file it away. A crash anywhere leaves the mail in the folder; the next sweep
finds it, the store's dedupe (mailbox + UIDVALIDITY + UID, then Message-ID +
sha256) recognises it, and at most the missing steps are redone. One bad
mail never blocks the others: its failure is logged and the sweep goes on.
"""

from __future__ import annotations

import imaplib
import logging
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from imapclient.exceptions import IMAPClientError

from intake import failpoints
from intake.config import MailboxSettings
from intake.poller.imap import ImapMailbox, announces_new_mail
from intake.poller.lease import Lease, NoLease
from intake.poller.maildir import MaildirMailbox
from intake.runtime import Runtime
from intake.tables import Event, MailboxState, utcnow

log = logging.getLogger(__name__)

NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    OSError, socket.timeout, ssl.SSLError, imaplib.IMAP4.abort, imaplib.IMAP4.error, IMAPClientError,
    ConnectionError, EOFError,
)


class Mailbox(Protocol):
    """What the watcher needs of an adapter; keys are IMAP UIDs or Maildir keys."""

    uidvalidity: int | None

    def pending(self) -> list[Any]: ...

    def sizes(self, keys: list[Any]) -> dict[Any, int]: ...

    def fetch(self, keys: list[Any]) -> Iterator[tuple[Any, bytes]]: ...

    def fetch_header(self, key: Any) -> bytes: ...

    def done(self, key: Any, rejected: bool = False) -> None: ...


class Backoff:
    """Exponential backoff with full jitter, 1 s → 60 s."""

    def __init__(self, first: float = 1.0, cap: float = 60.0) -> None:
        self.first, self.cap, self.attempt = first, cap, 0

    def reset(self) -> None:
        self.attempt = 0

    def next(self) -> float:
        self.attempt += 1
        return random.uniform(self.first / 2, min(self.cap, self.first * 2 ** min(self.attempt, 10)))


class Watcher:
    """Watches one mailbox for one runtime until `stop` is set."""

    def __init__(self, runtime: Runtime, box: MailboxSettings, stop: threading.Event,
                 lease: Lease | None = None) -> None:
        self.runtime = runtime
        self.box = box
        self.stop = stop
        self.lease = lease or NoLease()
        self.settings = runtime.settings
        self.processed = 0
        self._failed: set[Any] = set()  # keys whose handling failed on this connection: retried once per cycle

    # -- one mail -----------------------------------------------------------------------------

    def deliver(self, raw: bytes, uidvalidity: int | None, uid: int | None, declared_size: int | None = None) -> str:
        """Store, record and enqueue one mail; returns the message's status before enqueueing."""
        store = self.runtime.store
        failpoints.hit("after_fetch")
        message_id, created = store.record_message(raw, self.box.name, uidvalidity, uid, declared_size)
        failpoints.hit("after_row")
        status = "received" if created else store.message_status(message_id)  # a new row is always "received"
        if status == "received":
            self.runtime.queue.ingest(message_id)
        failpoints.hit("after_enqueue")
        self.processed += 1
        return status

    def _handle(self, mailbox: Mailbox, key: Any, raw: bytes, size: int, uv: int | None) -> None:
        too_large = size > self.settings.max_message_bytes
        uid = key if isinstance(key, int) else None
        self.deliver(raw, uv, uid, size)
        mailbox.done(key, rejected=too_large)

    # -- a sweep ------------------------------------------------------------------------------

    def sweep(self, mailbox: Mailbox) -> int:
        """Handle every mail waiting in the folder; returns how many were handled."""
        keys = mailbox.pending()
        failpoints.hit("sweep_searched")
        uv = mailbox.uidvalidity
        self._check_uidvalidity(uv)
        handled = 0
        # Mails already stored under this UID (a crash before the MOVE) are not downloaded again.
        known = self.runtime.store.known_uids(self.box.name, uv, keys) if uv is not None and keys else {}
        for key, (message_id, status, size) in known.items():
            handled += self._guarded(key, self._known_step(mailbox, key, message_id, status, size))
        keys = [k for k in keys if k not in known]
        sizes = mailbox.sizes(keys) if keys else {}
        limit = self.settings.max_message_bytes
        for key in keys:
            if sizes.get(key, 0) > limit:  # never download it whole: the header is enough to answer
                handled += self._guarded(key, self._large_step(mailbox, key, sizes[key], uv))
        small = [k for k in keys if sizes.get(k, 0) <= limit and k in sizes]
        for key, raw in mailbox.fetch(small):
            if self.stop.is_set() or not self.lease.held:
                break
            handled += self._guarded(key, self._step(mailbox, key, raw, sizes[key], uv))
        self._record_poll(uv, max((k for k in keys if isinstance(k, int)), default=None), None)
        return handled

    def _known_step(self, mailbox: Mailbox, key: Any, message_id: int, status: str, size: int) -> Callable[[], None]:
        def step() -> None:
            if status == "received":
                self.runtime.queue.ingest(message_id)
            mailbox.done(key, rejected=size > self.settings.max_message_bytes)

        return step

    def _step(self, mailbox: Mailbox, key: Any, raw: bytes, size: int, uv: int | None) -> Callable[[], None]:
        return lambda: self._handle(mailbox, key, raw, size, uv)

    def _large_step(self, mailbox: Mailbox, key: Any, size: int, uv: int | None) -> Callable[[], None]:
        return lambda: self._handle(mailbox, key, mailbox.fetch_header(key), size, uv)

    def _guarded(self, key: Any, step: Callable[[], None]) -> int:
        try:
            step()
            return 1
        except NETWORK_ERRORS:
            raise  # the connection is gone: reconnect and sweep again
        except Exception as exc:
            log.exception("mailbox %s: mail %s could not be handled; going on with the others", self.box.name, key)
            self._failed.add(key)
            with self.runtime.store.session() as s:
                error = f"{type(exc).__name__}: {exc}"
                s.add(Event(kind="poller.mail_failed", actor="poller",
                            detail={"mailbox": self.box.name, "key": str(key), "error": error}))
            return 0

    def _check_uidvalidity(self, uv: int | None) -> None:
        if uv is None:
            return
        with self.runtime.store.session() as s:
            state = s.get(MailboxState, self.box.name)
            if state is not None and state.uidvalidity not in (None, uv):
                log.warning("mailbox %s: UIDVALIDITY changed %s → %s; resyncing by Message-ID + sha256",
                            self.box.name, state.uidvalidity, uv)
                s.add(Event(kind="poller.uidvalidity_changed", actor="poller",
                            detail={"mailbox": self.box.name, "old": state.uidvalidity, "new": uv}))
                state.last_uid = 0

    def _record_poll(self, uv: int | None, last_uid: int | None, error: str | None) -> None:
        with self.runtime.store.session() as s:
            state = s.get(MailboxState, self.box.name)
            if state is None:
                state = MailboxState(mailbox=self.box.name, last_uid=0)
                s.add(state)
            if error is None:
                state.last_poll_at = utcnow()
            state.last_error = error
            if uv is not None:
                state.uidvalidity = uv
            if last_uid is not None and last_uid > (state.last_uid or 0):
                state.last_uid = last_uid

    # -- the loop -----------------------------------------------------------------------------

    def _cycle(self) -> float:
        """The longest wait without searching the folder: also the heartbeat period."""
        return min(self.settings.idle_timeout, self.settings.heartbeat_interval)

    def _idle_cycle(self, mailbox: ImapMailbox) -> bool:
        """IDLE until new mail is announced (True), the cycle is over or we must stop (False)."""
        failpoints.hit("before_idle")
        if mailbox.idle_start():
            mailbox.idle_end()
            return True
        started = time.monotonic()
        try:
            while not self.stop.is_set() and self.lease.held:
                left = self._cycle() - (time.monotonic() - started)
                if left <= 0:
                    return False  # re-issue IDLE well before servers drop it (RFC 2177: 29 minutes)
                if announces_new_mail(mailbox.idle_wait(min(1.0, left))):
                    return True
            return False
        finally:
            mailbox.idle_end()

    def _waiting(self, mailbox: ImapMailbox) -> bool:
        """Right before waiting: was new mail announced to another command, or is some still in the folder?"""
        if mailbox.announced():
            return True
        return bool(set(mailbox.pending()) - self._failed)

    def run_imap_once(self) -> None:
        """One connection's life: connect, sweep, then IDLE/poll and sweep until stop or error.

        No announcement is trusted to arrive: before every wait the folder is searched again (the
        window between a sweep's SEARCH and IDLE), announcements attached to other commands'
        responses are kept, and no wait lasts longer than the heartbeat interval, after which
        the folder is searched whatever IDLE said and the heartbeat is recorded.
        """
        mailbox = self._imap()
        try:
            mailbox.connect()
            log.info("mailbox %s: connected (UIDVALIDITY %s)", self.box.name, mailbox.uidvalidity)
            self.sweep(mailbox)
            while not self.stop.is_set() and self.lease.held:
                if self._waiting(mailbox):
                    self.sweep(mailbox)
                    continue
                self._record_poll(mailbox.uidvalidity, None, None)  # heartbeat: the server answered a search
                if mailbox.has_idle():
                    announced = self._idle_cycle(mailbox)
                else:
                    announced = False
                    self.stop.wait(min(self.settings.poll_interval, self.settings.heartbeat_interval))
                if not announced:
                    self._failed.clear()  # a full cycle passed: try the failed mails once more
        finally:
            mailbox.close()

    def _imap(self) -> ImapMailbox:
        return ImapMailbox(self.box, verify_tls=self.settings.imap_verify_tls,
                           oauth2_token=self.settings.imap_oauth2_token, ca_file=self.settings.tls_ca_file)

    def sweep_imap_once(self) -> int:
        """Connect, sweep, log out (`intake run --once`)."""
        mailbox = self._imap()
        try:
            mailbox.connect()
            return self.sweep(mailbox)
        finally:
            mailbox.close()

    def run(self) -> None:
        """Forever: hold the lease, stay connected, reconnect with backoff after any network error."""
        backoff = Backoff()
        try:
            while not self.stop.is_set():
                if not self.lease.acquire():
                    self.stop.wait(1.0)
                    continue
                try:
                    if self.box.scheme == "maildir":
                        self.run_maildir()
                    else:
                        self.run_imap_once()
                    backoff.reset()
                except NETWORK_ERRORS as exc:
                    delay = backoff.next()
                    log.warning("mailbox %s: %s: %s; reconnecting in %.1fs", self.box.name,
                                type(exc).__name__, exc, delay)
                    self._record_poll(None, None, f"{type(exc).__name__}: {exc}")
                    self.stop.wait(delay)
        finally:
            self.lease.release()

    def run_maildir(self, once: bool = False) -> None:
        mailbox = MaildirMailbox(self.box)
        interval = min(self.settings.poll_interval, 1.0)
        while not self.stop.is_set() and self.lease.held:
            self.sweep(mailbox)
            if once:
                return
            self.stop.wait(interval)
