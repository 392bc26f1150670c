#!/usr/bin/env python3
"""Self-check of batch 2 (not the extractor): every .eml parses with the stdlib `email`
parser, and every labelled value occurs in the mail's decoded text or its documents.

    .venv/bin/python tests/data/blind/batch2/check.py

Needs python-docx, pypdf and LibreOffice (for .doc/.wps text).
"""
from __future__ import annotations

import email
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
from email.header import decode_header, make_header

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = ["title", "source_unit", "authors", "phone"]


def dec_header(v: str) -> str:
    v = str(v)
    v = re.sub(r'"(=\?[^"]*\?=)"', r"\1", v)  # Coremail/QQ put encoded words inside quotes
    if "=?" in v:
        v = str(make_header(decode_header(v.replace("gb2312", "gb18030").replace("GB2312", "gb18030")
                                          .replace("?GBK?", "?gb18030?"))))
    return v


def charset_of(part) -> str:
    cs = (part.get_content_charset() or "utf-8").lower()
    return "gb18030" if cs in ("gbk", "gb2312", "gb18030") else cs


def html_text(s: str) -> str:
    s = re.sub(r"(?is)<(style|script).*?</\1>", "", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</td>", "\n", s)
    return html.unescape(re.sub(r"<[^>]+>", "", s))


def soffice_text(data: bytes, ext: str) -> str:
    tmp = tempfile.mkdtemp(prefix="b2-check-")
    src = os.path.join(tmp, "in." + ext)
    with open(src, "wb") as f:
        f.write(data)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                    "--infilter=MS Word 97", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    with open(os.path.join(tmp, "in.txt"), encoding="utf-8-sig") as f:
        return f.read()


def docx_text_and_images(data: bytes):
    import docx
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append("\t".join(c.text for c in row.cells))
    z = zipfile.ZipFile(io.BytesIO(data))
    imgs = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    return "\n".join(parts), imgs


def pdf_text(data: bytes) -> str:
    import pypdf
    r = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() or "" for p in r.pages)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)


def extract(path):
    raw = open(path, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    problems = []
    for part in msg.walk():
        for d in part.defects:
            problems.append(f"defect {type(d).__name__}")
    texts = [dec_header(msg["Subject"] or ""), dec_header(msg["From"] or "")]
    photos, docs = [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        fn = part.get_filename()
        fn = dec_header(fn) if fn else None
        payload = part.get_payload(decode=True) or b""
        ctype = part.get_content_type()
        if fn is None and ctype.startswith("text/"):
            t = payload.decode(charset_of(part))
            texts.append(html_text(t) if ctype == "text/html" else t)
            continue
        ext = (fn or "").rsplit(".", 1)[-1].lower()
        docs.append((fn, ext, len(payload)))
        if ext in ("jpg", "jpeg"):
            photos.append((fn, payload))
        elif ext == "docx":
            try:
                t, imgs = docx_text_and_images(payload)
                texts.append(t)
                photos.extend((f"{fn}#{i}", b) for i, b in enumerate(imgs))
            except Exception as e:  # corrupt cases
                docs[-1] = (fn, ext, len(payload), f"unreadable: {type(e).__name__}")
        elif ext in ("doc", "wps"):
            if payload[:8] == bytes.fromhex("d0cf11e0a1b11ae1"):
                texts.append(soffice_text(payload, "doc"))
            else:
                docs[-1] = (fn, ext, len(payload), "unreadable: no OLE header")
        elif ext == "pdf":
            texts.append(pdf_text(payload))
        elif ext == "txt":
            texts.append(payload.decode("gb18030"))
    return msg, "\n".join(texts), photos, docs, problems


def main():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    emls = sorted(f for f in os.listdir(HERE) if f.endswith(".eml"))
    errors = []
    if sorted(labels) != emls:
        errors.append(f"labels/eml mismatch: {set(labels) ^ set(emls)}")
    all_photo_hashes = {}
    for fn in emls:
        lab = labels[fn]
        msg, text, photos, docs, problems = extract(os.path.join(HERE, fn))
        errors += [f"{fn}: {p}" for p in problems]
        if msg["To"] is None or "tougao@localhost" not in msg["To"]:
            errors.append(f"{fn}: To is not tougao@localhost")
        if not msg["Message-ID"] and not msg["Message-Id"]:
            errors.append(f"{fn}: no Message-ID")
        nt = norm(text)
        hashes = []
        for name, data in photos:
            hsh = hashlib.sha256(data).hexdigest()
            if hsh not in hashes:
                hashes.append(hsh)
            if hsh in all_photo_hashes and all_photo_hashes[hsh] != fn:
                errors.append(f"{fn}: photo {name} identical to one in {all_photo_hashes[hsh]}")
            all_photo_hashes.setdefault(hsh, fn)
        # label consistency
        missing_expected = [k for k in REQUIRED if not lab[k]]
        if lab["outcome"] in ("accepted", "incomplete", "held"):
            if lab["missing"] != missing_expected:
                errors.append(f"{fn}: missing {lab['missing']} != {missing_expected}")
            if (lab["outcome"] == "accepted") != (not missing_expected):
                errors.append(f"{fn}: outcome {lab['outcome']} inconsistent with missing")
            if lab["photo_count"] != len(hashes):
                errors.append(f"{fn}: photo_count {lab['photo_count']} but {len(hashes)} distinct photos found")
            if len(lab["captions"]) != lab["photo_count"]:
                errors.append(f"{fn}: captions/photo_count mismatch")
            values = [lab["title"], lab["source_unit"], lab["reviewer"], lab["photo_credit"]] + lab["authors"] \
                + [c for c in lab["captions"] if c]
            for v in values:
                if v and norm(v) not in nt:
                    errors.append(f"{fn}: value {v!r} not found in the mail")
            if lab["phone"]:
                digits = re.sub(r"\D", "", lab["phone"])
                if digits not in re.sub(r"\D", "", unicodedata.normalize("NFKC", text)):
                    errors.append(f"{fn}: phone {lab['phone']} not found")
                if not re.fullmatch(r"1\d{10}|0\d{2,3}-\d{7,8}(-\d{1,5})?", lab["phone"]):
                    errors.append(f"{fn}: phone {lab['phone']} not normalised")
        else:
            empty = all(not lab[k] for k in ("title", "source_unit", "authors", "phone", "reviewer", "captions"))
            if not empty or lab["photo_count"] != 0 or lab["missing"]:
                errors.append(f"{fn}: {lab['outcome']} label must have empty draft fields")
            if lab["reason"] == "unreadable_manuscript":
                if not any(len(d) == 4 or d[2] == 0 for d in docs):
                    errors.append(f"{fn}: manuscript is readable but labelled unreadable")
        print(f"{fn:48s} {lab['outcome']:10s} photos={len(hashes)} docs={[(d[0], d[2]) + tuple(d[3:]) for d in docs]}")
    print()
    if errors:
        print("\n".join(errors))
        print(f"{len(errors)} problems")
        sys.exit(1)
    print(f"OK: {len(emls)} mails parse and every labelled value occurs in its mail")


if __name__ == "__main__":
    main()
