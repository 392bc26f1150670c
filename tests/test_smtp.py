"""intake.smtp: the only code that delivers mail; failures are typed transient (retry) or permanent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import servers

from intake.smtp import (
    FileTransport,
    PermanentSendError,
    SmtpTransport,
    TransientSendError,
    transport_from_url,
)

RAW = ("From: tougao@localhost\r\nTo: a@163.com\r\nSubject: =?utf-8?b?5rWL6K+V?=\r\n"
       "Message-ID: <intake.1@localhost>\r\n\r\nfirst line\r\n.starts with a dot\r\nlast\r\n").encode("ascii")


def smtp_for(sink: servers.SmtpSink) -> SmtpTransport:
    transport = transport_from_url(sink.url)
    assert isinstance(transport, SmtpTransport)
    return SmtpTransport(transport.host, transport.port, transport.mode, timeout=5.0)


# --------------------------------------------------------------------------- file outbox


def test_file_transport_writes_one_eml_with_envelope_headers(tmp_path: Path) -> None:
    """FileTransport writes `<name>.eml`: X-Envelope-From/To lines, then the mail bytes unchanged."""
    outbox = tmp_path / "outbox"
    FileTransport(outbox).send(RAW, "tougao@localhost", ("a@163.com", "b@qq.com"), "7-acknowledgement")
    written = (outbox / "7-acknowledgement.eml").read_bytes()
    assert written == b"X-Envelope-From: tougao@localhost\r\nX-Envelope-To: a@163.com, b@qq.com\r\n" + RAW


def test_file_transport_leaves_no_temporary_files(tmp_path: Path) -> None:
    """Writing goes through a temp file renamed into place: afterwards only the .eml exists."""
    FileTransport(tmp_path).send(RAW, "s@x", ("r@x",), "n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.eml"]


def test_file_transport_is_atomic_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the final rename never happens, no half-written `<name>.eml` appears under its name."""
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        FileTransport(tmp_path).send(RAW, "s@x", ("r@x",), "n")
    assert not (tmp_path / "n.eml").exists()


def test_file_transport_cleans_up_its_temp_file_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed write leaves the outbox folder as it was (no stray .tmp-* files), like BlobStore.put."""
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        FileTransport(tmp_path).send(RAW, "s@x", ("r@x",), "n")
    assert list(tmp_path.iterdir()) == []


def test_file_transport_sanitises_the_name(tmp_path: Path) -> None:
    """A name with path separators cannot escape the outbox folder."""
    FileTransport(tmp_path / "out").send(RAW, "s@x", ("r@x",), "../../etc/passwd")
    assert [p.name for p in (tmp_path / "out").iterdir()] == [".._.._etc_passwd.eml"]
    assert not (tmp_path / "etc").exists()


# --------------------------------------------------------------------------- SMTP


def test_smtp_delivers_the_bytes_exactly(smtp_sink: servers.SmtpSink) -> None:
    """The sink receives the same bytes, envelope sender and recipients (dot-stuffing undone)."""
    smtp_for(smtp_sink).send(RAW, "tougao@localhost", ("a@163.com", "b@qq.com"), "n")
    (received,) = smtp_sink.wait_for(1, timeout=5)
    assert received.content == RAW
    assert received.mail_from == "tougao@localhost"
    assert received.rcpt_tos == ["a@163.com", "b@qq.com"]


def test_a_4xx_reply_is_a_transient_error_with_its_code(smtp_sink: servers.SmtpSink) -> None:
    """451 at DATA → TransientSendError(code=451); nothing is delivered."""
    smtp_sink.fail_next(1, 451)
    with pytest.raises(TransientSendError) as caught:
        smtp_for(smtp_sink).send(RAW, "tougao@localhost", ("a@163.com",), "n")
    assert caught.value.code == 451
    assert "451" in str(caught.value)
    assert smtp_sink.envelopes == []


def test_a_5xx_reply_is_a_permanent_error_with_its_code(smtp_sink: servers.SmtpSink) -> None:
    """550 at DATA → PermanentSendError(code=550), not a TransientSendError."""
    smtp_sink.fail_next(1, 550)
    with pytest.raises(PermanentSendError) as caught:
        smtp_for(smtp_sink).send(RAW, "tougao@localhost", ("a@163.com",), "n")
    assert caught.value.code == 550
    assert not isinstance(caught.value, TransientSendError)


def test_the_next_send_after_a_failure_succeeds(smtp_sink: servers.SmtpSink) -> None:
    """fail_next(1) fails one delivery only: retrying the same bytes then delivers them."""
    smtp_sink.fail_next(1, 451)
    transport = smtp_for(smtp_sink)
    with pytest.raises(TransientSendError):
        transport.send(RAW, "tougao@localhost", ("a@163.com",), "n")
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "n")
    assert [e.content for e in smtp_sink.wait_for(1, timeout=5)] == [RAW]


def test_connection_refused_is_transient() -> None:
    """Nothing listening on the port → TransientSendError without a reply code."""
    port = servers.free_port()
    with pytest.raises(TransientSendError) as caught:
        SmtpTransport("127.0.0.1", port, "plain", timeout=2.0).send(RAW, "s@x", ("r@x",), "n")
    assert caught.value.code is None


# --------------------------------------------------------------------------- URLs


def test_transport_from_smtp_url_with_credentials() -> None:
    """smtp://user:pass@host:port → plain SMTP with percent-decoded login."""
    transport = transport_from_url("smtp://tougao%40example.org:p%40ss%3Aw@mail.example.org:2525")
    assert transport == SmtpTransport("mail.example.org", 2525, "plain", "tougao@example.org", "p@ss:w")


@pytest.mark.parametrize(
    ("url", "mode", "port"),
    [("smtp://relay.example.org", "plain", 25), ("smtp+starttls://relay.example.org", "starttls", 587),
     ("smtps://relay.example.org", "ssl", 465), ("smtps://relay.example.org:2465", "ssl", 2465)],
)
def test_transport_from_url_modes_and_default_ports(url: str, mode: str, port: int) -> None:
    """Each scheme selects its TLS mode and its standard port when none is given."""
    transport = transport_from_url(url)
    assert isinstance(transport, SmtpTransport)
    assert (transport.host, transport.port, transport.mode) == ("relay.example.org", port, mode)
    assert transport.username is None and transport.password is None


def test_transport_from_url_passes_tls_verification_setting() -> None:
    """verify_tls=False reaches the transport (self-signed relays in test setups)."""
    transport = transport_from_url("smtps://relay.example.org", verify_tls=False)
    assert isinstance(transport, SmtpTransport) and transport.verify_tls is False


def test_transport_from_file_url_is_the_file_outbox(tmp_path: Path) -> None:
    """file:///path → FileTransport writing into that folder."""
    assert transport_from_url(f"file://{tmp_path}/outbox") == FileTransport(tmp_path / "outbox")


# --------------------------------------------------------------------------- connection reuse


def test_a_burst_of_mail_uses_one_connection_and_each_mail_arrives_once(smtp_sink: servers.SmtpSink) -> None:
    from intake.smtp import close_connections

    close_connections()
    transport = smtp_for(smtp_sink)
    for i in range(5):
        transport.send(RAW.replace(b"intake.1@", f"intake.{i}@".encode()), "tougao@localhost", ("a@163.com",), "x")
    smtp_sink.wait_for(5)
    assert smtp_sink.sessions == 1 and len(smtp_sink.envelopes) == 5
    close_connections()


def test_a_failure_drops_the_connection_and_the_next_mail_opens_a_new_one(smtp_sink: servers.SmtpSink) -> None:
    from intake.smtp import close_connections

    close_connections()
    transport = smtp_for(smtp_sink)
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    smtp_sink.fail_next(1, 451)
    with pytest.raises(TransientSendError):
        transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    assert smtp_sink.sessions == 2 and len(smtp_sink.wait_for(2)) == 2
    close_connections()


def test_without_reuse_every_mail_has_its_own_connection(smtp_sink: servers.SmtpSink) -> None:
    from dataclasses import replace

    transport = replace(smtp_for(smtp_sink), reuse_seconds=0)
    for _ in range(3):
        transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    assert smtp_sink.sessions == 3


def test_an_idle_connection_past_its_time_is_not_reused(smtp_sink: servers.SmtpSink) -> None:
    import time
    from dataclasses import replace

    from intake.smtp import close_connections

    close_connections()
    transport = replace(smtp_for(smtp_sink), reuse_seconds=0.2)
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    time.sleep(0.4)
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    assert smtp_sink.sessions == 2
    close_connections()


def test_a_connection_the_server_dropped_is_noticed_before_the_next_mail(smtp_sink: servers.SmtpSink) -> None:
    import socket

    from intake import smtp

    smtp.close_connections()
    transport = smtp_for(smtp_sink)
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    (client, *_rest), = smtp._POOL.open.values()
    client.sock.shutdown(socket.SHUT_RDWR)  # as a relay's idle timeout would
    transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    assert len(smtp_sink.wait_for(2)) == 2 and smtp_sink.sessions == 2
    smtp.close_connections()


def test_a_connection_is_renewed_after_its_quota_of_mails(smtp_sink: servers.SmtpSink, monkeypatch: Any) -> None:
    from intake import smtp

    smtp.close_connections()
    monkeypatch.setattr(smtp._Pool, "MAX_MAILS", 2)
    transport = smtp_for(smtp_sink)
    for _ in range(5):
        transport.send(RAW, "tougao@localhost", ("a@163.com",), "x")
    assert len(smtp_sink.wait_for(5)) == 5 and smtp_sink.sessions == 3
    smtp.close_connections()


def test_the_end_of_data_leaves_with_the_last_bytes_on_a_no_delay_socket(
    smtp_sink: servers.SmtpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nagle's algorithm held a lone ".\\r\\n" sent after the message until the server's delayed ACK
    (up to 40 ms a mail over a kept connection). Now the socket is TCP_NODELAY and the terminator
    travels in the same write as the message's last bytes. Checked on a real connection to aiosmtpd."""
    import smtplib
    import socket

    from intake import smtp as smtp_module
    from intake.smtp import close_connections

    writes: list[bytes] = []
    sockets: list[Any] = []
    real_send = smtplib.SMTP.send

    def recording(self: smtplib.SMTP, s: bytes | str) -> None:
        writes.append(s if isinstance(s, bytes) else s.encode())
        sockets.append(self.sock)
        real_send(self, s)

    monkeypatch.setattr(smtplib.SMTP, "send", recording)
    monkeypatch.setattr(smtp_module, "CHUNK_BYTES", 1000)  # several chunks, the last one short
    close_connections()
    body = b"".join(f"line {i:04d} of a notice\r\n".encode() for i in range(200))
    raw = RAW.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n" + body
    smtp_for(smtp_sink).send(raw, "tougao@localhost", ("a@163.com",), "x")
    assert smtp_sink.wait_for(1)[0].content.endswith(b"line 0199 of a notice\r\n")
    last = writes[-1] if not writes[-1].startswith(b"QUIT") else writes[-2]
    data_writes = [w for w in writes if w[:4].upper() not in (b"EHLO", b"MAIL", b"RCPT", b"DATA", b"QUIT", b"NOOP")]
    assert data_writes[-1] == last and last.endswith(b"of a notice\r\n.\r\n") and len(last) > 5
    assert all(not w.endswith(b".\r\n") or w is last for w in data_writes)
    assert sockets[-1].getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    close_connections()
