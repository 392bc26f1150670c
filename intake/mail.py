"""Parse raw mail bytes into a ParsedMail: mail-parser first, the standard library as fallback.

Two repairs happen before and after parsing (see notes/chinese-mail.md):
labels gb2312/gbk/euc-cn are widened to GB18030 (a superset, so GBK-only
characters such as 喆 survive), and attachment names sent as raw 8-bit GBK
are recovered from the undecoded header bytes. Outlook's winmail.dat is unwrapped into the
files it carries (tnef.py).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import logging
import re
from dataclasses import replace
from email.feedparser import BytesFeedParser
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import collapse_rfc2231_value, getaddresses

import mailparser

from intake import tnef
from intake.models import Attachment, ParsedMail
from intake.text import clean_body, one_line, safe_filename

log = logging.getLogger(__name__)

_GB = re.compile(rb"(=\?|charset=\"?|\*=)(gb2312|gbk|x-gbk|euc-cn|cp936)(?=[?\"';\s])", re.I)
_MSGID = re.compile(r"<[^<>\s]+>")


def widen_gb(raw: bytes) -> bytes:
    """Relabel GB2312/GBK as GB18030 in encoded words and charset parameters."""
    return _GB.sub(lambda m: m.group(1) + b"gb18030", raw)


def decode_text_header(value: object) -> str:
    """Decode RFC 2047 words (and stray 8-bit bytes) of one header into text."""
    if value is None:
        return ""
    text = str(value)
    if any("\udc80" <= c <= "\udcff" for c in text):
        text = _decode_8bit(text.encode("ascii", "surrogateescape"))
    try:
        return str(make_header(decode_header(text))).strip()
    except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError, email.errors.CharsetError):
        return text.strip()


def _decode_8bit(data: bytes) -> str:
    for charset in ("utf-8", "gb18030"):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _raw8_filename(part: Message) -> str | None:
    """Recover a file name sent as raw 8-bit bytes (mail-parser yields U+FFFD there)."""
    for name, value in part.raw_items():
        if name.lower() not in ("content-disposition", "content-type"):
            continue
        text = _decode_8bit(str(value).encode("ascii", "surrogateescape"))
        holder = Message()
        holder[name] = text
        found = holder.get_param("filename", header="content-disposition") or holder.get_param("name")
        if found:
            return decode_text_header(collapse_rfc2231_value(found))
    return None


def _part_filename(part: Message) -> str | None:
    name = part.get_filename()
    if name is None:
        return None
    text = decode_text_header(name)
    if "\ufffd" in text or any("\udc80" <= c <= "\udcff" for c in str(name)):
        text = _raw8_filename(part) or text
    return text


def _unparted(part: Message) -> bool:
    """A multipart/* part whose boundary never occurs (its payload stayed one string)."""
    return part.get_content_maintype() == "multipart" and not part.is_multipart()


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if isinstance(payload, str):  # undecoded: 8-bit bytes as surrogates, or text mail-parser already decoded
        payload = payload.encode("utf-8", "surrogateescape")
    if not isinstance(payload, bytes):
        return ""
    charset = (part.get_content_charset() or "").lower()
    for candidate in (charset, "utf-8", "gb18030"):
        if not candidate or (candidate in ("us-ascii", "ascii") and not payload.isascii()):
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeError, ValueError):  # ValueError: a label with a NUL in it
            continue
    return payload.decode("utf-8", errors="replace")


def _walk(msg: Message) -> tuple[str, str, list[Attachment]]:
    """Standard-library walk: the first text/plain and text/html bodies and every file part."""
    plain: list[str] = []
    html: list[str] = []
    files: list[Attachment] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if _unparted(part):  # boundary missing: the body is the text that was meant
            plain.append(_part_text(part))
            continue
        filename = _part_filename(part)
        disposition = (part.get_content_disposition() or "").lower()
        if filename is None and disposition != "attachment" and ctype in ("text/plain", "text/html"):
            (plain if ctype == "text/plain" else html).append(_part_text(part))
            continue
        if ctype in ("message/delivery-status", "message/rfc822-headers") and filename is None:
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        files.append(Attachment(
            filename=filename or _fallback_name(ctype, len(files) + 1),
            content_type=ctype,
            payload=data,
            content_id=(part.get("Content-ID") or "").strip("<> ") or None,
            inline=disposition == "inline",
        ))
    return "\n".join(plain), "\n".join(html), files


_B64_RUN = re.compile(rb"[A-Za-z0-9+/]+")


def decode_base64(data: bytes | str) -> tuple[bytes, bool]:
    """Decode base64 as far as it goes: (bytes, True if it was well formed).

    Real mail has lines cut short, padding missing or doubled, stray characters and several
    padded blocks glued together. Characters outside the alphabet are dropped, each run between
    padding is completed to whole quanta, and a lone trailing character (which cannot carry a
    byte) is dropped.
    """
    raw = data.encode("ascii", "ignore") if isinstance(data, str) else data
    try:
        return base64.b64decode(b"".join(raw.split()), validate=True), True
    except (binascii.Error, ValueError):
        pass
    try:
        return base64.b64decode(raw, validate=False), False  # drops foreign characters, extra padding
    except (binascii.Error, ValueError):
        pass
    out = bytearray()
    for run in _B64_RUN.findall(raw):
        usable = len(run) - len(run) % 4 if len(run) % 4 == 1 else len(run)
        chunk = run[:usable]
        if chunk:
            out += base64.b64decode(chunk + b"=" * (-len(chunk) % 4))
    return bytes(out), False


def _forwarded_name(att: Attachment) -> str:
    """A forwarded mail (message/rfc822) is named after its subject, as `<subject>.eml`: mail-parser
    invents a random `.txt` name for it, which tells a reviewer nothing."""
    if att.content_type != "message/rfc822" or att.filename.lower().endswith(".eml"):
        return att.filename
    head = email.message_from_bytes(att.payload.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0], policy=compat32)
    subject = one_line(decode_text_header(head.get("Subject")))[:80]
    return f"{subject or 'forwarded'}.eml"


def _fallback_name(ctype: str, index: int) -> str:
    ext = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}.get(ctype, "bin")
    return f"attachment-{index}.{ext}"


def _attachments_from_mailparser(parsed: mailparser.MailParser, defects: list[str]) -> list[Attachment]:
    out: list[Attachment] = []
    for item in parsed.attachments:
        payload = item.get("payload") or ""
        if item.get("binary"):
            data, well_formed = decode_base64(payload)
            if not well_formed:
                defects.append("broken_base64")
        else:
            data = str(payload).encode(_codec(item.get("charset")), errors="replace")
        out.append(Attachment(
            filename=decode_text_header(item.get("filename") or "") or _fallback_name(
                str(item.get("mail_content_type")), len(out) + 1),
            content_type=str(item.get("mail_content_type") or "application/octet-stream").lower(),
            payload=data,
            content_id=(item.get("content-id") or "").strip("<> ") or None,
            inline=str(item.get("content-disposition") or "").lower().startswith("inline"),
        ))
    return out


def _codec(label: object) -> str:
    try:
        return codecs.lookup(str(label or "utf-8")).name
    except LookupError:
        return "utf-8"


_FEED_BYTES = 64 * 1024


def message_from_bytes(raw: bytes) -> Message:
    """`email.message_from_bytes(raw)` (compat32, the tree mail-parser builds too) without its
    copies: that decodes the whole mail into one str and reads it back through a StringIO (four
    bytes a character as soon as one 8-bit byte is in the mail); the feed parser is given the
    bytes 64 KiB at a time and decodes each piece alike (ASCII, surrogateescape)."""
    parser = BytesFeedParser(policy=compat32)
    for start in range(0, len(raw), _FEED_BYTES):
        parser.feed(raw[start:start + _FEED_BYTES])
    return parser.close()


def _bodies_and_files(raw: bytes) -> tuple[Message, str, str, list[Attachment], list[str]]:
    """mail-parser first; the standard library when it raises or garbles a file name."""
    try:
        parsed = mailparser.MailParser(message_from_bytes(raw))  # = mailparser.parse_from_bytes(raw)
    except Exception as exc:  # mail-parser raises assorted errors on broken input
        log.info("mail-parser failed (%s); using the standard library", exc)
        try:
            msg = message_from_bytes(raw)
            text, html, files = _walk(msg)
        except RecursionError:  # MIME nested beyond what the parser's recursion allows: headers only
            head = BytesHeaderParser(policy=compat32).parsebytes(raw)
            return head, "", "", [], ["mailparser_failed", "mime_too_deep"]
        return msg, text, html, files, ["mailparser_failed"]
    msg = parsed.message
    defects: list[str] = []
    files = _attachments_from_mailparser(parsed, defects)
    text = "\n".join(parsed.text_plain)
    html = "\n".join(parsed.text_html)
    if any("\ufffd" in f.filename for f in files) or "\ufffd" in text + html or _unparted(msg):
        # A garbled name, a body decoded with a wrong or unknown charset label, or a multipart
        # whose boundary never occurs: the standard library walk, with its charset fallbacks.
        try:
            own_text, own_html, repaired = _walk(message_from_bytes(raw))
        except RecursionError:
            own_text, own_html, repaired = "", "", []
        if len(repaired) == len(files):
            files = [r if "\ufffd" in f.filename else f for f, r in zip(files, repaired, strict=True)]
        if own_text.count("\ufffd") < text.count("\ufffd") or (own_text and not text):
            text = own_text
        if own_html.count("\ufffd") < html.count("\ufffd") or (own_html and not html):
            html = own_html
    return msg, text, html, files, defects


def _header_lines(msg: Message) -> tuple[tuple[str, str], ...]:
    # raw_items(): items() turns 8-bit values into U+FFFD
    return tuple((one_line(name.lower()), one_line(decode_text_header(value))) for name, value in msg.raw_items())


def _headers(lines: tuple[tuple[str, str], ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in lines:
        found.setdefault(name, value)
    return found


def parse_mail(raw: bytes) -> ParsedMail:
    """Decode one mail. Never raises for malformed input: defects are recorded instead."""
    raw = widen_gb(raw)
    msg, text, html, files, defects = _bodies_and_files(raw)
    files, tnef_defects = tnef.unwrap(files)
    defects += tnef_defects
    defects += [type(d).__name__ for d in msg.defects]
    if _unparted(msg):
        defects.append("missing_boundary")
    files = [replace(f, filename=safe_filename(_forwarded_name(f), _fallback_name(f.content_type, i + 1)))
             for i, f in enumerate(files)]
    lines = _header_lines(msg)
    headers = _headers(lines)
    from_name, from_addr = _first_address(_raw_header(msg, "from"))
    text, html = clean_body(text), clean_body(html)
    return ParsedMail(
        message_id=_msgid(headers.get("message-id", "")) or "",
        subject=headers.get("subject", ""),
        from_name=from_name,
        from_addr=from_addr,
        to=tuple(addr.lower() for _, addr in getaddresses([headers.get("to", ""), headers.get("cc", "")]) if addr),
        date=headers.get("date"),
        text_body=text,
        html_body=html,
        attachments=tuple(files),
        headers=headers,
        content_type=msg.get_content_type(),
        in_reply_to=_msgid(headers.get("in-reply-to", "")),
        references=tuple(_MSGID.findall(headers.get("references", ""))),
        return_path=headers.get("return-path"),
        defects=tuple(defects),
        reply_to=_addresses(_raw_header(msg, "reply-to")),
        header_lines=lines,
    )


def _msgid(value: str) -> str | None:
    found = _MSGID.search(value)
    return found.group(0) if found else (value.strip() or None)


def _raw_header(msg: Message, name: str) -> str:
    for key, value in msg.raw_items():
        if key.lower() == name:
            return re.sub(r"[\r\n\x00]+", " ", str(value))  # 8-bit bytes stay surrogates for decode_text_header
    return ""


_ADDR_SPEC = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*")  # dotless: tougao@localhost


_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bqBQ]\?[^?\s]*\?=")
_ANGLE_ADDR = re.compile(r"<\s*([^<>\s]+)\s*>")


def _addresses(value: str) -> tuple[tuple[str, str], ...]:
    """Every mailbox of a raw address header (Reply-To), split before RFC 2047 decoding like From."""
    pairs = [(decode_text_header(n), a.strip()) for n, a in getaddresses([value]) if a]
    return tuple((n.strip().strip('"'), a.lower()) for n, a in pairs if _ADDR_SPEC.fullmatch(a))


def _first_address(value: str) -> tuple[str, str]:
    """The first mailbox of a raw From header: split *before* RFC 2047 decoding, so text inside an
    encoded display name can never become an address; an address that is not one is dropped."""
    pairs = [(decode_text_header(n), a) for n, a in getaddresses([value]) if a]
    pairs = [(n, a) for n, a in pairs if _ADDR_SPEC.fullmatch(a.strip())]
    if not pairs:
        # A malformed header (an unbalanced "(" from raw 8-bit bytes, say): an angle-addr outside
        # any encoded word is still unambiguous.
        plain = _ENCODED_WORD.sub(" ", value)
        found = [m for m in _ANGLE_ADDR.finditer(plain) if _ADDR_SPEC.fullmatch(m.group(1))]
        if not found:
            return "", ""
        pairs = [(decode_text_header(plain[: found[-1].start()]).strip(' "'), found[-1].group(1))]
    name, addr = pairs[0]
    return name.strip().strip('"'), addr.strip().lower()
