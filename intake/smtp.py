"""The only code that delivers mail: SMTP (plain, STARTTLS, SSL, AUTH) or a file outbox.

Failures are typed: TransientSendError (4xx, connection errors, timeouts:
retry with backoff) and PermanentSendError (5xx: record and tell ops).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import smtplib
import socket
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import unquote, urlsplit

from intake.tls import client_context


class SendError(Exception):
    """Delivery failed; `code` is the SMTP reply code when there was one."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class TransientSendError(SendError):
    """Worth retrying later."""


class PermanentSendError(SendError):
    """Retrying will not help."""


CHUNK_BYTES = 1024 * 1024  # a streamed mail is read and sent this much at a time


class Transport(Protocol):
    def send(self, raw: bytes | BinaryIO, sender: str, recipients: tuple[str, ...], name: str,
             size: int | None = None) -> None:
        """Deliver one mail: its bytes, or a binary stream read from its position to its end, a
        chunk at a time (a stored notice is never loaded whole); `size`, the stream's length when
        known, is announced to an SMTP relay (ESMTP SIZE) as smtplib does for bytes."""
        ...


@dataclass(frozen=True)
class FileTransport:
    """Writes each mail as `<name>.eml` into a folder (the embedded outbox)."""

    folder: Path

    def send(self, raw: bytes | BinaryIO, sender: str, recipients: tuple[str, ...], name: str,
             size: int | None = None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120] or "mail"
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(f"X-Envelope-From: {sender}\r\nX-Envelope-To: {', '.join(recipients)}\r\n".encode())
                if isinstance(raw, bytes):
                    fh.write(raw)
                else:
                    shutil.copyfileobj(raw, fh, CHUNK_BYTES)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.folder / f"{safe}.eml")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


@dataclass(frozen=True)
class SmtpTransport:
    host: str
    port: int
    mode: str  # "plain" | "starttls" | "ssl"
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0
    verify_tls: bool = True
    ca_file: str | None = None
    reuse_seconds: float = 30.0  # keep the connection for the next mail this long (0: one per mail)

    def _context(self) -> ssl.SSLContext:
        return client_context(self.verify_tls, self.ca_file)

    def _connect(self) -> smtplib.SMTP:
        if self.mode == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                                    context=self._context())
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.mode == "starttls":
                client.starttls(context=self._context())
        no_delay(client)
        return client

    def send(self, raw: bytes | BinaryIO, sender: str, recipients: tuple[str, ...], name: str,
             size: int | None = None) -> None:
        """One mail, over this thread's open connection to the relay when it still answers NOOP
        (a burst of notices costs one TCP and TLS handshake and one AUTH, not one each); any
        failure drops the connection, so the retry starts on a fresh one."""
        client: smtplib.SMTP | None = None
        try:
            client, sent = _POOL.take(self) if self.reuse_seconds > 0 else (None, 0)
            if client is None:
                client = self._connect()
                if self.username:
                    client.login(self.username, self.password or "")
            if isinstance(raw, bytes):
                size = len(raw)
                raw = io.BytesIO(raw)  # shares the bytes' buffer: no copy
            refused = _sendmail(client, sender, list(recipients), raw, size)
        except smtplib.SMTPRecipientsRefused as exc:
            _close(client)
            raise _classify_refusals(exc.recipients) from exc
        except smtplib.SMTPResponseException as exc:
            _close(client)
            error = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(
                exc.smtp_error)
            kind = PermanentSendError if 500 <= exc.smtp_code < 600 else TransientSendError
            raise kind(f"{exc.smtp_code} {error}", exc.smtp_code) from exc
        except (OSError, smtplib.SMTPException) as exc:
            _close(client)
            raise TransientSendError(f"{type(exc).__name__}: {exc}") from exc
        if self.reuse_seconds > 0:
            _POOL.keep(self, client, sent + 1)
        else:
            _close(client, quit=True)
        if refused:
            raise _classify_refusals(refused)


def _sendmail(client: smtplib.SMTP, sender: str, recipients: list[str], stream: BinaryIO,
              size: int | None) -> dict[str, tuple[int, bytes]]:
    """smtplib's `sendmail` with the message read from `stream`: the same commands, replies and
    exceptions (SMTPSenderRefused, SMTPRecipientsRefused, SMTPDataError), ESMTP SIZE when `size`
    is known; the refused recipients when some (not all) were refused."""
    client.ehlo_or_helo_if_needed()
    options = [f"size={size}"] if size is not None and client.does_esmtp and client.has_extn("size") else []
    code, reply = client.mail(sender, options)
    if code != 250:
        if code == 421:
            client.close()
        else:
            _rset(client)
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused: dict[str, tuple[int, bytes]] = {}
    for recipient in recipients:
        code, reply = client.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
        if code == 421:
            client.close()
            raise smtplib.SMTPRecipientsRefused(refused)
    if len(refused) == len(recipients):
        _rset(client)
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = _data(client, stream)
    if code != 250:
        if code == 421:
            client.close()
        else:
            _rset(client)
        raise smtplib.SMTPDataError(code, reply)
    return refused


def _data(client: smtplib.SMTP, stream: BinaryIO) -> tuple[int, bytes]:
    """DATA, then the message a chunk at a time, dot-stuffed as smtplib does (a "." opening a line,
    also the first byte of a chunk after one ending in LF, is doubled; line ends are sent as they
    are), CRLF if the message does not end with one, and "." CRLF; the server's reply."""
    client.putcmd("data")
    code, reply = client.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    at_line_start, tail = True, b""
    chunk = stream.read(CHUNK_BYTES)
    while chunk:
        after = stream.read(CHUNK_BYTES)  # one chunk ahead: the last one leaves with the terminator
        out = (b"." if at_line_start and chunk.startswith(b".") else b"") + chunk.replace(b"\n.", b"\n..")
        at_line_start = chunk.endswith(b"\n")
        tail = (tail + chunk[-2:])[-2:]
        if after:
            client.send(out)
        else:
            client.send(out + (b"" if tail == b"\r\n" else b"\r\n") + b".\r\n")
        chunk = after
    if not tail:  # an empty message
        client.send(b"\r\n.\r\n")
    return client.getreply()


def no_delay(client: smtplib.SMTP) -> None:
    """TCP_NODELAY: a command or the end of DATA leaves at once. With Nagle's algorithm, a small write
    after a large one waits for the server's ACK, which Linux delays by up to 40 ms: every mail sent
    over a kept connection paid that wait (measured: 44 ms a mail against aiosmtpd, 4 ms without)."""
    sock = getattr(client, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _rset(client: smtplib.SMTP) -> None:
    with contextlib.suppress(smtplib.SMTPServerDisconnected):
        client.rset()


def _close(client: smtplib.SMTP | None, quit: bool = False) -> None:
    if client is None:
        return
    with contextlib.suppress(Exception):
        if quit:
            client.quit()
        else:
            client.close()


def _key(transport: SmtpTransport) -> tuple[str, int, str, str | None]:
    return transport.host, transport.port, transport.mode, transport.username


class _Pool(threading.local):
    """One open relay connection per thread and relay, dropped after `reuse_seconds` idle or
    MAX_MAILS mails, and never used across a fork (a child must not talk on its parent's socket)."""

    MAX_MAILS = 100

    def __init__(self) -> None:
        self.open: dict[tuple[str, int, str, str | None], tuple[smtplib.SMTP, float, int, int]] = {}

    def take(self, transport: SmtpTransport) -> tuple[smtplib.SMTP | None, int]:
        """This thread's open connection to the transport's relay, if still usable, and the mails
        already sent on it; (None, 0) when a new one must be opened."""
        held = self.open.pop(_key(transport), None)
        if held is None:
            return None, 0
        client, last, count, pid = held
        if pid != os.getpid():
            return None, 0  # inherited through fork: leave the parent's socket alone
        if time.monotonic() - last > transport.reuse_seconds or count >= self.MAX_MAILS:
            _close(client, quit=True)
            return None, 0
        try:
            code, _ = client.noop()
        except Exception:
            code = 0
        if code != 250:
            _close(client)
            return None, 0
        return client, count

    def keep(self, transport: SmtpTransport, client: smtplib.SMTP, count: int) -> None:
        self.open[_key(transport)] = (client, time.monotonic(), count, os.getpid())

    def clear(self) -> None:
        for client, *_ in self.open.values():
            _close(client, quit=True)
        self.open.clear()


_POOL = _Pool()


def close_connections() -> None:
    """Quit this thread's open relay connections (at shutdown; tests)."""
    _POOL.clear()


def _classify_refusals(refused: dict[str, tuple[int, bytes]]) -> SendError:
    codes = [code for code, _ in refused.values()]
    detail = "; ".join(f"{rcpt}: {code} {msg.decode('utf-8', 'replace')}" for rcpt, (code, msg) in refused.items())
    if all(500 <= c < 600 for c in codes):
        return PermanentSendError(f"recipients refused: {detail}", codes[0])
    return TransientSendError(f"recipients refused: {detail}", codes[0])


def transport_from_url(url: str, verify_tls: bool = True, ca_file: str | None = None) -> Transport:
    parts = urlsplit(url)
    if parts.scheme == "file":
        return FileTransport(Path(unquote(parts.path)))
    mode = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "ssl"}[parts.scheme]
    default_port = {"plain": 25, "starttls": 587, "ssl": 465}[mode]
    return SmtpTransport(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or default_port,
        mode=mode,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        verify_tls=verify_tls,
        ca_file=ca_file,
    )
