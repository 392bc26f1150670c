#!/usr/bin/env python3
"""Self-check of blind batch 6 with its own parsing code (stdlib email, python-docx, pypdf).

Run from the repository root:  .venv/bin/python tests/data/blind/batch6/check.py
It is not the extractor and does not import it. It checks that every mail parses, that To/Date/Message-ID are
sane and in order, that every labelled value occurs in the mail (decoded subject, bodies, file names, documents;
whitespace ignored, phones compared digit-wise), that the distinct photos match photo_count and captions, and that
outcome/reason/missing follow the rules of tests/data/corpus/README.md.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import email.utils
import hashlib
import io
import json
import quopri
import re
import sys
import urllib.parse
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ADDRESS = "tougao@localhost"
FIELDS = ("title", "source_unit", "authors", "phone")
OUTCOMES = {"accepted", "incomplete", "rejected", "ignored", "held"}
REASONS = {None, "auto_reply", "bounce", "loop", "no_manuscript", "unreadable_manuscript", "unsupported_attachment",
           "unsafe_attachment", "external_link", "secrecy_marker"}
SECRECY = ("内部资料", "内部文件", "秘密", "机密", "绝密", "注意保密", "保密")
LINKS = ("large-attachment-download", "cloud-attachment-download", "ftn/download", "ftnExs_download", "bigatt")
FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
WS = re.compile(r"\s+", re.UNICODE)


# ------------------------------------------------------------------ decoding
def charset_of(cs: str | None) -> str:
    cs = (cs or "").strip().strip('"').lower()
    if cs in ("gb2312", "gbk", "gb18030", "x-gbk", "euc-cn", "cp936"):
        return "gb18030"
    return cs or "ascii"


def raw_header_bytes(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def try_8bit(s: str) -> str:
    """A header or parameter that carries raw 8-bit bytes (surrogate-escaped by the parser)."""
    if not any(0xDC80 <= ord(c) <= 0xDCFF for c in s):
        return s
    b = raw_header_bytes(s)
    for cs in ("utf-8", "gb18030"):
        try:
            return b.decode(cs)
        except UnicodeDecodeError:
            pass
    raise ValueError(f"undecodable 8-bit header {b!r}")


EW = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")


def decode_words(s: str | None) -> str:
    if s is None:
        return ""
    s = try_8bit(str(s))
    s = re.sub(r"\r?\n[ \t]+", " ", s)
    out: list[str] = []
    pos = 0
    pending: tuple[str, bytearray] | None = None

    def flush() -> None:
        nonlocal pending
        if pending:
            out.append(bytes(pending[1]).decode(charset_of(pending[0])))
            pending = None

    for m in EW.finditer(s):
        gap = s[pos:m.start()]
        if gap and not (pending and gap.strip() == ""):
            flush()
            out.append(gap)
        cs, mode, data = m.group(1), m.group(2).upper(), m.group(3)
        if mode == "B":
            raw = base64.b64decode(data + "=" * (-len(data) % 4))
        else:
            raw = quopri.decodestring(data.replace("_", " ").encode("ascii"), header=True)
        if pending and pending[0].lower() == cs.lower():
            pending[1].extend(raw)
        else:
            flush()
            pending = (cs, bytearray(raw))
        pos = m.end()
    flush()
    out.append(s[pos:])
    return "".join(out)


class HTMLText(HTMLParser):
    BLOCK = {"div", "p", "br", "tr", "td", "li", "table", "hr", "h1", "h2", "h3"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.imgs: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "img":
            self.imgs.append(dict(attrs).get("src", ""))

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip = max(0, self.skip - 1)
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(h: str) -> tuple[str, list[str]]:
    p = HTMLText()
    p.feed(h)
    p.close()
    return "".join(p.parts).replace("\xa0", " "), p.imgs


def raw_header(part, name: str) -> str | None:
    """The header as received (raw 8-bit bytes stay surrogate-escaped), without the policy's Header objects."""
    for k, v in part.raw_items():
        if k.lower() == name.lower():
            return v if isinstance(v, str) else str(v)
    return None


def split_params(value: str) -> list[str]:
    out, cur, q = [], "", False
    for ch in value:
        if ch == '"':
            q = not q
        if ch == ";" and not q:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [x.strip() for x in out]


def params(value: str | None) -> dict[str, str]:
    """Parameters of a Content-Type / Content-Disposition value, with RFC 2231 continuations joined."""
    if not value:
        return {}
    value = re.sub(r"\r?\n[ \t]+", " ", value)
    plain: dict[str, str] = {}
    ext: dict[str, dict[int, tuple[bool, str]]] = {}
    for item in split_params(value)[1:]:
        if "=" not in item:
            continue
        k, v = item.split("=", 1)
        k, v = k.strip().lower(), v.strip()
        if len(v) >= 2 and v[0] == v[-1] == '"':
            v = v[1:-1]
        m = re.fullmatch(r"([a-z0-9_.-]+)\*(?:(\d+)(\*)?|)", k)
        if m and (m.group(2) is not None or k.endswith("*")):
            idx = int(m.group(2)) if m.group(2) is not None else 0
            encoded = k.endswith("*")
            ext.setdefault(m.group(1), {})[idx] = (encoded, v)
        else:
            plain[k] = v
    for key, segs in ext.items():
        charset = "ascii"
        buf = bytearray()
        for n in sorted(segs):
            encoded, v = segs[n]
            if n == 0 and encoded and v.count("'") >= 2:
                charset, _lang, v = v.split("'", 2)
            buf.extend(urllib.parse.unquote_to_bytes(v) if encoded else v.encode("utf-8", "surrogateescape"))
        plain[key] = bytes(buf).decode(charset_of(charset) if charset else "ascii")
    return plain


def part_filename(part) -> str | None:
    fn = params(raw_header(part, "Content-Disposition")).get("filename")
    if fn is None:
        fn = params(raw_header(part, "Content-Type")).get("name")
    return decode_words(fn) if fn is not None else None


def payload_bytes(part) -> bytes:
    cte = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    raw = part.get_payload(decode=False)
    if isinstance(raw, list):
        return b""
    rawb = raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else raw
    if cte == "base64":
        return binascii.a2b_base64(rawb)
    if cte == "quoted-printable":
        return quopri.decodestring(rawb)
    return rawb


# ------------------------------------------------------------------ documents
def read_docx(data: bytes) -> tuple[str, list[bytes]]:
    import docx

    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                texts.append(c.text)
    z = zipfile.ZipFile(io.BytesIO(data))
    media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    bad = z.testzip()
    if bad:
        raise ValueError(f"bad member {bad}")
    return "\n".join(texts), media


def read_pdf(data: bytes) -> tuple[str, list[bytes]]:
    from pypdf import PdfReader

    r = PdfReader(io.BytesIO(data))
    if r.is_encrypted and not r.decrypt(""):
        raise ValueError("password-protected PDF")
    text, imgs = [], []
    for page in r.pages:
        text.append(page.extract_text() or "")
        res = page.get("/Resources")
        xo = res.get_object().get("/XObject") if res else None
        if xo:
            for _k, v in xo.get_object().items():
                o = v.get_object()
                if o.get("/Subtype") == "/Image":
                    imgs.append(o.get_data())
    return "\n".join(text), imgs


def read_txt(data: bytes) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


DOC_EXT = (".docx", ".doc", ".wps", ".pdf", ".txt", ".rtf")


class Mail:
    def __init__(self, path: Path):
        self.path = path
        self.raw = path.read_bytes()
        self.msg = email.message_from_bytes(self.raw, policy=email.policy.compat32)
        self.subject = decode_words(self.msg.get("Subject"))
        self.from_ = decode_words(self.msg.get("From"))
        self.bodies: list[str] = []
        self.filenames: list[str] = []
        self.docs: list[tuple[str, str]] = []  # (filename, text)
        self.unreadable: list[tuple[str, str]] = []
        self.photos: list[bytes] = []
        self.cids: dict[str, bytes] = {}
        self.cid_refs: list[str] = []
        self.report = False
        for part in self.msg.walk():
            if part.is_multipart():
                continue
            ctype = part.get_content_type()
            fn = part_filename(part)
            disp = (raw_header(part, "Content-Disposition") or "").split(";")[0].strip().lower()
            data = payload_bytes(part)
            cid = (part.get("Content-ID") or "").strip().strip("<>")
            if fn:
                self.filenames.append(fn)
            if ctype in ("message/delivery-status", "text/rfc822-headers"):
                self.report = True
                continue
            if ctype in ("text/plain", "text/html") and not fn and disp != "attachment":
                text = data.decode(charset_of(part.get_content_charset()))  # strict: must decode cleanly
                if ctype == "text/html":
                    text, imgs = html_text(text)
                    self.cid_refs += [s[4:] for s in imgs if s.lower().startswith("cid:")]
                self.bodies.append(text)
                continue
            low = (fn or "").lower()
            if ctype == "image/jpeg" or low.endswith((".jpg", ".jpeg")):
                assert data[:3] == b"\xff\xd8\xff", f"{path.name}: {fn} is not a JPEG"
                self.photos.append(data)
                if cid:
                    self.cids[cid] = data
                continue
            if low.endswith(DOC_EXT):
                try:
                    if low.endswith(".docx"):
                        text, media = read_docx(data)
                        self.photos += media
                    elif low.endswith(".pdf"):
                        text, media = read_pdf(data)
                        self.photos += media
                    elif low.endswith(".txt"):
                        text = read_txt(data)
                    else:
                        raise ValueError("format not readable by this checker")
                except Exception as e:  # noqa: BLE001
                    self.unreadable.append((fn, f"{type(e).__name__}: {e}"))
                else:
                    self.docs.append((fn, text))
                continue
            raise AssertionError(f"{path.name}: unexpected part {ctype} {fn!r}")

    def corpus(self) -> str:
        return "\n".join([self.subject, *self.bodies, *self.filenames, *(t for _f, t in self.docs)])


def squash(s: str) -> str:
    return WS.sub("", s.replace("\u3000", ""))


def digit_runs(text: str) -> list[str]:
    t = text.translate(FW_DIGITS)
    runs = re.findall(r"\d(?:[\d \t\u3000\-－—–～一()（）]|转|分机)*\d", t)
    return [re.sub(r"\D", "", r) for r in runs]


def phone_digits(label: str) -> str:
    assert re.fullmatch(r"1\d{10}|0\d{2,3}-\d{7,8}(-\d{1,5})?", label), f"phone label not normalised: {label}"
    return label.replace("-", "")


def article_len(m: Mail) -> int:
    if m.docs:
        return max(len(squash(t)) for _f, t in m.docs)
    return max((len(squash(b)) for b in m.bodies), default=0)


# ------------------------------------------------------------------ checks
def check(name: str, lab: dict, m: Mail, errs: list[str]) -> None:
    def err(s: str) -> None:
        errs.append(f"{name}: {s}")

    msg = m.msg
    # headers
    if ADDRESS not in (msg.get("To") or ""):
        err("To is not the submission address")
    mid = (msg.get("Message-ID") or msg.get("Message-Id") or "").strip()
    if not re.fullmatch(r"<[^<>\s@]+@[^<>\s@]+>", mid):
        err(f"bad Message-ID {mid!r}")
    d = email.utils.parsedate_to_datetime(msg.get("Date"))
    if not (d.year == 2026 and d.month == 4 and d.utcoffset() is not None):
        err(f"Date not in April 2026: {d}")
    m.date = d
    if ADDRESS in m.from_:
        err("From is our own address (would be a loop)")

    keys = {"outcome", "reason", "missing", "title", "source_unit", "authors", "phone", "reviewer", "photo_count",
            "captions", "photo_credit", "format", "client", "placement"}
    if not keys <= set(lab):
        err(f"missing label keys {keys - set(lab)}")
    if lab["outcome"] not in OUTCOMES or lab["reason"] not in REASONS:
        err("bad outcome/reason")
    corpus = m.corpus()
    sq = squash(corpus)
    for w in SECRECY:
        if w in sq:
            err(f"secrecy marker {w} present")
    for w in LINKS:
        if w in corpus:
            err(f"large-attachment link {w} present")

    outcome = lab["outcome"]
    if outcome in ("ignored", "rejected"):
        empty = (lab["title"] is None and lab["source_unit"] is None and lab["authors"] == [] and lab["phone"] is None
                 and lab["reviewer"] is None and lab["photo_count"] == 0 and lab["captions"] == [] and
                 lab["missing"] == [])
        if not empty:
            err("ignored/rejected must have empty draft fields")
    if outcome == "ignored":
        if lab["reason"] == "bounce":
            if not (msg.get_content_type() == "multipart/report" and m.report and
                    re.search(r"MAILER-DAEMON|postmaster", msg.get("From") or "", re.I)):
                err("bounce without multipart/report from MAILER-DAEMON")
        elif lab["reason"] == "auto_reply":
            auto = (msg.get("Auto-Submitted", "no").lower() != "no" or msg.get("X-Autoreply")
                    or re.match(r"(自动回复|Auto.?Reply|Out of Office)", m.subject, re.I))
            if not auto:
                err("auto_reply without any auto-reply marker")
            if m.docs or m.photos:
                err("auto_reply carries content")
        else:
            err("unexpected ignored reason")
        return
    if outcome == "rejected":
        if lab["reason"] == "unreadable_manuscript":
            if not m.unreadable or m.docs:
                err(f"unreadable_manuscript but docs={len(m.docs)} unreadable={m.unreadable}")
            if article_len(m) > 200:
                err("covering note looks like an article")
        elif lab["reason"] == "no_manuscript":
            if m.docs or m.unreadable or article_len(m) > 100:
                err("no_manuscript but there is text or a document")
        else:
            err("unexpected rejected reason")
        return

    # accepted / incomplete
    if m.unreadable:
        err(f"unreadable document in an accepted/incomplete mail: {m.unreadable}")
    n = article_len(m)
    if not 300 <= n <= 1200:
        err(f"manuscript length {n} outside 300..1200")
    absent = [f for f in FIELDS if (lab[f] in (None, []))]
    if lab["missing"] != absent:
        err(f"missing {lab['missing']} != absent fields {absent}")
    if outcome == "accepted" and absent:
        err("accepted with absent fields")
    if outcome == "incomplete" and not absent:
        err("incomplete with nothing missing")
    if lab["reason"] is not None:
        err("accepted/incomplete must have reason null")
    for f in ("title", "source_unit", "reviewer", "photo_credit"):
        v = lab[f]
        if v is not None:
            if v != v.strip() or not v:
                err(f"{f} not trimmed")
            if squash(v) not in sq:
                err(f"{f} {v!r} not found")
    if lab["title"] and (lab["title"].startswith("《") or lab["title"].endswith("》")):
        err("title keeps 《》")
    for a in lab["authors"]:
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", a):
            err(f"author {a!r} is not a bare name")
        if a not in sq:
            err(f"author {a!r} not found")
    if lab["reviewer"] and not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", lab["reviewer"]):
        err("reviewer is not a bare name")
    runs = digit_runs(corpus)
    if lab["phone"]:
        pd = phone_digits(lab["phone"])
        if not any(pd in r for r in runs):
            err(f"phone {lab['phone']} not found digit-wise")
    else:
        body_runs = digit_runs("\n".join([*m.bodies, *(t for _f, t in m.docs)]))
        for r in body_runs:
            if re.search(r"1380013\d{4}|0851\d{8}|0898\d{8}", r):
                err(f"phone labelled missing but {r} occurs")
    # photos
    distinct = []
    seen = set()
    for p in m.photos:
        h = hashlib.sha256(p).hexdigest()
        if h not in seen:
            seen.add(h)
            distinct.append(h)
    for ref in m.cid_refs:
        if ref not in m.cids:
            err(f"cid:{ref} has no part")
    if lab["photo_count"] != len(distinct):
        err(f"photo_count {lab['photo_count']} != distinct photos {len(distinct)}")
    if len(lab["captions"]) != lab["photo_count"]:
        err("len(captions) != photo_count")
    for c in lab["captions"]:
        if c is None:
            continue
        if re.match(r"(图|照片)\s*\d", c) or c.lower().endswith((".jpg", ".jpeg")):
            err(f"caption keeps a numbering prefix or extension: {c!r}")
        if squash(c) not in sq:
            err(f"caption {c!r} not found")


def main() -> int:
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in HERE.glob("*.eml"))
    errs: list[str] = []
    if files != sorted(labels):
        errs.append(f"files and labels differ: {set(files) ^ set(labels)}")
    if len(files) != 32:
        errs.append(f"expected 32 mails, found {len(files)}")
    prev = None
    counts: Counter = Counter()
    for i, name in enumerate(files, 1):
        if not name.startswith(f"{i:02d}-"):
            errs.append(f"{name}: numbering out of order")
        try:
            m = Mail(HERE / name)
        except Exception as e:  # noqa: BLE001
            errs.append(f"{name}: does not parse: {type(e).__name__}: {e}")
            continue
        check(name, labels[name], m, errs)
        d = getattr(m, "date", None)
        if prev and d and d < prev:
            errs.append(f"{name}: Date earlier than the previous mail")
        prev = d or prev
        lab = labels[name]
        counts[(lab["outcome"], lab["reason"])] += 1
    for e in errs:
        print("FAIL", e)
    print("outcomes:", ", ".join(f"{o}{'/' + r if r else ''}={n}" for (o, r), n in sorted(counts.items(),
                                                                                        key=lambda x: str(x))))
    print(f"{len(files) - len({e.split(':')[0] for e in errs})} passed, {len({e.split(':')[0] for e in errs})} failed")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
