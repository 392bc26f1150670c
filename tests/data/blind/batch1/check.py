#!/usr/bin/env python3
"""Self-check of blind batch 1 (not the extractor).

Parses every .eml with the stdlib email parser, extracts text with simple code of its own
(python-docx, catdoc, pypdf, codecs) and checks that every labelled value occurs in the mail,
that photo counts and caption lists add up, and that outcome/missing are consistent.
Usage (from /work/main):  .venv/bin/python tests/data/blind/batch1/check.py
"""
import email
import email.header
import email.policy
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = ["title", "source_unit", "authors", "phone"]
WS = re.compile(r"[\s\u3000]+")


def dec_charset(cs):
    cs = (cs or "").lower()
    return "gb18030" if cs in ("gbk", "gb2312", "gb18030", "x-gbk") else (cs or "utf-8")


def dec_words(s):
    if s is None:
        return ""
    s = re.sub(r"\?=\s+=\?", "?==?", str(s))
    out = []
    for b, cs in email.header.decode_header(s):
        out.append(b.decode(dec_charset(cs)) if isinstance(b, bytes) else b)
    return "".join(out)


def strip_html(h):
    h = re.sub(r"(?is)<(style|script).*?</\1>", "", h)
    h = re.sub(r"(?i)<br\s*/?>|</(div|p|tr|td)>", "\n", h)
    return html.unescape(re.sub(r"<[^>]+>", "", h))


def docx_text(data):
    import docx
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append("\t".join(c.text for c in row.cells))
    z = zipfile.ZipFile(io.BytesIO(data))
    media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    return "\n".join(parts), media


def doc_text(data):
    with tempfile.NamedTemporaryFile(suffix=".doc") as f:
        f.write(data)
        f.flush()
        r = subprocess.run(["catdoc", "-d", "utf-8", f.name], capture_output=True)
    return r.stdout.decode("utf-8", "replace")


def pdf_text(data):
    import pypdf
    r = pypdf.PdfReader(io.BytesIO(data))
    txt, imgs = [], []
    for pg in r.pages:
        txt.append(pg.extract_text() or "")
        for im in pg.images:
            imgs.append(im.data)
    return "\n".join(txt), imgs


def extract(path):
    """-> (text, photos(list of bytes), problems)"""
    raw = open(path, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    texts, photos, problems = [], [], []
    texts.append(dec_words(msg["Subject"]))
    texts.append(dec_words(msg["From"]))
    for p in msg.walk():
        if p.is_multipart():
            continue
        ctype = p.get_content_type()
        fname = p.get_param("filename", header="content-disposition") or p.get_param("name")
        if isinstance(fname, tuple):           # RFC 2231
            fname = email.utils.collapse_rfc2231_value(fname)
        fname = dec_words(fname) if fname else None
        payload = p.get_payload(decode=True) or b""
        disp = (p.get("Content-Disposition") or "").split(";")[0].strip().lower()
        if fname:
            texts.append(fname)
        ext = fname.rsplit(".", 1)[-1].lower() if fname and "." in fname else ""
        if ctype == "text/plain" and disp != "attachment":
            texts.append(payload.decode(dec_charset(p.get_content_charset())))
        elif ctype == "text/html" and disp != "attachment":
            texts.append(strip_html(payload.decode(dec_charset(p.get_content_charset()))))
        elif ctype.startswith("image/") or ext in ("jpg", "jpeg"):
            photos.append(payload)
        elif ext == "docx":
            try:
                t, media = docx_text(payload)
                texts.append(t)
                photos.extend(media)
            except Exception as e:  # noqa: BLE001
                problems.append("docx unreadable: %s" % type(e).__name__)
        elif ext in ("doc", "wps"):
            if not payload.startswith(b"\xd0\xcf\x11\xe0"):
                problems.append("doc unreadable: no OLE signature")
            else:
                texts.append(doc_text(payload))
        elif ext == "pdf":
            t, imgs = pdf_text(payload)
            texts.append(t)
            photos.extend(imgs)
        elif ext == "txt":
            try:
                texts.append(payload.decode("utf-8"))
            except UnicodeDecodeError:
                texts.append(payload.decode("gb18030"))
        else:
            problems.append("unhandled part %s %s" % (ctype, fname))
    return "\n".join(texts), photos, problems, msg


def norm(s):
    return WS.sub("", unicodedata.normalize("NFKC", s))


def has(text, value):
    return norm(value) in norm(text)


def has_phone(text, phone):
    want = re.sub(r"\D", "", phone)
    for line in text.splitlines():
        if want in re.sub(r"\D", "", unicodedata.normalize("NFKC", line)):
            return True
    return False


def main():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    emls = sorted(f for f in os.listdir(HERE) if f.endswith(".eml"))
    errors = []
    if sorted(labels) != emls:
        errors.append("labels/eml mismatch: %s" % sorted(set(labels) ^ set(emls)))
    for name in emls:
        lab = labels.get(name)
        if lab is None:
            continue
        text, photos, problems, msg = extract(os.path.join(HERE, name))
        err = lambda m: errors.append("%s: %s" % (name, m))  # noqa: E731
        if msg.defects:
            err("parser defects %r" % msg.defects)
        if msg["To"] is None or "tougao@localhost" not in msg["To"]:
            err("not addressed to tougao@localhost")
        keys = ["outcome", "reason", "missing", "title", "source_unit", "authors", "phone", "reviewer",
                "photo_count", "captions", "photo_credit", "format", "client", "placement"]
        for k in keys:
            if k not in lab:
                err("label lacks %s" % k)
        oc = lab["outcome"]
        if oc in ("ignored", "rejected"):
            if any(lab[k] for k in ("title", "source_unit", "authors", "phone", "reviewer", "captions", "missing")) \
                    or lab["photo_count"] != 0:
                err("ignored/rejected case carries draft fields")
            if lab["reason"] == "unreadable_manuscript" and not any("unreadable" in p for p in problems):
                err("manuscript is readable")
            if lab["reason"] == "no_manuscript" and (len(norm(text)) > 200):
                err("no_manuscript case has much text")
            continue
        problems = [p for p in problems if "unhandled" in p or "unreadable" in p]
        if problems:
            err("problems %s" % problems)
        miss = [f for f in REQUIRED if not lab[f]]
        if miss != lab["missing"]:
            err("missing %s != null fields %s" % (lab["missing"], miss))
        if (oc == "accepted") != (not miss):
            err("outcome %s inconsistent with missing %s" % (oc, miss))
        for f in ("title", "source_unit", "reviewer", "photo_credit"):
            if lab[f] and not has(text, lab[f]):
                err("%s %r not found" % (f, lab[f]))
        for a in lab["authors"]:
            if not has(text, a):
                err("author %r not found" % a)
            if WS.search(a):
                err("author %r has spaces" % a)
        if lab["phone"]:
            ph = lab["phone"]
            if not re.fullmatch(r"1\d{10}|0\d{2,3}-\d{7,8}(转\d+)?", ph):
                err("phone %r not normalised" % ph)
            if not has_phone(text, ph):
                err("phone %r not found" % ph)
        distinct = {hashlib.sha256(p).hexdigest() for p in photos}
        if len(distinct) != lab["photo_count"]:
            err("photo_count %d but %d distinct images" % (lab["photo_count"], len(distinct)))
        if len(lab["captions"]) != lab["photo_count"]:
            err("captions length != photo_count")
        for c in lab["captions"]:
            if c is not None and not has(text, c):
                err("caption %r not found" % c)
    for e in errors:
        print("FAIL", e)
    print("%d mails checked, %d problems" % (len(emls), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
