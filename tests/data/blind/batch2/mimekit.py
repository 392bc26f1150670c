"""Small helpers for composing raw MIME the way Chinese mail clients do.

Only the Python stdlib (`email` package helpers, base64, quopri) is used. Everything is
deterministic: callers pass fixed dates, boundaries and Message-IDs.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import quopri
import re
import urllib.parse
from email import utils as _eutils

CRLF = "\r\n"
TZ = _dt.timezone(_dt.timedelta(hours=8))


def codec(charset: str) -> str:
    """Python codec for a MIME charset label (GBK/GB2312 labels carry GB18030 text)."""
    c = charset.lower()
    if c in ("gbk", "gb2312", "gb18030"):
        return "gb18030"
    return c


def h(seed: str, n: int = 16) -> str:
    """Deterministic hex string."""
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def hnum(seed: str, digits: int) -> str:
    return str(int(h(seed, 24), 16))[:digits].rjust(digits, "1")


def date_header(dt: _dt.datetime, cst: bool = False) -> str:
    s = _eutils.format_datetime(dt.replace(tzinfo=TZ))
    # format_datetime zero-pads the day ("08 Apr"); Coremail and QQ write "8 Apr".
    parts = s.split(" ")
    parts[1] = str(int(parts[1]))
    s = " ".join(parts)
    return s + (" (CST)" if cst else "")


def word(text: str, charset: str, mode: str = "B") -> str:
    data = text.encode(codec(charset))
    if mode.upper() == "B":
        return f"=?{charset}?B?{base64.b64encode(data).decode()}?="
    q = "".join(
        chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else ("_" if b == 32 else f"={b:02X}")
        for b in data
    )
    return f"=?{charset}?Q?{q}?="


def words(text: str, charset: str, per: int = 14, mode: str = "B") -> list[str]:
    """Split `text` into chunks of `per` characters, each one encoded word."""
    if all(ord(c) < 128 for c in text):
        return [text]
    return [word(text[i:i + per], charset, mode) for i in range(0, len(text), per)]


def b64body(data: bytes, width: int = 76) -> str:
    enc = base64.b64encode(data).decode()
    return CRLF.join(enc[i:i + width] for i in range(0, len(enc), width)) + (CRLF if enc else "")


def qpbody(text: str, charset: str) -> str:
    data = text.replace("\r\n", "\n").encode(codec(charset))
    enc = quopri.encodestring(data).decode("ascii")
    return enc.replace("\n", CRLF) + ("" if enc.endswith("\n") else CRLF)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", CRLF)


def rfc2231(param: str, value: str, chunk: int = 36) -> str:
    """`param*0*=utf-8''...;` continuations, each on its own folded line."""
    enc = urllib.parse.quote(value.encode("utf-8"), safe="")
    tokens = re.findall(r"%[0-9A-F]{2}|.", enc)
    pieces, cur = [], ""
    for t in tokens:
        if len(cur) + len(t) > chunk:
            pieces.append(cur)
            cur = ""
        cur += t
    if cur:
        pieces.append(cur)
    if len(pieces) == 1:
        return f"\t{param}*=utf-8''{pieces[0]}"
    out = []
    for n, p in enumerate(pieces):
        prefix = "utf-8''" if n == 0 else ""
        out.append(f"\t{param}*{n}*={prefix}{p}")
    return (";" + CRLF).join(out)


class Leaf:
    def __init__(self, headers: list[str], body: str | bytes):
        self.headers = headers
        self.body = body if isinstance(body, bytes) else body.encode("ascii")

    def serialize(self) -> bytes:
        head = CRLF.join(self.headers).encode("ascii") + (CRLF * 2).encode()
        return head + self.body


class Multi:
    def __init__(self, subtype: str, boundary: str, parts: list, preamble: str | None = None,
                 ctype_fold: bool = True, extra: list[str] | None = None, quote_boundary: bool = True):
        self.subtype = subtype
        self.boundary = boundary
        self.parts = parts
        self.preamble = preamble
        self.ctype_fold = ctype_fold
        self.extra = extra or []
        self.quote_boundary = quote_boundary

    @property
    def headers(self) -> list[str]:
        b = f'"{self.boundary}"' if self.quote_boundary else self.boundary
        if self.ctype_fold:
            ct = f"Content-Type: multipart/{self.subtype};{CRLF}\tboundary={b}"
        else:
            ct = f"Content-Type: multipart/{self.subtype}; boundary={b}"
        return [ct] + self.extra

    def body_bytes(self) -> bytes:
        out = b""
        if self.preamble is not None:
            out += (self.preamble + CRLF + CRLF).encode("ascii")
        for p in self.parts:
            pb = p.serialize()
            if pb.endswith(b"\r\n"):
                pb = pb[:-2]
            out += f"--{self.boundary}{CRLF}".encode() + pb + CRLF.encode()
        out += f"--{self.boundary}--{CRLF}".encode()
        return out

    def serialize(self) -> bytes:
        return CRLF.join(self.headers).encode("ascii") + (CRLF * 2).encode() + self.body_bytes()


def message(top_headers: list[str], root) -> bytes:
    """Top-level headers with the root part's own headers at the "__CT__" placeholder (or at
    the end), then the root body."""
    if "__CT__" in top_headers:
        i = top_headers.index("__CT__")
        hdrs = top_headers[:i] + root.headers + top_headers[i + 1:]
    else:
        hdrs = top_headers + root.headers
    head = CRLF.join(hdrs).encode("ascii") + (CRLF * 2).encode()
    body = root.body_bytes() if isinstance(root, Multi) else root.body
    return head + body
