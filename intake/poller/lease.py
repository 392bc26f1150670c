"""One active poller per mailbox: a Redis lease (SET NX PX), renewed by a background thread.

A standby keeps trying to acquire; when the holder dies its lease expires
within `ttl` and the standby takes over. Renewal and release are atomic
compare-and-set scripts, so a late holder never extends or drops someone
else's lease.
"""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Protocol

log = logging.getLogger(__name__)

_RENEW = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"
)
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


class Lease(Protocol):
    @property
    def held(self) -> bool: ...

    def acquire(self) -> bool: ...

    def release(self) -> None: ...


class NoLease:
    """Embedded mode: a single poller, always the holder."""

    held = True

    def acquire(self) -> bool:
        return True

    def release(self) -> None:
        return None


class RedisLease:
    def __init__(self, redis_url: str, name: str, ttl: float = 6.0) -> None:
        import redis

        self.redis = redis.Redis.from_url(redis_url, socket_timeout=max(ttl / 3, 1.0))
        self.key = f"intake:poller-lease:{name}"
        self.token = uuid.uuid4().hex
        self.ttl_ms = int(ttl * 1000)
        self._held = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def held(self) -> bool:
        return self._held.is_set()

    def acquire(self) -> bool:
        if self.held:
            return True
        try:
            got = bool(self.redis.set(self.key, self.token, nx=True, px=self.ttl_ms))
        except Exception as exc:
            log.warning("lease %s: %s", self.key, exc)
            return False
        if got:
            log.info("lease %s acquired", self.key)
            self._held.set()
            self._stop.clear()
            self._thread = threading.Thread(target=self._renew, name=f"lease-{self.key}", daemon=True)
            self._thread.start()
        return got

    def _renew(self) -> None:
        interval = self.ttl_ms / 3000
        while not self._stop.wait(interval):
            try:
                ok = int(self.redis.eval(_RENEW, 1, self.key, self.token, self.ttl_ms))
            except Exception as exc:
                log.warning("lease %s renewal failed: %s", self.key, exc)
                ok = 0
            if not ok:
                log.warning("lease %s lost", self.key)
                self._held.clear()
                return

    def release(self) -> None:
        self._stop.set()
        if self._held.is_set():
            try:
                self.redis.eval(_RELEASE, 1, self.key, self.token)
            except Exception:
                log.debug("lease release failed", exc_info=True)
        self._held.clear()
