"""The office's clock: tracking ids and every time shown to people use INTAKE_TIMEZONE, not the host's.

A container usually runs in UTC; a Chinese editorial office lives in Asia/Shanghai. Using the host's
zone would roll the day's tracking counter over at 08:00 Beijing time and print "received at"
eight hours off. The database stores UTC; only what people read is converted.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Shanghai"
MINUTES = "%Y-%m-%d %H:%M"


@lru_cache(maxsize=16)
def zone(name: str) -> tzinfo:
    """The zone called `name` (IANA, e.g. Asia/Shanghai); KeyError-free: raises ValueError when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r} (use an IANA name such as Asia/Shanghai)") from exc


def aware(when: datetime) -> datetime:
    """A stored time made aware: SQLite hands back naive datetimes, which are UTC here."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def local(when: datetime, tz: tzinfo) -> datetime:
    return aware(when).astimezone(tz)


def local_text(when: datetime | None, tz: tzinfo, fmt: str = MINUTES) -> str:
    return local(when, tz).strftime(fmt) if when is not None else ""


def now(tz: tzinfo) -> datetime:
    return datetime.now(tz)
