"""Hostile mails, built in code: raw bytes with exact control over every header and part.

Each ``Case`` names one attack, builds its bytes (cached: the SQLite and PostgreSQL runs share
them), and says which outcomes are sensible for it. Bombs are small on disk and built by
streaming compressors, so neither this module nor the test process ever holds the inflated data.

Strings in ``EVIL`` mark what an attacker tries to smuggle into our outgoing mail (an address for
a Bcc:, a header name); a test asserts none of them shows up as a recipient or header.
"""

from __future__ import annotations

import base64
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import quote

CRLF = b"\r\n"
EVIL_ADDR = "evil@attacker.test"
EVIL_HEADER = "X-Injected"
EVIL = (EVIL_ADDR, EVIL_HEADER)
TRAVERSAL_TOKEN = "hostile_traversal_7f3c9e"  # a file of this name must never appear anywhere
PASSWD_MARK = "root:x:0:0"  # /etc/passwd content: must never leak through an external entity

OUR_ADDRESS = "tougao@localhost"
SENDER = "qh_zhangxl2026@163.com"

ARTICLE_LINES = (
    "市直机关工委举办青年干部读书分享会",
    "供稿单位：青禾市财政局机关党委",
    "作者：张晓琳 李明",
    "联系电话：13912345678",
    *(["11月24日，市直机关工委举办青年干部读书分享会，六十余名青年干部参加活动。"
       "大家围绕学习体会畅谈收获，现场气氛热烈，取得了良好效果。"] * 5),
)
ARTICLE = "\n".join(ARTICLE_LINES) + "\n"
COVER_NOTE = "编辑老师好，附件是稿件，请审阅。谢谢！"

ACCEPTED_OR_INCOMPLETE = frozenset({"accepted", "incomplete"})
ANY_TERMINAL = frozenset({"accepted", "incomplete", "rejected", "ignored", "duplicate", "held"})


# --------------------------------------------------------------------------- raw MIME building


def b64(data: bytes, width: int = 76) -> bytes:
    text = base64.b64encode(data)
    return CRLF.join(text[i : i + width] for i in range(0, len(text), width)) or b""


def encoded_word(text: str, charset: str = "utf-8") -> str:
    return f"=?{charset}?b?{base64.b64encode(text.encode(charset)).decode('ascii')}?="


def header_block(headers: list[tuple[str, bytes | str]]) -> bytes:
    out = b""
    for name, value in headers:
        raw = value if isinstance(value, bytes) else value.encode("ascii")
        out += name.encode("ascii") + b": " + raw + CRLF
    return out


def default_headers(
    subject: bytes | str | None = None, from_: bytes | str | None = None, message_id: bytes | str | None = None,
    extra: list[tuple[str, bytes | str]] | None = None, drop: tuple[str, ...] = (),
) -> list[tuple[str, bytes | str]]:
    """163-style headers; any of them replaced, extended or dropped."""
    headers: list[tuple[str, bytes | str]] = [
        ("From", from_ if from_ is not None else f"{encoded_word('张晓琳')} <{SENDER}>"),
        ("To", OUR_ADDRESS),
        ("Subject", subject if subject is not None else encoded_word("投稿：读书分享会")),
        ("Date", "Tue, 24 Nov 2026 09:30:00 +0800"),
        ("Message-ID", message_id if message_id is not None else "<hostile.0001@163.com>"),
        ("MIME-Version", "1.0"),
        *(extra or []),
    ]
    return [(n, v) for n, v in headers if n not in drop]


def text_part(text: str | bytes, charset: str | None = "utf-8", cte: str = "base64",
              subtype: str = "plain") -> bytes:
    data = text if isinstance(text, bytes) else text.encode(charset or "utf-8")
    ctype = f"text/{subtype}" + (f'; charset="{charset}"' if charset else "")
    body = b64(data) if cte == "base64" else data
    return header_block([("Content-Type", ctype), ("Content-Transfer-Encoding", cte)]) + CRLF + body


def file_part(filename_params: str, data: bytes, ctype: str = "application/octet-stream",
              encoded_body: bytes | None = None, cte: str = "base64", name_param: str | None = None) -> bytes:
    """An attachment whose Content-Disposition parameters (``filename=…`` or ``filename*=…``) are given raw."""
    ct = ctype + (f"; {name_param}" if name_param else "")
    head = header_block([("Content-Type", ct), ("Content-Disposition", f"attachment; {filename_params}"),
                         ("Content-Transfer-Encoding", cte)])
    return head + CRLF + (encoded_body if encoded_body is not None else b64(data))


def rfc2231(name: str, charset: str = "utf-8") -> str:
    return f"filename*={charset}''{quote(name.encode(charset), safe='')}"


def attachment(name: str, data: bytes, ctype: str = "application/octet-stream") -> bytes:
    params = f'filename="{name}"' if name.isascii() and '"' not in name else rfc2231(name)
    return file_part(params, data, ctype)


def multipart(parts: list[bytes], subtype: str = "mixed", boundary: str = "----=_Part_hostile_0") -> tuple[str, bytes]:
    """(Content-Type value, body) of a multipart entity."""
    b = boundary.encode("ascii")
    body = b"This is a multi-part message in MIME format." + CRLF
    for part in parts:
        body += b"--" + b + CRLF + part + CRLF
    body += b"--" + b + b"--" + CRLF
    return f'multipart/{subtype}; boundary="{boundary}"', body


def mail(parts: list[bytes] | None = None, headers: list[tuple[str, bytes | str]] | None = None,
         body: bytes | None = None, content_type: str | None = None) -> bytes:
    """A whole mail: headers plus a multipart/mixed of ``parts`` (default: the cover note)."""
    hdrs = headers if headers is not None else default_headers()
    if body is not None:
        return header_block([*hdrs, ("Content-Type", content_type or "text/plain; charset=utf-8")]) + CRLF + body
    ctype, payload = multipart([text_part(COVER_NOTE), *(parts or [])])
    return header_block([*hdrs, ("Content-Type", ctype)]) + CRLF + payload


def with_manuscript(*extra_parts: bytes, headers: list[tuple[str, bytes | str]] | None = None,
                    manuscript_name: str = "稿件.txt") -> bytes:
    """The cover note, a readable .txt manuscript and ``extra_parts``."""
    return mail([attachment(manuscript_name, ARTICLE.encode("utf-8"), "text/plain"), *extra_parts], headers)


# --------------------------------------------------------------------------- bombs and documents


def _zip_stream_member(zf: zipfile.ZipFile, name: str, chunk: bytes, count: int, zip64: bool = True) -> None:
    info = zipfile.ZipInfo(name, date_time=(2026, 11, 24, 9, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.flag_bits |= 0x800  # UTF-8 name
    with zf.open(info, "w", force_zip64=zip64) as fh:
        for _ in range(count):
            fh.write(chunk)


@cache
def zip_bomb_ratio() -> bytes:
    """One 300 MiB member of zeros (~300 KB compressed): over the ratio and the total-size limit."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compresslevel=9) as zf:
        _zip_stream_member(zf, "稿件.txt", b"\0" * (1 << 20), 300)
    return out.getvalue()


@cache
def zip_bomb_lying_sizes() -> bytes:
    """A member that declares 1,000 bytes but inflates to 64 MiB (headers lie; ratio check sees 1000:~64 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compresslevel=9) as zf:
        _zip_stream_member(zf, "稿件.txt", b" " * (1 << 20), 64, zip64=False)
    data = bytearray(out.getvalue())
    # rewrite the uncompressed size in the local header (offset 22) and the central directory entry (offset 24)
    local, central = data.find(b"PK\x03\x04"), data.rfind(b"PK\x01\x02")
    data[local + 22 : local + 26] = struct.pack("<I", 1000)
    data[central + 24 : central + 28] = struct.pack("<I", 1000)
    return bytes(data)


@cache
def zip_many_members(count: int = 20_000) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for i in range(count):
            zf.writestr(zipfile.ZipInfo(f"m/{i}.txt", date_time=(2026, 11, 24, 9, 0, 0)), b"x")
    return out.getvalue()


@cache
def zip_nested_bomb() -> bytes:
    """A zip of ten zips, each holding the ratio bomb (42.zip in miniature)."""
    inner = zip_bomb_ratio()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for i in range(10):
            zf.writestr(f"第{i}批.zip", inner)
    return out.getvalue()


@cache
def zip_traversal() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"../../../../../../tmp/{TRAVERSAL_TOKEN}.txt", ARTICLE.encode("utf-8"))
        zf.writestr(f"..\\..\\{TRAVERSAL_TOKEN}.docx", b"PK")
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png(width: int, height: int, color_type: int, idat: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


@cache
def png_pixel_bomb() -> bytes:
    """50,000 x 50,000 RGB declared (2.5 Gpx, 7.5 GB decoded) in a few hundred bytes; only the first rows exist."""
    width = 50_000
    rows = zlib.compress((b"\0" + b"\0" * (3 * width)) * 4, 9)
    return _png(width, 50_000, 2, rows)


@cache
def png_under_pixel_limit() -> bytes:
    """12,000 x 12,000 RGB (144 Mpx, under intake's 180 Mpx limit): 432 MB decoded from ~420 KB."""
    width, height = 12_000, 12_000
    comp = zlib.compressobj(9)
    row = b"\0" + b"\0" * (3 * width)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    return _png(width, height, 2, idat)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def _base_docx() -> bytes:
    import docx

    d = docx.Document()
    for line in ARTICLE_LINES:
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def docx_with(replace: dict[str, bytes], stream: dict[str, tuple[bytes, bytes, bytes, int]] | None = None) -> bytes:
    """The base .docx with some members replaced; ``stream`` members are head + chunk*count + tail, streamed."""
    src = zipfile.ZipFile(io.BytesIO(_base_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            if stream and info.filename in stream:
                head, chunk, tail, count = stream[info.filename]
                member = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 24, 9, 0, 0))
                member.compress_type = zipfile.ZIP_DEFLATED
                with zf.open(member, "w", force_zip64=True) as fh:
                    fh.write(head)
                    for _ in range(count):
                        fh.write(chunk)
                    fh.write(tail)
                continue
            zf.writestr(info, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def _document_xml(doctype: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def _article_paragraphs() -> list[str]:
    return list(ARTICLE_LINES)


@cache
def docx_billion_laughs() -> bytes:
    ents = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    ents += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE w:document [\n" + "\n".join(ents) + "\n]>"
    paras = _article_paragraphs()
    paras.insert(4, "&lol9;")
    return docx_with({"word/document.xml": _document_xml(doctype, paras)})


@cache
def docx_quadratic_blowup() -> bytes:
    """One 50 KB entity referenced 20,000 times: no nesting, so entity-loop detectors don't see it (1 GB)."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY a "{"a" * 50_000}">]>'
    paras = _article_paragraphs()
    paras.insert(4, "&a;" * 20_000)
    return docx_with({"word/document.xml": _document_xml(doctype, paras)})


@cache
def docx_external_entity() -> bytes:
    doctype = ('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
               '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>')
    paras = _article_paragraphs()
    paras.insert(4, "&xxe;&net;")
    core = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            b' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>&xxe;</dc:creator>'
            b'<dc:title>&xxe;</dc:title></cp:coreProperties>')
    return docx_with({"word/document.xml": _document_xml(doctype, paras), "docProps/core.xml": core})


@cache
def docx_external_dtd() -> bytes:
    doctype = '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">'
    return docx_with({"word/document.xml": _document_xml(doctype, _article_paragraphs())})


@cache
def docx_xml_bomb() -> bytes:
    """document.xml inflating to 400 MiB of whitespace inside a valid document (~400 KB compressed)."""
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
            + "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in ARTICLE_LINES)).encode("utf-8")
    return docx_with({}, {"word/document.xml": (head, b" " * (1 << 20), b"</w:body></w:document>", 400)})


@cache
def docx_title_crlf() -> bytes:
    """A title run holding CR LF and a header line (characters references survive XML parsing)."""
    paras = _article_paragraphs()
    paras[0] = f"读书分享会&#13;&#10;Bcc: {EVIL_ADDR}&#13;&#10;{EVIL_HEADER}: yes"
    return docx_with({"word/document.xml": _document_xml("", paras)})


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]
    outcomes: frozenset[str]
    reasons: frozenset[str | None] | None = None  # None: any reason
    forbidden: tuple[str, ...] = ()  # text that must appear neither in the outbox nor in the JSON result
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _deep(levels: int) -> bytes:
    inner = attachment("稿件.txt", ARTICLE.encode("utf-8"), "text/plain")
    for level in range(levels):
        ctype, body = multipart([inner], boundary=f"b{level}")
        inner = header_block([("Content-Type", ctype)]) + CRLF + body
    return mail([inner])


def _many_parts(count: int) -> bytes:
    parts = [attachment(f"附件{i}.dat", b"x", "application/octet-stream") for i in range(count)]
    return with_manuscript(*parts)


def _bad_b64_manuscript(encoded: bytes) -> bytes:
    return mail([file_part(rfc2231("稿件.txt"), b"", "text/plain", encoded_body=encoded)])


_ART_B64 = base64.b64encode(ARTICLE.encode("utf-8"))
_LONG = 1024 * 1024


def _subject_crlf() -> bytes:
    return with_manuscript(headers=default_headers(
        subject=encoded_word(f"投稿：读书分享会\r\nBcc: {EVIL_ADDR}\r\n{EVIL_HEADER}: yes")))


def _from_name_crlf() -> bytes:
    name = encoded_word(f"张晓琳\r\nBcc: {EVIL_ADDR}\r\n{EVIL_HEADER}: yes")
    return with_manuscript(headers=default_headers(from_=f"{name} <{SENDER}>"))


def _from_addr_crlf() -> bytes:
    return with_manuscript(headers=default_headers(from_=encoded_word(f"{SENDER}\r\nBcc: {EVIL_ADDR}")))


def _from_addr_comma() -> bytes:
    # two addresses hidden in one encoded word: only the first may ever be answered
    return with_manuscript(headers=default_headers(from_=encoded_word(f"{SENDER}, {EVIL_ADDR}")))


def _reply_to_crlf() -> bytes:
    return with_manuscript(headers=default_headers(
        extra=[("Reply-To", encoded_word(f"zhang@qq.com\r\nBcc: {EVIL_ADDR}\r\n{EVIL_HEADER}: yes"))]))


def _message_id_crlf() -> bytes:
    return with_manuscript(headers=default_headers(
        message_id=encoded_word(f"abc@163.com\r\nBcc: {EVIL_ADDR}\r\n{EVIL_HEADER}: yes")))


def _references_crlf() -> bytes:
    return with_manuscript(headers=default_headers(extra=[
        ("In-Reply-To", encoded_word(f"x\r\n{EVIL_HEADER}: yes")),
        ("References", encoded_word(f"<a@b>\r\nBcc: {EVIL_ADDR}"))]))


def _name_with(raw_name: str, style: str = "2231") -> bytes:
    data = ARTICLE.encode("utf-8")
    if style == "2231":
        params = rfc2231(raw_name)
        return mail([file_part(params, data, "text/plain")])
    if style == "2047":
        return mail([file_part(f'filename="{encoded_word(raw_name)}"', data, "text/plain",
                               name_param=f'name="{encoded_word(raw_name)}"')])
    raise ValueError(style)


CASES: tuple[Case, ...] = (
    # ---- archives and images
    Case("zip_bomb_ratio", lambda: mail([attachment("稿件.zip", zip_bomb_ratio(), "application/zip")]),
         frozenset({"rejected"}), frozenset({"unsafe_attachment"})),
    Case("zip_bomb_lying_sizes", lambda: mail([attachment("稿件.zip", zip_bomb_lying_sizes(), "application/zip")]),
         frozenset({"rejected"}), frozenset({"unsafe_attachment"})),
    Case("zip_many_members", lambda: mail([attachment("照片.zip", zip_many_members(), "application/zip")]),
         frozenset({"rejected"}), frozenset({"unsafe_attachment"})),
    Case("zip_nested_bomb", lambda: mail([attachment("稿件.zip", zip_nested_bomb(), "application/zip")]),
         frozenset({"rejected"})),
    Case("zip_member_traversal", lambda: mail([attachment("稿件.zip", zip_traversal(), "application/zip")]),
         frozenset({"rejected"}), frozenset({"unsafe_attachment"})),
    Case("png_pixel_bomb", lambda: with_manuscript(attachment("现场照片.png", png_pixel_bomb(), "image/png")),
         frozenset({"rejected"}), frozenset({"unsafe_attachment"})),
    Case("png_under_pixel_limit_432mb", lambda: with_manuscript(
        attachment("现场照片.png", png_under_pixel_limit(), "image/png")), ACCEPTED_OR_INCOMPLETE | {"rejected"}),
    # ---- .docx XML
    Case("docx_billion_laughs", lambda: mail([attachment("稿件.docx", docx_billion_laughs(), DOCX)]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}, forbidden=("lollollollollollollollollollollollollollol",)),
    Case("docx_quadratic_blowup", lambda: mail([attachment("稿件.docx", docx_quadratic_blowup(), DOCX)]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}, forbidden=("a" * 100_000,)),
    Case("docx_external_entity", lambda: mail([attachment("稿件.docx", docx_external_entity(), DOCX)]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}, forbidden=(PASSWD_MARK,)),
    Case("docx_external_dtd", lambda: mail([attachment("稿件.docx", docx_external_dtd(), DOCX)]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}, forbidden=(PASSWD_MARK,)),
    Case("docx_xml_bomb_400mb", lambda: mail([attachment("稿件.docx", docx_xml_bomb(), DOCX)]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}),
    Case("docx_title_crlf", lambda: mail([attachment("稿件.docx", docx_title_crlf(), DOCX)]),
         ACCEPTED_OR_INCOMPLETE),
    # ---- names: traversal, NUL, CR, LF
    Case("name_traversal_slash", lambda: _name_with(f"../../../../../../tmp/{TRAVERSAL_TOKEN}.txt"),
         ACCEPTED_OR_INCOMPLETE),
    Case("name_traversal_backslash", lambda: _name_with(f"..\\..\\..\\{TRAVERSAL_TOKEN}.txt"),
         ACCEPTED_OR_INCOMPLETE),
    Case("name_absolute_path", lambda: _name_with(f"/etc/cron.d/{TRAVERSAL_TOKEN}.txt"), ACCEPTED_OR_INCOMPLETE),
    Case("name_nul", lambda: _name_with("稿件\x00evil.txt"), ACCEPTED_OR_INCOMPLETE),
    Case("name_crlf_header", lambda: _name_with(f"稿件\r\nBcc: {EVIL_ADDR}\r\n{EVIL_HEADER}: yes\r\n说明.txt"),
         ACCEPTED_OR_INCOMPLETE),
    Case("name_crlf_header_rfc2047", lambda: _name_with(f"稿件\r\n{EVIL_HEADER}: yes\r\n说明.txt", "2047"),
         ACCEPTED_OR_INCOMPLETE),
    Case("name_bare_lf_and_cr", lambda: _name_with("稿\n件\r说明.txt"), ACCEPTED_OR_INCOMPLETE),
    # ---- header injection into our outgoing mail
    Case("subject_crlf_injection", _subject_crlf, ACCEPTED_OR_INCOMPLETE),
    Case("from_name_crlf_injection", _from_name_crlf, ACCEPTED_OR_INCOMPLETE),
    # An encoded word is never an address (RFC 2047 §5): these From headers have none, so nobody
    # is answered; the manuscript itself is kept for ops.
    Case("from_addr_crlf_injection", _from_addr_crlf, ACCEPTED_OR_INCOMPLETE | {"ignored"}),
    Case("from_addr_two_addresses", _from_addr_comma, ACCEPTED_OR_INCOMPLETE | {"ignored"}),
    Case("reply_to_crlf_injection", _reply_to_crlf, ACCEPTED_OR_INCOMPLETE),
    Case("message_id_crlf_injection", _message_id_crlf, ACCEPTED_OR_INCOMPLETE),
    Case("references_crlf_injection", _references_crlf, ACCEPTED_OR_INCOMPLETE),
    # ---- MIME structure
    Case("mime_5000_parts", lambda: _many_parts(5000), ANY_TERMINAL - {"ignored"}),
    Case("mime_200_deep", lambda: _deep(200), ACCEPTED_OR_INCOMPLETE | {"rejected"}),
    Case("mime_1000_deep", lambda: _deep(1000), ACCEPTED_OR_INCOMPLETE | {"rejected"},
         note="past Python's recursion limit in email.feedparser"),
    Case("mime_unterminated_boundary", lambda: with_manuscript()[: -len(b"------=_Part_hostile_0--\r\n")],
         ACCEPTED_OR_INCOMPLETE),
    Case("mime_boundary_never_used", lambda: header_block(
        [*default_headers(), ("Content-Type", 'multipart/mixed; boundary="nowhere"')]) + CRLF + ARTICLE.encode(),
         ANY_TERMINAL - {"ignored"}),
    # ---- 1 MB header lines
    Case("header_1mb_subject", lambda: with_manuscript(headers=default_headers(subject="A" * _LONG)),
         ACCEPTED_OR_INCOMPLETE),
    Case("header_1mb_encoded_subject", lambda: with_manuscript(headers=default_headers(
        subject=encoded_word("投稿" * (_LONG // 6)))), ACCEPTED_OR_INCOMPLETE),
    Case("header_1mb_unknown", lambda: with_manuscript(headers=default_headers(extra=[("X-Junk", "x" * _LONG)])),
         ACCEPTED_OR_INCOMPLETE),
    Case("header_1mb_from_name", lambda: with_manuscript(headers=default_headers(
        from_=f'"{"张" * (_LONG // 3)}" <{SENDER}>'.encode())), ACCEPTED_OR_INCOMPLETE),
    Case("header_1mb_filename", lambda: mail([attachment("稿" * (_LONG // 3) + ".txt", ARTICLE.encode(),
                                                         "text/plain")]), ANY_TERMINAL - {"ignored"}),
    Case("header_1mb_message_id", lambda: with_manuscript(headers=default_headers(
        message_id="<" + "m" * _LONG + "@163.com>")), ACCEPTED_OR_INCOMPLETE),
    # ---- broken transfer encodings
    Case("bad_base64_padding", lambda: _bad_b64_manuscript(_ART_B64[:-1]), ACCEPTED_OR_INCOMPLETE),
    Case("bad_base64_garbage", lambda: _bad_b64_manuscript(b"!!!*** not base64 at all ***!!!\r\n" + _ART_B64[:77]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}),
    Case("bad_base64_body", lambda: mail(body=b"5oqV56i/\r\n!!@@##\r\n5oqV5", content_type="text/plain; charset=utf-8")
         .replace(b"Content-Type: text/plain; charset=utf-8\r\n",
                  b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"),
         frozenset({"rejected"})),
    Case("bad_quoted_printable", lambda: mail([
        file_part(rfc2231("稿件.txt"), b"", "text/plain", cte="quoted-printable",
                  encoded_body=ARTICLE.encode("utf-8")[:300].replace(b"\n", b"=ZZ\r\n") + b"=E4=B8=\r\n=")]),
         ACCEPTED_OR_INCOMPLETE | {"rejected"}),
    Case("bad_encoded_words", lambda: with_manuscript(headers=default_headers(
        subject="=?utf-8?b?5oqV56i/!!?= =?utf-8?q?=ZZ=E4?= =?bogus?x?abc?=",
        from_=f"=?utf-8?b?###?= <{SENDER}>")), ACCEPTED_OR_INCOMPLETE),
    Case("unknown_transfer_encoding", lambda: mail([
        file_part(rfc2231("稿件.txt"), b"", "text/plain", cte="x-base65", encoded_body=_ART_B64)]),
         ANY_TERMINAL - {"ignored"}),
    # ---- wrong and missing charsets
    Case("charset_lies_utf8_is_gbk", lambda: mail(body=ARTICLE.encode("gbk"),
                                                    content_type="text/plain; charset=utf-8"),
         ACCEPTED_OR_INCOMPLETE),
    Case("charset_unknown_label", lambda: mail(body=ARTICLE.encode("utf-8"),
                                                content_type="text/plain; charset=x-klingon"),
         ACCEPTED_OR_INCOMPLETE),
    Case("charset_missing_8bit_gbk", lambda: mail(body=ARTICLE.encode("gb18030"), content_type="text/plain"),
         ACCEPTED_OR_INCOMPLETE),
    Case("charset_unknown_in_headers", lambda: with_manuscript(headers=default_headers(
        subject="=?x-klingon?q?abc?=", from_=f"=?x-klingon?b?5byg?= <{SENDER}>")), ACCEPTED_OR_INCOMPLETE),
    Case("charset_unknown_in_filename", lambda: mail([file_part("filename*=x-klingon''%E7%A8%BF.txt",
                                                                ARTICLE.encode(), "text/plain")]),
         ACCEPTED_OR_INCOMPLETE),
    Case("charset_label_with_nul", lambda: mail(body=ARTICLE.encode("utf-8"),
                                                 content_type='text/plain; charset="utf-8\x00"'),
         ACCEPTED_OR_INCOMPLETE, note="found by the fuzz exploration"),
    Case("charset_non_ascii_in_encoded_word", lambda: with_manuscript(headers=default_headers(
        subject=b"=?gb18\x8430?B?5oqV56i/?=")), ACCEPTED_OR_INCOMPLETE, note="found by the fuzz exploration"),
    Case("raw_8bit_headers_invalid_utf8", lambda: with_manuscript(headers=default_headers(
        subject=b"\xff\xfe\xe4\xb8 \x80\x81", from_=b"\xc3\x28\xa0\xa1 <" + SENDER.encode() + b">")),
         ACCEPTED_OR_INCOMPLETE),
    # ---- Message-ID and From
    Case("message_id_empty", lambda: with_manuscript(headers=default_headers(message_id="")),
         ACCEPTED_OR_INCOMPLETE),
    Case("message_id_brackets_only", lambda: with_manuscript(headers=default_headers(message_id="<>")),
         ACCEPTED_OR_INCOMPLETE),
    Case("message_id_missing", lambda: with_manuscript(headers=default_headers(drop=("Message-ID",))),
         ACCEPTED_OR_INCOMPLETE),
    Case("from_name_only", lambda: with_manuscript(headers=default_headers(from_=encoded_word("张晓琳"))),
         ANY_TERMINAL),
    Case("from_empty_angle", lambda: with_manuscript(headers=default_headers(from_="<>")), ANY_TERMINAL),
    Case("from_group_no_address", lambda: with_manuscript(headers=default_headers(from_="undisclosed-recipients:;")),
         ANY_TERMINAL),
    Case("from_missing", lambda: with_manuscript(headers=default_headers(drop=("From",))), ANY_TERMINAL),
)

CASES_BY_NAME = {c.name: c for c in CASES}
