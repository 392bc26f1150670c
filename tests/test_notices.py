"""intake.notices: outgoing mail is rendered from templates and composed per DESIGN §6."""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from email.header import decode_header, make_header
from email.message import EmailMessage, Message, MIMEPart
from email.policy import compat32
from pathlib import Path
from typing import Any

import pytest

from intake.config import load_settings
from intake.mail import parse_mail
from intake.models import Block, Draft, FieldValue, Outcome, Reason
from intake.notices import Envelope, FilePart, Rendered, compose, render
from intake.notify import Subject, base_context

LONG_SUBJECT = ("【来稿已收到】TG-20261126-0007 《市直机关工委举办青年干部读书分享会暨“喜迎二十大、永远跟党走、"
                "奋进新征程”主题党日活动圆满成功》")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHINESE_NAME = "关于举办青年干部读书分享会暨主题党日活动的新闻稿（定稿）.docx"
SECRET = b"test-secret-key-of-thirty-two-bytes!"


def envelope(key: str = "sub:TG-20261126-0007:acknowledgement:a@163.com:1", **changes: Any) -> Envelope:
    values: dict[str, Any] = {
        "sender": "tougao@example.org", "sender_name": "编辑部投稿邮箱", "recipients": ("a@163.com",),
        "idempotency_key": key, "tracking_id": "TG-20261126-0007", "in_reply_to": "<orig.1@163.com>",
        "references": ("<root.0@163.com>",), "secret": SECRET,
    }
    values.update(changes)
    return Envelope(**values)


RENDERED = Rendered(LONG_SUBJECT, "张老师：\n来稿已收到。\n", "<p>张老师：</p><p>来稿已收到。</p>")


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: MIMEPart) -> list[MIMEPart]:
    """The direct children of a multipart message."""
    return list(message.iter_parts())


# --------------------------------------------------------------------------- headers


def test_rfc3834_and_loop_headers() -> None:
    """Auto-Submitted: auto-replied and X-Loop: our address, so no robot (ours included) answers."""
    message = parsed(compose(envelope(), RENDERED))
    assert message["Auto-Submitted"] == "auto-replied"
    assert message["X-Loop"] == "tougao@example.org"
    assert message["X-Intake-Tracking-Id"] == "TG-20261126-0007"
    assert message["To"] == "a@163.com"
    assert message["From"].addresses[0].addr_spec == "tougao@example.org"
    assert message["From"].addresses[0].display_name == "编辑部投稿邮箱"


def test_review_requests_can_say_auto_generated() -> None:
    """The Envelope's auto_submitted value is what goes out."""
    message = parsed(compose(envelope(auto_submitted="auto-generated"), RENDERED))
    assert message["Auto-Submitted"] == "auto-generated"


def test_message_id_is_derived_from_the_idempotency_key_and_the_secret() -> None:
    """Same key → same Message-ID (a resend is the same mail); another key or secret → another id; our domain."""
    first = parsed(compose(envelope(), RENDERED))["Message-ID"]
    again = parsed(compose(envelope(), Rendered("other", "x", "<p>x</p>")))["Message-ID"]
    other = parsed(compose(envelope("sub:TG-20261126-0007:acknowledgement:a@163.com:2"), RENDERED))["Message-ID"]
    keyed = parsed(compose(envelope(secret=b"another-secret-key-of-32-bytes!!!"), RENDERED))["Message-ID"]
    assert first == again
    assert first != other and first != keyed
    assert re.fullmatch(r"<intake\.[0-9a-f]{32}@example\.org>", first)  # 128 bits of HMAC-SHA256
    unkeyed = hashlib.sha256(envelope().idempotency_key.encode()).hexdigest()
    assert unkeyed[:24] not in first  # not the old, guessable hash of the key


def test_an_envelope_without_a_secret_has_no_message_id() -> None:
    """Our Message-IDs must never fall back to a guessable hash."""
    with pytest.raises(ValueError, match="INTAKE_SECRET_KEY"):
        _ = envelope(secret=b"").message_id


def test_threading_headers_point_at_the_contributors_mail() -> None:
    """In-Reply-To is the contributor's Message-ID; References is their References plus it."""
    message = parsed(compose(envelope(), RENDERED))
    assert message["In-Reply-To"] == "<orig.1@163.com>"
    assert message["References"].split() == ["<root.0@163.com>", "<orig.1@163.com>"]


def test_no_threading_headers_without_an_original() -> None:
    """A notice not answering a mail carries neither In-Reply-To nor References."""
    message = parsed(compose(envelope(in_reply_to=None, references=()), RENDERED))
    assert message["In-Reply-To"] is None and message["References"] is None


def test_long_chinese_subject_round_trips_exactly() -> None:
    """A long Chinese subject is folded into encoded words that decode back exactly, no leading space."""
    raw = compose(envelope(), RENDERED)
    assert str(parsed(raw)["Subject"]) == LONG_SUBJECT
    assert re.search(rb"^Subject: =\?utf-8\?", raw, re.M), "the first encoded word starts right after the colon"
    assert all(len(line) <= 78 for line in raw.split(b"\n\n", 1)[0].splitlines())


# --------------------------------------------------------------------------- body structure


def test_text_and_html_are_alternatives() -> None:
    """Without files the mail is multipart/alternative: text/plain first, then text/html, both UTF-8."""
    message = parsed(compose(envelope(), RENDERED))
    assert message.get_content_type() == "multipart/alternative"
    text, html = parts(message)
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert text.get_content() == RENDERED.text
    assert html.get_content() == RENDERED.html


def test_inline_image_goes_in_multipart_related_with_the_html() -> None:
    """A FilePart with content_id sits beside the HTML in multipart/related, as cid:<id>, inline."""
    image = FilePart("照片1.jpg", "image/jpeg", b"\xff\xd8\xff\xe0jpeg", content_id="photo0.abc")
    message = parsed(compose(envelope(), RENDERED, (image,)))
    assert message.get_content_type() == "multipart/alternative"
    related = parts(message)[1]
    assert related.get_content_type() == "multipart/related"
    html, picture = parts(related)
    assert html.get_content_type() == "text/html"
    assert picture["Content-ID"] == "<photo0.abc>"
    assert picture.get_content_disposition() == "inline"
    assert picture.get_content() == b"\xff\xd8\xff\xe0jpeg"


def test_attachments_make_a_mixed_mail_after_the_body() -> None:
    """Ordinary FileParts follow the alternative body inside multipart/mixed, bytes intact."""
    doc = FilePart("draft.html", "text/html", "<h1>稿件</h1>".encode())
    message = parsed(compose(envelope(), RENDERED, (doc,)))
    assert message.get_content_type() == "multipart/mixed"
    body, attached = parts(message)
    assert body.get_content_type() == "multipart/alternative"
    assert attached.get_filename() == "draft.html"
    assert attached.get_content_disposition() == "attachment"
    assert attached.get_payload(decode=True) == "<h1>稿件</h1>".encode()


def _raw_part_headers(raw: bytes, marker: bytes) -> bytes:
    """The header block of the MIME part whose headers contain `marker`."""
    for block in raw.split(b"\n\n"):
        if marker in block:
            return block
    raise AssertionError(f"no part with {marker!r}")


def test_chinese_attachment_name_goes_out_in_both_rfc2231_and_rfc2047() -> None:
    """Content-Disposition has filename*=utf-8''… and Content-Type has name="=?utf-8?…?=" (for QQ mail)."""
    doc = FilePart(CHINESE_NAME, DOCX, b"PK\x03\x04docx")
    raw = compose(envelope(), RENDERED, (doc,))
    head = _raw_part_headers(raw, b"wordprocessingml")
    assert re.search(rb"filename\*(0\*)?=utf-8''%E5%85%B3", head)  # one line, or RFC 2231 sections when long
    assert re.search(rb'name="=\?utf-8\?[bq]\?', head, re.I)
    assert not re.search(rb"[\x80-\xff]", raw), "headers stay 7-bit"

    part = parts(parsed(raw))[1]
    assert part.get_filename() == CHINESE_NAME  # the RFC 2231 parameter, as modern clients read it
    legacy = email.message_from_bytes(raw, policy=compat32)
    legacy_part = legacy.get_payload(1)
    assert isinstance(legacy_part, Message)
    name = legacy_part.get_param("name")
    assert isinstance(name, str)
    assert str(make_header(decode_header(name))) == CHINESE_NAME  # the RFC 2047 parameter, as QQ mail reads it


def test_ascii_attachment_name_is_sent_plain() -> None:
    """An ASCII name needs no encoding: filename="draft.html" and name="draft.html"."""
    raw = compose(envelope(), RENDERED, (FilePart("draft.html", "text/html", b"<p></p>"),))
    head = _raw_part_headers(raw, b'name="draft.html"')
    assert b'filename="draft.html"' in head


def test_composed_mail_uses_crlf_line_endings() -> None:
    """The stored and sent bytes end every line with CRLF (RFC 5322 §2.1, RFC 5321 §2.3.8: no bare LF)."""
    raw = compose(envelope(), RENDERED, (FilePart(CHINESE_NAME, DOCX, b"PK"),))
    assert re.search(rb"(?<!\r)\n", raw) is None


# --------------------------------------------------------------------------- render


def _context(tmp_path: Path, outcome: Outcome, reasons: tuple[Reason, ...] = ()) -> dict[str, Any]:
    """The template context exactly as intake.notify.base_context builds it (plus the review keys)."""
    raw = ("From: =?utf-8?b?5byg5pmT55Cz?= <a@163.com>\r\nTo: tougao@localhost\r\n"
           "Subject: =?utf-8?b?5oqV56i/77ya6K+75Lmm5YiG5Lqr5Lya?=\r\nMessage-ID: <m1@163.com>\r\n\r\nbody\r\n")
    mail = parse_mail(raw.encode("ascii"))
    draft = Draft(
        title=FieldValue("市直机关工委举办\n青年干部读书分享会", "manuscript:first_lines"),
        source_unit=FieldValue("青禾市财政局\n机关党委", "manuscript:first_lines"),
        authors=("张三", "李四"), authors_found_in="manuscript:first_lines",
        values={"phone": FieldValue("13912345678", "body")},
        blocks=(Block("paragraph", "正文第一段。"),), photos=(), manuscript="稿件.docx", manuscript_format="docx",
    )
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path)})
    subject = Subject(mail, outcome, reasons[0] if reasons else None, reasons, draft, "TG-20261126-0007",
                      "sub:TG-20261126-0007", 1, "2026-11-26T10:00:00+08:00", ("reviewer@localhost",))
    context = base_context(subject, settings)
    context.update(metadata=[{"field": "title", "value": "标题", "found_in": "subject"}], attachments=[],
                   held=False)
    return context


CASES = [
    ("acknowledgement", Outcome.ACCEPTED, ()),
    ("incomplete", Outcome.INCOMPLETE, (Reason("phone", "missing", "phone not found"),)),
    ("rejection", Outcome.REJECTED, (Reason("no_manuscript", "reject"),)),
    ("rejection", Outcome.DUPLICATE,
     (Reason("duplicate", "duplicate", "", {"first_tracking_id": "TG-20261120-0003",
                                            "first_received_at": "2026-11-20", "similarity": 1.0}),)),
    ("review_request", Outcome.ACCEPTED, (Reason("photo_too_small", "warning", "1024×768"),)),
]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize(("kind", "outcome", "reasons"), CASES,
                         ids=["acknowledgement", "incomplete", "rejection", "duplicate", "review_request"])
def test_every_kind_renders_in_both_languages_with_a_single_line_subject(
    tmp_path: Path, lang: str, kind: str, outcome: Outcome, reasons: tuple[Reason, ...]
) -> None:
    """render() gives a one-line subject naming the tracking id, and non-empty text and HTML."""
    rendered = render(kind, lang, _context(tmp_path, outcome, reasons))
    assert rendered.subject
    assert "\n" not in rendered.subject and "\r" not in rendered.subject
    assert rendered.subject == rendered.subject.strip()
    expected_id = "TG-20261120-0003" if outcome == Outcome.DUPLICATE else "TG-20261126-0007"
    assert expected_id in rendered.subject
    assert rendered.text.strip() and rendered.html.strip()


def test_html_escapes_but_text_does_not(tmp_path: Path) -> None:
    """Contributor-controlled text is HTML-escaped in the .html part only."""
    context = _context(tmp_path, Outcome.ACCEPTED)
    context["draft"]["title"] = "<script>alert(1)</script>"
    rendered = render("acknowledgement", "zh-CN", context)
    assert "<script>" not in rendered.html
    assert "&lt;script&gt;" in rendered.html
    assert "<script>" in rendered.subject
