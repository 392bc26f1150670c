"""intake.mail.parse_mail: raw bytes → ParsedMail, with the repairs Chinese mail needs (notes/chinese-mail.md)."""

from __future__ import annotations

import base64

import pytest

from intake.mail import parse_mail, widen_gb
from tests.data.mailgen import make_tnef

CRLF = "\r\n"


def b64(text: str, charset: str) -> str:
    return base64.b64encode(text.encode(charset)).decode("ascii")


def mail_with_parts(*parts: bytes, headers: str = "") -> bytes:
    """A multipart/mixed mail from 163-style headers and ready-made MIME parts (each without boundary lines)."""
    head = (
        "From: =?GBK?B?" + b64("张晓琳", "gbk") + "?= <qh_zhangxl2026@163.com>\r\n"
        "To: tougao@localhost\r\n"
        "Subject: test\r\n"
        "Message-ID: <abc.123@163.com>\r\n"
        + headers
        + "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="BOUNDARY"\r\n\r\n'
    ).encode("ascii")
    body = b"".join(b"--BOUNDARY\r\n" + part + b"\r\n" for part in parts)
    return head + body + b"--BOUNDARY--\r\n"


def file_part(disposition: str, content_type: str = "application/octet-stream") -> bytes:
    return (f"Content-Type: {content_type}\r\nContent-Disposition: {disposition}\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\nUEsDBA==\r\n").encode("ascii")


def text_part(text: str, label: str, encode_as: str) -> bytes:
    return (f'Content-Type: text/plain; charset="{label}"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + b64(text, encode_as) + "\r\n").encode("ascii")


def only_filename(raw: bytes) -> str:
    mail = parse_mail(raw)
    assert len(mail.attachments) == 1, mail.attachments
    return mail.attachments[0].filename


def test_gbk_encoded_word_subject_and_sender_name_are_decoded() -> None:
    """Subject and From name in =?GBK?B?…?= become text."""
    subject = "青禾市机关事务管理局部署开展专项行动"
    raw = mail_with_parts(text_part("正文", "utf-8", "utf-8")).replace(
        b"Subject: test", f"Subject: =?GBK?B?{b64(subject, 'gbk')}?=".encode())
    mail = parse_mail(raw)
    assert mail.subject == subject
    assert mail.from_name == "张晓琳"
    assert mail.from_addr == "qh_zhangxl2026@163.com"
    assert mail.message_id == "<abc.123@163.com>"


def test_gb2312_labelled_body_with_gbk_only_characters_decodes_via_gb18030() -> None:
    """A body labelled gb2312 but holding 喆 and 镕 (GBK-only) decodes exactly, not with U+FFFD."""
    text = "朱镕基同志与陶喆同志座谈。"
    mail = parse_mail(mail_with_parts(text_part(text, "gb2312", "gb18030")))
    assert mail.text_body.strip() == text


def test_widen_gb_relabels_charset_parameters_and_encoded_words_only() -> None:
    """gb2312/gbk labels in charset= and =?…? become gb18030; the word "gbk" in text stays."""
    raw = b'Subject: =?gb2312?B?xxx?=\r\nContent-Type: text/plain; charset="GBK"\r\n\r\nabout gbk\r\n'
    widened = b'Subject: =?gb18030?B?xxx?=\r\nContent-Type: text/plain; charset="gb18030"\r\n\r\nabout gbk\r\n'
    assert widen_gb(raw) == widened


def test_attachment_name_split_over_two_gbk_encoded_words_inside_quotes() -> None:
    """filename="=?GBK?B?…?= =?GBK?B?…?=" (Outlook/Foxmail style) is one name."""
    name = "青禾市财政局读书分享会新闻稿.docx"
    value = f'attachment; filename="=?GBK?B?{b64(name[:7], "gbk")}?= =?GBK?B?{b64(name[7:], "gbk")}?="'
    assert only_filename(mail_with_parts(file_part(value))) == name


def test_qq_mail_gb18030_name_parameter() -> None:
    """QQ mail sends the name only as Content-Type name="=?gb18030?B?…?=" with a bare disposition."""
    name = "活动照片（一）.jpg"
    part = file_part("attachment", f'image/jpeg; name="=?gb18030?B?{b64(name, "gb18030")}?="')
    assert only_filename(mail_with_parts(part)) == name


def test_rfc2231_continuation_filename() -> None:
    """filename*0*=utf-8''…; filename*1*=… is joined and percent-decoded."""
    value = "attachment; filename*0*=utf-8''%E6%96%B0%E9%97%BB; filename*1*=%E7%A8%BF.docx"
    assert only_filename(mail_with_parts(file_part(value))) == "新闻稿.docx"


def test_raw_8bit_gbk_filename_is_recovered() -> None:
    """filename="…" holding undeclared 8-bit GBK bytes (old Foxmail) decodes to the right name."""
    name = "陶喆读书会报告.doc"
    part = (b"Content-Type: application/msword\r\nContent-Disposition: attachment; filename=\""
            + name.encode("gbk") + b"\"\r\nContent-Transfer-Encoding: base64\r\n\r\n0M8R4A==\r\n")
    assert only_filename(mail_with_parts(part)) == name


def test_attachment_payload_is_decoded_from_base64() -> None:
    """An attachment's payload is the decoded bytes, with its content type."""
    mail = parse_mail(mail_with_parts(file_part('attachment; filename="a.docx"')))
    assert mail.attachments[0].payload == b"PK\x03\x04"
    assert mail.attachments[0].content_type == "application/octet-stream"


def test_multipart_report_top_level_type_is_kept() -> None:
    """A DSN's content_type is multipart/report, which classify() relies on."""
    raw = (b"From: MAILER-DAEMON@163.com\r\nTo: tougao@localhost\r\nSubject: Undelivered Mail\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=R\r\n\r\n"
           b"--R\r\nContent-Type: text/plain\r\n\r\nNot delivered.\r\n"
           b"--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.163.com\r\n\r\n"
           b"Final-Recipient: rfc822; x@y\r\nAction: failed\r\nStatus: 5.1.1\r\n"
           b"--R--\r\n")
    mail = parse_mail(raw)
    assert mail.content_type == "multipart/report"
    assert "Not delivered." in mail.text_body


def test_in_reply_to_and_references_are_message_ids() -> None:
    """In-Reply-To is one <id>; References is every <id> in order."""
    raw = mail_with_parts(
        text_part("补充电话", "utf-8", "utf-8"),
        headers="In-Reply-To: <intake.abc@localhost>\r\nReferences: <a@163.com>\r\n <intake.abc@localhost>\r\n",
    )
    mail = parse_mail(raw)
    assert mail.in_reply_to == "<intake.abc@localhost>"
    assert mail.references == ("<a@163.com>", "<intake.abc@localhost>")


def test_recipients_are_lower_cased_to_and_cc() -> None:
    """`to` holds every To and Cc address, lower-cased."""
    raw = mail_with_parts(text_part("x", "utf-8", "utf-8"), headers="Cc: Editor@Example.org\r\n").replace(
        b"To: tougao@localhost", b"To: TouGao@LocalHost")
    assert parse_mail(raw).to == ("tougao@localhost", "editor@example.org")


@pytest.mark.parametrize(
    "raw",
    [b"\x00\xff" * 100, b"", b"Subject: only headers\r\nFrom: a@b.example\r\n", b"\r\n\r\n\r\n",
     b"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\ncut off"],
    ids=["binary", "empty", "headers-only", "blank-lines", "truncated-multipart"],
)
def test_parse_mail_never_raises_on_garbage(raw: bytes) -> None:
    """Malformed input yields a ParsedMail (defects recorded), never an exception."""
    mail = parse_mail(raw)
    assert isinstance(mail.subject, str)
    assert isinstance(mail.text_body, str)
    assert mail.from_addr in ("", "a@b.example")


def test_headers_only_mail_keeps_its_headers() -> None:
    """A mail with headers and no body still has its subject and sender."""
    mail = parse_mail(b"Subject: only headers\r\nFrom: A@B.example\r\n")
    assert mail.subject == "only headers"
    assert mail.from_addr == "a@b.example"
    assert mail.attachments == ()


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_raw_8bit_subject_and_sender_name_are_decoded(charset: str) -> None:
    """An unencoded 8-bit Subject/From name (RFC 6532 UTF-8, or old-client GBK) decodes like a filename does."""
    raw = "From: 陶喆 <tz@163.com>\r\nTo: tougao@localhost\r\nSubject: 投稿：读书分享会\r\n\r\nbody\r\n".encode(charset)
    mail = parse_mail(raw)
    assert mail.subject == "投稿：读书分享会"
    assert mail.from_name == "陶喆"


def tnef_part(data: bytes) -> bytes:
    return (b"Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\n"
            b"Content-Disposition: attachment; filename=\"winmail.dat\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(data).replace(b"\n", b"\r\n"))


def test_outlook_winmail_dat_is_unwrapped_into_its_files() -> None:
    """The files inside winmail.dat become the attachments, GBK names decoded, types guessed."""
    blob = make_tnef([("青禾稿件.docx".encode("gbk"), b"PK\x03\x04word"),
                      ("图1 会场.jpg".encode("gbk"), b"\xff\xd8\xffjpeg")])
    mail = parse_mail(mail_with_parts(text_part("附件请查收。", "gbk", "gbk"), tnef_part(blob)))
    assert [(a.filename, a.content_type, a.payload) for a in mail.attachments] == [
        ("青禾稿件.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         b"PK\x03\x04word"),
        ("图1 会场.jpg", "image/jpeg", b"\xff\xd8\xffjpeg")]
    assert "tnef_unreadable" not in mail.defects


@pytest.mark.parametrize("cut", [20, 60, 90])
def test_a_cut_short_winmail_dat_is_kept_as_it_came_with_a_defect(cut: int) -> None:
    broken = make_tnef([(b"a.docx", b"PK" * 50)])[:-cut]
    mail = parse_mail(mail_with_parts(tnef_part(broken)))
    assert [a.filename for a in mail.attachments] == ["winmail.dat"] and "tnef_unreadable" in mail.defects


def test_a_winmail_dat_without_files_is_dropped_the_text_body_stands() -> None:
    mail = parse_mail(mail_with_parts(text_part("正文在这里。", "gbk", "gbk"), tnef_part(make_tnef([]))))
    assert mail.attachments == () and "tnef_no_files" in mail.defects and "正文在这里" in mail.text_body


def test_a_winmail_dat_of_countless_tiny_attributes_is_refused_quickly() -> None:
    tiny = bytes([1]) + (0x00089006).to_bytes(4, "little") + (0).to_bytes(4, "little") + b"\0\0"
    hostile = make_tnef([])[:6] + tiny * 400_000  # 4.4 MB; tnefparse alone would copy terabytes
    mail = parse_mail(mail_with_parts(tnef_part(hostile)))
    assert [a.filename for a in mail.attachments] == ["winmail.dat"] and "tnef_unreadable" in mail.defects


def _b64_part(filename: str, body: bytes) -> bytes:
    return (f'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="{filename}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n").encode("ascii") + body + b"\r\n"


@pytest.mark.parametrize("body", [
    b"UEsDBA",                      # padding missing
    b"UEsDBA=",                     # padding short
    b"UEsD\r\nBA==\r\n===\r\n",     # stray padding line
    b"UEs*DB#A==",                  # characters outside the alphabet
    b"UEsDBAx",                     # one character too many: a quantum cannot be completed
], ids=["no-padding", "short-padding", "stray-padding", "foreign-characters", "odd-length"])
def test_broken_base64_is_decoded_as_far_as_it_goes_and_recorded(body: bytes) -> None:
    """Broken base64 in one part never stops the mail: the part keeps what decodes, a defect says why."""
    raw = mail_with_parts(text_part("正文照常读取", "utf-8", "utf-8"), _b64_part("a.docx", body))
    mail = parse_mail(raw)
    assert "正文照常读取" in mail.text_body
    [att] = mail.attachments
    assert att.filename == "a.docx" and att.payload.startswith(b"PK\x03")
    assert "broken_base64" in mail.defects


def test_broken_base64_text_body_is_read() -> None:
    text = base64.b64encode("各部门：现将通知印发给你们。".encode()).rstrip(b"=")[:-1]
    raw = mail_with_parts(b'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
                          + text + b"\r\n")
    assert "现将通知印发" in parse_mail(raw).text_body


def test_broken_quoted_printable_is_read() -> None:
    raw = mail_with_parts(b'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable'
                          b"\r\n\r\n=E5=90=84=E9=83=A8=E9=97=A8=ZZ =E7=8E=B0=\r\n=E5\r\n")
    assert parse_mail(raw).text_body.startswith("各部门=ZZ")


@pytest.mark.parametrize("label", ["x-unknown-8bit", "utf-9", "gb2312\"; x=\"", ""])
def test_unknown_or_lying_charset_labels_still_give_text(label: str) -> None:
    body = "市直机关工委来稿".encode("gb18030")
    raw = mail_with_parts(f'Content-Type: text/plain; charset="{label}"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
                          .encode("ascii") + body + b"\r\n")
    assert "市直机关工委来稿" in parse_mail(raw).text_body


def test_a_multipart_without_its_boundary_lines_keeps_the_text() -> None:
    raw = (b"From: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
           b'Content-Type: multipart/mixed; boundary="NEVER"\r\n\r\n'
           + "标题：关于开展学习活动的通知\r\n".encode() + b"\r\n")
    mail = parse_mail(raw)
    assert "关于开展学习活动的通知" in mail.text_body


def test_nul_and_control_characters_never_reach_the_parsed_text() -> None:
    """PostgreSQL text refuses NUL; every decoded string is cleaned (the raw bytes stay in the raw store)."""
    part = (b"Content-Type: application/octet-stream\r\n"
            b"Content-Disposition: attachment; filename*=utf-8''evil%00name%0D%0A.docx\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\nUEsDBA==\r\n")
    raw = mail_with_parts(text_part("正文\x00含空字符", "utf-8", "utf-8"), part,
                          headers="X-Note: a\x00b\r\n").replace(b"Subject: test", b"Subject: =?utf-8?q?t=00est?=")
    mail = parse_mail(raw)
    assert "\x00" not in mail.subject + mail.text_body + mail.attachments[0].filename
    assert all("\x00" not in v for v in mail.headers.values())
    assert not any(c in mail.attachments[0].filename for c in "\r\n\x00/\\")


@pytest.mark.parametrize("from_header, addr", [
    ("=?utf-8?b?" + base64.b64encode("张晓琳\r\nBcc: evil@attacker.test, <evil@attacker.test>".encode()).decode()
     + "?= <qh_zhangxl2026@163.com>", "qh_zhangxl2026@163.com"),
    ("=?utf-8?b?" + base64.b64encode("张晓琳".encode()).decode() + "?=", ""),
    ("张晓琳 <not an address>", ""),
], ids=["encoded-name-hides-an-address", "name-only", "not-an-address"])
def test_only_a_real_address_outside_the_encoded_name_is_the_sender(from_header: str, addr: str) -> None:
    raw = f"From: {from_header}\r\nTo: tougao@localhost\r\nSubject: x\r\n\r\nbody\r\n".encode()
    assert parse_mail(raw).from_addr == addr


def test_a_charset_label_with_a_nul_or_a_non_ascii_byte_is_survived() -> None:
    raw = mail_with_parts(b'Content-Type: text/plain; charset="utf-8\x00"\r\n\r\n' + "正文".encode() + b"\r\n")
    raw = raw.replace(b"Subject: test", b"Subject: =?gb18\x8430?B?1cXI/Q==?=")
    assert "正文" in parse_mail(raw).text_body


def test_mime_nested_beyond_the_parsers_recursion_gives_a_mail_without_parts() -> None:
    depth = 1500
    head = b"From: a@b.example\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    body = b"".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode() for i in range(depth))
    mail = parse_mail(head + body + b"Content-Type: text/plain\r\n\r\nbottom\r\n")
    assert mail.subject == "deep" and mail.from_addr == "a@b.example"
