"""The IMAP adapter: connect, identify, select, list new UIDs, fetch, and file away processed mail.

Only this module talks IMAP. It moves bytes and never interprets them.
FETCH uses BODY.PEEK[] so nothing is marked \\Seen by reading; RFC822.SIZE is
fetched first so an over-limit mail is never downloaded whole.
"""

from __future__ import annotations

import imaplib
import logging
import select
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from imapclient import IMAPClient
from imapclient.response_parser import parse_response

from intake import failpoints
from intake.config import MailboxSettings
from intake.tls import client_context

log = logging.getLogger(__name__)

PROCESSED_KEYWORD = "$IntakeProcessed"
CLIENT_ID = {"name": "submission-intake", "version": "0.1", "vendor": "submission-intake"}
BATCH = 20


@dataclass(frozen=True)
class ImapTarget:
    host: str
    port: int
    tls: str  # "ssl" | "starttls" | "plain"
    username: str
    password: str
    folder: str
    oauth2_token: str | None = None

    @classmethod
    def from_url(cls, url: str, oauth2_token: str | None = None) -> ImapTarget:
        parts = urlsplit(url)
        tls = {"imaps": "ssl", "imap+starttls": "starttls", "imap": "plain"}[parts.scheme]
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or (993 if tls == "ssl" else 143),
            tls=tls,
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path).lstrip("/") or "INBOX",
            oauth2_token=oauth2_token,
        )


class ImapMailbox:
    """One logged-in connection to one folder."""

    def __init__(self, box: MailboxSettings, verify_tls: bool = True, timeout: float = 60.0,
                 oauth2_token: str | None = None, ca_file: str | None = None) -> None:
        self.box = box
        self.target = ImapTarget.from_url(box.url, oauth2_token)
        self.verify_tls = verify_tls
        self.ca_file = ca_file
        self.timeout = timeout
        self.client: IMAPClient | None = None
        self.uidvalidity: int | None = None

    def _ssl_context(self) -> ssl.SSLContext:
        return client_context(self.verify_tls, self.ca_file)

    def connect(self) -> None:
        t = self.target
        use_ssl = t.tls == "ssl"
        client = IMAPClient(t.host, port=t.port, ssl=use_ssl, ssl_context=self._ssl_context() if use_ssl else None,
                            timeout=self.timeout)
        if t.tls == "starttls":
            client.starttls(self._ssl_context())
        _keepalive(client.socket())
        if t.oauth2_token:
            client.oauth2_login(t.username, t.oauth2_token)
        else:
            client.login(t.username, t.password)
        if client.has_capability("ID"):
            client.id_(CLIENT_ID)  # NetEase (163/126) refuses SELECT without it
        info = client.select_folder(t.folder)
        self.uidvalidity = int(info[b"UIDVALIDITY"])
        for folder in {self.box.processed_folder, self.box.rejected_folder}:
            if self.box.processed_action == "move" and not client.folder_exists(folder):
                client.create_folder(folder)
        self.client = client

    @property
    def c(self) -> IMAPClient:
        if self.client is None:
            raise ConnectionError("not connected")
        return self.client

    def close(self) -> None:
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            with_shutdown(client)

    def pending(self) -> list[int]:
        """UIDs still waiting in the folder (processed mail has been moved, flagged or deleted)."""
        if self.box.processed_action == "flag":
            criteria: list[str] = ["NOT", "KEYWORD", PROCESSED_KEYWORD, "NOT", "DELETED"]
        else:
            criteria = ["NOT", "DELETED"]
        return sorted(int(u) for u in self.c.search(criteria))

    def sizes(self, uids: list[int]) -> dict[int, int]:
        if not uids:
            return {}
        data = self.c.fetch(uids, ["RFC822.SIZE"])
        return {int(uid): int(item[b"RFC822.SIZE"]) for uid, item in data.items()}

    def fetch(self, uids: Iterable[int]) -> Iterator[tuple[int, bytes]]:
        """BODY.PEEK[] in batches; yields (uid, raw bytes) in UID order."""
        todo = list(uids)
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            data = self.c.fetch(batch, ["BODY.PEEK[]"])
            for uid in batch:
                item = data.get(uid)
                if item is None:  # expunged meanwhile
                    continue
                raw = item.get(b"BODY[]")
                if isinstance(raw, bytes):
                    yield uid, raw

    def fetch_header(self, uid: int) -> bytes:
        data = self.c.fetch([uid], ["BODY.PEEK[HEADER]"])
        raw = data.get(uid, {}).get(b"BODY[HEADER]", b"")
        return raw if isinstance(raw, bytes) else b""

    def done(self, uid: int, rejected: bool = False) -> None:
        """File away one mail that is safely stored and enqueued."""
        action = self.box.processed_action
        if action == "flag":
            self.c.add_flags([uid], [PROCESSED_KEYWORD.encode(), b"\\Seen"])
        elif action == "delete":
            self.c.add_flags([uid], [b"\\Deleted"])
            self._expunge(uid)
        else:
            folder = self.box.rejected_folder if rejected else self.box.processed_folder
            if self.c.has_capability("MOVE"):
                self.c.move([uid], folder)
            else:
                self.c.copy([uid], folder)
                self.c.add_flags([uid], [b"\\Deleted"])
                self._expunge(uid)

    def _expunge(self, uid: int) -> None:
        if self.c.has_capability("UIDPLUS"):
            self.c.uid_expunge([uid])
        else:
            self.c.expunge()

    def has_idle(self) -> bool:
        return bool(self.c.has_capability("IDLE"))

    # -- new-mail announcements and IDLE ------------------------------------------------------
    #
    # A server announces new mail with an untagged EXISTS, attached to the response of whatever
    # command is running (our FETCH or MOVE during a sweep) or sent unprompted during IDLE.
    # imaplib files untagged responses of other commands away in `untagged_responses`, where
    # nobody looks, and imapclient's idle_check() only polls the socket, so a line already in
    # the reader's buffer (read together with the IDLE continuation) is not seen until more
    # data arrives. Both lost announcements; these methods keep them.

    def announced(self) -> bool:
        """True if an EXISTS/RECENT reached us in a response to another command since the last call."""
        untagged = self.c._imap.untagged_responses
        found = bool(untagged.pop("EXISTS", None)) | bool(untagged.pop("RECENT", None))
        return found

    def idle_start(self) -> bool:
        """Enter IDLE; True if new mail was announced before or with the server's continuation."""
        imap = self.c._imap
        self.c._idle_tag = imap._command("IDLE")
        while imap._get_response() is not None:  # untagged lines before "+ idling"
            pass
        return self.announced()

    def idle_wait(self, timeout: float) -> list[Any]:
        """Untagged responses received during IDLE: first those already buffered, else wait up to `timeout`."""
        sock = self.c.socket()
        sock.settimeout(None)
        sock.setblocking(False)
        try:
            lines = self._drain()
            if not lines and select.select([sock], [], [], timeout)[0]:
                lines = self._drain()
                if not lines:  # readable, yet no whole line: the server closed, or half a line or TLS record
                    lines = self._line_or_eof(sock)
        finally:
            sock.setblocking(True)
            sock.settimeout(self.timeout)
        responses = [parse_response([line]) for line in lines]
        if any(r and r[0] == b"BYE" for r in responses):
            raise ConnectionError(f"server closed the connection: {lines!r}")
        return responses

    def _drain(self) -> list[bytes]:
        """The whole lines readable without waiting (on the socket made non-blocking)."""
        lines: list[bytes] = []
        imap = self.c._imap
        while True:
            try:
                line = imap._get_line()
            except (TimeoutError, OSError):  # nothing more right now (SSLWantReadError is an OSError)
                return lines
            except imaplib.IMAP4.abort as exc:
                # Non-blocking, a buffered read with nothing to read returns b"", which imaplib calls
                # "socket error: EOF": nothing yet. A real EOF is told apart by _line_or_eof.
                if "EOF" in str(exc):
                    return lines
                raise
            if line.startswith(b"* "):
                lines.append(line[2:])

    def _line_or_eof(self, sock: socket.socket) -> list[bytes]:
        """After select said readable and nothing came: wait briefly, blocking, for the rest of a line.
        Blocking, an empty read is the server closing the connection."""
        sock.setblocking(True)
        sock.settimeout(0.5)
        try:
            line = self.c._imap._get_line()
        except TimeoutError:
            return []
        except imaplib.IMAP4.abort as exc:
            if "EOF" in str(exc):
                raise ConnectionError("connection closed by the server") from exc
            raise
        return [line[2:]] if line.startswith(b"* ") else []

    def idle_end(self) -> None:
        self.c.idle_done()

    def wait_for_mail(self, seconds: float, keep_waiting: Callable[[], bool]) -> bool:
        """IDLE up to `seconds` (polling the folder instead where the server has no IDLE).

        True as soon as new mail is announced; False when the time is up or `keep_waiting()`
        turns false (checked every second). The caller searches the folder either way before it
        trusts the folder to be empty; this only decides how soon.
        """
        if not self.has_idle():
            deadline = time.monotonic() + seconds
            while keep_waiting() and time.monotonic() < deadline:
                time.sleep(min(1.0, max(deadline - time.monotonic(), 0.0)))
            return False
        failpoints.hit("before_idle")
        if self.idle_start():
            self.idle_end()
            return True
        started = time.monotonic()
        closed = False
        try:
            while keep_waiting():
                left = seconds - (time.monotonic() - started)
                if left <= 0:
                    return False  # re-issue IDLE well before servers drop it (RFC 2177: 29 minutes)
                if announces_new_mail(self.idle_wait(min(1.0, left))):
                    return True
            return False
        except ConnectionError:
            closed = True  # nothing to end: the caller reconnects
            raise
        finally:
            if not closed:
                self.idle_end()


def announces_new_mail(responses: list[Any]) -> bool:
    """An untagged `n EXISTS` or `n RECENT` among IDLE responses."""
    return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)


def _keepalive(sock: socket.socket) -> None:
    """TCP keepalive so a silently dropped connection ends an IDLE within ~90 s."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for name, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 10), ("TCP_KEEPCNT", 3)):
        if hasattr(socket, name):
            sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, name), value)


def with_shutdown(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:
        log.debug("IMAP shutdown failed", exc_info=True)
