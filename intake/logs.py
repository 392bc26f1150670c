"""Logging set-up: text on a terminal (the default), JSON lines with INTAKE_LOG_FORMAT=json.

Every record carries the mail it is about: `message_id`, `tracking_id` and `mailbox`, taken from
a context the runtime and the poller set (`context(...)`), so `jq 'select(.message_id==42)'`
follows one mail through poller, worker and outbox.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import sys
from collections.abc import Iterator
from typing import Any

FORMATS = ("text", "json")
FIELDS = ("message_id", "tracking_id", "mailbox", "notice_id")
_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("intake_log_context", default={})  # noqa: B039
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s%(context)s"


@contextlib.contextmanager
def context(**values: Any) -> Iterator[None]:
    """Attach these fields (message_id=…, tracking_id=…, mailbox=…) to every record logged inside."""
    token = _context.set({**_context.get(), **{k: v for k, v in values.items() if v is not None}})
    try:
        yield
    finally:
        _context.reset(token)


def bind(**values: Any) -> None:
    """Add fields to the current context (e.g. the tracking id once it is known)."""
    _context.set({**_context.get(), **{k: v for k, v in values.items() if v is not None}})


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        values = _context.get()
        for name in FIELDS:
            if not hasattr(record, name):
                setattr(record, name, values.get(name))
        shown = " ".join(f"{k}={values[k]}" for k in FIELDS if values.get(k) is not None)
        record.context = f" [{shown}]" if shown else ""
        return True


def formatter(fmt: str) -> logging.Formatter:
    if fmt == "json":
        from pythonjsonlogger.json import JsonFormatter

        return JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d " + " ".join(f"%({f})s" for f in FIELDS),
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger", "process": "pid"},
            datefmt="%Y-%m-%dT%H:%M:%S%z")
    return logging.Formatter(TEXT_FORMAT)


def setup(fmt: str = "text", level: int = logging.WARNING, stream: Any = None) -> logging.Handler:
    """Configure the root logger once per process (replaces earlier handlers)."""
    if fmt not in FORMATS:
        raise ValueError(f"INTAKE_LOG_FORMAT must be text or json, got {fmt!r}")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(ContextFilter())
    handler.setFormatter(formatter(fmt))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def apply_to(logger: logging.Logger, fmt: str) -> None:
    """Give an already configured logger's handlers (Celery's) our format and context."""
    for handler in logger.handlers:
        handler.addFilter(ContextFilter())
        handler.setFormatter(formatter(fmt))
