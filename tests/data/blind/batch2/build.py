#!/usr/bin/env python3
"""Generator of the blind test corpus, batch 2 (34 invented Chinese submission mails).

Run from the repository root:

    .venv/bin/python tests/data/blind/batch2/build.py [--fresh]

Writes NN-name.eml and labels.json next to this file. Needs python-docx, Pillow and
LibreOffice (`soffice`) for the .doc/.wps/.pdf manuscripts. LibreOffice output is not
byte-stable, so converted files are cached in soffice-cache/ (keyed by the SHA-256 of the
source .docx); with the cache present the whole output is byte-identical on every run.
`--fresh` ignores the cache and converts again.

All units, people, events and numbers are invented. Mobiles use 138-0013-9xxx.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from mimekit import (CRLF, Leaf, Multi, TZ, b64body, codec, crlf, date_header, h, hnum,  # noqa: E402
                     message, qpbody, rfc2231, word, words)

FRESH = "--fresh" in sys.argv
CACHE = os.path.join(HERE, "soffice-cache")
TO = "tougao@localhost"

CT = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "wps": "application/vnd.ms-works",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "jpg": "image/jpeg",
}


def kind_of(filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower()
    return {"jpeg": "jpg"}.get(ext, ext)


# --------------------------------------------------------------------------- photos

def make_jpeg(seed: str, size=(320, 240)) -> bytes:
    rnd = random.Random(seed)
    w, hgt = size
    img = Image.new("RGB", size)
    d = ImageDraw.Draw(img)
    c1 = [rnd.randrange(40, 220) for _ in range(3)]
    c2 = [rnd.randrange(40, 220) for _ in range(3)]
    for y in range(hgt):
        t = y / (hgt - 1)
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(c1, c2)))
    for _ in range(rnd.randrange(5, 11)):
        x0, y0 = rnd.randrange(0, w - 40), rnd.randrange(0, hgt - 40)
        x1, y1 = x0 + rnd.randrange(20, 160), y0 + rnd.randrange(20, 120)
        col = tuple(rnd.randrange(0, 256) for _ in range(3))
        if rnd.random() < 0.5:
            d.ellipse([x0, y0, x1, y1], fill=col)
        else:
            d.rectangle([x0, y0, x1, y1], fill=col)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


# --------------------------------------------------------------------------- documents
# A manuscript is a list of blocks:
#   ("title", s)  centred headline         ("p", s)  body paragraph, first-line indent
#   ("l", s)      left, no indent          ("c", s)  centred        ("r", s)  right aligned
#   ("img", seed) embedded photo           ("cap", s) caption line under a photo
#   ("table", [(k, v), ...])               ("blank",)

LATIN = {"font": "Times New Roman"}


def _font(run, east: str, size: float, bold: bool = False):
    run.font.name = LATIN["font"] or east
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.rFonts.set(qn("w:eastAsia"), east)


def _fix_zip(data: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def make_docx(blocks, author="Administrator", when=dt.datetime(2026, 1, 1, 9, 0, 0), title_pt=22) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    for b in blocks:
        kind = b[0]
        if kind == "blank":
            doc.add_paragraph()
            continue
        if kind == "table":
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in b[1]:
                cells = t.add_row().cells
                for cell, txt in zip(cells, (k, v)):
                    cell.paragraphs[0].text = ""
                    _font(cell.paragraphs[0].add_run(txt), "仿宋_GB2312", 14)
            continue
        if kind == "img":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(make_jpeg(b[1])), width=Cm(11))
            continue
        p = doc.add_paragraph()
        text = b[1]
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), "方正小标宋简体", title_pt)
        elif kind == "p":
            p.paragraph_format.first_line_indent = Pt(32)
            p.paragraph_format.line_spacing = Pt(28)
            _font(p.add_run(text), "仿宋_GB2312", 16)
        elif kind == "cap":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), "楷体_GB2312", 14)
        else:
            p.alignment = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER,
                           "r": WD_ALIGN_PARAGRAPH.RIGHT}[kind]
            _font(p.add_run(text), "仿宋_GB2312", 16)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 2
    cp.title = ""
    cp.comments = ""
    out = io.BytesIO()
    doc.save(out)
    return _fix_zip(out.getvalue())


def blocks_to_text(blocks, indent="    ") -> str:
    lines = []
    for b in blocks:
        kind = b[0]
        if kind == "blank":
            lines.append("")
        elif kind == "p":
            lines.append(indent + b[1])
        elif kind == "table":
            lines.extend(f"{k}：{v}" for k, v in b[1])
        elif kind == "img":
            continue
        else:
            lines.append(b[1])
    return "\n".join(lines) + "\n"


USED_CACHE: set[str] = set()


def soffice(docx_bytes: bytes, fmt: str) -> bytes:
    key = hashlib.sha256(docx_bytes + fmt.encode()).hexdigest()[:20]
    cached = os.path.join(CACHE, f"{key}.{fmt}")
    USED_CACHE.add(os.path.basename(cached))
    if os.path.exists(cached) and not FRESH:
        with open(cached, "rb") as f:
            return f.read()
    tmp = tempfile.mkdtemp(prefix="b2-soffice-")
    try:
        src = os.path.join(tmp, "in.docx")
        with open(src, "wb") as f:
            f.write(docx_bytes)
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", fmt, "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        with open(os.path.join(tmp, f"in.{fmt}"), "rb") as f:
            data = f.read()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(CACHE, exist_ok=True)
    with open(cached, "wb") as f:
        f.write(data)
    return data


def manuscript(fmt: str, blocks, **kw) -> bytes:
    if fmt == "docx":
        return make_docx(blocks, **kw)
    if fmt in ("doc", "wps"):
        return soffice(make_docx(blocks, **kw), "doc")
    if fmt == "pdf":
        # One font for CJK and Latin runs (as a Chinese Word user's 仿宋 template has), so that the
        # curly quotes are not set in a separate Latin font run in the PDF.
        LATIN["font"] = None
        try:
            return soffice(make_docx(blocks, title_pt=18, **kw), "pdf")
        finally:
            LATIN["font"] = "Times New Roman"
    if fmt == "txt":  # GBK with CRLF, full-width indents, as Notepad saves "ANSI" on a Chinese Windows
        return crlf(blocks_to_text(blocks, indent="\u3000\u3000")).encode("gb18030")
    raise ValueError(fmt)


# --------------------------------------------------------------------------- clients

def _html_lines(text: str, tag="div") -> str:
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            esc = html.escape(line).replace("  ", "&nbsp;&nbsp;")
            out.append(f"<{tag}>{esc}</{tag}>")
        else:
            out.append(f"<{tag}><br></{tag}>")
    return "".join(out)


def coremail(s, brand="163com", version="XT5.0.14 build 20240801(9da12a7b)"):
    """163/126 webmail and Coremail systems of government units."""
    cs = s.get("charset", "GBK")
    seed = s["name"]
    when = s["date"]
    ms = int(when.replace(tzinfo=TZ).timestamp()) * 1000 + int(hnum(seed + "ms", 3))
    text = crlf(s["text"])
    body_html = s.get("html") or (
        '<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
        + _html_lines(s["text"]) + "</div>")
    alt = Multi("alternative", f"----=_Part_{hnum(seed + 'a', 6)}_{hnum(seed + 'b', 10)}.{ms}", [
        Leaf([f"Content-Type: text/plain; charset={cs}", "Content-Transfer-Encoding: base64"],
             b64body(text.encode(codec(cs)))),
        Leaf([f"Content-Type: text/html; charset={cs}", "Content-Transfer-Encoding: base64"],
             b64body(crlf(body_html).encode(codec(cs)))),
    ], ctype_fold=False)
    parts = []
    for fn, data in s["attachments"]:
        enc = " ".join(words(fn, cs, per=12))
        parts.append(Leaf([
            f"Content-Type: {CT[kind_of(fn)]}; {CRLF}\tname=\"{enc}\"",
            "Content-Transfer-Encoding: base64",
            f"Content-Disposition: attachment; {CRLF}\tfilename=\"{enc}\"",
        ], b64body(data)))
    root = Multi("mixed", f"----=_Part_{hnum(seed + 'c', 6)}_{hnum(seed + 'd', 10)}.{ms}",
                 [alt] + parts, ctype_fold=False) if parts else alt
    addr = s["from_addr"]
    top = [
        f"Date: {date_header(when, cst=True)}",
        f'From: "{word(s["from_name"], cs)}" <{addr}>',
        f"To: {TO}",
        "Subject: " + (CRLF + " ").join(words(s["subject"], cs, per=14)),
        "X-Priority: 3",
        f"X-Mailer: Coremail Webmail Server Version {version}{CRLF} Copyright (c) 2002-2026 www.mailtech.cn {brand}",
    ]
    if brand in ("163com", "126com"):
        top.append(f"X-NTES-SC: AL_Qu2{h(seed + 'sc', 40)}")
    top += s.get("extra_headers", [])
    top += [
        "__CT__",
        "MIME-Version: 1.0",
        f"Message-ID: <{h(seed, 8)}.{h(seed + 'm', 4)}.{h(seed + 'n', 11)}.Coremail.{addr}>",
        "X-Coremail-Locale: zh_CN",
        f"X-CM-TRANSID:{h(seed + 't', 22)}--.{h(seed + 'u', 6)}",
        f"X-Originating-IP: [10.{int(hnum(seed + 'i', 2))}.{int(hnum(seed + 'j', 2))}.{int(hnum(seed + 'k', 2))}]",
    ]
    return message(top, root)


def qqmail(s):
    cs = "gb18030"
    seed = s["name"]
    text = crlf(s["text"])
    body_html = s.get("html") or (
        '<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
        + _html_lines(s["text"]))
    alt = Multi("alternative", f"----=_NextPart_{h(seed + 'a', 8).upper()}_{h(seed + 'b', 8).upper()}_{h(seed + 'c', 8).upper()}", [
        Leaf([f'Content-Type: text/plain;{CRLF}\tcharset="{cs}"', "Content-Transfer-Encoding: base64"],
             b64body(text.encode(cs))),
        Leaf([f'Content-Type: text/html;{CRLF}\tcharset="{cs}"', "Content-Transfer-Encoding: base64"],
             b64body(crlf(body_html).encode(cs))),
    ])
    parts = []
    for fn, data in s["attachments"]:
        enc = word(fn, cs) if any(ord(c) > 127 for c in fn) else fn
        parts.append(Leaf([
            f'Content-Type: application/octet-stream;{CRLF}\tcharset="{cs}";{CRLF}\tname="{enc}"',
            f'Content-Disposition: attachment; filename="{enc}"',
            "Content-Transfer-Encoding: base64",
        ], b64body(data)))
    root = Multi("mixed", f"----=_NextPart_{h(seed + 'd', 8).upper()}_{h(seed + 'e', 8).upper()}_{h(seed + 'f', 8).upper()}",
                 [alt] + parts, preamble="This is a multi-part message in MIME format.") if parts else alt
    if not parts:
        alt.preamble = "This is a multi-part message in MIME format."
    top = [
        f'From: "{word(s["from_name"], cs)}" <{s["from_addr"]}>',
        f'To: "tougao" <{TO}>',
        "Subject: " + word(s["subject"], cs),
        "Mime-Version: 1.0",
        "__CT__",
        "Content-Transfer-Encoding: 8Bit",
        f"Date: {date_header(s['date'])}",
        "X-Priority: 3",
        f"Message-ID: <tencent_{h(seed, 40).upper()}@qq.com>",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    return message(top, root)


def outlook(s):
    """Outlook 2016+ desktop on a unit's own domain: UTF-8 quoted-printable, RFC 2231 names."""
    seed = s["name"]
    domain = s["from_addr"].split("@")[1]
    stamp = h(seed + "x", 12).upper()
    text = s["text"]
    body_html = s.get("html") or (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">'
        '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">'
        '<meta name=Generator content="Microsoft Word 15 (filtered medium)">'
        "<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:等线;}\n"
        "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\tfont-size:10.5pt;\n"
        "\tfont-family:等线;}\n--></style></head>"
        "<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" style='text-justify-trim:punctuation'>"
        "<div class=WordSection1>"
        + "".join(
            f"<p class=MsoNormal>{html.escape(l) if l.strip() else '<span lang=EN-US><o:p>&nbsp;</o:p></span>'}"
            f"{'<span lang=EN-US><o:p></o:p></span>' if l.strip() else ''}</p>"
            for l in text.split("\n"))
        + "</div></body></html>")
    alt = Multi("alternative", f"----=_NextPart_001_0008_01DC{stamp[:4]}.{stamp[4:]}", [
        Leaf(['Content-Type: text/plain;\r\n\tcharset="utf-8"', "Content-Transfer-Encoding: quoted-printable"],
             qpbody(text, "utf-8")),
        Leaf(['Content-Type: text/html;\r\n\tcharset="utf-8"', "Content-Transfer-Encoding: quoted-printable"],
             qpbody(body_html, "utf-8")),
    ])
    parts = []
    for fn, data in s["attachments"]:
        if any(ord(c) > 127 for c in fn):
            ctp, cdp = rfc2231("name", fn), rfc2231("filename", fn)
        else:
            ctp, cdp = f'\tname="{fn}"', f'\tfilename="{fn}"'
        parts.append(Leaf([
            f"Content-Type: {CT[kind_of(fn)]};{CRLF}{ctp}",
            "Content-Transfer-Encoding: base64",
            f"Content-Disposition: attachment;{CRLF}{cdp}",
        ], b64body(data)))
    root = Multi("mixed", f"----=_NextPart_000_0007_01DC{stamp[:4]}.{stamp[4:]}", [alt] + parts,
                 preamble="This is a multipart message in MIME format.") if parts else alt
    top = [
        f"From: {word(s['from_name'], 'utf-8')} <{s['from_addr']}>",
        f"To: <{TO}>",
        "Subject: " + (CRLF + " ").join(words(s["subject"], "utf-8", per=12)),
        f"Date: {date_header(s['date'])}",
        f"Message-ID: <00{h(seed + 'i', 4)}01dc{h(seed + 'j', 4)}${h(seed + 'k', 8)}${h(seed + 'l', 8)}$@{domain}>",
        "MIME-Version: 1.0",
        "__CT__",
        "X-Mailer: Microsoft Outlook 16.0",
        f"Thread-Index: AdzP{h(seed + 'ti', 28)}==",
        "Content-Language: zh-cn",
    ]
    return message(top, root)


def outlook_com(s):
    """Outlook for Android / outlook.com via Exchange Online: UTF-8 base64, RFC 2047 names."""
    seed = s["name"]
    host = f"TYZPR06MB{hnum(seed + 'h', 4)}"
    text = s["text"]
    body_html = s.get("html") or (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
        '<div dir="auto" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt;">'
        + _html_lines(text) + "</div></body></html>")
    alt = Multi("alternative", f"_000_{host}{h(seed + 'b', 20).upper()}_", [
        Leaf(['Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64"],
             b64body(crlf(text).encode("utf-8"))),
        Leaf(['Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: base64"],
             b64body(crlf(body_html).encode("utf-8"))),
    ], ctype_fold=False)
    parts = []
    stamp = (s["date"] - dt.timedelta(hours=8)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    for fn, data in s["attachments"]:
        enc = word(fn, "utf-8") if any(ord(c) > 127 for c in fn) else fn
        parts.append(Leaf([
            f'Content-Type: {CT[kind_of(fn)]}; name="{enc}"',
            f"Content-Description: {enc}",
            f'Content-Disposition: attachment; filename="{enc}"; size={len(data)};{CRLF}'
            f'\tcreation-date="{stamp}";{CRLF}\tmodification-date="{stamp}"',
            "Content-Transfer-Encoding: base64",
        ], b64body(data)))
    root = Multi("mixed", f"_004_{host}{h(seed + 'c', 20).upper()}_", [alt] + parts,
                 ctype_fold=False) if parts else alt
    top = [
        f"From: {word(s['from_name'], 'utf-8')} <{s['from_addr']}>",
        f'To: "{TO}" <{TO}>',
        "Subject: " + (CRLF + " ").join(words(s["subject"], "utf-8", per=12)),
        "Thread-Topic: " + (CRLF + " ").join(words(s["subject"], "utf-8", per=12)),
        f"Thread-Index: AQH{h(seed + 'ti', 24)}",
        f"Date: {date_header(s['date'])}",
        f"Message-ID: <{host}{h(seed, 32).upper()}@{host}.apcprd06.prod.outlook.com>",
        "Accept-Language: zh-CN, en-US",
        "Content-Language: zh-CN",
        f"X-MS-Has-Attach: {'yes' if parts else ''}".rstrip(),
        "X-MS-TNEF-Correlator:",
        "__CT__",
        "MIME-Version: 1.0",
    ]
    return message(top, root)


def foxmail(s):
    """Foxmail 7.2 for Windows: GB2312 labels on GBK text, address signature under a rule."""
    cs = "GB2312"
    seed = s["name"]
    text = s["text"]
    sig = s.get("sig", s["from_addr"])
    plain = text.rstrip("\n") + "\n\n\n\n" + sig + "\n"
    body_html = s.get("html") or (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=GB2312">'
        "<style>body { line-height: 1.5; }body { font-size: 14px; font-family: \"Microsoft YaHei UI\"; "
        "color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>\n"
        + _html_lines(text)
        + '<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
        + f'<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt"><div>{html.escape(sig)}</div></div></span></div>'
        + "\n</body></html>")
    num = hnum(seed + "n", 12)
    alt = Multi("alternative", f"----=_001_NextPart{num}_=----", [
        Leaf([f'Content-Type: text/plain;{CRLF}\tcharset="{cs}"', "Content-Transfer-Encoding: base64"],
             b64body(crlf(plain).encode(codec(cs)))),
        Leaf([f'Content-Type: text/html;{CRLF}\tcharset="{cs}"', "Content-Transfer-Encoding: quoted-printable"],
             qpbody(body_html, cs)),
    ])
    parts = []
    for fn, data in s["attachments"]:
        enc = word(fn, cs) if any(ord(c) > 127 for c in fn) else fn
        parts.append(Leaf([
            f'Content-Type: application/octet-stream;{CRLF}\tname="{enc}"',
            "Content-Transfer-Encoding: base64",
            f'Content-Disposition: attachment;{CRLF}\tfilename="{enc}"',
        ], b64body(data)))
    root = Multi("mixed", f"----=_001_NextPart{hnum(seed + 'm', 12)}_=----", [alt] + parts,
                 preamble="This is a multi-part message in MIME format.") if parts else alt
    if not parts:
        alt.preamble = "This is a multi-part message in MIME format."
    d = s["date"]
    g = h(seed + "g", 32).upper()
    top = [
        f"Date: {date_header(d)}",
        f'From: "{word(s["from_name"], cs)}" <{s["from_addr"]}>',
        f"To: tougao <{TO}>",
        "Subject: " + (CRLF + "\t").join(words(s["subject"], cs, per=16)),
        "X-Priority: 3",
        f"X-GUID: {g[:8]}-{g[8:12]}-{g[12:16]}-{g[16:20]}-{g[20:32]}",
        f"X-Has-Attach: {'yes' if parts else 'no'}",
        "X-Mailer: Foxmail 7.2.25.228[cn]",
        "Mime-Version: 1.0",
        f"Message-ID: <{d.strftime('%Y%m%d%H%M%S')}{hnum(seed + 'id', 7)}@foxmail.com>",
        "__CT__",
    ]
    return message(top, root)


def iphone(s):
    """iOS Mail: images inline between two text parts, "发自我的iPhone" in the last one."""
    seed = s["name"]

    def uuid(k):
        x = h(seed + k, 32).upper()
        return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"

    parts = [Leaf(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"],
                  b64body(crlf(s["text"]).encode("utf-8")))]
    for fn, data in s["attachments"]:
        part_url = uuid("u" + fn)
        if kind_of(fn) == "jpg":
            parts.append(Leaf([
                f"Content-Type: image/jpeg; name={fn}; x-apple-part-url={part_url}",
                f"Content-Disposition: inline; filename={fn}",
                "Content-Transfer-Encoding: base64",
            ], b64body(data)))
        else:
            parts.append(Leaf([
                f'Content-Type: {CT[kind_of(fn)]};{CRLF}\tname="{word(fn, "utf-8")}";{CRLF}\tx-apple-part-url={part_url}',
                f"Content-Disposition: attachment;{CRLF}{rfc2231('filename', fn, chunk=60)}",
                "Content-Transfer-Encoding: base64",
            ], b64body(data)))
    parts.append(Leaf(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"],
                      b64body(crlf(s["text_after"]).encode("utf-8"))))
    root = Multi("mixed", f"Apple-Mail-{uuid('b')}", parts, ctype_fold=False, quote_boundary=False,
                 extra=["Content-Transfer-Encoding: 7bit"])
    top = [
        "__CT__",
        f"From: {word(s['from_name'], 'utf-8')} <{s['from_addr']}>",
        "Mime-Version: 1.0 (1.0)",
        f"Date: {date_header(s['date'])}",
        "Subject: " + word(s["subject"], "utf-8"),
        f"Message-Id: <{uuid('m')}@{s['from_addr'].split('@')[1]}>",
        f"To: {TO}",
        "X-Mailer: iPhone Mail (21E236)",
    ]
    return message(top, root)


def richmail(s):
    """139.com webmail (Richmail)."""
    seed = s["name"]
    text = s["text"]
    body_html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
                 '<body><div style="font-family:\'微软雅黑\';font-size:14px;">' + _html_lines(text)
                 + "</div></body></html>")
    ts = int(s["date"].replace(tzinfo=TZ).timestamp())
    alt = Multi("alternative", f"----=_Part_{hnum(seed + 'a', 5)}_{hnum(seed + 'b', 10)}.{ts}{hnum(seed, 3)}", [
        Leaf(["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"],
             b64body(crlf(text).encode("utf-8"))),
        Leaf(["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64"],
             b64body(crlf(body_html).encode("utf-8"))),
    ], ctype_fold=False)
    top = [
        f"Date: {date_header(s['date'])}",
        f'From: "{word(s["from_name"], "utf-8")}" <{s["from_addr"]}>',
        f'To: "tougao" <{TO}>',
        f"Message-ID: <{h(seed, 13)}-{h(seed + 'm', 5)}@rmapp-{hnum(seed + 'r', 2)}>",
        "Subject: " + word(s["subject"], "utf-8"),
        "Mime-Version: 1.0",
        "__CT__",
        "X-Priority: 3",
        f"X-RM-TRACEID: {h(seed + 't', 16)}",
        "X-Mailer: Richmail_Webapp(V2.8.7)",
    ]
    return message(top, alt)


def html_only(s):
    """A unit mail system that sends a single text/html part in GB2312 (no plain alternative)."""
    seed = s["name"]
    cs = "gb2312"
    body = crlf(s["html"]).encode(codec(cs))
    root = Leaf([f'Content-Type: text/html; charset="{cs}"', "Content-Transfer-Encoding: base64"], b64body(body))
    top = [
        f"Date: {date_header(s['date'])}",
        f'From: "{word(s["from_name"], cs)}" <{s["from_addr"]}>',
        f"To: {TO}",
        "Subject: " + word(s["subject"], cs),
        f"Message-ID: <{h(seed, 24)}@{s['from_addr'].split('@')[1]}>",
        "MIME-Version: 1.0",
        "__CT__",
    ]
    return message(top, root)


CLIENTS = {
    "163": lambda s: coremail(s, "163com"),
    "126": lambda s: coremail(s, "126com"),
    "gov_coremail": lambda s: coremail(s, "gov", "XT6.0.2 build 20250326(9c7d1c2b)"),
    "qq": qqmail,
    "outlook": outlook,
    "outlook.com": outlook_com,
    "foxmail": foxmail,
    "iphone": iphone,
    "139": richmail,
    "html_only": html_only,
}


# --------------------------------------------------------------------------- labels

def label(outcome="accepted", reason=None, missing=None, title=None, unit=None, authors=None, phone=None,
          reviewer=None, captions=None, credit=None, fmt=None, client=None, placement=None, note=None,
          warnings=None):
    captions = captions or []
    d = {
        "outcome": outcome, "reason": reason, "missing": missing or [],
        "title": title, "source_unit": unit, "authors": authors or [], "phone": phone,
        "reviewer": reviewer, "photo_count": len(captions), "captions": captions,
        "photo_credit": credit, "format": fmt, "client": client, "placement": placement or [],
    }
    if note:
        d["note"] = note
    if warnings:
        d["warnings"] = warnings
    return d


def dropped(outcome, reason, fmt, client, placement=None, note=None):
    """Label for ignored/rejected cases: every draft field null/empty, photo_count 0."""
    return label(outcome=outcome, reason=reason, fmt=fmt, client=client, placement=placement, note=note)


def main():
    labels = {}
    for old in os.listdir(HERE):
        if old.endswith(".eml"):
            os.remove(os.path.join(HERE, old))
    import mails
    for s in mails.specs(sys.modules[__name__]):
        raw = CLIENTS[s["client"]](s)
        fn = s["name"] + ".eml"
        with open(os.path.join(HERE, fn), "wb") as f:
            f.write(raw)
        labels[fn] = s["label"]
    for old in os.listdir(CACHE) if os.path.isdir(CACHE) else []:
        if old not in USED_CACHE:
            os.remove(os.path.join(CACHE, old))
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(labels)} mails to {HERE}")


if __name__ == "__main__":
    main()
