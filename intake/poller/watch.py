"""The watcher loop: sweep a mailbox, then wait for new mail (IMAP IDLE or polling), forever.

A byte mover, as GitLab's mail_room draws it: `Watcher(mailbox, settings, sink, stop, lease)`.
Each mail found goes to the sink (store raw → message row → enqueue) and is filed away only
after the sink returned. A crash anywhere leaves the mail in the folder; the next sweep finds
it, the sink recognises it, and at most the missing steps are redone. One bad mail never blocks
the others: its failure is recorded and the sweep goes on.
"""

from __future__ import annotations

import imaplib
import logging
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from imapclient.exceptions import IMAPClientError

from intake import failpoints
from intake.backoff import Backoff
from intake.config import MailboxSettings, Settings
from intake.poller.imap import ImapMailbox
from intake.poller.lease import Lease, NoLease
from intake.poller.maildir import MaildirMailbox
from intake.poller.sink import Sink
from intake.states import MessageStatus

log = logging.getLogger(__name__)

__all__ = ["NETWORK_ERRORS", "Backoff", "Mailbox", "Watcher"]


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


class Watcher:
    """Watches one mailbox, handing every mail to `sink`, until `stop` is set."""

    def __init__(self, box: MailboxSettings, settings: Settings, sink: Sink, stop: threading.Event,
                 lease: Lease | None = None) -> None:
        self.box = box
        self.settings = settings
        self.sink = sink
        self.stop = stop
        self.lease = lease or NoLease()
        self.processed = 0
        self._failed: set[Any] = set()  # keys whose handling failed on this connection: retried once per cycle

    # -- one mail -----------------------------------------------------------------------------

    def deliver(self, raw: bytes, uidvalidity: int | None, uid: int | None, declared_size: int | None = None) -> str:
        """Hand one mail to the sink; returns the message's status before enqueueing."""
        status = self.sink.deliver(self.box.name, raw, uidvalidity, uid, declared_size)
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
        self.sink.folder_seen(self.box.name, uv, None, None)
        handled = 0
        # Mails already stored under this UID (a crash before the MOVE) are not downloaded again.
        known = self.sink.known(self.box.name, uv, keys) if uv is not None and keys else {}
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
        self.sink.folder_seen(self.box.name, uv, max((k for k in keys if isinstance(k, int)), default=None), None)
        return handled

    def _known_step(self, mailbox: Mailbox, key: Any, message_id: int, status: str, size: int) -> Callable[[], None]:
        def step() -> None:
            if status == MessageStatus.RECEIVED:
                self.sink.requeue(message_id)
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
            self.sink.mail_failed(self.box.name, key, f"{type(exc).__name__}: {exc}")
            return 0

    # -- the loop -----------------------------------------------------------------------------

    def _keep_waiting(self) -> bool:
        return not self.stop.is_set() and self.lease.held

    def _waiting(self, mailbox: ImapMailbox) -> bool:
        """Right before waiting: was new mail announced to another command, or is some still in the folder?"""
        if mailbox.announced():
            return True
        return bool(set(mailbox.pending()) - self._failed)

    def run_imap_once(self, connected: Callable[[], None] | None = None) -> None:
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
            if connected is not None:
                connected()  # a working connection: the next failure waits from the first step again
            while not self.stop.is_set() and self.lease.held:
                if self._waiting(mailbox):
                    self.sweep(mailbox)
                    continue
                self.sink.folder_seen(self.box.name, mailbox.uidvalidity, None, None)  # heartbeat
                wait = self.settings.idle_timeout if mailbox.has_idle() else self.settings.poll_interval
                announced = mailbox.wait_for_mail(min(wait, self.settings.heartbeat_interval), self._keep_waiting)
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
                        self.run_imap_once(connected=backoff.reset)
                    backoff.reset()
                except NETWORK_ERRORS as exc:
                    delay = backoff.next()
                    log.warning("mailbox %s: %s: %s; reconnecting in %.1fs", self.box.name,
                                type(exc).__name__, exc, delay)
                    self.sink.folder_seen(self.box.name, None, None, f"{type(exc).__name__}: {exc}")
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
