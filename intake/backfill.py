"""`intake backfill SOURCE`: bring in mail the poller never saw (an outage, an old archive folder).

SOURCE is a Maildir, a folder of .eml files, an mbox file, one .eml file, or an IMAP folder URL
(imaps://user:password@host/Folder, read only: nothing is moved or flagged there). Each mail is
stored like a polled one and handed to the queue; one already known is not processed again (the
store's dedupe: same mailbox UID, or same Message-ID and bytes), so nobody is answered twice.
On a terminal a progress line shows count, rate and ETA; a summary follows either way.
"""

from __future__ import annotations

import mailbox
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from intake.config import MailboxSettings, Settings
from intake.i18n import t
from intake.runtime import Runtime
from intake.states import MessageStatus

IMAP_SCHEMES = ("imap", "imaps", "imap+starttls")


@dataclass
class Item:
    name: str
    raw: bytes
    uidvalidity: int | None = None
    uid: int | None = None


def read_inputs(path: Path) -> Iterator[tuple[str, bytes]]:
    """Raw mails from an .eml file, a Maildir, a folder of .eml files, or an mbox file."""
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            md = mailbox.Maildir(path, create=False)
            for key in sorted(md.iterkeys()):
                yield f"{path}/{key}", md.get_bytes(key)
            return
        for item in sorted(path.glob("*.eml")):
            yield str(item), item.read_bytes()
        return
    with path.open("rb") as fh:
        head = fh.read(5)
    if head == b"From ":
        for i, msg in enumerate(mailbox.mbox(path, create=False)):
            yield f"{path}#{i + 1}", msg.as_bytes()
        return
    yield str(path), path.read_bytes()


def _count_local(path: Path) -> int:
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            return len(mailbox.Maildir(path, create=False))
        return len(list(path.glob("*.eml")))
    with path.open("rb") as fh:
        if fh.read(5) != b"From ":
            return 1
    return len(mailbox.mbox(path, create=False))


class Source:
    """Where the mails come from: a name for the store's mailbox column, a count, the items."""

    def __init__(self, spec: str, settings: Settings) -> None:
        self.spec, self.settings = spec, settings
        self.imap = urlsplit(spec).scheme in IMAP_SCHEMES
        self._box: Any = None
        if self.imap:
            from intake.poller.imap import ImapMailbox

            folder = MailboxSettings(name="backfill", url=spec, processed_action="flag")
            self._box = ImapMailbox(folder, settings.imap_verify_tls, oauth2_token=settings.imap_oauth2_token,
                                    ca_file=settings.tls_ca_file)
            self.mailbox = f"backfill:{folder.folder}"
        else:
            self.path = Path(spec)
            if not self.path.exists():
                raise FileNotFoundError(spec)
            self.mailbox = "backfill"

    def __enter__(self) -> Source:
        if self._box is not None:
            self._box.connect()
            self.uids = sorted(int(u) for u in self._box.c.search(["NOT", "DELETED"]))
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._box is not None:
            self._box.close()

    def count(self) -> int:
        return len(self.uids) if self._box is not None else _count_local(self.path)

    def items(self) -> Iterator[Item]:
        if self._box is not None:
            for uid, raw in self._box.fetch(self.uids):
                yield Item(f"{self.mailbox}/{uid}", raw, self._box.uidvalidity, uid)
            return
        for name, raw in read_inputs(self.path):
            yield Item(name, raw)


@dataclass
class Progress:
    """One line, rewritten in place on a terminal: count, rate and ETA. Silent elsewhere."""

    total: int
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    started: float = field(default_factory=time.monotonic)
    shown: float = 0.0

    @property
    def live(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def line(self, done: int, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate > 0 and self.total >= done else 0.0
        eta = f"{int(left) // 60}:{int(left) % 60:02d}"
        return t("backfill_progress", done=done, total=self.total, rate=rate, eta=eta)

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.live or (not force and now - self.shown < 0.2):
            return
        self.shown = now
        self.stream.write("\r" + self.line(done, now) + "\033[K")
        self.stream.flush()

    def finish(self, done: int) -> None:
        if self.live:
            self.update(done, force=True)
            self.stream.write("\n")
            self.stream.flush()


def backfill(runtime: Runtime, spec: str, progress_stream: TextIO | None = None) -> dict[str, Any]:
    """Store and hand on every mail of `spec`; return the summary (the `--json` document)."""
    started = time.monotonic()
    summary: dict[str, Any] = {"source": spec, "seen": 0, "stored": 0, "known": 0, "requeued": 0, "failed": 0,
                               "outcomes": {}, "errors": []}
    outcomes: Counter[str] = Counter()
    with Source(spec, runtime.settings) as source:
        progress = Progress(source.count(), progress_stream or sys.stderr)
        summary["total"] = progress.total
        for item in source.items():
            summary["seen"] += 1
            try:
                message_id, created = runtime.store.record_message(item.raw, source.mailbox, item.uidvalidity,
                                                                   item.uid)
                status = runtime.store.message_status(message_id)
                if created:
                    summary["stored"] += 1
                else:
                    summary["known"] += 1
                if status == MessageStatus.RECEIVED:  # new, or stored once but never processed
                    summary["requeued"] += 0 if created else 1
                    runtime.queue.ingest(message_id)
                    result = getattr(runtime.queue, "results", {}).get(message_id)
                    outcomes[str(result.get("outcome")) if result else "queued"] += 1
            except Exception as exc:  # one bad mail never stops the run; it is listed
                summary["failed"] += 1
                summary["errors"].append({"item": item.name, "error": f"{type(exc).__name__}: {exc}"[:300]})
            progress.update(summary["seen"])
        progress.finish(summary["seen"])
    summary["outcomes"] = dict(sorted(outcomes.items()))
    summary["seconds"] = round(time.monotonic() - started, 2)
    return summary
