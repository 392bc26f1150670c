"""What the poller hands mail to: the only way out of `intake.poller`.

The poller moves bytes: it finds mail in a folder, gives each raw mail to a `Sink`, and files
the mail away only after the sink returned (stored and enqueued). Everything else (the
database, the queue, the meaning of a mail) sits behind this protocol, wired in the CLI
(`intake.delivery.StoreSink`), so importing `intake.poller` loads no extraction, rules,
templates or database code.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol


class Known(NamedTuple):
    """A mail the sink already holds under this folder's UID (a crash came before the MOVE)."""

    message_id: int
    status: str
    size: int


class Sink(Protocol):
    def deliver(self, mailbox: str, raw: bytes, uidvalidity: int | None, uid: int | None,
                declared_size: int | None = None) -> str:
        """Store and enqueue one mail (idempotent); returns its status before this call's enqueue."""
        ...

    def known(self, mailbox: str, uidvalidity: int, uids: list[Any]) -> dict[Any, Known]:
        """The UIDs among `uids` already stored, so they are filed away without a download."""
        ...

    def requeue(self, message_id: int) -> None:
        """Hand a stored but unprocessed mail on again."""
        ...

    def mail_failed(self, mailbox: str, key: Any, error: str) -> None:
        """Record that one mail could not be handled (the others go on)."""
        ...

    def folder_seen(self, mailbox: str, uidvalidity: int | None, last_uid: int | None,
                    error: str | None) -> None:
        """Record a search of the folder (the heartbeat), or the error that prevented it.

        A UIDVALIDITY other than the last one recorded is logged and recorded as an event.
        """
        ...
