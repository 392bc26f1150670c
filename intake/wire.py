"""What every outgoing mail must be on the wire, checked: the rules a strict MTA enforces.

RFC 5322 §2.1.1 (CRLF only, no line over 998 octets), RFC 2045/2046 (7bit-safe transfer
encodings; message/* and multipart/* parts never base64 or quoted-printable, RFC 2046 §5.2.1),
RFC 5322 §2.2 (headers ASCII; non-ASCII goes as RFC 2047 words or RFC 2231 parameters). We do
not use 8BITMIME or SMTPUTF8, so a mail that passes reaches any server unchanged.
"""

from __future__ import annotations

import email
import re
from email.message import Message
from email.policy import compat32

MAX_LINE = 998
_HEADER_NAME = re.compile(rb"^[\x21-\x39\x3b-\x7e]+:")
_LEAF_ENCODINGS = {"7bit", "quoted-printable", "base64"}


def problems(raw: bytes) -> list[str]:
    """Every way `raw` breaks the rules above (empty when it is fit to send)."""
    found: list[str] = []
    if b"\x00" in raw:
        found.append("NUL byte")
    if not raw.isascii():
        found.append("8-bit byte outside any encoding")
    lines = raw.split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\r" in line or b"\n" in line:
            found.append(f"line {number}: bare CR or LF")
            break
    long_lines = [n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE]
    if long_lines:
        found.append(f"line {long_lines[0]}: {len(lines[long_lines[0] - 1])} octets (limit {MAX_LINE})")
    header, _, _ = raw.partition(b"\r\n\r\n")
    for line in header.split(b"\r\n"):
        if line and line[:1] not in (b" ", b"\t") and not _HEADER_NAME.match(line):
            found.append(f"malformed header line {line[:60]!r}")
    msg = email.message_from_bytes(raw, policy=compat32)
    found += _part_problems(msg, "")
    return found


def _part_problems(part: Message, path: str) -> list[str]:
    found: list[str] = []
    cte = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    ctype = part.get_content_type()
    where = f"part {path or 'root'} ({ctype})"
    if part.get_content_maintype() in ("multipart", "message"):
        if cte not in ("7bit", "8bit", "binary"):
            found.append(f"{where}: Content-Transfer-Encoding {cte} not allowed for a composite type")
    elif cte not in _LEAF_ENCODINGS:
        found.append(f"{where}: Content-Transfer-Encoding {cte} is not 7bit-safe")
    if part.defects:
        found.append(f"{where}: {', '.join(type(d).__name__ for d in part.defects)}")
    if part.is_multipart():
        for i, child in enumerate(part.get_payload()):
            found += _part_problems(child, f"{path}.{i}" if path else str(i))
    return found
