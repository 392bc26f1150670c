"""The watcher's sweep: one bad mail never blocks the others; order of effects; size limit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.backoff import Backoff
from intake.config import load_settings
from intake.delivery import watcher
from intake.runtime import Runtime, build_runtime
from intake.tables import Event, Message

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class FakeMailbox:
    """An adapter double that records what the watcher does (the real ones are tested against Dovecot)."""

    uidvalidity: int | None = 7

    def __init__(self, mails: dict[int, bytes]) -> None:
        self.mails = mails
        self.done_keys: list[tuple[int, bool]] = []
        self.header_fetches: list[int] = []

    def pending(self) -> list[int]:
        return sorted(k for k in self.mails if k not in {d for d, _ in self.done_keys})

    def sizes(self, keys: list[int]) -> dict[int, int]:
        return {k: len(self.mails[k]) for k in keys}

    def fetch(self, keys: list[int]) -> Iterator[tuple[int, bytes]]:
        for key in keys:
            yield key, self.mails[key]

    def fetch_header(self, key: int) -> bytes:
        self.header_fetches.append(key)
        return self.mails[key].split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"

    def done(self, key: int, rejected: bool = False) -> None:
        self.done_keys.append((key, rejected))


@pytest.fixture
def runtime(tmp_path: Path) -> Runtime:
    return build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MAX_MESSAGE_BYTES": "60000"}))


def samples(*names: str) -> dict[int, bytes]:
    return {i + 1: (EXAMPLES / name).read_bytes() for i, name in enumerate(names)}


def test_a_mail_that_fails_to_store_is_recorded_and_the_others_go_on(runtime: Runtime, monkeypatch: Any) -> None:
    box = FakeMailbox(samples("05-missing-phone.eml", "09-no-manuscript.eml", "06-missing-source-unit.eml"))
    real = runtime.store.record_message

    def flaky(raw: bytes, *args: Any, **kwargs: Any) -> tuple[int, bool]:
        if raw == box.mails[2]:
            raise RuntimeError("disk full")
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(runtime.store, "record_message", flaky)
    w = watcher(runtime, runtime.settings.mailboxes[0], threading.Event())
    assert w.sweep(box) == 2
    assert [k for k, _ in box.done_keys] == [1, 3]  # mail 2 stays in the folder for the next sweep
    with runtime.store.session() as s:
        failed = s.scalars(select(Event).where(Event.kind == "poller.mail_failed")).all()
        assert [e.detail["key"] for e in failed] == ["2"] and "disk full" in failed[0].detail["error"]
        assert len(s.scalars(select(Message)).all()) == 2


def test_a_mail_is_filed_away_only_after_it_is_stored_and_processed(runtime: Runtime) -> None:
    box = FakeMailbox(samples("05-missing-phone.eml"))
    w = watcher(runtime, runtime.settings.mailboxes[0], threading.Event())
    w.sweep(box)
    with runtime.store.session() as s:
        [message] = s.scalars(select(Message)).all()
        assert (message.uidvalidity, message.uid, message.status) == (7, 1, "processed")
    assert box.done_keys == [(1, False)]
    assert w.sweep(FakeMailbox(samples("05-missing-phone.eml"))) == 1  # seen again: a no-op
    with runtime.store.session() as s:
        assert len(s.scalars(select(Message)).all()) == 1


def test_an_oversized_mail_is_answered_from_its_header_and_filed_as_rejected(runtime: Runtime) -> None:
    box = FakeMailbox(samples("02-separate-photos-captions-in-body.eml"))  # ~1.5 MB, limit is 60 kB
    watcher(runtime, runtime.settings.mailboxes[0], threading.Event()).sweep(box)
    assert box.header_fetches == [1] and box.done_keys == [(1, True)]
    with runtime.store.session() as s:
        [message] = s.scalars(select(Message)).all()
        assert message.reason == "too_large" and message.size_bytes == len(box.mails[1])


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    backoff = Backoff(first=1.0, cap=60.0)
    delays = [backoff.next() for _ in range(12)]
    assert all(0.5 <= d <= 60.0 for d in delays)
    assert max(delays[6:]) > max(delays[:2])
    backoff.reset()
    assert backoff.next() <= 2.0


def test_a_mail_already_stored_under_its_uid_is_not_downloaded_again(runtime: Runtime) -> None:
    """After a crash before the MOVE, the next sweep files the mail away without fetching it."""
    box = FakeMailbox(samples("05-missing-phone.eml"))
    runtime.store.record_message(box.mails[1], runtime.settings.mailboxes[0].name, 7, 1)
    fetched: list[int] = []
    real_fetch = box.fetch
    box.fetch = lambda keys: (fetched.extend(keys), real_fetch(keys))[1]  # type: ignore[method-assign]
    watcher(runtime, runtime.settings.mailboxes[0], threading.Event()).sweep(box)
    assert fetched == [] and box.done_keys == [(1, False)]
    with runtime.store.session() as s:
        [message] = s.scalars(select(Message)).all()
        assert message.status == "processed"  # it was still "received": enqueued, hence processed
