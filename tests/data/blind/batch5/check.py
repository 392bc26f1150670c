#!/usr/bin/env python3
"""Self-check of blind batch 5 (independent of build.py and of the extractor).

    .venv/bin/python tests/data/blind/batch5/check.py

For every NN-*.eml listed in labels.json:
  * the mail parses with the stdlib parser (compat32 and default policies);
  * To is tougao@localhost, Date is in March 2026, Message-IDs are unique;
  * every labelled value (title, source_unit, authors, phone, reviewer,
    captions, photo_credit) occurs in the decoded mail text or its documents
    (whitespace ignored; phones compared digit-wise after full-width digits and
    separators are normalised);
  * photo_count equals the number of distinct photos (JPEG parts, cid images,
    pictures inside .docx and image XObjects inside PDFs, deduplicated by
    content hash) and len(captions) == photo_count;
  * outcome / reason / missing are consistent with the README rules.
Exit status 1 on any failure.
"""
from __future__ import annotations

import email
import email.policy
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.utils import parsedate_to_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIRED = ["title", "source_unit", "authors", "phone"]

ENC_WORD = re.compile(r"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")


def codec(cs: str) -> str:
    cs = (cs or "").lower().strip('"')
    if cs in ("gb2312", "gbk", "gb18030", "x-gbk", "euc-cn"):
        return "gb18030"
    return cs or "utf-8"


def fix_8bit(s: str) -> str:
    if any("\udc80" <= ch <= "\udcff" for ch in s):
        b = s.encode("ascii", "surrogateescape")
        for cs in ("utf-8", "gb18030"):
            try:
                return b.decode(cs)
            except UnicodeDecodeError:
                pass
    return s


def decode_words(s: str | None) -> str:
    """RFC 2047 words anywhere (also inside quotes), adjacent words joined."""
    if s is None:
        return ""
    s = fix_8bit(str(s))
    s = re.sub(r"\?=\s+=\?", "?==?", s)

    # decode run by run so that multibyte characters split across words survive
    out, pos = [], 0
    matches = list(ENC_WORD.finditer(s))
    i = 0
    while i < len(matches):
        m = matches[i]
        out.append(s[pos:m.start()])
        j, blob = i, b""
        cs, mode = m.group(1), m.group(2).upper()
        while j < len(matches) and (j == i or matches[j].start() == matches[j - 1].end()) \
                and matches[j].group(1).lower() == cs.lower() and matches[j].group(2).upper() == mode:
            data = matches[j].group(3)
            if mode == "B":
                import base64
                blob += base64.b64decode(data + "=" * (-len(data) % 4))
            else:
                import quopri
                blob += quopri.decodestring(data.replace("_", " ").encode(), header=True)
            j += 1
        out.append(blob.decode(codec(cs), "replace"))
        pos = matches[j - 1].end()
        i = j
    out.append(s[pos:])
    return "".join(out)


def filename_of(part) -> str | None:
    for k, v in part._headers:  # raw 8-bit parameter values (surrogate-escaped)
        if k.lower() in ("content-disposition", "content-type") and any("\udc80" <= ch <= "\udcff" for ch in v):
            m = re.search(r'(?:file)?name="([^"]*)"', v)
            if m:
                return fix_8bit(m.group(1))
    fn = part.get_filename()
    if fn is None:
        fn = part.get_param("name")
        if isinstance(fn, tuple):
            fn = email.utils.collapse_rfc2231_value(fn)
    if fn is None:
        return None
    return decode_words(fn)


def strip_html(s: str) -> str:
    s = re.sub(r"(?is)<(script|style).*?</\1>", "", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def soffice_txt(data: bytes, ext: str) -> str | None:
    tmp = Path(tempfile.mkdtemp(prefix="batch5-check-"))
    try:
        src = tmp / f"in.{ext}"
        src.write_bytes(data)
        r = subprocess.run(["/usr/bin/soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp), str(src)],
                           capture_output=True, timeout=240)
        out = tmp / "in.txt"
        if r.returncode != 0 or not out.exists():
            return None
        return out.read_text("utf-8", "replace")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def analyse(path: Path) -> dict:
    data = path.read_bytes()
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    email.message_from_bytes(data, policy=email.policy.default).walk()  # must not raise
    info = {"headers": msg, "texts": [], "photos": {}, "docs": [], "unreadable": [], "attachments": []}
    info["texts"].append(decode_words(msg.get("Subject")))
    for p in msg.walk():
        if p.is_multipart():
            continue
        ctype = p.get_content_type()
        fn = filename_of(p)
        payload = p.get_payload(decode=True) or b""
        disp = str(p.get("Content-Disposition") or "").split(";")[0].strip().lower()
        if fn:
            info["texts"].append(fn)
        if ctype in ("text/plain", "text/html") and disp != "attachment" and not fn:
            txt = payload.decode(codec(p.get_content_charset()), "replace")
            info["texts"].append(strip_html(txt) if ctype == "text/html" else txt)
            continue
        info["attachments"].append(fn)
        if payload[:3] == b"\xff\xd8\xff":
            info["photos"].setdefault(hashlib.sha256(payload).hexdigest(), f"part:{fn}")
        elif payload[:2] == b"PK":
            try:
                import docx
                d = docx.Document(io.BytesIO(payload))
            except Exception:
                info["unreadable"].append(fn)
                continue
            parts = [pp.text for pp in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    parts.append(" ".join(c.text for c in row.cells))
            info["texts"].append("\n".join(parts))
            info["docs"].append(fn)
            z = zipfile.ZipFile(io.BytesIO(payload))
            for name in z.namelist():
                if name.startswith("word/media/"):
                    info["photos"].setdefault(hashlib.sha256(z.read(name)).hexdigest(), f"docx:{name}")
        elif payload[:5] == b"%PDF-":
            from pypdf import PdfReader
            r = PdfReader(io.BytesIO(payload))
            info["texts"].append("\n".join(pg.extract_text() or "" for pg in r.pages))
            info["docs"].append(fn)
            for pg in r.pages:
                res = pg.get("/Resources")
                xo = res.get_object().get("/XObject") if res else None
                if not xo:
                    continue
                for ref in xo.get_object().values():
                    obj = ref.get_object()
                    if obj.get("/Subtype") == "/Image":
                        info["photos"].setdefault(hashlib.sha256(obj.get_data()).hexdigest(), f"pdf:{ref.idnum}")
        elif payload[:4] == b"\xd0\xcf\x11\xe0":
            # a real compound file has byte order FFFE and sector shift 9 or 12;
            # LibreOffice would "open" random bytes through its text filter
            valid = len(payload) >= 512 and payload[28:30] == b"\xfe\xff" and payload[30] in (9, 12)
            txt = soffice_txt(payload, (fn or "x.doc").rsplit(".", 1)[-1]) if valid else None
            if txt is None or not txt.strip():
                info["unreadable"].append(fn)
            else:
                info["texts"].append(txt)
                info["docs"].append(fn)
        elif len(payload) == 0:
            info["unreadable"].append(fn)
        elif ctype == "text/plain" or (fn or "").lower().endswith(".txt"):
            for cs in ("utf-8-sig", "gb18030"):
                try:
                    info["texts"].append(payload.decode(cs))
                    break
                except UnicodeDecodeError:
                    pass
            info["docs"].append(fn)
        else:
            info["unreadable"].append(fn)
    return info


def nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


FW = str.maketrans("０１２３４５６７８９", "0123456789")


def phone_digits_text(s: str) -> str:
    s = s.translate(FW)
    return re.sub(r"[\s\-－—–一～~()（）转分机/]", "", s)


def main() -> int:
    labels = json.loads((HERE / "labels.json").read_text("utf-8"))
    files = sorted(p.name for p in HERE.glob("*.eml"))
    errors: list[str] = []
    if sorted(labels) != files:
        errors.append(f"labels/eml mismatch: {set(labels) ^ set(files)}")
    msgids, domains = set(), set()
    for name in files:
        lab = labels.get(name)
        if lab is None:
            continue
        info = analyse(HERE / name)
        msg = info["headers"]

        def bad(what):
            errors.append(f"{name}: {what}")

        if msg["To"] is None or "tougao@localhost" not in msg["To"]:
            bad("To is not tougao@localhost")
        d = parsedate_to_datetime(msg["Date"])
        if (d.year, d.month) != (2026, 3):
            bad(f"date {d}")
        mid = msg["Message-ID"] or msg["Message-Id"]
        if not mid or mid in msgids:
            bad("missing/duplicate Message-ID")
        msgids.add(mid)
        domains.add(re.search(r"@([\w.\-]+)>?\s*$", msg["From"]).group(1))

        text = "\n".join(info["texts"])
        flat = nows(text)
        flat_phone = phone_digits_text(text)

        # schema
        for k in ("outcome", "reason", "missing", "title", "source_unit", "authors", "phone", "reviewer",
                  "photo_count", "captions", "photo_credit", "format", "client", "placement"):
            if k not in lab:
                bad(f"label lacks {k}")
        out = lab["outcome"]
        if out in ("ignored", "rejected"):
            if any(lab[k] for k in ("title", "source_unit", "authors", "phone", "reviewer", "captions", "missing")) \
                    or lab["photo_count"] != 0:
                bad("ignored/rejected label carries draft fields")
            if not lab["reason"]:
                bad("ignored/rejected without reason")
        else:
            missing = [f for f in REQUIRED if not lab[f]]
            if missing != lab["missing"]:
                bad(f"missing {lab['missing']} but empty fields are {missing}")
            if out == "accepted" and missing:
                bad("accepted with missing fields")
            if out == "incomplete" and not missing:
                bad("incomplete without missing fields")
            if lab["reason"] is not None:
                bad("reason on accepted/incomplete")

        # values occur
        for k in ("title", "source_unit", "reviewer", "photo_credit"):
            v = lab.get(k)
            if v and nows(v) not in flat:
                bad(f"{k} {v!r} not found")
        for a in lab["authors"]:
            if nows(a) not in flat:
                bad(f"author {a!r} not found")
        if lab["phone"]:
            digits = lab["phone"].replace("-", "")
            if digits not in flat_phone:
                bad(f"phone {lab['phone']!r} not found")
            if not re.fullmatch(r"1\d{10}|0\d{2,3}-\d{7,8}(-\d{1,5})?", lab["phone"]):
                bad(f"phone {lab['phone']!r} not normalised")
        for c in lab["captions"]:
            if c is not None and nows(c) not in flat:
                bad(f"caption {c!r} not found")

        # photos
        n_photos = len(info["photos"])
        if len(lab["captions"]) != lab["photo_count"]:
            bad("len(captions) != photo_count")
        if out in ("accepted", "incomplete", "held") and n_photos != lab["photo_count"]:
            bad(f"photo_count {lab['photo_count']} but {n_photos} distinct photos found")

        # reasons
        if lab["reason"] == "unreadable_manuscript" and (not info["unreadable"] or info["docs"]):
            bad(f"unreadable label but unreadable={info['unreadable']} docs={info['docs']}")
        if lab["reason"] == "no_manuscript" and (info["docs"] or n_photos == 0):
            bad("no_manuscript label but a document was found / no photos")
        if lab["reason"] == "auto_reply" and not msg.get("Auto-Submitted", "").startswith("auto-"):
            bad("auto_reply without Auto-Submitted")
        if out in ("accepted", "incomplete") and lab["format"] != "body" and not info["docs"]:
            bad("no readable manuscript attachment")
        print(f"ok  {name:62s} {out:10s} photos={n_photos}" if not any(e.startswith(name) for e in errors)
              else f"ERR {name}")
    if len(domains) < 10:
        errors.append(f"only {len(domains)} From domains")
    print(f"{len(files)} mails, {len(domains)} From domains")
    for e in errors:
        print("  " + e)
    print("FAILED" if errors else "all checks passed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
