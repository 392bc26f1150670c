"""The only code that delivers mail: SMTP (plain, STARTTLS, SSL, AUTH) or a file outbox.

Failures are typed: TransientSendError (4xx, connection errors, timeouts:
retry with backoff) and PermanentSendError (5xx: record and tell ops).
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
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


class Transport(Protocol):
    def send(self, raw: bytes, sender: str, recipients: tuple[str, ...], name: str) -> None: ...


@dataclass(frozen=True)
class FileTransport:
    """Writes each mail as `<name>.eml` into a folder (the embedded outbox)."""

    folder: Path

    def send(self, raw: bytes, sender: str, recipients: tuple[str, ...], name: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120] or "mail"
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(f"X-Envelope-From: {sender}\r\nX-Envelope-To: {', '.join(recipients)}\r\n".encode())
                fh.write(raw)
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

    def _context(self) -> ssl.SSLContext:
        return client_context(self.verify_tls, self.ca_file)

    def _connect(self) -> smtplib.SMTP:
        if self.mode == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=self._context())
        client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.mode == "starttls":
            client.starttls(context=self._context())
        return client

    def send(self, raw: bytes, sender: str, recipients: tuple[str, ...], name: str) -> None:
        try:
            with self._connect() as client:
                if self.username:
                    client.login(self.username, self.password or "")
                refused = client.sendmail(sender, list(recipients), raw)
        except smtplib.SMTPRecipientsRefused as exc:
            raise _classify_refusals(exc.recipients) from exc
        except smtplib.SMTPResponseException as exc:
            error = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(
                exc.smtp_error)
            kind = PermanentSendError if 500 <= exc.smtp_code < 600 else TransientSendError
            raise kind(f"{exc.smtp_code} {error}", exc.smtp_code) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise TransientSendError(f"{type(exc).__name__}: {exc}") from exc
        if refused:
            raise _classify_refusals(refused)


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
