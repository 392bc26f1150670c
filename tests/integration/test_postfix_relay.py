"""The Postfix test relay is a real, strict MTA: it relays well-formed mail unchanged to the sink,
refuses malformed input the way an Internet MTA does, and holds mail while the sink is failing.

Every test talks SMTP to a private Postfix (``tests/postfix.py``) in front of the aiosmtpd sink.
"""

from __future__ import annotations

import email
import email.policy
import random
import shutil
import smtplib
import socket
import tempfile
import time
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path
from typing import IO

import pytest
import servers
from aiosmtpd.controller import Controller
from postfix import (
    PostfixRelay,
    postfix_relay,
    postfix_smtp_fixture,  # noqa: F401  (registers the fixture postfix_smtp)
    relay_for_test,
)

pytestmark = pytest.mark.integration

SIZE_LIMIT = 200_000  # small message_size_limit for this module: oversize mails stay cheap to send
SENDER = "tougao@example.test"
RECIPIENT = "editor@example.test"
SUBJECT = "投稿：《春天的故事》第三稿"


@pytest.fixture
def postfix(smtp_sink: servers.SmtpSink, test_artifacts: Path) -> Iterator[PostfixRelay]:
    """A strict Postfix relaying to this test's sink, with message_size_limit = SIZE_LIMIT."""
    with relay_for_test(smtp_sink, test_artifacts, message_size_limit=SIZE_LIMIT) as relay:
        yield relay


def _well_formed_mail(attachment: bytes) -> bytes:
    """A CRLF multipart mail: RFC 2047 Chinese Subject, UTF-8 text part, base64 attachment."""
    msg = EmailMessage()
    msg["From"] = f"张三 <{SENDER}>"
    msg["To"] = RECIPIENT
    msg["Subject"] = SUBJECT
    msg["Date"] = "Thu, 03 Dec 2026 12:00:00 +0800"
    msg["Message-ID"] = "<postfix-relay-test@example.test>"
    msg.set_content("编辑老师您好：\n\n附件是我的稿件，请查收。\n\n张三\n", cte="base64")
    msg.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="chuntian.bin")
    return msg.as_bytes(policy=email.policy.SMTP)


def _send(relay: PostfixRelay, raw: bytes, *, sender: str = SENDER) -> None:
    """Submit ``raw`` as it is (smtplib leaves bytes alone apart from dot-stuffing)."""
    client = smtplib.SMTP(relay.host, relay.port, timeout=10)
    try:
        client.sendmail(sender, [RECIPIENT], raw)
    finally:
        client.close()


def _dialog(relay: PostfixRelay, lines: list[bytes]) -> list[bytes]:
    """Send SMTP command lines one at a time, each after the previous reply; return the replies.

    Stops at the first reply that is not 2xx/3xx or when the server closes the connection.
    """
    replies: list[bytes] = []
    with socket.create_connection((relay.host, relay.port), 10) as s:
        reader = s.makefile("rb")
        replies.append(_reply(reader))
        for line in lines:
            s.sendall(line)
            reply = _reply(reader)
            replies.append(reply)
            if reply[:1] not in (b"2", b"3"):
                break
    return replies


def _reply(reader: IO[bytes]) -> bytes:
    """One (possibly multi-line) SMTP reply, or b"" if the connection was closed."""
    out = b""
    while True:
        line = reader.readline()
        out += line
        if not line or line[3:4] != b"-":
            return out


def _assert_nothing_relayed(relay: PostfixRelay, sink: servers.SmtpSink) -> None:
    time.sleep(0.3)  # a mail wrongly accepted would reach the sink within ~50 ms
    assert relay.queue_empty(), relay.queued_files()
    assert sink.envelopes == []


# --------------------------------------------------------------------------- (a) well-formed mail


def test_well_formed_mail_arrives_with_the_same_bytes(postfix: PostfixRelay, smtp_sink: servers.SmtpSink) -> None:
    attachment = random.Random(20261203).randbytes(30_000)
    raw = _well_formed_mail(attachment)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # really CRLF only
    assert b"=?utf-8?b?" in raw  # Subject went out as an RFC 2047 encoded word
    assert raw.isascii() and max(len(line) for line in raw.split(b"\r\n")) <= 998

    _send(postfix, raw)
    [env] = smtp_sink.wait_for(1, timeout=20)
    postfix.wait_queue_empty(5)

    assert env.mail_from == SENDER and env.rcpt_tos == [RECIPIENT]
    # Postfix prepends its Received: header and changes nothing else, headers included.
    assert env.content.endswith(raw), "the relayed mail differs from what was submitted"
    added = env.content[: -len(raw)]
    assert added.startswith(b"Received: from ") and b"(Postfix) with ESMTP id " in added
    assert email.message_from_bytes(added + b"\r\n").keys() == ["Received"]
    body_sent, body_got = raw.split(b"\r\n\r\n", 1)[1], env.content.split(b"\r\n\r\n", 1)[1]
    assert body_got == body_sent

    msg = env.message
    assert str(make_header(decode_header(msg["Subject"]))) == SUBJECT
    [part] = list(msg.iter_attachments())
    assert part.get_filename() == "chuntian.bin"
    assert part.get_content() == attachment
    assert "status=sent (250 OK)" in postfix.wait_log("status=sent")


# --------------------------------------------------------------------------- (b) bare LF


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"From: tougao@example.test\nTo: editor@example.test\nSubject: LF only\n\nbody\n", id="all-LF"),
        pytest.param(b"From: tougao@example.test\r\nTo: editor@example.test\r\nSubject: one bare LF\r\n\r\n"
                     b"line one\nline two\r\n", id="one-bare-LF-in-body"),
    ],
)
def test_bare_lf_is_refused_at_data(postfix: PostfixRelay, smtp_sink: servers.SmtpSink, raw: bytes) -> None:
    with pytest.raises(smtplib.SMTPDataError) as refused:
        _send(postfix, raw)
    assert refused.value.smtp_code == 550
    assert b"bare <LF> received" in refused.value.smtp_error
    assert "bare <LF> received" in postfix.wait_log("bare <LF> received")
    _assert_nothing_relayed(postfix, smtp_sink)


def test_bare_lf_in_a_command_is_refused(postfix: PostfixRelay) -> None:
    replies = _dialog(postfix, [b"EHLO client.example.test\n"])
    assert replies[-1].startswith(b"550 ") and b"bare <LF>" in replies[-1]


# --------------------------------------------------------------------------- (c) size limit


def _mail_of_size(size: int) -> bytes:
    head = b"From: tougao@example.test\r\nTo: editor@example.test\r\nSubject: big\r\n\r\n"
    line = b"x" * 76 + b"\r\n"
    return head + line * ((size - len(head)) // len(line) + 1)


def test_mail_over_the_size_limit_is_refused_with_552_at_mail_from(
    postfix: PostfixRelay, smtp_sink: servers.SmtpSink
) -> None:
    """smtplib announces SIZE=; Postfix refuses at MAIL FROM."""
    with pytest.raises(smtplib.SMTPSenderRefused) as refused:
        _send(postfix, _mail_of_size(SIZE_LIMIT + 10_000))
    assert refused.value.smtp_code == 552
    _assert_nothing_relayed(postfix, smtp_sink)


def test_mail_over_the_size_limit_is_refused_with_552_at_data(
    postfix: PostfixRelay, smtp_sink: servers.SmtpSink
) -> None:
    """Without SIZE= the mail is refused once the data passes the limit."""
    client = smtplib.SMTP(postfix.host, postfix.port, timeout=10)
    try:
        client.ehlo()
        assert client.mail(SENDER)[0] == 250  # no SIZE= parameter
        assert client.rcpt(RECIPIENT)[0] == 250
        code, text = client.data(_mail_of_size(SIZE_LIMIT + 10_000))
    finally:
        client.close()
    assert code == 552, text
    _assert_nothing_relayed(postfix, smtp_sink)


def test_mail_just_under_the_size_limit_is_relayed(postfix: PostfixRelay, smtp_sink: servers.SmtpSink) -> None:
    raw = _mail_of_size(SIZE_LIMIT - 5_000)
    _send(postfix, raw)
    [env] = smtp_sink.wait_for(1, timeout=20)
    assert env.content.endswith(raw)


# --------------------------------------------------------------------------- (d) sink outage


def test_mail_is_held_while_the_sink_fails_and_delivered_when_it_accepts(
    postfix: PostfixRelay, smtp_sink: servers.SmtpSink
) -> None:
    smtp_sink.fail_next(2, code=451)
    raw = _well_formed_mail(b"\x00\x01 attachment \xff" * 100)
    t0 = time.monotonic()
    _send(postfix, raw)  # Postfix takes the mail (250 queued) although the sink refuses it

    postfix.wait_log("status=deferred", timeout=15)
    assert not postfix.queue_empty()  # held in Postfix's queue during the outage
    assert smtp_sink.envelopes == []

    [env] = smtp_sink.wait_for(1, timeout=40)  # generous: a loaded 2-core CI machine delays Postfix's retries
    delay = env.received_at - t0
    postfix.wait_queue_empty(timeout=10)
    assert env.content.endswith(raw)
    log = postfix.log_text()
    assert log.count("status=deferred") == 2 and "451 Requested action aborted" in log
    assert "status=sent" in log
    assert delay < 40, f"delivered {delay:.1f} s after submission"


def test_mail_waits_for_a_sink_that_is_down_and_goes_out_when_it_is_up() -> None:
    """The next hop refuses connections for ~2.5 s, then starts listening: delivery follows within ~1 s."""
    port = servers.free_port()
    sink = servers.SmtpSink(port)
    workdir = Path(tempfile.mkdtemp(prefix="postfix-", dir="/tmp"))
    try:
        with postfix_relay((servers.HOST, port), workdir) as relay:
            raw = _well_formed_mail(b"held while the sink is down")
            _send(relay, raw)
            relay.wait_log("Connection refused", timeout=15)
            time.sleep(1.5)
            assert not relay.queue_empty()
            controller = Controller(sink, hostname=servers.HOST, port=port)
            controller.start()
            try:
                up = time.monotonic()
                [env] = sink.wait_for(1, timeout=20)
                relay.wait_queue_empty(timeout=10)
            finally:
                controller.stop()
            assert env.content.endswith(raw)
            assert env.received_at - up < 20  # seconds; Postfix retries about once a second when idle
            assert relay.log_text().count("status=deferred") >= 2
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- the shared fixture


def test_postfix_smtp_fixture_relays_to_the_sink(postfix_smtp: PostfixRelay, smtp_sink: servers.SmtpSink) -> None:
    """``postfix_smtp`` (for other modules) is the same strict relay with the default 10 MB limit."""
    assert postfix_smtp.url == f"smtp://127.0.0.1:{postfix_smtp.port}"
    assert postfix_smtp.message_size_limit == 10_000_000
    with smtplib.SMTP(postfix_smtp.host, postfix_smtp.port, timeout=10) as client:
        client.ehlo()
        assert client.esmtp_features["size"] == "10000000"
        client.sendmail(SENDER, [RECIPIENT], b"Subject: fixture\r\n\r\nhello\r\n")
    [env] = smtp_sink.wait_for(1, timeout=20)
    assert env.content.endswith(b"Subject: fixture\r\n\r\nhello\r\n")
    with pytest.raises(smtplib.SMTPDataError):
        _send(postfix_smtp, b"Subject: bare\n\nLF\n")


# --------------------------------------------------------------------------- other strictness


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        pytest.param([b"MAIL FROM:<tougao@example.test>\r\n"], b"503", id="mail-before-helo"),
        pytest.param([b"EHLO client.example.test\r\n", b"MAIL FROM: tougao@example.test\r\n"], b"501",
                     id="envelope-without-brackets"),
        pytest.param([b"EHLO client.example.test\r\n", b"MAIL FROM:<tougao@example.test>\r\n", b"RCPT TO:<editor>\r\n"],
                     b"504", id="unqualified-recipient"),
        pytest.param([b"EHLO client.example.test\r\n", b"MAIL FROM:<tougao>\r\n", b"RCPT TO:<editor@example.test>\r\n"],
                     b"504", id="unqualified-sender"),
        pytest.param([b"HELO client.example.test\r\nMAIL FROM:<tougao@example.test>\r\n"], b"554",
                     id="pipelining-without-esmtp"),
    ],
)
def test_malformed_dialog_is_refused(postfix: PostfixRelay, lines: list[bytes], code: bytes) -> None:
    replies = _dialog(postfix, lines)
    assert replies[-1][:3] == code, replies


def test_commands_sent_before_the_greeting_are_refused(postfix: PostfixRelay) -> None:
    # Two commands in the first packet, before any reply: a violation whether or not the 220
    # banner left the server first (on a loaded machine it may), so the test does not race it.
    with socket.create_connection((postfix.host, postfix.port), 10) as s:
        s.sendall(b"EHLO client.example.test\r\nNOOP\r\n")
        replies = s.makefile("rb")
        reply = _reply(replies)
        if reply.startswith(b"220 "):
            reply = _reply(replies)
    assert reply.startswith(b"554 ") and b"synchronization" in reply, reply


def test_undeclared_8bit_body_is_refused(postfix: PostfixRelay, smtp_sink: servers.SmtpSink) -> None:
    raw = "From: tougao@example.test\r\nTo: editor@example.test\r\nSubject: raw\r\n\r\n稿件正文\r\n".encode()
    with pytest.raises(smtplib.SMTPDataError) as refused:
        _send(postfix, raw)
    assert refused.value.smtp_code == 550 and b"8-bit" in refused.value.smtp_error
    _assert_nothing_relayed(postfix, smtp_sink)


def test_bare_cr_is_not_refused_but_replaced_by_a_space(postfix: PostfixRelay, smtp_sink: servers.SmtpSink) -> None:
    """Postfix has no option to refuse a bare CR: it accepts the mail and relays the CR as a space.

    Documented here so that nobody relies on this relay to catch bare CRs.
    """
    _send(postfix, b"From: tougao@example.test\r\nTo: editor@example.test\r\nSubject: CR\r\n\r\nbody\rmore\r\n")
    [env] = smtp_sink.wait_for(1, timeout=20)
    assert env.content.endswith(b"\r\n\r\nbody more\r\n")
