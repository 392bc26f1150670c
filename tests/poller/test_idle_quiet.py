"""IDLE on a quiet mailbox stays in IDLE (real Dovecot): no reconnect, no error, and a mail that
arrives later is announced within a second or two.

With nothing to read, a non-blocking read of imaplib's buffered socket file returns b"", which
imaplib reports as "socket error: EOF": that is "nothing yet", not the server closing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from intake.config import MailboxSettings
from intake.poller.imap import ImapMailbox
from tests import servers

pytestmark = pytest.mark.integration

MAIL = (b"From: a@163.com\r\nTo: tougao@example.test\r\nSubject: idle test\r\n"
        b"Message-ID: <idle-quiet@163.com>\r\n\r\nhello\r\n")


@pytest.fixture
def box(dovecot_private: servers.DovecotServer) -> Iterator[tuple[ImapMailbox, servers.DovecotServer]]:
    mailbox = ImapMailbox(MailboxSettings(name="default", url=dovecot_private.url("INBOX")))
    mailbox.connect()
    try:
        yield mailbox, dovecot_private
    finally:
        mailbox.close()


def test_a_quiet_idle_times_out_without_an_error(box: tuple[ImapMailbox, servers.DovecotServer]) -> None:
    """Three quiet 1.5 s IDLEs in a row each end with False after their time, on the same connection."""
    mailbox, _dove = box
    mailbox.wait_for_mail(0.5, lambda: True)  # SELECT's own EXISTS may count once
    for _ in range(3):
        started = time.monotonic()
        assert mailbox.wait_for_mail(1.5, lambda: True) is False
        assert time.monotonic() - started >= 1.4
    mailbox.c.noop()  # the connection is still good


def test_a_mail_arriving_during_idle_is_announced_at_once(box: tuple[ImapMailbox, servers.DovecotServer]) -> None:
    """A mail APPENDed 1 s into a 20 s IDLE ends the wait within a few seconds."""
    mailbox, dove = box
    mailbox.wait_for_mail(0.5, lambda: True)

    def deliver() -> None:
        time.sleep(1.0)
        client = dove.client()
        client.append("INBOX", MAIL)
        client.logout()

    threading.Thread(target=deliver, daemon=True).start()
    started = time.monotonic()
    assert mailbox.wait_for_mail(20.0, lambda: True) is True
    assert time.monotonic() - started < 5.0


def test_the_server_going_away_during_idle_ends_the_wait_with_an_error(
    box: tuple[ImapMailbox, servers.DovecotServer],
) -> None:
    """Dovecot stopped 1 s into a 20 s IDLE: the wait raises ConnectionError within a few seconds."""
    mailbox, dove = box
    mailbox.wait_for_mail(0.5, lambda: True)
    threading.Timer(1.0, dove.stop).start()
    started = time.monotonic()
    try:
        with pytest.raises(ConnectionError):
            mailbox.wait_for_mail(20.0, lambda: True)
        assert time.monotonic() - started < 8.0
    finally:
        dove.start()
