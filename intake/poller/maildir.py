"""The Maildir adapter (embedded mode): new mail in `new/` and `cur/`, filed to `.Processed`/`.Rejected`."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

from intake.config import MailboxSettings


class MaildirMailbox:
    def __init__(self, box: MailboxSettings) -> None:
        self.box = box
        self.path = Path(box.url.removeprefix("maildir://"))
        self.md = mailbox.Maildir(self.path, create=True)

    def _folder(self, name: str) -> mailbox.Maildir:
        try:
            return self.md.get_folder(name)
        except mailbox.NoSuchMailboxError:
            return self.md.add_folder(name)

    def pending(self) -> list[str]:
        return sorted(self.md.iterkeys())

    uidvalidity: int | None = None

    def sizes(self, keys: list[str]) -> dict[str, int]:
        return {key: len(self.md.get_bytes(key)) for key in keys if key in self.md}

    def fetch(self, keys: list[str]) -> Iterator[tuple[str, bytes]]:
        for key in keys:
            try:
                yield key, self.md.get_bytes(key)
            except KeyError:  # removed meanwhile
                continue

    def fetch_header(self, key: str) -> bytes:
        raw = self.md.get_bytes(key)
        end = raw.find(b"\r\n\r\n")
        end = raw.find(b"\n\n") if end < 0 else end
        return raw[: end + 2] if end >= 0 else raw[:65536]

    def done(self, key: str, rejected: bool = False) -> None:
        folder = self._folder(self.box.rejected_folder if rejected else self.box.processed_folder)
        folder.add(self.md.get_message(key))
        self.md.discard(key)

    def add(self, raw: bytes) -> str:
        """Deliver a mail into this Maildir (the demo and tests use it)."""
        return self.md.add(raw)
