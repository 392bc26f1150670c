"""`intake config show` and `intake config check`: every setting, every error, every connection.

`check()` lists every invalid INTAKE_* variable (not only the first), then tries each
connection the deployment needs, one line each: the database (and its schema revision), the
broker, each mailbox (IMAP login and SELECT, read only) and the SMTP relay (EHLO, STARTTLS and
login when configured). Nothing is changed anywhere.
"""

from __future__ import annotations

import dataclasses
import os
import smtplib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from intake.config import ConfigError, Settings, load_settings

TIMEOUT = 10.0
SECRET_FIELDS = {"secret_key", "imap_oauth2_token"}
ENV_NAMES = {"mailboxes": "INTAKE_MAILBOX_URL", "trusted_authserv_ids": "INTAKE_TRUSTED_AUTHSERV_ID"}


def redact(value: str) -> str:
    """A URL with its password replaced by ***."""
    parts = urlsplit(value)
    if parts.password:
        return value.replace(f":{parts.password}@", ":***@")
    return value


def _text(value: Any) -> str:
    if isinstance(value, tuple | list):
        return ",".join(_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return redact(str(value))


def show(settings: Settings) -> list[dict[str, str]]:
    """Every setting as its INTAKE_* name and a plain value (no Python tuples), secrets masked."""
    rows = []
    for item in dataclasses.fields(settings):
        if item.name == "extra":
            continue
        value = getattr(settings, item.name)
        if item.name in SECRET_FIELDS:
            text = "***" if value else ""
        elif item.name == "mailboxes":
            text = ",".join(redact(box.url) for box in value)
        else:
            text = _text(value)
        rows.append({"setting": ENV_NAMES.get(item.name, "INTAKE_" + item.name.upper()), "value": text})
    for box in settings.mailboxes:
        rows.append({"setting": f"mailbox[{box.name}]",
                     "value": f"{redact(box.url)} ({box.processed_action} → {box.processed_folder})"})
    if settings.secret_key:
        source = "INTAKE_SECRET_KEY"
    elif settings.secret_in_data_dir:
        source = str(settings.data_dir / "secret.key")
    else:
        source = ""
    rows.append({"setting": "secret_source", "value": source})
    return rows


def all_errors(env: Mapping[str, str] | None = None, limit: int = 50) -> tuple[Settings | None, list[ConfigError]]:
    """Load the settings, collecting every bad INTAKE_* variable: each one found is set aside and
    loading is tried again, so ops fix them all in one round. Errors from the TOML file stop it."""
    remaining = dict(os.environ if env is None else env)
    errors: list[ConfigError] = []
    for _ in range(limit):
        try:
            settings = load_settings(remaining)
            return (None if errors else settings), errors
        except ConfigError as exc:
            errors.append(exc)
            if exc.setting not in remaining or exc.setting == "INTAKE_CONFIG":
                return None, errors
            del remaining[exc.setting]
    return None, errors


@dataclasses.dataclass
class Check:
    name: str
    setting: str
    target: str
    ok: bool
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _run(name: str, setting: str, target: str, probe: Callable[[], str]) -> Check:
    try:
        return Check(name, setting, redact(target), True, probe())
    except Exception as exc:  # every failure becomes one line naming the setting and the cause
        return Check(name, setting, redact(target), False, f"{type(exc).__name__}: {exc}"[:500])


def _database(settings: Settings) -> str:
    from intake.store.migrate import connected_revision, head

    revision = connected_revision(settings.database_url, TIMEOUT)
    latest = head()
    if revision is None:
        return f"connected; no schema yet (run intake db upgrade; latest {latest})"
    if revision != latest:
        return f"connected; schema at {revision}, latest is {latest} (run intake db upgrade)"
    return f"connected; schema at the latest revision {revision}"


def _broker(settings: Settings) -> str:
    url = settings.broker_url or ""
    if url.startswith(("redis://", "rediss://")):
        import redis

        client = redis.Redis.from_url(url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT)
        try:
            client.ping()
            version = client.info("server").get("redis_version", "?")
        finally:
            client.close()
        return f"PING answered (Redis {version})"
    folder = settings.data_dir / "broker"
    return f"local broker folder {folder}"


def _mailbox(settings: Settings, index: int) -> str:
    box = settings.mailboxes[index]
    if box.scheme == "maildir":
        path = Path(unquote(urlsplit(box.url).path))
        return f"Maildir {path}" + ("" if path.is_dir() else " (created on the first poll)")
    from intake.poller.imap import ImapMailbox

    readonly = dataclasses.replace(box, processed_action="flag")  # connect() creates no folder in this mode
    imap = ImapMailbox(readonly, settings.imap_verify_tls, TIMEOUT, settings.imap_oauth2_token, settings.tls_ca_file)
    imap.connect()
    try:
        waiting = len(imap.pending())
    finally:
        imap.close()
    return f"logged in, folder {box.folder} selected (UIDVALIDITY {imap.uidvalidity}, {waiting} mails in it)"


def _smtp(settings: Settings) -> str:
    from intake.smtp import FileTransport, SmtpTransport, transport_from_url

    transport = transport_from_url(settings.smtp_url, settings.smtp_verify_tls, settings.tls_ca_file)
    if isinstance(transport, FileTransport):
        return f"file outbox {transport.folder}"
    assert isinstance(transport, SmtpTransport)
    client: smtplib.SMTP = dataclasses.replace(transport, timeout=TIMEOUT)._connect()
    try:
        code, banner = client.ehlo()
        if code != 250:
            raise smtplib.SMTPResponseException(code, banner)
        if transport.username:
            client.login(transport.username, transport.password or "")
        first = banner.decode("utf-8", "replace").splitlines()[0] if banner else ""
    finally:
        client.quit()
    return f"EHLO answered ({first})" + (", login accepted" if transport.username else "")


def connections(settings: Settings) -> list[Check]:
    checks = [_run("database", "INTAKE_DATABASE_URL", settings.database_url, lambda: _database(settings))]
    if settings.broker_url:
        checks.append(_run("broker", "INTAKE_BROKER_URL", settings.broker_url, lambda: _broker(settings)))
    for i, box in enumerate(settings.mailboxes):
        setting = "INTAKE_MAILBOX_URL" if box.name == "default" else f"mailboxes[{i}]"
        checks.append(_run(f"mailbox {box.name}", setting, box.url, lambda i=i: _mailbox(settings, i)))  # type: ignore[misc]
    checks.append(_run("smtp", "INTAKE_SMTP_URL", settings.smtp_url, lambda: _smtp(settings)))
    return checks


def check(env: Mapping[str, str] | None = None, connect: bool = True) -> dict[str, Any]:
    """The whole `config check --json` document; `ok` is false on any error or failed connection."""
    from intake.secret import require_secret

    settings, errors = all_errors(env)
    found = [{"setting": e.setting, "message": str(e)} for e in errors]
    checks: list[Check] = []
    if settings is not None:
        try:
            if settings.secret_key or not settings.secret_in_data_dir:
                require_secret(settings)
        except ConfigError as exc:
            found.append({"setting": exc.setting, "message": str(exc)})
        if connect:
            checks = connections(settings)
    return {
        "ok": not found and all(c.ok for c in checks),
        "errors": found,
        "checks": [c.as_dict() for c in checks],
        "settings": show(settings) if settings is not None else [],
    }
