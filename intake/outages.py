"""A server that cannot be reached becomes one line naming the setting and the cause (exit 3).

Which server failed is read from the exception and the code it came from: SQLAlchemy and the
database drivers → INTAKE_DATABASE_URL; redis, kombu and Celery → INTAKE_BROKER_URL;
imapclient → INTAKE_MAILBOX_URL; smtplib → INTAKE_SMTP_URL.
"""

from __future__ import annotations

import os
import traceback
from typing import Any

from intake.i18n import t

# (setting, the modules whose exceptions or frames mean that server, its settings field)
SERVERS = (
    ("INTAKE_DATABASE_URL", ("sqlalchemy", "psycopg", "sqlite3"), "database_url"),
    ("INTAKE_BROKER_URL", ("redis", "kombu", "celery", "amqp"), "broker_url"),
    ("INTAKE_MAILBOX_URL", ("imapclient", "imaplib"), "mailbox_url"),
    ("INTAKE_SMTP_URL", ("smtplib",), "smtp_url"),
)
CONNECTION_WORDS = ("connect", "refused", "timed out", "timeout", "unreachable", "could not translate host",
                    "name or service not known", "temporary failure in name resolution", "unable to open database",
                    "authentication failed", "password", "login", "no route to host", "server closed",
                    "connection reset", "broken pipe")


def _modules(exc: BaseException) -> list[str]:
    names = [type(exc).__module__ or ""]
    names += [frame.filename for frame in traceback.extract_tb(exc.__traceback__)][::-1]
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        names += _modules(cause)
    return names


def server_of(exc: BaseException) -> tuple[str, str] | None:
    """(setting, settings field) of the server behind `exc`, or None when it is not an outage."""
    from intake.store.errors import is_database_outage

    text = str(exc).lower()
    if is_database_outage(exc):
        return SERVERS[0][0], SERVERS[0][2]
    kinds = {c.__name__ for c in type(exc).__mro__}
    network = bool(kinds & {"ConnectionError", "OSError", "TimeoutError", "OperationalError", "LoginError",
                            "SMTPConnectError", "SMTPServerDisconnected", "SMTPAuthenticationError",
                            "IMAP4.error", "error"}) and any(w in text for w in CONNECTION_WORDS)
    if not network and not (kinds & {"ConnectionError", "LoginError", "SMTPConnectError"}):
        return None
    where = _modules(exc)
    for setting, modules, field in SERVERS:
        if any(f"{os.sep}{m}{os.sep}" in name or name.startswith(m) or name.endswith(f"{m}.py")
               for name in where for m in modules):
            return setting, field
    return ("", "") if network else None


def is_outage(exc: BaseException) -> bool:
    return server_of(exc) is not None


def outage_line(exc: BaseException, settings: Any = None) -> str:
    found = server_of(exc) or ("", "")
    setting, field = found
    if settings is None:
        try:
            from intake.config import load_settings

            settings = load_settings()
        except Exception:
            settings = None
    target = ""
    if settings is not None and field:
        from intake.checks import redact

        target = redact(str(getattr(settings, field, "") or ""))
    cause = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    if not setting:
        return t("outage_unknown", cause=cause)
    return t("outage", setting=setting, target=target, cause=cause)
