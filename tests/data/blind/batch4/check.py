#!/usr/bin/env python3
"""Self-check for the batch4 blind corpus (not the extractor).

  .venv/bin/python tests/data/blind/batch4/check.py

* every .eml parses with the stdlib parser (compat32 and policy.default);
* labels.json is consistent with the README rules (outcome/reason/missing/nulls/counts);
* every labelled title, unit, author, reviewer and caption occurs in the decoded mail text,
  its documents or its attachment names (whitespace-insensitive, NFKC), phone digits occur;
* photo_count equals the number of distinct images (attachments, cid, docx media, pdf XObjects);
* the unreadable cases really are unreadable, and every phone number uses the dummy ranges.
"""
import email
import email.policy
import hashlib
import html
import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from email.header import decode_header
from email.utils import collapse_rfc2231_value
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIRED = ["title", "source_unit", "authors", "phone"]
OUTCOMES = {"accepted", "incomplete", "rejected", "ignored", "held"}
REASONS = {None, "auto_reply", "bounce", "loop", "no_manuscript", "unreadable_manuscript",
           "unsupported_attachment", "unsafe_attachment", "external_link", "secrecy_marker"}
KEYS = ["outcome", "reason", "missing", "title", "source_unit", "authors", "phone", "reviewer",
        "photo_count", "captions", "photo_credit", "format", "client", "placement"]


def cs_codec(cs):
    cs = (cs or "").lower()
    if cs in ("gb2312", "gbk", "gb18030", "x-gbk", "euc-cn"):
        return "gb18030"
    return cs or None


def dec_bytes(b, cs=None):
    c = cs_codec(cs)
    if c:
        return b.decode(c)
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("gb18030")


def dec_words(s):
    if s is None:
        return None
    s = re.sub(r"\r?\n[ \t]", " ", str(s))
    if "=?" not in s:
        return s
    out = []
    for chunk, cs in decode_header(s):
        out.append(chunk.decode(cs_codec(cs) or "ascii") if isinstance(chunk, bytes) else chunk)
    return "".join(out)


def filename_of(part):
    for key, hdr in (("filename", "content-disposition"), ("name", "content-type")):
        v = part.get_param(key, header=hdr)
        if v:
            if isinstance(v, tuple):
                v = collapse_rfc2231_value(v)
            return dec_words(v)
    return None


def html_text(s):
    s = re.sub(r"(?is)<(style|script|head)[^>]*>.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</td>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def docx_read(data):
    from docx import Document
    z = zipfile.ZipFile(io.BytesIO(data))  # raises on truncated / empty
    imgs = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    d = Document(io.BytesIO(data))
    lines = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            lines.append(" ".join(c.text for c in row.cells))
    return "\n".join(lines), imgs


def doc_read(data, ext):
    if data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValueError("no OLE2 header")
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / ("in." + ext if ext == "doc" else "in.doc")
        src.write_bytes(data)
        subprocess.run(["/usr/bin/soffice", "--headless", "-env:UserInstallation=file://%s/p" % td,
                        "--convert-to", "txt:Text (encoded):UTF8", "--outdir", td, str(src)],
                       check=True, capture_output=True, timeout=300)
        return (Path(td) / "in.txt").read_text(encoding="utf-8-sig"), []


def pdf_read(data):
    from pypdf import PdfReader
    r = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in r.pages)
    imgs = []
    for p in r.pages:
        for im in p.images:
            imgs.append(im.data)
    return text, imgs


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def analyse(path):
    raw = path.read_bytes()
    email.message_from_bytes(raw, policy=email.policy.default).walk()  # must not raise
    msg = email.message_from_bytes(raw)
    info = {"texts": [], "names": [], "images": {}, "docs": [], "errors": [], "headers": msg}
    info["texts"].append(dec_words(msg["Subject"]) or "")
    info["texts"].append(dec_words(msg["From"]) or "")
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        name = filename_of(part)
        data = part.get_payload(decode=True) or b""
        ext = name.rsplit(".", 1)[-1].lower() if name and "." in name else ""
        if name:
            info["names"].append(name)
        if ctype.startswith("image/") or ext in ("jpg", "jpeg", "png"):
            from PIL import Image
            Image.open(io.BytesIO(data)).verify()
            info["images"].setdefault(hashlib.sha256(data).hexdigest(), name)
            continue
        if ctype in ("text/plain", "text/html") and not name:
            t = dec_bytes(data, part.get_content_charset())
            info["texts"].append(html_text(t) if ctype == "text/html" else t)
            continue
        try:
            if ext == "docx":
                t, imgs = docx_read(data)
            elif ext in ("doc", "wps"):
                t, imgs = doc_read(data, ext)
            elif ext == "pdf":
                t, imgs = pdf_read(data)
            elif ext == "txt":
                t, imgs = dec_bytes(data), []
            else:
                raise ValueError("unexpected attachment %r" % name)
            info["docs"].append(name)
            info["texts"].append(t)
            for im in imgs:
                info["images"].setdefault(hashlib.sha256(im).hexdigest(), "embedded in " + name)
        except Exception as e:  # noqa: BLE001
            info["errors"].append("%s: %s" % (name, type(e).__name__))
    return info


def main():
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    emls = sorted(p.name for p in HERE.glob("*.eml"))
    problems = []
    if sorted(labels) != emls:
        problems.append("labels.json keys differ from .eml files")

    def bad(name, msg):
        problems.append("%s: %s" % (name, msg))

    for name in emls:
        lab = labels.get(name)
        if lab is None:
            continue
        info = analyse(HERE / name)
        for k in KEYS:
            if k not in lab:
                bad(name, "missing key %s" % k)
        o, r = lab["outcome"], lab["reason"]
        if o not in OUTCOMES or r not in REASONS:
            bad(name, "bad outcome/reason")
        if lab["photo_count"] != len(lab["captions"]):
            bad(name, "photo_count != len(captions)")
        if o in ("ignored", "rejected"):
            if r is None:
                bad(name, "ignored/rejected needs a reason")
            if any(lab[k] for k in ("title", "source_unit", "phone", "reviewer", "authors", "captions",
                                    "missing", "photo_credit")) or lab["photo_count"]:
                bad(name, "ignored/rejected must have empty draft fields")
            if r == "unreadable_manuscript" and not info["errors"]:
                bad(name, "manuscript is readable")
            if r == "no_manuscript" and (info["docs"] or info["errors"] or not info["images"]):
                bad(name, "no_manuscript case has documents or no photos")
            if r == "auto_reply" and not (info["headers"].get("Auto-Submitted", "").startswith("auto-replied")
                                          or info["headers"].get("X-Autoreply")):
                bad(name, "auto-reply headers missing")
            continue
        if info["errors"]:
            bad(name, "unreadable parts in a readable case: %s" % info["errors"])
        absent = [k for k in REQUIRED if not lab[k]]
        if lab["missing"] != absent:
            bad(name, "missing %s but absent fields %s" % (lab["missing"], absent))
        if (o == "accepted") != (not absent) and o != "held":
            bad(name, "outcome %s inconsistent with missing %s" % (o, absent))
        if o == "held" and r != "secrecy_marker":
            bad(name, "held needs secrecy_marker")
        pool = norm("\n".join(info["texts"] + info["names"]))
        digit_pool = re.sub(r"\D", "", unicodedata.normalize("NFKC", "\n".join(info["texts"])))
        for k in ("title", "source_unit", "reviewer", "photo_credit"):
            if lab[k] and norm(lab[k]) not in pool:
                bad(name, "%s %r not found" % (k, lab[k]))
        for a in lab["authors"]:
            if norm(a) not in pool:
                bad(name, "author %r not found" % a)
        for c in lab["captions"]:
            if c is not None and norm(c) not in pool:
                bad(name, "caption %r not found" % c)
        if lab["phone"]:
            ph = lab["phone"]
            if not (re.fullmatch(r"1\d{10}", ph) or re.fullmatch(r"0\d{2,3}-\d{7,8}(-\d{1,5})?", ph)):
                bad(name, "phone %r not in normalised form" % ph)
            if ph.replace("-", "") not in digit_pool:
                bad(name, "phone digits %r not found" % ph)
        if lab["photo_count"] != len(info["images"]):
            bad(name, "photo_count %d but %d distinct images" % (lab["photo_count"], len(info["images"])))

    # all phone-like numbers in all mails use the dummy ranges
    for name in emls:
        info = analyse(HERE / name)
        t = unicodedata.normalize("NFKC", "\n".join(info["texts"]))
        t = re.sub(r"(?<=\d)[ \-—－]+(?=\d)", "", t)
        for mob in re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", t):
            if not mob.startswith("13800136"):
                bad(name, "non-dummy mobile %s" % mob)
        for ll in re.findall(r"(?<!\d)0\d{2,3}\)?\s*\d{7,8}", t):
            d = re.sub(r"\D", "", ll)
            if not (d.startswith("08986688") or d.startswith("05516233")):
                bad(name, "non-dummy landline %s" % ll)

    if problems:
        print("\n".join(problems))
        print("FAILED: %d problem(s)" % len(problems))
        sys.exit(1)
    print("OK: %d mails checked" % len(emls))


if __name__ == "__main__":
    main()
