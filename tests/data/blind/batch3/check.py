#!/usr/bin/env python3
"""Self-check for blind batch 3 (independent of the extractor).

    .venv/bin/python tests/data/blind/batch3/check.py

For every .eml: it parses with the stdlib parser without defects; every labelled
value (title, source_unit, each author, reviewer, phone digits, captions) occurs in
the decoded mail text, attachment names or extracted document text; photo_count
equals the number of distinct images; label fields are self-consistent; and the
manuscripts of the unreadable cases really cannot be opened.
"""
from __future__ import annotations

import email
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from email.header import decode_header
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf

HERE = Path(__file__).resolve().parent
REQ = ("title", "source_unit", "authors", "phone")
CS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "utf-8": "utf-8", "utf8": "utf-8"}


def dec_bytes(b: bytes, cs: str | None) -> str:
    if cs:
        return b.decode(CS.get(cs.lower(), cs.lower()), "strict")
    for c in ("utf-8", "gb18030"):
        try:
            return b.decode(c)
        except UnicodeDecodeError:
            pass
    return b.decode("latin-1")


def dec_header(v: str | None) -> str:
    if not v:
        return ""
    v = re.sub(r"\r?\n[ \t]", " ", str(v))
    # encoded words inside quotes (Coremail / QQ / Foxmail)
    v = re.sub(r'"(=\?[^"]*\?=)"', r"\1", v)
    out = []
    for chunk, cs in decode_header(v):
        out.append(dec_bytes(chunk, cs) if isinstance(chunk, bytes) else chunk)
    return "".join(out)


class Strip(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = []

    def handle_data(self, d):
        self.out.append(d)

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "div", "br", "tr"):
            self.out.append("\n")


def html_text(h: str) -> str:
    s = Strip()
    s.feed(h)
    return "".join(s.out)


def docx_text(data: bytes):
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append("\t".join(c.text for c in row.cells))
    imgs = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for n in z.namelist():
            if n.startswith("word/media/"):
                imgs.append(z.read(n))
    return "\n".join(parts), imgs


def lo_text(data: bytes, ext: str) -> str:
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / ("m." + ext)
        src.write_bytes(data)
        if ext == "wps":  # LibreOffice sniffs the content; give it the .doc name it really is
            src = src.rename(Path(td) / "m.doc")
        r = subprocess.run(["/usr/bin/soffice", "-env:UserInstallation=file://%s/p" % td, "--headless",
                            "--convert-to", "txt:Text (encoded):UTF8", "--outdir", td, str(src)],
                           capture_output=True, timeout=240)
        out = Path(td) / "m.txt"
        if r.returncode or not out.exists():
            raise ValueError("LibreOffice could not read it")
        return out.read_text("utf-8-sig")


def pdf_text(data: bytes):
    r = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in r.pages)
    imgs = {}
    for p in r.pages:
        for im in p.images:
            imgs[hashlib.sha256(im.data).hexdigest()] = im.data
    return text, list(imgs.values())


def analyse(path: Path):
    raw = path.read_bytes()
    msg = email.message_from_bytes(raw)
    problems, texts, images, names, docs = [], [], [], [], []
    body = []
    texts.append(dec_header(msg["Subject"]))
    texts.append(dec_header(msg["From"]))
    for part in msg.walk():
        if part.defects:
            problems.append("defects %s in %s" % (part.defects, part.get_content_type()))
        if part.is_multipart():
            continue
        fn = part.get_filename()
        fn = dec_header(fn) if fn else None
        payload = part.get_payload(decode=True) or b""
        ctype = part.get_content_type()
        if fn:
            names.append(fn)
            low = fn.lower()
            ext = low.rsplit(".", 1)[-1]
            if ext in ("jpg", "jpeg"):
                images.append(payload)
                continue
            try:
                if ext == "docx":
                    t, im = docx_text(payload)
                    images += im
                elif ext in ("doc", "wps"):
                    if not payload.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
                        raise ValueError("not an OLE2 compound file")
                    t = lo_text(payload, ext)
                elif ext == "pdf":
                    t, im = pdf_text(payload)
                    images += im
                elif ext == "txt":
                    t = dec_bytes(payload, part.get_content_charset())
                else:
                    t = ""
                docs.append((fn, True))
                texts.append(t)
            except Exception:
                docs.append((fn, False))
        elif ctype == "text/plain":
            texts.append(dec_bytes(payload, part.get_content_charset()))
            body.append(texts[-1])
        elif ctype == "text/html":
            texts.append(html_text(dec_bytes(payload, part.get_content_charset())))
            body.append(texts[-1])
    content = "\n".join(texts[2:] + names)  # without Subject and From
    return msg, problems, "\n".join(texts + names), images, names, docs, "\n".join(body), content


def nows(s: str) -> str:
    return re.sub(r"[\s\u3000]+", "", s)


def digits(s: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", s))


def main() -> int:
    labels = json.loads((HERE / "labels.json").read_text("utf-8"))
    emls = sorted(p.name for p in HERE.glob("*.eml"))
    fails = []
    if sorted(labels) != emls:
        fails.append("labels.json keys != .eml files")
    for name in emls:
        lab = labels.get(name)
        if lab is None:
            continue
        msg, problems, hay, images, names, docs, body, content = analyse(HERE / name)
        errs = list(problems)
        # title, authors, phone, captions must come from the body/documents, not the Subject;
        # the unit may come from a 【单位】/单位+标题 Subject.
        flat = content.replace("\r", "").replace("\n", "")
        squeezed = nows(content)
        out, missing = lab["outcome"], lab["missing"]
        vals = {"title": lab["title"], "source_unit": lab["source_unit"], "authors": lab["authors"],
                "phone": lab["phone"]}
        if out in ("accepted", "incomplete"):
            want = [k for k in REQ if not vals[k]]
            if missing != want:
                errs.append("missing %s != %s" % (missing, want))
            if (out == "accepted") != (not want):
                errs.append("outcome does not match missing")
            if lab["reason"] is not None:
                errs.append("reason must be null")
        else:
            if any(vals.values()) or lab["reviewer"] or lab["captions"] or lab["photo_count"] != 0 or missing:
                errs.append("%s case must have empty draft fields" % out)
        if lab["title"] and lab["title"] not in flat:
            errs.append("title not found: %s" % lab["title"])
        for key in ("source_unit", "reviewer"):
            if lab[key] and lab[key] not in hay:
                errs.append("%s not found: %s" % (key, lab[key]))
        for a in lab["authors"]:
            if a not in squeezed:
                errs.append("author not found: %s" % a)
            if re.search(r"[\s\u3000、，,；;/]", a):
                errs.append("author has separator: %r" % a)
        if lab["phone"]:
            if not re.fullmatch(r"1\d{10}|0\d{2,3}-\d{7,8}(-\d{1,5})?", lab["phone"]):
                errs.append("phone not normalised: %s" % lab["phone"])
            if lab["phone"].replace("-", "") not in digits(content):
                errs.append("phone digits not found: %s" % lab["phone"])
        if lab["photo_credit"] and lab["photo_credit"] not in hay:
            errs.append("photo_credit not found")
        if len(lab["captions"]) != lab["photo_count"]:
            errs.append("captions length != photo_count")
        for c in lab["captions"]:
            if c is not None and c not in content:
                errs.append("caption not found: %s" % c)
        distinct = {hashlib.sha256(i).hexdigest() for i in images}
        if out in ("accepted", "incomplete", "held") and len(distinct) != lab["photo_count"]:
            errs.append("photo_count %d but %d distinct images" % (lab["photo_count"], len(distinct)))
        if lab["reason"] == "unreadable_manuscript":
            if not docs or any(ok for _, ok in docs):
                errs.append("unreadable case but a manuscript opened: %s" % docs)
        elif out in ("accepted", "incomplete") and docs and not all(ok for _, ok in docs):
            errs.append("manuscript failed to open: %s" % docs)
        if lab["reason"] == "no_manuscript" and (docs or nows(body).replace("发自我的iPhone", "")):
            errs.append("no_manuscript case has text/documents")
        if msg["To"] is None or "tougao@localhost" not in msg["To"]:
            errs.append("To is not tougao@localhost")
        if not msg["Message-ID"] and not msg["Message-Id"]:
            errs.append("no Message-ID")
        status = "ok " if not errs else "BAD"
        print("%s %s  (%s, %d img)" % (status, name, out, len(distinct)))
        for e in errs:
            print("      - " + e)
        fails += ["%s: %s" % (name, e) for e in errs]
    print("\n%d mails, %d problems" % (len(emls), len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
