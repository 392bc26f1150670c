#!/usr/bin/env python3
"""Sanity-check generated mails against their labels (generator self-test, not the extractor).

For every labelled mail: parse it (stdlib, GB labels widened to GB18030), decode attachment
names, pull plain text out of every manuscript (.docx/.doc/.wps/.pdf/.txt/.zip/.rar/.7z/winmail.dat/body) with
simple independent code, and check that each labelled value (title, unit, authors, phone
digits, reviewer, captions) really occurs in the mail, and that the photo count is plausible.

    .venv/bin/python tests/data/verify_corpus.py tests/data/corpus examples
"""


from __future__ import annotations

import email
import email.policy
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

_GB = re.compile(rb"(=\?|charset=\"?|\*=)(gb2312|gbk|x-gbk|euc-cn)(?=[?\"';\s])", re.I)


def widen(raw: bytes) -> bytes:
    return _GB.sub(lambda m: m.group(1) + b"gb18030", raw)


def filename(part) -> str:
    fn = part.get_filename() or ""
    if "\ufffd" in fn or not fn:
        for name, value in part.raw_items():
            if name.lower() in ("content-disposition", "content-type"):
                b = str(value).encode("ascii", "surrogateescape") if isinstance(value, str) else value
                m = re.search(rb'name="([^"]+)"', b)
                if m:
                    try:
                        return m.group(1).decode("gb18030")
                    except UnicodeDecodeError:
                        pass
    return fn


def docx_text(data: bytes) -> tuple[str, int]:
    import docx

    d = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in d.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in d.paragraphs] + cells)
    n = sum(len(p._p.xpath(".//a:blip/@r:embed")) for p in d.paragraphs)
    return text, n


def soffice_text(data: bytes, ext: str) -> tuple[str, int]:
    with tempfile.TemporaryDirectory() as t:
        p = os.path.join(t, "x." + ext)
        with open(p, "wb") as f:
            f.write(data)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{t}/prof", "--convert-to", "docx",
                        "--outdir", t, p], check=True, capture_output=True)
        with open(os.path.join(t, "x.docx"), "rb") as f:
            return docx_text(f.read())


def pdf_text(data: bytes) -> tuple[str, int]:
    from pypdf import PdfReader

    r = PdfReader(io.BytesIO(data))
    if r.is_encrypted:
        raise ValueError("encrypted")
    return "\n".join(p.extract_text() for p in r.pages), len({im.data for p in r.pages for im in p.images})


def txt(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for cs in ("utf-8", "gb18030"):
        try:
            return data.decode(cs)
        except UnicodeDecodeError:
            pass
    raise ValueError("undecodable")


def analyse(raw: bytes) -> dict:
    msg = email.message_from_bytes(widen(raw), policy=email.policy.default)
    info = {"subject": str(msg["subject"] or ""), "text": "", "manuscript": "", "images": [], "names": []}
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        fn = filename(part)
        if fn:
            info["names"].append(fn)
        data = part.get_payload(decode=True) or b""
        if not fn and ctype in ("text/plain", "text/html"):
            cs = (part.get_content_charset() or "utf-8").replace("gb2312", "gb18030")
            t = data.decode(cs)
            if ctype == "text/html":
                t = re.sub(r"<[^>]+>", "\n", t)
            info["text"] += t + "\n"
            continue
        ext = fn.rsplit(".", 1)[-1].lower() if "." in fn else ""
        if ctype.startswith("image/") or ext in ("jpg", "jpeg"):
            info["images"].append(data)
        elif ext == "docx":
            t, n = docx_text(data)
            info["manuscript"] += t
            info["embedded"] = info.get("embedded", 0) + n
        elif ext in ("doc", "wps"):
            t, n = soffice_text(data, ext)
            info["manuscript"] += t
            info["embedded"] = info.get("embedded", 0) + n
        elif ext == "pdf":
            t, n = pdf_text(data)
            info["manuscript"] += t
            info["embedded"] = info.get("embedded", 0) + n
        elif ext == "txt":
            info["manuscript"] += txt(data)
        elif ext in ("zip", "rar", "7z", "dat"):
            for name, b in members(ext, data):
                info["names"].append(name)
                if name.endswith(".docx"):
                    t, n = docx_text(b)
                    info["manuscript"] += t
                    info["embedded"] = info.get("embedded", 0) + n
                elif name.endswith(".txt"):
                    info["manuscript"] += txt(b)
                elif name.endswith(".jpg"):
                    info["images"].append(b)
    return info


def members(ext: str, data: bytes) -> list[tuple[str, bytes]]:
    """(name, bytes) of an archive's files: zipfile for .zip, libarchive for .rar/.7z, tnefparse for winmail.dat."""
    out = []
    if ext == "zip":
        z = zipfile.ZipFile(io.BytesIO(data))
        for zi in z.infolist():
            name = zi.filename
            if not zi.flag_bits & 0x800:
                name = name.encode("cp437").decode("gbk")
            if zi.file_size > 50 << 20 or ".." in name:
                raise ValueError("unsafe zip member " + name)
            out.append((name, z.read(zi)))
        return out
    if ext == "dat":  # Outlook winmail.dat
        from tnefparse import TNEF

        return [(a._name.rstrip(b"\x00").decode("gbk"), a.data) for a in TNEF(data).attachments]
    import libarchive
    import libarchive.ffi

    with libarchive.memory_reader(data) as archive:
        for entry in archive:
            raw = libarchive.ffi.entry_pathname(entry._entry_p)
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:
                name = raw.decode("gbk")
            out.append((name, b"".join(entry.get_blocks())))
    return out


def squash(s: str) -> str:
    return re.sub(r"[\s\u3000\-]", "", s)


def check(path: str, lab: dict) -> list[str]:
    with open(path, "rb") as f:
        raw = f.read()
    errs = []
    try:
        info = analyse(raw)
    except Exception as e:
        if lab["outcome"] == "rejected" and lab["reason"] in ("unreadable_manuscript", "unsafe_attachment"):
            return []
        return [f"analyse failed: {e!r}"]
    if lab["outcome"] == "rejected" and lab["reason"] in ("unreadable_manuscript", "unsafe_attachment"):
        errs.append("expected the manuscript to be unreadable/unsafe")
    hay = squash(info["subject"] + "\n" + info["text"] + "\n" + info["manuscript"] + "\n" + "\n".join(info["names"]))
    for k in ("title", "source_unit", "reviewer"):
        if lab.get(k) and squash(lab[k]) not in hay:
            errs.append(f"{k} {lab[k]!r} not found")
    for a in lab.get("authors", []):
        if a not in hay:
            errs.append(f"author {a!r} not found")
    if lab.get("phone") and squash(lab["phone"]) not in hay:
        errs.append(f"phone {lab['phone']!r} not found")
    for c in lab.get("captions", []):
        if c and squash(c) not in hay:
            errs.append(f"caption {c!r} not found")
    if "\ufffd" in hay:
        errs.append("U+FFFD in decoded text")
    distinct = len(set(info["images"]))
    emb = info.get("embedded", 0)
    if lab["outcome"] in ("accepted", "incomplete", "held"):
        seen = max(distinct, emb) if distinct and emb and distinct == emb else distinct + emb
        if seen != lab["photo_count"]:
            errs.append(f"photo_count {lab['photo_count']} but found {distinct} separate + {emb} embedded")
    return errs


def main() -> int:
    bad = 0
    for d in sys.argv[1:]:
        lp = os.path.join(d, "labels.json")
        if not os.path.exists(lp):
            lp = os.path.join(d, "expected.json")
        with open(lp, encoding="utf-8") as f:
            labels = json.load(f)
        for name, lab in labels.items():
            errs = check(os.path.join(d, name), lab)
            if errs:
                bad += 1
                print(f"FAIL {d}/{name}: " + "; ".join(errs))
        print(f"{d}: {len(labels)} checked")
    print("OK" if not bad else f"{bad} failing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
