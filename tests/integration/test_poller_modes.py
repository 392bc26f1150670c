"""Poller options against a real Dovecot: size limit, flag mode, delete mode, several mailboxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.deployment import Deployment

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """These options do not depend on the database: SQLite only keeps the suite short."""
    return f"sqlite:///{tmp_path / 'intake.sqlite3'}"


def test_oversized_mail_is_not_downloaded_and_gets_a_too_large_rejection(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    system.env["INTAKE_MAX_MESSAGE_BYTES"] = "20000"
    raw = (EXAMPLES / "01-docx-with-photos.eml").read_bytes()
    assert len(raw) > 20000
    system.worker()
    system.poller()
    dovecot.append(raw)
    [mail] = [e.message for e in smtp_sink.wait_for(1, timeout=30)]
    assert str(mail["Subject"]).startswith("【来稿未能受理】")
    body = mail.get_body(("plain",)).get_content()
    assert "MB" in body
    [message] = system.messages()
    assert message.reason == "too_large" and message.size_bytes == len(raw)
    assert len(system.store.blobs.get(message.sha256)) < 5000  # only the header was fetched
    system.wait(lambda: dovecot.uids("INBOX") == [] and len(dovecot.uids("Rejected")) == 1, 10,
                "the mail to be filed in Rejected")


def test_flag_mode_keeps_mail_in_the_inbox_and_never_processes_it_twice(
    system: Deployment, dovecot: Any, smtp_sink: Any
) -> None:
    system.env["INTAKE_CONFIG"] = str(_toml(system, dovecot.url("INBOX"), "flag"))
    del system.env["INTAKE_MAILBOX_URL"]
    system.worker()
    poller = system.poller()
    dovecot.append((EXAMPLES / "05-missing-phone.eml").read_bytes())
    smtp_sink.wait_for(1, timeout=30)
    client = dovecot.client()
    client.select_folder("INBOX")
    flags = client.get_flags(client.search(["ALL"]))
    assert [b"$IntakeProcessed" in f for f in flags.values()] == [True]
    poller.terminate()
    poller.wait(15)
    system.poller("second")  # a restart sweeps the INBOX again: the flagged mail is left alone
    dovecot.append((EXAMPLES / "09-no-manuscript.eml").read_bytes())
    smtp_sink.wait_for(2, timeout=30)
    system.wait(lambda: len(system.messages()) == 2, 5, "both messages")
    assert len(smtp_sink.envelopes) == 2


def test_one_poller_watches_several_mailboxes(system: Deployment, dovecot: Any, smtp_sink: Any) -> None:
    other = dovecot.fresh_user()
    path = system.data_dir.parent / "intake.toml"
    path.write_text(
        f'[[mailboxes]]\nname = "tougao"\nurl = "{dovecot.url("INBOX")}"\n\n'
        f'[[mailboxes]]\nname = "gaojian"\nurl = "{other.url("INBOX")}"\nprocessed_action = "delete"\n',
        encoding="utf-8")
    system.env["INTAKE_CONFIG"] = str(path)
    del system.env["INTAKE_MAILBOX_URL"]
    system.worker()
    system.poller()
    dovecot.append((EXAMPLES / "05-missing-phone.eml").read_bytes())
    other.append((EXAMPLES / "09-no-manuscript.eml").read_bytes())
    smtp_sink.wait_for(2, timeout=30)
    assert sorted(m.mailbox for m in system.messages()) == ["gaojian", "tougao"]
    system.wait(lambda: dovecot.uids("INBOX") == [] and other.uids("INBOX") == [], 10, "both INBOXes emptied")
    assert len(dovecot.uids("Processed")) == 1 and other.uids("Processed") == []  # deleted, not moved


def _toml(system: Deployment, url: str, action: str) -> Path:
    path = system.data_dir.parent / "intake.toml"
    path.write_text(f'[[mailboxes]]\nname = "tougao"\nurl = "{url}"\nprocessed_action = "{action}"\n',
                    encoding="utf-8")
    return path


def test_idle_is_reissued_and_the_poller_keeps_answering(system: Deployment, dovecot: Any, smtp_sink: Any) -> None:
    """With a 1 s IDLE timeout the poller re-issues IDLE many times; mail arriving later is still answered."""
    system.env["INTAKE_IDLE_TIMEOUT"] = "1"
    system.worker()
    poller = system.poller()

    def idle_commands() -> int:  # imapclient logs every command it sends: "> b'ABCD12 IDLE'"
        logs = list(system.logs.glob("poller-*.log"))
        return logs[0].read_text().count(" IDLE'") if logs else 0

    system.wait(lambda: idle_commands() >= 3, 30, "IDLE to be issued three times")
    dovecot.append((EXAMPLES / "05-missing-phone.eml").read_bytes())
    smtp_sink.wait_for(1, timeout=30)
    assert poller.poll() is None
