"""Big mails without whole-mail copies: notices are composed into a file, stored and sent as streams,
incoming mail is parsed from bytes fed in pieces, and a review request carries each photo once.

- composing: `compose_into` writes the same mail the email package wrote before (the old composer
  is kept here as the reference: same bytes but for the boundaries and the Date), and what it
  writes reads back in Python's `email`, postal-mime and mailparser (Node, tests/foreign/parse.mjs)
  with the same parts and payload bytes: Chinese names, a 30 MB file, a hundred parts;
- sending: DATA is streamed a chunk at a time and dot-stuffed across chunk boundaries; an aiosmtpd
  sink and a strict Postfix receive exactly the bytes (what smtplib's sendmail delivers);
- the outbox: a notice with 30 MB of files goes compose → blob store (files or database) → relay
  (SMTP sink or the file outbox) and arrives byte for byte as stored;
- parsing: `parse_mail` gives the same ParsedMail as the old `mailparser.parse_from_bytes` path
  for every mail of examples/, tests/data/corpus and tests/data/blind/batch*/;
- review requests: an original that is byte-identical to an inline photo is not attached again.
"""

from __future__ import annotations

import email
import email.parser
import email.policy
import hashlib
import io
import json
import random
import re
import smtplib
import sys
from collections.abc import Iterator
from dataclasses import replace
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from pathlib import Path
from typing import Any

import mailparser
import pytest
import servers
from postfix import PostfixRelay, relay_for_test

import intake.mail
import intake.smtp
from intake import wire
from intake.config import Settings, load_settings
from intake.extract import extract
from intake.mail import _attachments_from_mailparser, _unparted, _walk, parse_mail
from intake.models import Attachment, NoticeKind, Outcome, ParsedMail
from intake.notices import (
    SMTP_POLICY,
    Envelope,
    FilePart,
    Rendered,
    _headers,
    _plain_param,
    compose,
    compose_into,
    rfc2231_sections,
)
from intake.notify import Planned, Subject, plan
from intake.outbox import compose_notices, record_notices, send_notice
from intake.rules.severity import judge
from intake.smtp import FileTransport, SmtpTransport, transport_from_url
from intake.store import Store
from intake.text import one_line, safe_filename

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
sys.path.insert(0, str(TESTS / "foreign"))  # `import scenarios` (Node helpers)
sys.path.insert(0, str(TESTS / "extract"))  # `import extract_helpers` (HEIC photos, .docx)

import extract_helpers as xh  # noqa: E402
import scenarios as foreign  # noqa: E402

SECRET = b"test-secret-key-of-thirty-two-bytes!"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHINESE = "关于举办青年干部读书分享会暨主题党日活动的新闻稿（定稿）.docx"
LONG_CHINESE = ("市直机关工委举办青年干部读书分享会暨喜迎二十大永远跟党走奋进新征程主题党日活动圆满成功"
                "现场照片合集第一部分.zip")
RENDERED = Rendered("【待审稿件】TG-20261126-0007 《读书分享会》", "编辑老师：\n请审阅。\n.以点开头的一行\n",
                    "<p>编辑老师：</p><p>请审阅。</p>")
MIB = 1024 * 1024


def envelope(**changes: Any) -> Envelope:
    values: dict[str, Any] = {
        "sender": "tougao@example.org", "sender_name": "编辑部投稿邮箱", "recipients": ("editor@example.org",),
        "idempotency_key": "sub:TG-20261126-0007:review_request:editor@example.org:1",
        "tracking_id": "TG-20261126-0007", "in_reply_to": "<orig.1@163.com>", "references": ("<root.0@163.com>",),
        "secret": SECRET, "extra_headers": {"Reply-To": "tougao+abc@example.org"},
    }
    values.update(changes)
    return Envelope(**values)


def noise(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


# --------------------------------------------------------------------------- the composer it replaced


def old_attachment_part(item: FilePart) -> MIMEBase:
    """intake.notices.attachment_part before streaming (the email package encodes the payload)."""
    from email import encoders

    maintype, _, subtype = item.content_type.partition("/")
    if maintype.lower() in ("message", "multipart"):
        stem = item.filename.rsplit(".", 1)[0] if item.filename.lower().endswith(".eml") else item.filename
        item = FilePart(f"{stem}.eml", "application/octet-stream", item.data, item.content_id)
        maintype, subtype = "application", "octet-stream"
    part = MIMEBase(maintype or "application", subtype or "octet-stream")
    part.set_payload(item.data)
    encoders.encode_base64(part)
    filename = safe_filename(item.filename)
    plain = _plain_param(filename)
    part.set_param("name", filename if plain else Header(filename, "utf-8").encode(linesep="\n "))
    disposition = "inline" if item.content_id else "attachment"
    if item.content_id:
        part.add_header("Content-ID", f"<{one_line(item.content_id)}>")
    if plain:
        part.add_header("Content-Disposition", disposition, filename=filename)
    else:
        part["Content-Disposition"] = disposition + ";" + rfc2231_sections("filename", filename)
    return part


def old_compose(envelope: Envelope, rendered: Rendered, files: tuple[FilePart, ...] = ()) -> bytes:
    """intake.notices.compose before streaming: a MIME tree flattened by the email package."""
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(rendered.text, "plain", "utf-8"))
    inline = [f for f in files if f.content_id]
    html_part: MIMEBase = MIMEText(rendered.html, "html", "utf-8")
    if inline:
        related = MIMEMultipart("related")
        related.attach(html_part)
        for item in inline:
            related.attach(old_attachment_part(item))
        html_part = related
    alternative.attach(html_part)
    attached = [f for f in files if not f.content_id]
    root: MIMEBase = alternative
    if attached:
        root = MIMEMultipart("mixed")
        root.attach(alternative)
        for item in attached:
            root.attach(old_attachment_part(item))
    _headers(root, envelope, rendered.subject)
    return root.as_bytes(policy=SMTP_POLICY)


def normalised(raw: bytes) -> bytes:
    """RAW with its multipart boundaries (random) numbered in order and its Date blanked."""
    for i, boundary in enumerate(re.findall(rb'boundary="([^"]+)"', raw)):
        raw = raw.replace(boundary, b"BOUNDARY-%d" % i)
    return re.sub(rb"\r\nDate: [^\r\n]*\r\n", b"\r\nDate: -\r\n", raw, count=1)


def forwarded_mail() -> bytes:
    return (b"From: a@163.com\r\nTo: b@163.com\r\nSubject: =?utf-8?b?6L2s5Y+R?=\r\n\r\n"
            b"first\r\n.dot line\r\n\xe4\xb8\xad\n")


CASES: dict[str, tuple[FilePart, ...]] = {
    "no files": (),
    "sizes around the 57-byte line and the 57 KiB block": tuple(
        FilePart(f"f{size}.bin", "application/octet-stream", noise(size, size))
        for size in (0, 1, 2, 56, 57, 58, 57 * 1024 - 1, 57 * 1024, 57 * 1024 + 1, 3 * 57 * 1024 + 19)),
    "inline photos, the draft page and Chinese names": (
        FilePart("会场照片（一）.jpg", "image/jpeg", noise(200_000, 2), content_id="photo0.abc"),
        FilePart("IMG_0412.jpg", "image/jpeg", noise(90_001, 3), content_id="photo1.def"),
        FilePart("draft.html", "text/html", "<h1>稿件</h1>\n".encode() * 500),
        FilePart(CHINESE, DOCX, noise(45_000, 4)),
        FilePart(LONG_CHINESE, "application/zip", noise(10_000, 5)),
        FilePart("report 2026 (final).pdf", "application/pdf", noise(5_000, 6)),
    ),
    "a forwarded mail and a multipart as .eml files": (
        FilePart("转发：投稿", "message/rfc822", forwarded_mail()),
        FilePart("nested.eml", "multipart/mixed", forwarded_mail()),
        FilePart("", "", b"x" * 100),
    ),
}


@pytest.mark.parametrize("files", list(CASES.values()), ids=list(CASES))
def test_compose_writes_what_the_email_package_wrote(files: tuple[FilePart, ...]) -> None:
    """Same headers (order, folding, RFC 2047/2231 names), same parts, same base64 lines: only the
    boundaries (chosen at random by both) and the Date differ."""
    new, old = compose(envelope(), RENDERED, files), old_compose(envelope(), RENDERED, files)
    assert normalised(new) == normalised(old)
    assert wire.problems(new) == []


def test_compose_into_streams_to_a_file_and_counts_its_bytes(tmp_path: Path) -> None:
    files = CASES["inline photos, the draft page and Chinese names"]
    with (tmp_path / "mail.eml").open("w+b") as fh:
        size = compose_into(fh, envelope(), RENDERED, files)
        assert size == fh.tell()
        fh.seek(0)
        written = fh.read()
    assert normalised(written) == normalised(compose(envelope(), RENDERED, files))


def python_parts(raw: bytes) -> list[tuple[str | None, str, str | None, bytes]]:
    """(filename, content type, Content-ID, decoded bytes) of every file part, as Python reads RAW."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg.defects == [] and all(not p.defects for p in msg.walk())
    out = []
    for part in msg.walk():
        if part.is_multipart() or (part.get_content_type() in ("text/plain", "text/html")
                                   and part.get_filename() is None):
            continue
        cid = part.get("Content-ID")
        out.append((part.get_filename(), part.get_content_type(), str(cid).strip("<>") if cid else None,
                    part.get_payload(decode=True)))
    return out


def expected_parts(files: tuple[FilePart, ...]) -> list[tuple[str | None, str, str | None, bytes]]:
    """What the file parts are meant to be: inline ones first (in the related part), then the others."""
    def one(f: FilePart) -> tuple[str | None, str, str | None, bytes]:
        if f.content_type.split("/")[0] in ("message", "multipart"):
            return f"{f.filename.removesuffix('.eml')}.eml", "application/octet-stream", None, f.data
        return safe_filename(f.filename), f.content_type or "application/octet-stream", f.content_id, f.data

    return [one(f) for f in files if f.content_id] + [one(f) for f in files if not f.content_id]


BIG: dict[str, tuple[FilePart, ...]] = {
    "chinese names": CASES["inline photos, the draft page and Chinese names"],
    "a 30 MB file": (FilePart("全部原图.zip", "application/zip", noise(30 * MIB, 7)),
                     FilePart("现场.jpg", "image/jpeg", noise(2 * MIB + 5, 8), content_id="photo0.big")),
    "a hundred parts": tuple(
        FilePart(f"图{i}.jpg", "image/jpeg", noise(1_000 + 37 * i, 100 + i),
                 content_id=f"photo{i}.x" if i % 2 else None)
        for i in range(100)),
}


@pytest.mark.parametrize("files", list(BIG.values()), ids=list(BIG))
def test_python_reads_back_every_part_and_byte(files: tuple[FilePart, ...], tmp_path: Path) -> None:
    with (tmp_path / "mail.eml").open("w+b") as fh:
        compose_into(fh, envelope(), RENDERED, files)
        fh.seek(0)
        raw = fh.read()
    assert python_parts(raw) == expected_parts(files)
    assert wire.problems(raw) == []
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Message-ID"] == envelope().message_id and msg["Reply-To"] == "tougao+abc@example.org"
    assert str(msg.get_body(("plain",)).get_content()) == RENDERED.text  # type: ignore[union-attr]


@pytest.mark.integration
def test_node_parsers_read_back_every_part_and_byte(tmp_path: Path) -> None:
    """postal-mime and mailparser (tests/foreign/parse.mjs) see the same files, byte for byte."""
    paths = []
    for i, files in enumerate(BIG.values()):
        path = tmp_path / f"{i}.eml"
        with path.open("wb") as fh:
            compose_into(fh, envelope(), RENDERED, files)
        paths.append(path)
    try:
        out = foreign.node_run(["parse.mjs", *map(str, paths)])
    except foreign.NodeMissing as error:
        pytest.fail(str(error), pytrace=False)
    views = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(views) == len(paths)
    for files, view in zip(BIG.values(), views, strict=True):
        wanted = sorted((name, ctype, len(data), hashlib.sha256(data).hexdigest(), cid)
                        for name, ctype, cid, data in expected_parts(files))
        for parser in ("postal", "mailparser"):
            assert "error" not in view[parser], view[parser]
            got = sorted((a["filename"], a["mimeType"], a["size"], a["sha256"], a["contentId"])
                         for a in view[parser]["attachments"])
            assert got == wanted, parser
            assert view[parser]["text"].replace("\r\n", "\n").strip() == RENDERED.text.strip()
            assert view[parser]["messageId"] == envelope().message_id
            assert view[parser]["subject"] == RENDERED.subject


# --------------------------------------------------------------------------- DATA: dot-stuffing


class Trickle(io.RawIOBase):
    """A stream that hands out at most `step` bytes a read (a socket, a database blob chunk)."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step, self.pos = data, step, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        piece = self.data[self.pos:self.pos + min(self.step, len(buffer))]
        memoryview(buffer).cast("B")[:len(piece)] = piece
        self.pos += len(piece)
        return len(piece)


HEAD = b"From: tougao@example.org\r\nTo: editor@example.org\r\nSubject: dots\r\nMessage-ID: <dots@example.org>\r\n\r\n"
DOTTED = HEAD + b".first line of the body\r\n..two dots\r\n.\r\nplain\r\n...\r\n. space\r\n.\r\n.\r\nlast\r\n"


def dotted_at(*offsets: int) -> bytes:
    """A CRLF mail in which a line starting with "." begins exactly at each of `offsets` (ascending)."""
    raw = HEAD
    for offset in offsets:
        filler = b"x" * 70 + b"\r\n"
        raw += filler * ((offset - len(raw)) // len(filler))
        raw += b"y" * (offset - len(raw) - 2) + b"\r\n"
        raw += b".at the boundary\r\n..and after\r\n"
        assert raw[offset:offset + 1] == b"." and raw[offset - 2:offset] == b"\r\n"
    return raw


def smtp_for(sink: servers.SmtpSink | PostfixRelay) -> SmtpTransport:
    transport = transport_from_url(sink.url)
    assert isinstance(transport, SmtpTransport)
    return replace(transport, timeout=20.0, reuse_seconds=0)


def sent_by_smtplib(sink: servers.SmtpSink, raw: bytes) -> bytes:
    """What the sink receives when smtplib's sendmail sends RAW (the reference)."""
    before = len(sink.envelopes)
    with smtplib.SMTP(sink.host, sink.port, timeout=20) as client:
        client.sendmail("tougao@example.org", ["editor@example.org"], raw)
    return sink.wait_for(before + 1)[before].content


@pytest.mark.parametrize("step", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("raw", [
    DOTTED,
    b".",  # the whole mail one dot: no CRLF at the end
    b"..\r\n.",
    HEAD + b"ends in a dot line\r\n.",
    HEAD + b"bare\nLF\n.line after a bare LF\n",  # sent as it is, as smtplib does with bytes
    b"",
], ids=["dotted", "one-dot", "dot-lines-no-crlf", "ends-with-dot", "bare-lf", "empty"])
def test_dot_stuffing_across_chunks_matches_smtplib(smtp_sink: servers.SmtpSink, raw: bytes, step: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of `step` bytes (also short reads) put dots at every possible chunk boundary."""
    expected = sent_by_smtplib(smtp_sink, raw)
    if raw.endswith(b"\r\n"):
        assert expected == raw
    monkeypatch.setattr(intake.smtp, "CHUNK_BYTES", step)
    before = len(smtp_sink.envelopes)
    smtp_for(smtp_sink).send(io.BufferedReader(Trickle(raw, max(1, step // 2 + 1))), "tougao@example.org",
                             ("editor@example.org",), "n", size=len(raw))
    assert smtp_sink.wait_for(before + 1)[before].content == expected


def test_a_dot_line_exactly_at_the_one_mib_chunk_boundary(smtp_sink: servers.SmtpSink, tmp_path: Path) -> None:
    chunk = intake.smtp.CHUNK_BYTES
    raw = dotted_at(chunk, 2 * chunk, 3 * chunk - 1)  # the first byte of the 2nd and 3rd chunk; the last of the 3rd
    path = tmp_path / "dots.eml"
    path.write_bytes(raw)
    transport = smtp_for(smtp_sink)
    with path.open("rb") as stream:
        transport.send(stream, "tougao@example.org", ("editor@example.org",), "n", size=len(raw))
    transport.send(raw, "tougao@example.org", ("editor@example.org",), "n")  # bytes: the same path
    assert [e.content for e in smtp_sink.wait_for(2)] == [raw, raw]


@pytest.mark.integration
def test_a_relay_refusing_the_size_announced_refuses_at_mail_from(smtp_sink: servers.SmtpSink,
                                                                   test_artifacts: Path) -> None:
    """SIZE= is announced for a stream as smtplib does for bytes: Postfix says 552 before any data."""
    with relay_for_test(smtp_sink, test_artifacts, message_size_limit=100_000) as relay:
        raw = dotted_at(150_000)
        with pytest.raises(intake.smtp.PermanentSendError) as refused:
            smtp_for(relay).send(io.BytesIO(raw), "tougao@example.org", ("editor@example.org",), "n",
                                 size=len(raw))
        assert refused.value.code == 552
        assert "SMTPSenderRefused" in repr(refused.value.__cause__)


@pytest.mark.integration
def test_postfix_relays_dot_lines_and_a_composed_notice_unchanged(postfix_smtp: PostfixRelay,
                                                                  smtp_sink: servers.SmtpSink,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A strict Postfix (tests/postfix.py) passes the streamed mails on with only its Received: added."""
    monkeypatch.setattr(intake.smtp, "CHUNK_BYTES", 5)
    transport = smtp_for(postfix_smtp)
    transport.send(io.BytesIO(DOTTED), "tougao@example.org", ("editor@example.org",), "dots")
    monkeypatch.setattr(intake.smtp, "CHUNK_BYTES", 1 << 20)
    notice = compose(envelope(), RENDERED, (*BIG["chinese names"], FilePart("大.bin", "application/zip",
                                                                               noise(3 * MIB, 9))))
    transport.send(io.BytesIO(notice), "tougao@example.org", ("editor@example.org",), "notice", size=len(notice))
    dots, mail = smtp_sink.wait_for(2, timeout=30)
    for got, sent in ((dots, DOTTED), (mail, notice)):
        assert got.content.endswith(sent)
        assert email.message_from_bytes(got.content[:-len(sent)] + b"\r\n").keys() == ["Received"]


# --------------------------------------------------------------------------- the outbox, end to end


CORPUS_MAIL = REPO / "examples" / "02-separate-photos-captions-in-body.eml"


@pytest.fixture(params=["file", "database"])
def store(request: pytest.FixtureRequest, tmp_path: Path, database_url: str) -> Iterator[Store]:
    s = Store(database_url, tmp_path, blob_url=None if request.param == "file" else "database:")
    s.upgrade()
    try:
        yield s
    finally:
        s.dispose()


def subject_of(mail: ParsedMail, reviewers: tuple[str, ...] = ("reviewer@localhost",)) -> Subject:
    result = extract(mail)
    return Subject(mail=mail, outcome=Outcome.ACCEPTED, reason=None, reasons=tuple(judge(f) for f in result.findings),
                   draft=result.draft, tracking_id="TG-20261126-0001", scope="sub:TG-20261126-0001", revision=1,
                   received_at="2026-11-26T10:00:00+08:00", reviewers=reviewers)


def settings_for(tmp_path: Path) -> Settings:
    return load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_REVIEWERS": "reviewer@localhost"})


@pytest.mark.parametrize("relay", ["smtp", "file"])
def test_a_notice_with_30_mb_of_files_goes_out_as_stored(store: Store, tmp_path: Path, relay: str,
                                                         smtp_sink: servers.SmtpSink) -> None:
    settings = settings_for(tmp_path)
    raw = CORPUS_MAIL.read_bytes()
    message_id, _ = store.record_message(raw, "default", 1, 1)
    [ack, review] = plan(subject_of(parse_mail(raw)), settings, lambda photo: photo.data)
    big = Planned(review.kind, review.envelope, review.context,
                  (*review.files, FilePart("全部原图.zip", "application/zip", noise(30 * MIB, 11))))
    composed = compose_notices(store, settings, [ack, big])
    with store.session() as s:
        ids = record_notices(s, settings, composed, message_id, None).notice_ids
    transport = transport_from_url(smtp_sink.url) if relay == "smtp" else FileTransport(tmp_path / "outbox")
    assert [send_notice(store, settings, transport, i) for i in ids] == ["sent", "sent"]
    if relay == "smtp":
        got = [e.content for e in smtp_sink.wait_for(2, timeout=30)]
    else:
        got = [p.read_bytes().split(b"\r\n", 2)[2] for p in sorted((tmp_path / "outbox").glob("*.eml"))]
    stored = [store.blobs.get(c.raw_sha256) for c in composed]
    assert got == stored
    assert [c.size_bytes for c in composed] == [len(b) for b in stored]
    assert [c.raw_sha256 for c in composed] == [hashlib.sha256(b).hexdigest() for b in stored]
    assert python_parts(stored[1]) == expected_parts(big.files)
    assert wire.problems(stored[1]) == []


# --------------------------------------------------------------------------- parsing


def old_bodies_and_files(raw: bytes) -> tuple[Message, str, str, list[Attachment], list[str]]:
    """intake.mail._bodies_and_files before the chunked feed: mailparser.parse_from_bytes and
    email.message_from_bytes on the whole mail."""
    try:
        parsed = mailparser.parse_from_bytes(raw)
    except Exception:
        try:
            msg = email.message_from_bytes(raw, policy=compat32)
            text, html, files = _walk(msg)
        except RecursionError:
            head = email.parser.BytesHeaderParser(policy=compat32).parsebytes(raw)
            return head, "", "", [], ["mailparser_failed", "mime_too_deep"]
        return msg, text, html, files, ["mailparser_failed"]
    msg = parsed.message
    defects: list[str] = []
    files = _attachments_from_mailparser(parsed, defects)
    text = "\n".join(parsed.text_plain)
    html = "\n".join(parsed.text_html)
    if any("\ufffd" in f.filename for f in files) or "\ufffd" in text + html or _unparted(msg):
        try:
            own_text, own_html, repaired = _walk(email.message_from_bytes(raw, policy=compat32))
        except RecursionError:
            own_text, own_html, repaired = "", "", []
        if len(repaired) == len(files):
            files = [r if "\ufffd" in f.filename else f for f, r in zip(files, repaired, strict=True)]
        if own_text.count("\ufffd") < text.count("\ufffd") or (own_text and not text):
            text = own_text
        if own_html.count("\ufffd") < html.count("\ufffd") or (own_html and not html):
            html = own_html
    return msg, text, html, files, defects


MAILS = sorted([*(REPO / "examples").glob("*.eml"), *(TESTS / "data" / "corpus").glob("*.eml"),
                *(TESTS / "data" / "blind").glob("batch*/*.eml")])


def test_there_are_mails_to_compare() -> None:
    assert len(MAILS) > 250


@pytest.mark.parametrize("path", MAILS, ids=[str(p.relative_to(REPO)) for p in MAILS])
def test_parse_mail_is_unchanged(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Subject, addresses, bodies, attachments, headers and defects: the same ParsedMail as before,
    and the same message tree (flattened) as email.message_from_bytes."""
    raw = path.read_bytes()
    new = parse_mail(raw)
    monkeypatch.setattr(intake.mail, "_bodies_and_files", old_bodies_and_files)
    old = parse_mail(raw)
    assert new == old
    assert new.defects == old.defects and new.attachments == old.attachments  # spelled out: == covers them
    widened = intake.mail.widen_gb(raw)
    tree, reference = intake.mail.message_from_bytes(widened), email.message_from_bytes(widened, policy=compat32)
    assert [type(d).__name__ for p in tree.walk() for d in p.defects] == \
        [type(d).__name__ for p in reference.walk() for d in p.defects]
    assert tree.as_bytes() == reference.as_bytes()


def test_a_mail_split_inside_crlf_and_8bit_bytes_parses_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """64 KiB pieces may end between CR and LF or inside a multi-byte character: nothing changes."""
    base = (REPO / "examples" / "10-outlook-rfc2231-names.eml").read_bytes()
    for size in (1, 2, 3, 5, 64, 4096):
        monkeypatch.setattr(intake.mail, "_FEED_BYTES", size)
        tree = intake.mail.message_from_bytes(base)
        assert tree.as_bytes() == email.message_from_bytes(base, policy=compat32).as_bytes()
    raw_8bit = ("Subject: 中文\r\nContent-Type: text/plain; charset=gbk\r\n\r\n".encode()
                + "正文第一行\r\n第二行\r\n".encode("gbk"))
    monkeypatch.setattr(intake.mail, "_FEED_BYTES", 3)
    chunked = parse_mail(raw_8bit)
    monkeypatch.setattr(intake.mail, "_FEED_BYTES", 1 << 16)
    assert chunked == parse_mail(raw_8bit) and "第二行" in chunked.text_body


# --------------------------------------------------------------------------- review requests: each photo once


def files_of_review(subject: Subject, tmp_path: Path) -> tuple[Planned, list[str]]:
    review = next(p for p in plan(subject, settings_for(tmp_path), lambda photo: photo.data)
                  if p.kind == NoticeKind.REVIEW_REQUEST)
    return review, [hashlib.sha256(f.data).hexdigest() for f in review.files]


def test_a_photo_sent_as_an_attachment_reaches_the_reviewer_once(tmp_path: Path) -> None:
    mail = parse_mail(CORPUS_MAIL.read_bytes())
    subject = subject_of(mail)
    assert subject.draft is not None and len(subject.draft.photos) == 3
    review, digests = files_of_review(subject, tmp_path)
    assert len(digests) == len(set(digests))  # no file twice
    inline = [f.filename for f in review.files if f.content_id]
    attached = [f.filename for f in review.files if not f.content_id]
    assert inline == [p.filename for p in subject.draft.photos]
    assert attached == ["draft.html", mail.attachments[0].filename]  # the manuscript; the photos are inline
    # the list of originals still names every file of the mail, the photos as attached (they are, inline)
    assert [(a["filename"], a["attached"]) for a in review.context["attachments"]] == \
        [(a.filename, True) for a in mail.attachments]
    raw = compose(review.envelope, Rendered("s", "t", "<p>h</p>"), review.files)
    assert sorted(str(p[0]) for p in python_parts(raw)) == sorted([*inline, *attached])


def test_an_original_that_differs_from_its_inline_photo_is_still_attached(tmp_path: Path) -> None:
    """A HEIC original is shown inline as JPEG: both go to the reviewer."""
    heic = xh.heic()
    mail = xh.mail(attachments=(xh.att("稿件.docx", xh.sample_docx()), xh.att("IMG_0001.heic", heic, "image/heic")))
    subject = subject_of(mail)
    assert subject.draft is not None
    assert [p.filename for p in subject.draft.photos if p.source == "attachment"] == ["IMG_0001.jpg"]
    review, digests = files_of_review(subject, tmp_path)
    assert hashlib.sha256(heic).hexdigest() in digests
    assert "IMG_0001.heic" in [f.filename for f in review.files if not f.content_id]
    assert "IMG_0001.jpg" in [f.filename for f in review.files if f.content_id]


def test_a_duplicate_no_longer_counts_against_the_attachment_budget(tmp_path: Path) -> None:
    """The photos are inline whatever the budget: only the other originals are measured against it
    (before, the 31 KB photo took budget the later 40 KB file then lacked)."""
    mail = parse_mail(CORPUS_MAIL.read_bytes())
    manuscript, later = mail.attachments[0], Attachment("补充说明.pdf", "application/pdf", noise(40_000, 12))
    assert sorted(len(a.payload) for a in mail.attachments[1:])[0] < len(later.payload)
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_REVIEWERS": "reviewer@localhost",
                              "INTAKE_MAX_REVIEW_ATTACHMENT_BYTES": str(len(manuscript.payload) + len(later.payload))})
    subject = replace(subject_of(mail), earlier_files=(later,))
    review = next(p for p in plan(subject, settings, lambda photo: photo.data) if p.kind == NoticeKind.REVIEW_REQUEST)
    assert [f.filename for f in review.files if not f.content_id] == ["draft.html", manuscript.filename, later.filename]
