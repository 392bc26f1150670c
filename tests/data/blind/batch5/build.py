#!/usr/bin/env python3
"""Blind test batch 5: a month (March 2026) of an invented 投稿邮箱.

Run from the repository root:

    .venv/bin/python tests/data/blind/batch5/build.py

Writes NN-name.eml and labels.json next to this file.  Every mail is composed by
hand (headers, encodings and MIME layout imitate the client named in the label)
and the output is byte-identical on every run: fixed dates, boundaries and
Message-IDs, docx zip members with a fixed timestamp, JPEGs drawn from a seeded
RNG, and LibreOffice output (.doc/.wps/.pdf) kept in ./cache keyed by the
sha256 of the source .docx.

All units, people, events and numbers are invented.  Mobile numbers follow the
dummy pattern 138-0013-5xxx, landlines 0931-8877xxxx / 0471-6655xxxx.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import quopri
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
TO = "tougao@localhost"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CT_BY_EXT = {
    "docx": DOCX_CT,
    "doc": "application/msword",
    "wps": "application/octet-stream",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}


# ---------------------------------------------------------------------------
# photos
# ---------------------------------------------------------------------------

def photo(seed: str, scene: str) -> bytes:
    """A 320x240 JPEG that looks like a (very) simplified event photo."""
    rnd = random.Random(seed)
    w, h = 320, 240
    sky = (rnd.randint(110, 220), rnd.randint(140, 230), rnd.randint(170, 250))
    ground = (rnd.randint(60, 170), rnd.randint(60, 160), rnd.randint(30, 120))
    im = Image.new("RGB", (w, h), sky)
    d = ImageDraw.Draw(im)
    horizon = rnd.randint(100, 160)
    for y in range(horizon, h):
        f = (y - horizon) / max(1, h - horizon)
        d.line([(0, y), (w, y)], fill=tuple(int(c * (1 - 0.35 * f)) for c in ground))
    # buildings / banners / trees in the background
    for _ in range(rnd.randint(2, 5)):
        x0 = rnd.randint(-20, w - 40)
        bw = rnd.randint(30, 90)
        bh = rnd.randint(30, horizon - 10)
        col = tuple(rnd.randint(40, 220) for _ in range(3))
        if rnd.random() < 0.5:
            d.rectangle([x0, horizon - bh, x0 + bw, horizon], fill=col)
        else:
            d.ellipse([x0, horizon - bh, x0 + bw, horizon + 10], fill=(rnd.randint(20, 80), rnd.randint(100, 170), rnd.randint(20, 80)))
    if rnd.random() < 0.6:  # a red banner
        bx = rnd.randint(10, 120)
        d.rectangle([bx, 20, bx + rnd.randint(120, 180), 44], fill=(200, 30, 30))
    # people
    for _ in range(rnd.randint(3, 9)):
        px = rnd.randint(10, w - 20)
        py = rnd.randint(horizon + 5, h - 30)
        s = rnd.uniform(0.7, 1.4)
        body = tuple(rnd.randint(0, 255) for _ in range(3))
        d.ellipse([px - 6 * s, py - 34 * s, px + 6 * s, py - 22 * s], fill=(235, 200, 170))
        d.rectangle([px - 8 * s, py - 22 * s, px + 8 * s, py], fill=body)
    try:
        font = ImageFont.truetype(FONT_PATH, 13)
    except OSError:  # pragma: no cover
        font = ImageFont.load_default()
    d.rectangle([0, h - 20, w, h], fill=(0, 0, 0))
    d.text((6, h - 18), f"{scene}  #{seed}", fill=(255, 255, 255), font=font)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=87)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# documents
# ---------------------------------------------------------------------------

def _east_asia(run, name):
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def make_docx(blocks, author="Administrator", when=(2026, 3, 2, 8, 30)) -> bytes:
    """blocks: list of (kind, value).

    kinds: title, subtitle, byline, p (indented paragraph), line (plain
    paragraph), right (right aligned, 落款), img (JPEG bytes), cap (caption,
    centred), table (list of rows), blank.
    """
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr()
    rf = normal.element.rPr.find(qn("w:rFonts"))
    if rf is None:
        rf = normal.element.rPr.makeelement(qn("w:rFonts"), {})
        normal.element.rPr.append(rf)
    rf.set(qn("w:eastAsia"), "宋体")
    for kind, val in blocks:
        if kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            r.bold = True
            r.font.size = Pt(18)
            _east_asia(r, "方正小标宋简体")
        elif kind == "subtitle":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            r.font.size = Pt(14)
            _east_asia(r, "楷体_GB2312")
        elif kind == "byline":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            _east_asia(r, "楷体_GB2312")
        elif kind == "p":
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(24)
            p.paragraph_format.line_spacing = Pt(28)
            r = p.add_run(val)
            _east_asia(r, "仿宋_GB2312")
        elif kind == "line":
            p = d.add_paragraph()
            r = p.add_run(val)
            _east_asia(r, "仿宋_GB2312")
        elif kind == "right":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            r = p.add_run(val)
            _east_asia(r, "仿宋_GB2312")
        elif kind == "img":
            d.add_picture(io.BytesIO(val), width=Cm(11))
            d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "cap":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            r.font.size = Pt(10.5)
            _east_asia(r, "楷体_GB2312")
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        elif kind == "blank":
            d.add_paragraph()
        else:  # pragma: no cover
            raise ValueError(kind)
    cp = d.core_properties
    stamp = dt.datetime(*when, tzinfo=dt.timezone.utc)
    cp.author = author
    cp.last_modified_by = author
    cp.created = stamp
    cp.modified = stamp
    cp.revision = 2
    cp.title = ""
    cp.comments = ""
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue(), when)


def normalise_zip(data: bytes, when) -> bytes:
    """Fixed member timestamps; drop the template's thumbnail picture."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zin.infolist():
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            blob = zin.read(info.filename)
            if info.filename == "_rels/.rels":
                blob = re.sub(rb'\s*<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', b"", blob)
            zi = zipfile.ZipInfo(info.filename, date_time=when + (0,))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zo.writestr(zi, blob)
    return out.getvalue()


def lo_convert(src: bytes, fmt: str, stem: str) -> bytes:
    """docx -> doc/pdf through LibreOffice, cached by content hash."""
    key = hashlib.sha256(src + fmt.encode()).hexdigest()[:16]
    target = CACHE / f"{stem}-{key}.{fmt}"
    if target.exists():
        return target.read_bytes()
    tmp = Path(tempfile.mkdtemp(prefix="batch5-lo-"))
    try:
        inp = tmp / f"{stem}.docx"
        inp.write_bytes(src)
        subprocess.run(
            ["/usr/bin/soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", fmt, "--outdir", str(tmp), str(inp)],
            check=True, capture_output=True, timeout=240)
        data = (tmp / f"{stem}.{fmt}").read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    CACHE.mkdir(exist_ok=True)
    target.write_bytes(data)
    return data


# ---------------------------------------------------------------------------
# MIME helpers (everything is built as text; raw 8-bit bytes ride along as
# latin-1 code points and the whole message is encoded as latin-1 at the end,
# so any unintended non-ASCII character raises)
# ---------------------------------------------------------------------------

def raw(b: bytes) -> str:
    return b.decode("latin-1")


def b64body(data: bytes, width=76) -> str:
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + width] for i in range(0, len(s), width)) if s else ""


def qpbody(data: bytes) -> str:
    return quopri.encodestring(data).decode("ascii")


def _q(b: bytes) -> str:
    out = []
    for x in b:
        c = chr(x)
        if x < 128 and (c.isalnum()):
            out.append(c)
        elif x == 32:
            out.append("_")
        else:
            out.append(f"={x:02X}")
    return "".join(out)


def ew(text: str, label: str, codec: str, mode="B", limit=None) -> list[str]:
    """RFC 2047 encoded words, split on character boundaries."""
    if limit is None:
        limit = 45 if mode == "B" else 18
    chunks, cur = [], ""
    for ch in text:
        if cur and len((cur + ch).encode(codec)) > limit:
            chunks.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        chunks.append(cur)
    words = []
    for c in chunks:
        b = c.encode(codec)
        if mode == "B":
            words.append(f"=?{label}?B?{base64.b64encode(b).decode()}?=")
        else:
            words.append(f"=?{label}?Q?{_q(b)}?=")
    return words


def ew1(text, label, codec, mode="B"):
    """One single encoded word (clients that never split)."""
    return ew(text, label, codec, mode, limit=10 ** 6)[0]


def rfc2231(param: str, text: str, charset="utf-8", chunk=48, single=False) -> list[str]:
    enc = quote(text.encode(charset), safe="")
    if single or len(enc) <= chunk:
        return [f"{param}*={charset}''{enc}"]
    pieces, i = [], 0
    while i < len(enc):
        j = min(len(enc), i + chunk)
        while j < len(enc) and "%" in enc[j - 2:j]:
            j -= 1  # do not cut a %XX triplet
        pieces.append(enc[i:j])
        i = j
    out = []
    for n, p in enumerate(pieces):
        out.append(f"{param}*{n}*={charset}''{p}" if n == 0 else f"{param}*{n}*={p}")
    return out


def part(headers: list[str], body: str) -> str:
    return "\n".join(headers) + "\n\n" + body


def multipart(boundary: str, parts: list[str], preamble: str | None = None) -> str:
    s = ""
    if preamble:
        s += preamble + "\n\n"
    for p in parts:
        s += f"--{boundary}\n{p}\n"
    s += f"--{boundary}--\n"
    return s


def html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_lines(text: str, flavour: str) -> str:
    lines = text.split("\n")
    if flavour == "163":
        inner = "".join(f"<div>{html_escape(l) or '<br>'}</div>" for l in lines)
        return f'<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">{inner}</div>'
    if flavour == "qq":
        inner = "".join(f"<div>{html_escape(l) or '<br>'}</div>" for l in lines)
        return ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
                f'<div style="font-family: &quot;微软雅黑&quot;;">{inner}</div>')
    if flavour == "foxmail":
        inner = "".join(f"<div><span></span>{html_escape(l) or '&nbsp;'}</div>" for l in lines)
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset=GB2312">'
                '<style>body { line-height: 1.5; }</style></head><body>\n'
                f'{inner}\n</body></html>')
    if flavour == "outlook":
        inner = "".join(f'<p class=MsoNormal><span lang=EN-US>{html_escape(l) or "<o:p>&nbsp;</o:p>"}</span></p>\n' for l in lines)
        return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
                '<meta http-equiv=Content-Type content="text/html; charset=utf-8"></head>'
                f'<body lang=ZH-CN><div class=WordSection1>\n{inner}</div></body></html>')
    inner = "<br>\n".join(html_escape(l) for l in lines)
    return f"<html><body>{inner}</body></html>"


# ---------------------------------------------------------------------------
# client profiles
# ---------------------------------------------------------------------------

def fmt_date(d: dt.datetime, style="rfc") -> str:
    s = d.strftime("%a, %d %b %Y %H:%M:%S +0800")
    if style == "nozero":
        return d.strftime("%a, ") + str(d.day) + d.strftime(" %b %Y %H:%M:%S +0800")
    return s


def attachment_headers(style: str, filename: str, ctype: str, disposition="attachment") -> list[str]:
    """Content-Type / Content-Disposition lines for one file part."""
    if style in ("163", "126", "yeah"):  # Coremail GBK, names split into several words
        words = ew(filename, "GBK", "gbk", limit=30)
        name = " ".join(words) if len(words) > 1 else words[0]
        if filename.isascii():
            name = filename
        return [f"Content-Type: {ctype}; ", f'\tname="{name}"',
                "Content-Transfer-Encoding: base64",
                f"Content-Disposition: {disposition}; ", f'\tfilename="{name}"']
    if style == "coremail-utf8":
        name = filename if filename.isascii() else " ".join(ew(filename, "UTF-8", "utf-8", limit=39))
        return [f"Content-Type: {ctype}; ", f'\tname="{name}"',
                "Content-Transfer-Encoding: base64",
                f"Content-Disposition: {disposition}; ", f'\tfilename="{name}"']
    if style == "qq":
        name = filename if filename.isascii() else ew1(filename, "gb18030", "gb18030")
        return ['Content-Type: application/octet-stream;', '\tcharset="gb18030";', f'\tname="{name}"',
                f'Content-Disposition: {disposition}; filename="{name}"',
                "Content-Transfer-Encoding: base64"]
    if style == "outlook":
        if filename.isascii():
            return [f'Content-Type: {ctype};', f'\tname="{filename}"',
                    "Content-Transfer-Encoding: base64",
                    f"Content-Disposition: {disposition};", f'\tfilename="{filename}"']
        params = rfc2231("filename", filename, "utf-8", chunk=54)
        lines = [f'Content-Type: {ctype};', f'\tname="{ew1(filename, "utf-8", "utf-8")}"',
                 "Content-Transfer-Encoding: base64", f"Content-Disposition: {disposition};"]
        for i, p in enumerate(params):
            lines.append("\t" + p + (";" if i < len(params) - 1 else ""))
        return lines
    if style == "foxmail":
        name = filename if filename.isascii() else ew1(filename, "GB2312", "gbk")
        return [f'Content-Type: {ctype};', f'\tname="{name}"',
                "Content-Transfer-Encoding: base64",
                f'Content-Disposition: {disposition};', f'\tfilename="{name}"']
    if style == "iphone":
        if filename.isascii():
            return [f"Content-Type: {ctype};", f"\tname={filename}",
                    f"Content-Disposition: {disposition};", f"\tfilename={filename}",
                    "Content-Transfer-Encoding: base64"]
        return [f"Content-Type: {ctype};", f'\tname="{ew1(filename, "utf-8", "utf-8")}"',
                f"Content-Disposition: {disposition};", "\t" + rfc2231("filename", filename, single=True)[0],
                "Content-Transfer-Encoding: base64"]
    if style == "oe":  # raw 8-bit GBK in the quoted parameter
        name = raw(filename.encode("gbk"))
        return [f'Content-Type: {ctype};', f'\tname="{name}"',
                "Content-Transfer-Encoding: base64",
                f'Content-Disposition: {disposition};', f'\tfilename="{name}"']
    if style in ("utf8-ew", "dingtalk", "139", "aliyun", "sohu", "dashi"):
        name = filename if filename.isascii() else ew1(filename, "UTF-8", "utf-8")
        return [f'Content-Type: {ctype}; name="{name}"',
                f'Content-Disposition: {disposition}; filename="{name}"',
                "Content-Transfer-Encoding: base64"]
    if style == "sina":
        name = filename if filename.isascii() else ew1(filename, "GBK", "gbk")
        return [f'Content-Type: {ctype}; name="{name}"',
                "Content-Transfer-Encoding: base64",
                f'Content-Disposition: {disposition}; filename="{name}"']
    raise ValueError(style)


def file_part(style, filename, data, ctype=None, disposition="attachment", extra=()):
    if ctype is None:
        ctype = CT_BY_EXT[filename.rsplit(".", 1)[-1].lower()]
    hdrs = attachment_headers(style, filename, ctype, disposition) + list(extra)
    return part(hdrs, b64body(data))


def text_part(text: str, label: str, codec: str, cte="base64", subtype="plain", quoted_label=True) -> str:
    lab = f'"{label}"' if quoted_label else label
    data = text.encode(codec)
    if cte == "base64":
        body = b64body(data)
    elif cte == "quoted-printable":
        body = qpbody(data)
    elif cte == "8bit":
        body = raw(data)
    else:
        raise ValueError(cte)
    return part([f"Content-Type: text/{subtype}; charset={lab}", f"Content-Transfer-Encoding: {cte}"], body)


def finish(headers: list[str], body: str, crlf: bool) -> bytes:
    s = "\n".join(headers) + "\n\n" + body
    b = s.encode("latin-1")
    if crlf:
        b = b.replace(b"\n", b"\r\n")
    return b


# ---------------------------------------------------------------------------
# composition per client
# ---------------------------------------------------------------------------

def compose(c: dict) -> bytes:
    client = c["client"]
    d: dt.datetime = c["date"]
    text: str = c.get("text", "")
    atts = c.get("attachments", [])
    n = c["n"]
    subj = c.get("subject")

    if client in ("163", "126", "yeah", "coremail-utf8", "163-utf8"):
        utf8 = client in ("coremail-utf8", "163-utf8")
        lab, codec = ("UTF-8", "utf-8") if utf8 else ("GBK", "gbk")
        host = c["from_addr"].split("@")[1]
        stamp = int(d.timestamp() * 1000) + n * 137
        b_mix = f"----=_Part_{203000 + n * 311}_{1392837000 + n * 7919}.{stamp}"
        b_alt = f"----=_Part_{203001 + n * 311}_{1392837000 + n * 7919 + 1}.{stamp}"
        b_rel = f"----=_Part_{203002 + n * 311}_{1392837000 + n * 7919 + 2}.{stamp}"
        from_name = " ".join(ew(c["from_name"], lab, codec))
        hdrs = [
            f"Received: from [198.51.100.{20 + n}] by mx.localhost with ESMTP id {n:02d}B5{stamp % 100000:05d}; {fmt_date(d)}",
            f"Date: {fmt_date(d, 'nozero')} (CST)",
            f'From: "{from_name}" <{c["from_addr"]}>',
            f"To: {TO}",
            f"Message-ID: <{c['msgid']}>",
        ]
        if subj is not None:
            mode = c.get("subject_mode", "B")
            hdrs.append("Subject: " + "\n\t".join(ew(subj, lab, codec, mode)))
        hdrs += c.get("extra_headers", [])
        hdrs += ["MIME-Version: 1.0"]
        plain = text_part(text, lab, codec)
        html = text_part(c.get("html") or html_lines(text, "163"), lab, codec, subtype="html")
        alt = part([f"Content-Type: multipart/alternative; ", f'\tboundary="{b_alt}"'], multipart(b_alt, [plain, html]))
        xm = ["X-Priority: 3",
              "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)",
              f" Copyright (c) 2002-2026 www.mailtech.cn {host.split('.')[0]}com" if not utf8 else
              " Copyright (c) 2002-2026 www.mailtech.cn coremail",
              f"X-Originating-IP: [203.0.113.{40 + n}]"]
        if c.get("inline"):
            imgs = []
            for cid, fname, data in c["inline"]:
                imgs.append(part([f'Content-Type: image/jpeg; name="{fname}"', "Content-Transfer-Encoding: base64",
                                  f"Content-ID: <{cid}>", f'Content-Disposition: inline; filename="{fname}"'],
                                 b64body(data)))
            rel_body = multipart(b_rel, [alt] + imgs)
            if not atts:
                hdrs += [f"Content-Type: multipart/related; ", f'\tboundary="{b_rel}"'] + xm
                return finish(hdrs, rel_body, c.get("crlf", True))
            alt = part([f"Content-Type: multipart/related; ", f'\tboundary="{b_rel}"'], rel_body)
        if not atts and not c.get("force_mixed"):
            hdrs += [f"Content-Type: multipart/alternative; ", f'\tboundary="{b_alt}"'] + xm
            return finish(hdrs, multipart(b_alt, [plain, html]), c.get("crlf", True))
        style = "coremail-utf8" if utf8 else client
        files = [file_part(style, f, data) for f, data in atts]
        hdrs += [f"Content-Type: multipart/mixed; ", f'\tboundary="{b_mix}"'] + xm
        return finish(hdrs, multipart(b_mix, [alt] + files), c.get("crlf", True))

    if client == "qq":
        b_mix = f"----=_NextPart_{0x65E2F1A3 + n * 4099:08X}_{0x0B5C8D10 + n:08X}_{0x4A1B2C3D + n * 17:08X}"
        b_alt = f"----=_NextPart_{0x65E2F1A3 + n * 4099:08X}_{0x0B5C8D10 + n:08X}_{0x4A1B2C3E + n * 17:08X}"
        hdrs = [
            f"X-QQ-mid: bizesmtp{n:02d}t{int(d.timestamp())}t{0x3a1f + n:x}",
            f"X-QQ-Originating-IP: {base64.b64encode(f'203.0.113.{60 + n}'.encode()).decode()}",
            f"Received: from [203.0.113.{60 + n}] by smtp.qq.com (ESMTP) with SMTP id 0; {fmt_date(d)}",
            f"X-QQ-SSF: {'0' * 8}{n:02d}0000000",
            f'From: "{ew1(c["from_name"], "gb18030", "gb18030")}" <{c["from_addr"]}>',
            f'To: "{ew1("投稿邮箱", "gb18030", "gb18030")}" <{TO}>',
        ]
        if subj is not None:
            hdrs.append(f"Subject: {ew1(subj, 'gb18030', 'gb18030')}")
        hdrs += ["Mime-Version: 1.0",
                 f'Content-Type: multipart/mixed;\n\tboundary="{b_mix}"',
                 "Content-Transfer-Encoding: 8Bit",
                 f"Date: {fmt_date(d, 'nozero')}",
                 "X-Priority: 3",
                 f"Message-ID: <{c['msgid']}>",
                 "X-QQ-MIME: TCMime 1.0 by Tencent",
                 "X-Mailer: QQMail 2.x",
                 "X-QQ-Mailer: QQMail 2.x"] + c.get("extra_headers", [])
        plain = text_part(text, "gb18030", "gb18030")
        html = text_part(c.get("html") or html_lines(text, "qq"), "gb18030", "gb18030", subtype="html")
        alt = part([f'Content-Type: multipart/alternative;\n\tboundary="{b_alt}"'], multipart(b_alt, [plain, html]))
        files = [file_part("qq", f, data) for f, data in atts]
        return finish(hdrs, multipart(b_mix, [alt] + files, "This is a multi-part message in MIME format."), True)

    if client in ("outlook", "hotmail", "exchange"):
        tag = f"{0x01DAB1C2 + n:08X}.{0x3E4F5A60 + n * 4111:08X}"
        b_mix = f"----=_NextPart_000_{n:04X}_{tag}"
        b_alt = f"----=_NextPart_001_{n + 1:04X}_{tag}"
        hdrs = [f"Received: from [198.51.100.{90 + n}] by mx.localhost; {fmt_date(d)}",
                f"From: {ew1(c['from_name'], 'utf-8', 'utf-8')} <{c['from_addr']}>",
                f"To: <{TO}>"]
        if subj is not None:
            hdrs.append("Subject: " + "\n\t".join(ew(subj, "utf-8", "utf-8", limit=39)))
        hdrs += [f"Date: {fmt_date(d)}",
                 f"Message-ID: <{c['msgid']}>",
                 "MIME-Version: 1.0",
                 f'Content-Type: multipart/mixed;\n\tboundary="{b_mix}"',
                 "X-Mailer: Microsoft Outlook 16.0",
                 f"Thread-Index: Ad{base64.b64encode(hashlib.md5(c['msgid'].encode()).digest()).decode()[:26]}",
                 "Content-Language: zh-cn"] + c.get("extra_headers", [])
        plain = text_part(text, "utf-8", "utf-8", cte="quoted-printable")
        html = text_part(c.get("html") or html_lines(text, "outlook"), "utf-8", "utf-8", cte="quoted-printable", subtype="html")
        alt = part([f'Content-Type: multipart/alternative;\n\tboundary="{b_alt}"'], multipart(b_alt, [plain, html]))
        files = [file_part("outlook", f, data) for f, data in atts]
        return finish(hdrs, multipart(b_mix, [alt] + files, "This is a multipart message in MIME format."), True)

    if client == "foxmail":
        b_mix = f"----=_001_NextPart{372514086428 + n * 1000003}_=----"
        b_alt = f"----=_002_NextPart{372514086428 + n * 1000003 + 1}_=----"
        hdrs = [f"Date: {fmt_date(d)}",
                f'From: "{ew1(c["from_name"], "GB2312", "gbk")}" <{c["from_addr"]}>',
                f"To: tougao <{TO}>"]
        if subj is not None:
            hdrs.append(f"Subject: {ew1(subj, 'GB2312', 'gbk')}")
        hdrs += ["X-Priority: 3",
                 f"X-GUID: {hashlib.md5(c['msgid'].encode()).hexdigest().upper()[:8]}-{n:04X}-4C2E-9B1A-{hashlib.sha1(c['msgid'].encode()).hexdigest().upper()[:12]}",
                 "X-Has-Attach: yes",
                 "X-Mailer: Foxmail 7.2.25.254[cn]",
                 "Mime-Version: 1.0",
                 f"Message-ID: <{c['msgid']}>",
                 f'Content-Type: multipart/mixed;\n\tboundary="{b_mix}"']
        plain = text_part(text, "GB2312", "gbk")
        html = text_part(c.get("html") or html_lines(text, "foxmail"), "GB2312", "gbk", subtype="html")
        alt = part([f'Content-Type: multipart/alternative;\n\tboundary="{b_alt}"'], multipart(b_alt, [plain, html]))
        files = [file_part("foxmail", f, data) for f, data in atts]
        return finish(hdrs, multipart(b_mix, [alt] + files, "This is a multi-part message in MIME format."), True)

    if client == "iphone":
        uid = hashlib.md5(c["msgid"].encode()).hexdigest().upper()
        b_mix = f"Apple-Mail-{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:32]}"
        hdrs = [f"Content-Type: multipart/mixed; boundary={b_mix}",
                "Content-Transfer-Encoding: 7bit",
                f"From: {ew1(c['from_name'], 'utf-8', 'utf-8')} <{c['from_addr']}>",
                "Mime-Version: 1.0 (1.0)"]
        if subj is not None:
            hdrs.append(f"Subject: {ew1(subj, 'utf-8', 'utf-8')}")
        hdrs += [f"Date: {fmt_date(d)}",
                 f"Message-Id: <{c['msgid']}>",
                 f"To: {TO}",
                 "X-Mailer: iPhone Mail (21D61)"]
        parts = []
        if c.get("text_first", True) and text:
            parts.append(text_part(text, "utf-8", "utf-8", cte="quoted-printable", quoted_label=False))
        for f, data in atts:
            disp = "inline" if f.lower().endswith((".jpg", ".jpeg")) else "attachment"
            parts.append(file_part("iphone", f, data, disposition=disp))
        if c.get("tail_text"):
            parts.append(text_part(c["tail_text"], "utf-8", "utf-8", cte="quoted-printable", quoted_label=False))
        return finish(hdrs, multipart(b_mix, parts), False)

    if client == "oe":
        b_mix = f"----=_NextPart_000_{n:04X}_01DC{0x7A3B + n:04X}.{0x5C2E1F00 + n * 3:08X}"
        hdrs = [f'From: "{ew1(c["from_name"], "gb2312", "gbk")}" <{c["from_addr"]}>',
                f"To: <{TO}>"]
        if subj is not None:
            hdrs.append(f"Subject: {ew1(subj, 'gb2312', 'gbk')}")
        hdrs += [f"Date: {fmt_date(d)}",
                 "MIME-Version: 1.0",
                 f'Content-Type: multipart/mixed;\n\tboundary="{b_mix}"',
                 "X-Priority: 3",
                 "X-MSMail-Priority: Normal",
                 "X-Mailer: Microsoft Outlook Express 6.00.2900.5931",
                 "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.6157",
                 f"Message-ID: <{c['msgid']}>"]
        body = text_part(text, "gb2312", "gbk", cte="8bit")
        files = [file_part("oe", f, data) for f, data in atts]
        return finish(hdrs, multipart(b_mix, [body] + files, "This is a multi-part message in MIME format."), True)

    if client in ("dingtalk", "139", "aliyun", "sohu", "dashi", "sina"):
        lab, codec = ("GBK", "gbk") if client == "sina" else ("UTF-8", "utf-8")
        style = client
        seed = int(hashlib.md5(c["msgid"].encode()).hexdigest()[:12], 16)
        b_mix = {"dingtalk": f"----=ALIBOUNDARY_{seed % 10 ** 6}_{seed % 9973:04d}_{n:02d}",
                 "139": f"----=_Part_{seed % 10 ** 7}_{n}.{int(d.timestamp())}000",
                 "aliyun": f"----=ALIBOUNDARY_{seed % 10 ** 5}_4{n}c1_{seed % 7919}",
                 "sohu": f"=_sohu_{seed:x}_{n}",
                 "dashi": f"----=_Part_{seed % 10 ** 6}_{n}.{int(d.timestamp())}",
                 "sina": f"=-sinamail_alt_{seed:x}{n}"}[client]
        b_alt = b_mix + "_alt"
        hdrs = [f"Received: from [192.0.2.{30 + n}] by mx.localhost; {fmt_date(d)}",
                f"Date: {fmt_date(d)}",
                f"From: {ew1(c['from_name'], lab, codec)} <{c['from_addr']}>" if client != "sina" else
                f'From: "{ew1(c["from_name"], lab, codec)}" <{c["from_addr"]}>',
                f"To: {TO}"]
        if subj is not None:
            mode = "Q" if client == "sina" else "B"
            hdrs.append("Subject: " + "\n ".join(ew(subj, lab, codec, mode)))
        hdrs += [f"Message-ID: <{c['msgid']}>", "MIME-Version: 1.0"]
        hdrs += {"dingtalk": ["X-Mailer: Alimail-Mailagent revision 1173", "X-Priority: 3"],
                 "139": ["X-Priority: 3", "X-Mailer: Richmail", f"X-RM-TRANSID: 2ee{seed:x}"[:28]],
                 "aliyun": ["X-Mailer: Alimail-Mailagent", "X-Priority: 3"],
                 "sohu": ["X-Mailer: Sohu Web Mail", "X-Priority: 3"],
                 "dashi": ["X-Priority: 3"],
                 "sina": ["X-Priority: 3", "X-MessageID: " + f"{seed:x}"[:16], "X-Originating-IP: [192.0.2.9]"]}[client]
        hdrs += c.get("extra_headers", [])
        plain = text_part(text, lab, codec)
        html = text_part(c.get("html") or html_lines(text, "plain"), lab, codec, subtype="html")
        alt = part([f'Content-Type: multipart/alternative; boundary="{b_alt}"'], multipart(b_alt, [plain, html]))
        if not atts:
            hdrs.append(f'Content-Type: multipart/alternative; boundary="{b_alt}"')
            return finish(hdrs, multipart(b_alt, [plain, html]), client != "sina")
        hdrs.append(f'Content-Type: multipart/mixed; boundary="{b_mix}"')
        files = [file_part(style, f, data) for f, data in atts]
        return finish(hdrs, multipart(b_mix, [alt] + files), client != "sina")

    raise ValueError(client)


# ---------------------------------------------------------------------------
# the cases
# ---------------------------------------------------------------------------

def D(day, hh, mm, ss=0):
    return dt.datetime(2026, 3, day, hh, mm, ss, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def P(key, scene):
    return photo(key, scene)


def label(outcome="accepted", reason=None, missing=(), title=None, source_unit=None, authors=(), phone=None,
          reviewer=None, captions=(), photo_credit=None, fmt=None, client=None, placement=(), note=None,
          photo_count=None):
    lab = {"outcome": outcome, "reason": reason, "missing": list(missing), "title": title,
           "source_unit": source_unit, "authors": list(authors), "phone": phone, "reviewer": reviewer,
           "photo_count": len(captions) if photo_count is None else photo_count,
           "captions": list(captions), "photo_credit": photo_credit,
           "format": fmt, "client": client, "placement": list(placement)}
    if note:
        lab["note"] = note
    return lab


def rejected(reason, fmt, client, placement, note):
    return label(outcome="rejected", reason=reason, fmt=fmt, client=client, placement=placement, note=note)


def cases() -> list[dict]:
    out = []

    # 01 ------------------------------------------------------------------
    t = "高新区开展“企业服务日”走访活动"
    c1 = "图为工作人员在园区企业了解生产经营情况。"
    c2 = "图为政企座谈会现场。"
    p1, p2 = P("01-1", "企业走访"), P("01-2", "政企座谈会")
    doc = make_docx([
        ("title", t),
        ("line", "单位：兰泉高新区管委会"),
        ("line", "作者：韩雪、魏子健"),
        ("line", "电话：13800135011"),
        ("line", "审核：孟庆华"),
        ("blank", None),
        ("p", "为进一步优化营商环境，帮助企业解决发展中的实际困难，2月27日，兰泉高新区管委会组织各部门负责同志深入园区企业开展“企业服务日”走访活动。"),
        ("p", "走访组先后来到园区内新材料、装备制造、生物医药等领域的8家企业，深入生产车间，详细了解企业生产经营、项目建设、用工需求等情况，现场收集企业在融资、用地、人才引进等方面的意见建议23条。"),
        ("img", p1), ("cap", c1),
        ("p", "当天下午，管委会召开政企座谈会，针对企业反映的问题逐一研究，能够现场解决的当场答复，需要协调的明确责任部门和办结时限。"),
        ("img", p2), ("cap", c2),
        ("p", "管委会相关负责人表示，将把“企业服务日”作为常态化工作机制，每月固定开展，切实做到“企业有需求、服务在身边”。"),
    ], author="HX", when=(2026, 3, 2, 8, 55))
    out.append(dict(
        name="01-gxq-docx-embedded-163", client="163", date=D(2, 9, 41, 27),
        from_name="韩雪", from_addr="hanxue_gxq@163.com",
        msgid="4c1d2e3f.1a2b.19c9a1b2c3d.Coremail.hanxue_gxq@163.com",
        subject="兰泉高新区管委会 高新区开展“企业服务日”走访活动",
        text="编辑老师您好！\n附件是我单位稿件《高新区开展“企业服务日”走访活动》，请审阅，谢谢！\n\n韩雪",
        attachments=[("高新区开展“企业服务日”走访活动.docx", doc)],
        label=label(title=t, source_unit="兰泉高新区管委会", authors=["韩雪", "魏子健"], phone="13800135011",
                    reviewer="孟庆华", captions=[c1, c2], fmt="docx", client="163",
                    placement=["subject_unit_title", "labels_top", "photos_embedded"]),
    ))

    # 02 ------------------------------------------------------------------
    t = "红柳镇开展春季校园食品安全专项检查"
    caps = ["执法人员检查学校食堂食材进货台账。", "执法人员查看餐具消毒记录。", "执法人员向食堂从业人员讲解食品安全知识。"]
    doc = make_docx([
        ("title", t),
        ("p", "新学期开学以来，红柳镇市场监管所紧盯校园食品安全重点环节，对辖区6所中小学、幼儿园食堂及校园周边食品经营店开展春季专项检查。"),
        ("p", "检查中，执法人员重点查看了食堂从业人员健康证明、食材进货查验记录、餐具清洗消毒、食品留样等情况，并对后厨环境卫生、“明厨亮灶”设施运行情况进行了逐项检查。对检查中发现的2处问题，执法人员当场提出整改要求，并明确整改时限。"),
        ("p", "下一步，该所将持续加大校园及周边食品安全监管力度，以“零容忍”态度查处违法违规行为，全力守护师生“舌尖上的安全”。"),
        ("blank", None),
        ("right", "红柳镇市场监管所"),
        ("right", "2026年3月3日"),
        ("blank", None),
        ("line", "作者：刘佳"),
        ("line", "联系电话：13800135022"),
        ("line", "审核人：杜永强"),
        ("blank", None),
        ("line", "图1：" + caps[0]),
        ("line", "图2：" + caps[1]),
        ("line", "图3：" + caps[2]),
    ], author="Lenovo", when=(2026, 3, 3, 10, 12))
    out.append(dict(
        name="02-scjg-luokuan-jpgs-qq", client="qq", date=D(3, 11, 6, 40),
        from_name="向日葵", from_addr="2746153380@qq.com",
        msgid="tencent_8B2C4E6A1F3D5B7C9E0A2D4F6B8C1E3A5D07@qq.com",
        subject="【红柳镇市场监管所】红柳镇开展春季校园食品安全专项检查",
        text="老师您好，红柳镇市场监管所投稿一篇，照片3张在附件，请查收！",
        attachments=[("红柳镇开展春季校园食品安全专项检查.docx", doc),
                     ("1.jpg", P("02-1", "食堂检查")), ("2.jpg", P("02-2", "消毒记录")), ("3.jpg", P("02-3", "安全知识讲解"))],
        label=label(title=t, source_unit="红柳镇市场监管所", authors=["刘佳"], phone="13800135022", reviewer="杜永强",
                    captions=caps, fmt="docx", client="qq",
                    placement=["subject_bracket_unit", "luokuan", "labels_bottom", "photos_separate", "captions_in_manuscript"]),
    ))

    # 03 no title ----------------------------------------------------------
    doc = make_docx([
        ("p", "3月3日上午，双湾镇卫生院组织家庭医生签约服务团队走进辖区大柳树村，为村里65岁以上老年人开展免费健康体检。"),
        ("p", "体检现场，医务人员有条不紊地为老人们测量血压、血糖，开展心电图、B超检查，并对体检中发现的慢性病患者进行用药指导，叮嘱他们注意合理膳食、适量运动。此次活动共为132名老年人完成健康体检，建立和更新健康档案132份。"),
        ("p", "据了解，今年以来，双湾镇卫生院持续推进家庭医生签约服务提质增效，通过“上门+巡诊”的方式，把健康服务送到群众家门口。"),
        ("blank", None),
        ("line", "撰稿：沈雪及马超"),
        ("line", "单位：双湾镇卫生院"),
        ("line", "电话：13800135244"),
    ], author="Administrator", when=(2026, 3, 4, 7, 40))
    out.append(dict(
        name="03-notitle-docx-generic-subject-qq", client="qq", date=D(4, 8, 2, 15),
        from_name="小雪", from_addr="1053827746@qq.com",
        msgid="tencent_0F1E2D3C4B5A69788796A5B4C3D2E1F00A1B@qq.com",
        subject="投稿",
        text="附件是稿件，谢谢！",
        attachments=[("新建 Microsoft Word 文档.docx", doc)],
        label=label(outcome="incomplete", missing=["title"], source_unit="双湾镇卫生院", authors=["沈雪", "马超"],
                    phone="13800135244", fmt="docx", client="qq",
                    placement=["generic_subject", "no_title", "labels_bottom", "names_ji"],
                    note="The manuscript starts straight with the lead paragraph; subject is only 投稿 and the file is "
                         "'新建 Microsoft Word 文档.docx', so there is no title anywhere. Authors are joined by 及 "
                         "with no spaces (沈雪及马超)."),
    ))

    # 04 wps with 标题： label --------------------------------------------
    t = "柳泉县第二中学举行“学雷锋”志愿服务启动仪式"
    src = make_docx([
        ("line", "标题：" + t),
        ("line", "单位：柳泉县第二中学"),
        ("line", "作者：马文静"),
        ("line", "联系电话：13800135077"),
        ("line", "审签：高建新"),
        ("blank", None),
        ("p", "3月5日，在第63个“学雷锋纪念日”到来之际，柳泉县第二中学在学校操场举行“弘扬雷锋精神 争做时代新人”志愿服务启动仪式，全校1800余名师生参加。"),
        ("p", "仪式上，学生代表宣读了志愿服务倡议书，各年级志愿服务队依次授旗。随后，师生志愿者分组走进校园周边社区、敬老院和公园，开展环境清扫、文明劝导、关爱老人等志愿服务活动。"),
        ("p", "该校负责人表示，学校将把学雷锋活动与日常德育工作相结合，建立志愿服务常态化机制，引导学生在实践中传承雷锋精神。"),
    ], author="mwj", when=(2026, 3, 5, 16, 20))
    wps = lo_convert(src, "doc", "04-lq2z")
    out.append(dict(
        name="04-wps-title-label-yeah", client="yeah", date=D(6, 8, 47, 3),
        from_name="马文静", from_addr="mwj_lq2z@yeah.net",
        msgid="2b7f41c0.5e6d.19cbc3d4e5f.Coremail.mwj_lq2z@yeah.net",
        subject="投稿 柳泉县第二中学举行“学雷锋”志愿服务启动仪式",
        text="您好！附件是我校学雷锋活动稿件（WPS文档），请审阅。\n\n柳泉二中 马文静",
        attachments=[("柳泉二中学雷锋志愿服务启动仪式.wps", wps)],
        label=label(title=t, source_unit="柳泉县第二中学", authors=["马文静"], phone="13800135077", reviewer="高建新",
                    fmt="wps", client="yeah", placement=["title_label", "labels_top", "reviewer_shenqian"],
                    note="Title is the text after 标题：. The mail signature says 柳泉二中 (abbreviation); the labelled "
                         "单位 in the manuscript is the full name and wins."),
    ))

    # 05 宣传稿, 文/ 图/ padded, 供稿单位 XX, 图一 captions, DSC names --------
    t = "东岗镇中心幼儿园开展“学雷锋 做文明小使者”主题活动"
    caps = ["小朋友们在社区广场捡拾垃圾", "幼儿为环卫工人送上自制贺卡"]
    doc = make_docx([
        ("title", t),
        ("byline", "文/赵  静　图/孙浩然"),
        ("p", "3月6日，东岗镇中心幼儿园组织大班幼儿走出校园，开展“学雷锋 做文明小使者”主题实践活动。"),
        ("p", "活动前，老师们通过讲故事、看动画等形式，向孩子们讲述雷锋叔叔乐于助人的故事。活动中，小朋友们戴上小红帽、拿起小夹子，在社区广场认真捡拾垃圾，还把亲手制作的贺卡送给正在清扫街道的环卫工人，向他们说一声“您辛苦了”。"),
        ("p", "此次活动让孩子们在亲身体验中懂得了助人为乐、爱护环境的道理，把雷锋精神的种子播撒在幼小的心田。"),
        ("blank", None),
        ("line", "供稿单位 东岗镇中心幼儿园"),
        ("line", "联系电话 0931-88772266"),
    ], author="微软用户", when=(2026, 3, 9, 9, 5))
    out.append(dict(
        name="05-generic-subject-wentu-padded-dsc-sina", client="sina", date=D(9, 9, 31, 48),
        from_name="东岗镇中心幼儿园", from_addr="dgzxyey@sina.com",
        msgid="20260309013148.9A3E51C2@sina.com",
        subject="宣传稿",
        text="老师好，宣传稿一篇，照片两张：\n图一 小朋友们在社区广场捡拾垃圾\n图二 幼儿为环卫工人送上自制贺卡\n谢谢！",
        attachments=[("宣传稿.docx", doc), ("DSC_0231.JPG", P("05-1", "捡拾垃圾")), ("DSC_0236.JPG", P("05-2", "送贺卡"))],
        label=label(title=t, source_unit="东岗镇中心幼儿园", authors=["赵静"], phone="0931-88772266",
                    captions=caps, photo_credit="孙浩然", fmt="docx", client="sina",
                    placement=["generic_subject", "wen_tu_byline", "padded_name", "gonggao_danwei_no_colon",
                               "captions_in_body_tuyi", "camera_names_dsc", "landline"],
                    note="Byline '文/赵  静　图/孙浩然': 赵静 is padded with two ASCII spaces to the width of a three-"
                         "character name; the photographer goes to photo_credit. '供稿单位 东岗镇中心幼儿园' and "
                         "'联系电话 …' have no colon. Captions come from the 图一/图二 lines of the body."),
    ))

    # 06 Foxmail + 投稿信息表 ---------------------------------------------
    t = "青禾县档案馆举办“档案里的春天”主题展览"
    doc = make_docx([
        ("byline", "投稿信息表"),
        ("table", [["稿件标题", t], ["供稿单位", "青禾县档案馆"], ["作    者", "陈喆"],
                   ["联系电话", "0471-66553021"], ["审 核 人", "包文斌"]]),
        ("blank", None),
        ("title", t),
        ("p", "3月6日，“档案里的春天——青禾农业发展历程档案展”在青禾县档案馆展厅开展。"),
        ("p", "展览分为“春耕岁月”“科技兴农”“振兴新篇”三个部分，精选馆藏文书档案、照片档案、实物档案200余件，生动展现了青禾县农业生产从传统耕作到机械化、智能化的发展历程。"),
        ("p", "开展首日，县直机关干部、中小学生及群众300余人次前来参观。展览将持续至4月30日，免费向社会开放。"),
    ], author="陈喆", when=(2026, 3, 9, 14, 10))
    out.append(dict(
        name="06-info-table-foxmail-gb2312", client="foxmail", date=D(9, 15, 34, 27),
        from_name="陈喆", from_addr="chenzhe_qh@foxmail.com",
        msgid="202603091534277829415@foxmail.com",
        subject="青禾县档案馆投稿",
        text="您好：\n    附件为我馆投稿，投稿信息表已填写在文档首页，请审阅。\n\n陈喆\n2026-03-09\n\nchenzhe_qh@foxmail.com",
        attachments=[("青禾县档案馆投稿.docx", doc)],
        label=label(title=t, source_unit="青禾县档案馆", authors=["陈喆"], phone="0471-66553021", reviewer="包文斌",
                    fmt="docx", client="foxmail", placement=["info_table", "landline", "gb2312_label_gbk_text"]),
    ))

    # 07 random-bytes .wps ------------------------------------------------
    rnd = random.Random("07-wps")
    junk = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rnd.getrandbits(8) for _ in range(24 * 1024 - 8))
    out.append(dict(
        name="07-unreadable-wps-random-126", client="126", date=D(10, 10, 3, 51),
        from_name="闫丽", from_addr="lqzrzyj_yl@126.com",
        msgid="6a0e3b9f.7c12.19cd2a8b7f1.Coremail.lqzrzyj_yl@126.com",
        subject="投稿：柳泉县自然资源局开展耕地保护宣传",
        text="您好，附件是我局的信息稿（WPS格式），麻烦审核。\n\n柳泉县自然资源局 闫丽 13800135311",
        attachments=[("柳泉县自然资源局开展耕地保护宣传.wps", junk)],
        label=rejected("unreadable_manuscript", "wps", "126", ["covering_note_only", "ole_magic_then_random"],
                       "The .wps starts with the OLE2 signature D0CF11E0 but the rest is 24 KiB of random bytes. The "
                       "covering note is not an article; per the README all draft fields are null for rejected mails."),
    ))

    # 08 .doc, subject 单位-作者-标题 -------------------------------------
    t = "“春风行动”送政策进园区"
    src = make_docx([
        ("title", t),
        ("p", "为持续深化“便民办税春风行动”，近日，北塬区税务局第一税务分局组织业务骨干走进北塬工业园区，为园区企业送上税费优惠政策“大礼包”。"),
        ("p", "活动中，税务干部围绕研发费用加计扣除、小微企业税费优惠、增值税留抵退税等企业关心的政策，采取集中宣讲、“一对一”辅导的方式进行详细解读，并现场解答企业财务人员提出的申报操作问题30余个。"),
        ("p", "“税务干部把政策送到了家门口，讲得明白、听得清楚，我们享受优惠更有底气了。”园区一家企业的财务负责人说。"),
        ("p", "下一步，该分局将继续开展“税企面对面”活动，精准推送优惠政策，助力企业轻装上阵、加快发展。"),
        ("blank", None),
        ("line", "供稿单位：北塬区税务局第一税务分局"),
        ("line", "作者：刘晓雯"),
        ("line", "联系电话：13800135055"),
        ("line", "签发：马国栋"),
    ], author="lxw", when=(2026, 3, 10, 9, 0))
    docb = lo_convert(src, "doc", "08-swfj")
    out.append(dict(
        name="08-doc-subject-unit-author-title-126", client="126", date=D(10, 14, 22, 9),
        from_name="刘晓雯", from_addr="liuxiaowen_sw@126.com",
        msgid="1f7c2d88.2e31.19cd3b6c0a4.Coremail.liuxiaowen_sw@126.com",
        subject="北塬区税务局第一税务分局-刘晓雯-“春风行动”送政策进园区",
        text="各位老师好，报送信息一篇，请审阅。",
        attachments=[("“春风行动”送政策进园区.doc", docb)],
        label=label(title=t, source_unit="北塬区税务局第一税务分局", authors=["刘晓雯"], phone="13800135055",
                    reviewer="马国栋", fmt="doc", client="126",
                    placement=["subject_unit_author_title", "labels_bottom", "reviewer_qianfa"],
                    note="Subject is 单位-作者-标题 with ASCII hyphens; unit, author and title agree with the manuscript. "
                         "The title begins with a quoted phrase."),
    ))

    # 09 no title, no phone ------------------------------------------------
    doc = make_docx([
        ("line", "单位：青禾县气象局"),
        ("line", "通讯员：杜鹃；韩冰"),
        ("blank", None),
        ("p", "近日，青禾县气象局组织技术人员深入乡镇田间地头，开展春耕春播气象服务，为农户送上“气象锦囊”。"),
        ("p", "技术人员结合近期天气趋势，向种植大户和农户详细讲解了倒春寒、春旱等灾害性天气的防御措施，指导农户科学安排播种时间，并现场演示了用手机查询精细化天气预报和接收预警信息的方法。"),
        ("p", "今年以来，该局已发布春播气象服务专题材料6期，通过微信群、农村大喇叭等渠道向农户推送气象信息1.2万余人次。"),
    ], author="qxj", when=(2026, 3, 11, 8, 15))
    out.append(dict(
        name="09-notitle-nophone-semicolon-aliyun", client="aliyun", date=D(11, 9, 12, 33),
        from_name="青禾县气象局", from_addr="qxj_tongxun@aliyun.com",
        msgid="a1b2c3d4-0911-4e5f-8a9b-qxj.tongxun@aliyun.com",
        subject="稿件",
        text="请查收。",
        attachments=[("稿件.docx", doc)],
        label=label(outcome="incomplete", missing=["title", "phone"], source_unit="青禾县气象局", authors=["杜鹃", "韩冰"],
                    fmt="docx", client="aliyun",
                    placement=["generic_subject", "no_title", "no_phone", "labels_top", "names_semicolon"],
                    note="No title line (the document opens with 单位/通讯员 and then the lead), subject 稿件, file 稿件.docx; "
                         "no phone number anywhere. Authors separated by a full-width ；."),
    ))

    # 10 HTML body with cid photos ----------------------------------------
    t = "红旗村党支部开展“三月植树”主题党日活动"
    c1, c2 = "党员志愿者在村西荒坡栽种樟子松。", "党员志愿者为新栽的树苗浇水。"
    paras = [
        "3月12日是第48个植树节。当天，青禾县红旗村党支部组织党员、志愿者30余人，在村西荒坡开展义务植树主题党日活动。",
        "活动现场，大家分工协作，挥锹铲土、扶苗填坑、提水浇灌，干得热火朝天。经过3个多小时的努力，共栽种樟子松、山杏等苗木600余株。",
        "村党支部书记表示，将以此次活动为契机，持续开展村庄绿化美化行动，让绿色成为乡村振兴的亮丽底色。",
    ]
    meta = ["供稿：青禾县红旗村党支部", "作者：白玉兰", "电话：13800135144"]
    text = "\n".join([t, ""] + [paras[0], paras[1], c1, paras[2], c2, ""] + meta)
    html = ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
            f'<p style="text-align:center"><b><span style="font-size:18px">{t}</span></b></p>'
            f'<p>　　{paras[0]}</p><p>　　{paras[1]}</p>'
            '<p style="text-align:center"><img src="cid:7f3a1c2e$1$19ce1b2a3c4$Coremail$hqcdzb$163.com" width="320" height="240"></p>'
            f'<p style="text-align:center">{c1}</p>'
            f'<p>　　{paras[2]}</p>'
            '<p style="text-align:center"><img src="cid:7f3a1c2e$2$19ce1b2a3c4$Coremail$hqcdzb$163.com" width="320" height="240"></p>'
            f'<p style="text-align:center">{c2}</p><p><br></p>'
            + "".join(f"<div>{m}</div>" for m in meta) + "</div>")
    out.append(dict(
        name="10-html-inline-cid-photos-163", client="163", date=D(12, 18, 25, 12),
        from_name="白玉兰", from_addr="hqcdzb@163.com",
        msgid="7f3a1c2e.3b45.19ce1b2a3c4.Coremail.hqcdzb@163.com",
        subject="投稿-红旗村党支部开展“三月植树”主题党日活动",
        text=text, html=html,
        inline=[("7f3a1c2e$1$19ce1b2a3c4$Coremail$hqcdzb$163.com", "IMG_20260312_094512.jpg", P("10-1", "栽种樟子松")),
                ("7f3a1c2e$2$19ce1b2a3c4$Coremail$hqcdzb$163.com", "IMG_20260312_101830.jpg", P("10-2", "浇水"))],
        label=label(title=t, source_unit="青禾县红旗村党支部", authors=["白玉兰"], phone="13800135144",
                    captions=[c1, c2], fmt="body", client="163",
                    placement=["body_html", "inline_cid_photos", "labels_bottom", "subject_tougao_dash_title"],
                    note="Article is the HTML body itself; each cid image is followed by its caption line."),
    ))

    # 11 Outlook, spaced labels -------------------------------------------
    t = "石岭区人民医院开展“世界肾脏日”义诊活动"
    cap = "图为医护人员为群众测量血压。"
    doc = make_docx([
        ("title", t),
        ("line", "单  位：石岭区人民医院"),
        ("line", "作  者：苏婉清"),
        ("line", "电  话：13800135033"),
        ("line", "审  核：钱卫东"),
        ("blank", None),
        ("p", "3月12日是第21个“世界肾脏日”。当天上午，石岭区人民医院肾内科联合健康管理中心在门诊大厅开展主题义诊活动。"),
        ("p", "义诊现场，医护人员为前来咨询的群众免费测量血压、血糖，开展尿常规快速检测，耐心解答慢性肾脏病的早期症状、日常饮食和用药注意事项等问题，并发放健康宣传资料。"),
        ("img", P("11-1", "义诊测血压")), ("cap", cap),
        ("p", "此次活动共接待群众咨询200余人次，免费检测尿常规86人次，发放宣传资料500余份。"),
    ], author="swq", when=(2026, 3, 13, 8, 40))
    out.append(dict(
        name="11-spaced-labels-outlook-rfc2231", client="outlook", date=D(13, 9, 18, 2),
        from_name="苏婉清", from_addr="suwanqing_slyy@outlook.com",
        msgid="000001dcb2c1$4f5e6a70$ef7b1f50$@outlook.com",
        subject="投稿：《石岭区人民医院开展“世界肾脏日”义诊活动》",
        text="您好！\n附件是我院投稿，请审阅。\n\n苏婉清\n石岭区人民医院党委办公室\n",
        attachments=[("石岭区人民医院开展“世界肾脏日”义诊活动（投稿）.docx", doc)],
        label=label(title=t, source_unit="石岭区人民医院", authors=["苏婉清"], phone="13800135033", reviewer="钱卫东",
                    captions=[cap], fmt="docx", client="outlook",
                    placement=["subject_tougao_title", "spaced_labels", "labels_top", "photos_embedded", "rfc2231_continuation"],
                    note="Labels are padded with two ASCII spaces (单  位：). The mail signature names 石岭区人民医院党委办公室; "
                         "the labelled 单位 in the manuscript is used."),
    ))

    # 12 mobile-client signature, no author ------------------------------
    t = "柳泉县邮政分公司开展“普惠金融进乡村”宣传活动"
    doc = make_docx([
        ("title", t),
        ("p", "为提升农村群众金融知识水平和风险防范意识，近日，柳泉县邮政分公司组织员工深入辖区乡镇集市、村委会，开展“普惠金融进乡村”宣传活动。"),
        ("p", "活动中，工作人员通过摆放展板、发放宣传折页、现场讲解等方式，向群众普及防范电信网络诈骗、拒绝非法集资、保护个人信息等金融知识，并结合真实案例揭示常见诈骗套路，提醒群众守好“钱袋子”。"),
        ("p", "此次活动共开展宣传12场，发放宣传资料2000余份，受益群众1500余人次。"),
    ], author="HUAWEI", when=(2026, 3, 13, 7, 55))
    out.append(dict(
        name="12-mobile-signature-no-author-dashi", client="dashi", date=D(13, 12, 7, 44),
        from_name="何晓燕", from_addr="hexiaoyan_yz@126.com",
        msgid="3c55e0a1.1d.19ce5d0f2a7.Coremail.hexiaoyan_yz@126.com",
        subject="投稿",
        text="领导好，稿子发您邮箱了，麻烦审一下，谢谢！\n\n柳泉县邮政分公司 | 何晓燕 | 13800135177\n\n发自网易邮箱大师",
        attachments=[("邮政普惠金融.docx", doc)],
        label=label(outcome="incomplete", missing=["authors"], title=t, source_unit="柳泉县邮政分公司",
                    phone="13800135177", fmt="docx", client="126-dashi",
                    placement=["generic_subject", "signature_mobile_one_line", "no_author_label"],
                    note="Unit and phone come from the one-line mobile signature 'unit | name | phone'. Following the "
                         "README (a name in the signature is not an author unless labelled) the sender 何晓燕 is not an "
                         "author, so authors is empty and the case is incomplete. An editor would phone her to ask."),
    ))

    # 13 photos only ------------------------------------------------------
    out.append(dict(
        name="13-photos-only-iphone", client="iphone", date=D(14, 16, 52, 9),
        from_name="王建军", from_addr="wjj_hgxq@icloud.com",
        msgid="5E0B1C7A-2F3D-4A8B-9C6D-7E1F20A3B4C5@icloud.com",
        subject="照片",
        text="", tail_text="\n\n发自我的iPhone",
        attachments=[("IMG_1021.JPG", P("13-1", "现场")), ("IMG_1022.JPG", P("13-2", "现场")), ("IMG_1025.JPG", P("13-3", "合影"))],
        label=rejected("no_manuscript", "photos", "iphone", ["photos_only"],
                       "Three camera JPEGs and the iPhone signature; no article text at all."),
    ))

    # 14 body only, subject 标题（单位）-------------------------------------
    t = "社区“邻里节”暖人心"
    text = "\n".join([
        t, "",
        "　　3月14日，石岭区西园街道和平社区在社区文化广场举办第五届“邻里节”活动，300余名居民欢聚一堂。",
        "　　活动现场设置了便民服务区、邻里美食区、文艺展示区和亲子游戏区。志愿者为居民提供理发、磨刀、家电维修、健康咨询等服务；居民们带来拿手的家常菜，互相品尝、交流厨艺；社区舞蹈队、合唱团轮番登台，赢得阵阵掌声。",
        "　　“平时大家各忙各的，通过邻里节认识了不少新邻居。”居民王阿姨高兴地说。",
        "　　社区负责人表示，将以邻里节为纽带，持续开展多样化的邻里活动，营造“远亲不如近邻”的和谐氛围。",
        "",
        "供稿单位：石岭区西园街道和平社区居委会",
        "撰稿人：袁梦",
        "联系电话：138 0013 5066",
    ])
    out.append(dict(
        name="14-body-only-subject-title-unit-sina", client="sina", date=D(16, 8, 36, 20),
        from_name="袁梦", from_addr="hpsq_xy@sina.cn",
        msgid="20260316003620.5B7D92E4@sina.cn",
        subject="社区“邻里节”暖人心（石岭区西园街道和平社区居委会）",
        text=text,
        label=label(title=t, source_unit="石岭区西园街道和平社区居委会", authors=["袁梦"], phone="13800135066",
                    fmt="body", client="sina",
                    placement=["body_plain", "subject_title_paren_unit", "labels_bottom", "mobile_spaced"]),
    ))

    # 15 HTML signature, bracketed area code + 转 ---------------------------
    t = "北关区烟草专卖局开展“3·15”消费者权益保护日宣传活动"
    cap = "图为执法人员向市民讲解真假卷烟鉴别知识。"
    doc = make_docx([
        ("title", t),
        ("byline", "文/ 郭嘉怡　图/ 冯涛"),
        ("p", "3月15日，北关区烟草专卖局在城区中心广场开展“3·15”国际消费者权益日主题宣传活动。"),
        ("p", "活动现场，执法人员通过展示真假卷烟样品、发放宣传资料、现场讲解等方式，向市民普及真假卷烟鉴别知识，宣传《烟草专卖法》及相关法律法规，提醒市民通过正规渠道购买卷烟，发现违法行为及时举报。"),
        ("img", P("15-1", "真假卷烟鉴别")), ("cap", cap),
        ("p", "活动共发放宣传资料800余份，接受群众咨询120余人次。"),
    ], author="gjy", when=(2026, 3, 16, 9, 30))
    plain = ("您好：\n附件是我局“3·15”宣传活动稿件，请审阅。\n\n"
             "郭嘉怡 | 综合办公室\n北关区烟草专卖局\n电话：（0471）6655 3012 转 806\n地址：北关区建设路18号\n")
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
            '<meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body lang=ZH-CN>'
            '<div class=WordSection1><p class=MsoNormal>您好：</p>'
            '<p class=MsoNormal>附件是我局“3·15”宣传活动稿件，请审阅。</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>'
            '<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style="border-top:solid #1F4E79 1.5pt">'
            '<tr><td style="padding:4pt"><p class=MsoNormal><b><span style="color:#1F4E79">郭嘉怡</span></b>'
            '<span style="color:gray"> | 综合办公室</span></p></td></tr>'
            '<tr><td style="padding:4pt"><p class=MsoNormal><span style="color:#1F4E79">北关区烟草专卖局</span></p></td></tr>'
            '<tr><td style="padding:4pt"><p class=MsoNormal><span style="font-size:9pt">电话：（0471）6655 3012 转 806</span></p></td></tr>'
            '<tr><td style="padding:4pt"><p class=MsoNormal><span style="font-size:9pt">地址：北关区建设路18号</span></p></td></tr>'
            '</table></div></body></html>')
    out.append(dict(
        name="15-html-signature-bracket-ext-exchange", client="exchange", date=D(16, 10, 5, 58),
        from_name="郭嘉怡", from_addr="guojy@bgyc-tobacco.example.cn",
        msgid="000201dcb4e3$9a8b7c60$cf9e6d20$@bgyc-tobacco.example.cn",
        subject="稿件",
        text=plain, html=html,
        attachments=[("北关区烟草专卖局3·15宣传活动.docx", doc)],
        label=label(title=t, source_unit="北关区烟草专卖局", authors=["郭嘉怡"], phone="0471-66553012-806",
                    captions=[cap], photo_credit="冯涛", fmt="docx", client="outlook",
                    placement=["generic_subject", "signature_html_table", "wen_tu_byline", "phone_bracket_area_code",
                               "phone_extension_zhuan", "photos_embedded"],
                    note="Unit and phone only in the HTML signature table (unit line 北关区烟草专卖局; the name line "
                         "carries the department 综合办公室). Author from '文/ 郭嘉怡', photographer 冯涛 is photo_credit."),
    ))

    # 16 Fw: 新闻稿件, full-width padded names, 落款 ------------------------
    t = "红星街道开展“党员进网格 服务零距离”主题活动"
    doc = make_docx([
        ("title", t),
        ("byline", "作者：邵　峰　白　雪"),
        ("p", "为推动党建引领基层治理走深走实，近日，红星街道党工委组织全体在职党员下沉社区网格，开展“党员进网格 服务零距离”主题活动。"),
        ("p", "活动中，党员们走街串巷、入户走访，面对面倾听居民诉求，现场收集房屋漏水、楼道照明、停车难等问题建议46条，能现场解决的立即解决，不能解决的登记建档、跟踪办理。"),
        ("p", "下一步，红星街道将建立党员联系网格常态化机制，让党员在网格中“亮身份、践承诺、办实事”，不断提升居民群众的获得感和幸福感。"),
        ("blank", None),
        ("right", "红星街道党工委"),
        ("right", "2026年3月16日"),
        ("line", "（联系电话：13800135222）"),
    ], author="shaofeng", when=(2026, 3, 16, 17, 30))
    text = ("请审阅刊用，谢谢！\n\n"
            "-----原始邮件-----\n"
            "发件人: 邵峰 <shaofeng1988@126.com>\n"
            "发送时间: 2026年3月16日 17:42\n"
            "收件人: weitao_hx@outlook.com\n"
            "主题: 新闻稿件\n\n"
            "魏主任，稿件写好了，您看一下，没问题的话帮忙转给投稿邮箱。\n")
    out.append(dict(
        name="16-fw-generic-fullwidth-padded-names-outlook", client="outlook", date=D(17, 8, 58, 14),
        from_name="魏涛", from_addr="weitao_hx@outlook.com",
        msgid="000401dcb5ad$1c2d3e40$5a6b7c80$@outlook.com",
        subject="Fw: 新闻稿件",
        text=text,
        attachments=[("新闻稿件.docx", doc)],
        label=label(title=t, source_unit="红星街道党工委", authors=["邵峰", "白雪"], phone="13800135222",
                    fmt="docx", client="outlook",
                    placement=["generic_subject_fw", "forwarded", "padded_names_fullwidth", "luokuan"],
                    note="'作者：邵　峰　白　雪' uses U+3000 both to pad each two-character name and between names; an "
                         "editor reads 邵峰 and 白雪 (Chinese personal names are never one character). Unit from the "
                         "落款. The forwarder 魏涛 and '魏主任' are not authors or reviewers."),
    ))

    # 17 Coremail UTF-8, 落款, 审定 ----------------------------------------
    t = "县机关事务服务中心扎实推进公共机构节能降碳"
    doc = make_docx([
        ("title", t),
        ("line", "撰稿人：潘雨桐"),
        ("line", "联系方式：13800135133"),
        ("blank", None),
        ("p", "今年以来，柳泉县机关事务服务中心坚持把节能降碳作为机关事务管理的重要内容，多措并举推动公共机构节约能源资源工作提质增效。"),
        ("p", "该中心对县行政中心办公区照明、空调系统实施节能改造，更换LED节能灯具1200余盏；推行无纸化办公和会议，公文流转电子化率达到95%以上；在机关食堂开展“光盘行动”，餐厨垃圾量同比下降18%。"),
        ("p", "同时，该中心组织开展节能宣传周、低碳出行日等活动，引导干部职工养成绿色低碳的工作和生活习惯。"),
        ("blank", None),
        ("right", "柳泉县机关事务服务中心"),
        ("right", "2026年3月18日"),
        ("blank", None),
        ("line", "审定：韦明"),
    ], author="Administrator", when=(2026, 3, 18, 8, 20))
    out.append(dict(
        name="17-coremail-utf8-luokuan-shending", client="coremail-utf8", date=D(18, 9, 40, 36),
        from_name="潘雨桐", from_addr="panyt@lqjgsw.example.cn",
        msgid="2d9e77a1.4b3.19cf8e1c5d2.Coremail.panyt@lqjgsw.example.cn",
        subject="县机关事务服务中心扎实推进公共机构节能降碳",
        text="您好，报送我中心信息一篇，请审核。\n\n潘雨桐\n柳泉县机关事务服务中心",
        attachments=[("县机关事务服务中心扎实推进公共机构节能降碳.docx", doc)],
        label=label(title=t, source_unit="柳泉县机关事务服务中心", authors=["潘雨桐"], phone="13800135133",
                    reviewer="韦明", fmt="docx", client="coremail-utf8",
                    placement=["subject_title_only", "labels_top", "luokuan", "reviewer_shending"]),
    ))

    # 18 mixed separators, em-dash phone, 附图说明 list, 微信图片 names -------
    t = "青禾县举办春季森林草原防灭火应急演练"
    caps = ["演练现场，扑火队员使用风力灭火机扑打“火线”。", "无人机对“火场”进行实时侦察。", "救援队员转移“受困”群众。"]
    doc = make_docx([
        ("title", t),
        ("line", "单位：青禾县应急管理局"),
        ("line", "作 者：王  磊、刘芳，陈建国"),
        ("line", "联系电话：138—0013—5211"),
        ("blank", None),
        ("p", "3月17日，青禾县森林草原防灭火指挥部在北岭林区举办2026年春季森林草原防灭火应急演练，县应急管理局、林草局、消防救援大队及乡镇专业扑火队等10余支队伍200余人参加。"),
        ("p", "演练模拟北岭林区因村民上坟烧纸引发林火、火势向山脊蔓延。接到报警后，指挥部迅速启动应急预案，各救援力量按照“打早、打小、打了”的原则，综合运用无人机侦察、风力灭火、以水灭火、开设隔离带等战术，成功扑灭“火情”，并安全转移“受困”群众。"),
        ("p", "此次演练检验了各部门协同作战和快速反应能力，进一步提升了全县森林草原火灾应急处置水平。"),
    ], author="WL", when=(2026, 3, 18, 10, 0))
    out.append(dict(
        name="18-mixed-separators-emdash-phone-futu-list-qq", client="qq", date=D(18, 15, 30, 5),
        from_name="磊", from_addr="3381920475@qq.com",
        msgid="tencent_5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F@qq.com",
        subject="青禾县举办春季森林草原防灭火应急演练",
        text="老师您好！稿件和照片已上传附件。\n附图说明：\n1. " + caps[0] + "\n2. " + caps[1] + "\n3. " + caps[2],
        attachments=[("青禾县春季森林草原防灭火应急演练.docx", doc),
                     ("微信图片_20260317153012.jpg", P("18-1", "风力灭火")),
                     ("微信图片_20260317153047.jpg", P("18-2", "无人机侦察")),
                     ("微信图片_20260317153105.jpg", P("18-3", "转移群众"))],
        label=label(title=t, source_unit="青禾县应急管理局", authors=["王磊", "刘芳", "陈建国"], phone="13800135211",
                    captions=caps, fmt="docx", client="qq",
                    placement=["subject_title_only", "labels_top", "names_mixed_separators", "padded_name",
                               "phone_em_dash", "captions_in_body_futu_list", "camera_names_wechat"],
                    note="'作 者：王  磊、刘芳，陈建国': 王磊 padded with two ASCII spaces, then 、 and ， separators. "
                         "Phone typed with em dashes (138—0013—5211). Captions from the numbered 附图说明 list, "
                         "'1. ' prefix removed."),
    ))

    # 19 iPhone, metadata in body -----------------------------------------
    t = "老干部春季健康讲座开讲"
    doc = make_docx([
        ("title", t),
        ("p", "3月18日，北塬区老干部局邀请区人民医院心内科专家走进老干部活动中心，为60余名离退休干部举办春季健康知识讲座。"),
        ("p", "讲座中，专家结合春季气候特点，围绕高血压、冠心病等老年常见病的预防与治疗，深入浅出地讲解了科学用药、合理饮食、适度锻炼等健康知识，并现场为老同志测量血压、解答疑问。"),
        ("p", "老同志们纷纷表示，讲座内容实用、通俗易懂，对今后科学养生很有帮助。"),
    ], author="tianyu", when=(2026, 3, 18, 20, 10))
    out.append(dict(
        name="19-body-metadata-docx-iphone", client="iphone", date=D(19, 7, 48, 31),
        from_name="田雨", from_addr="tianyu_bylgj@icloud.com",
        msgid="A7C2E419-5B3D-4F60-8E1A-2C9D7B6F0E35@icloud.com",
        subject="北塬区老干部局 老干部春季健康讲座开讲",
        text="标题：老干部春季健康讲座开讲\n单位：北塬区老干部局\n作者：田雨\n电话：13800135101\n审核：郑国平\n\n稿件见附件\n\n发自我的iPhone",
        attachments=[("老干部春季健康讲座开讲.docx", doc)],
        label=label(title=t, source_unit="北塬区老干部局", authors=["田雨"], phone="13800135101", reviewer="郑国平",
                    fmt="docx", client="iphone",
                    placement=["subject_unit_title", "metadata_in_body", "rfc2231_filename"]),
    ))

    # 20 plain signature + 通讯员 lead + 图片1. captions ---------------------
    t = "青禾县妇幼保健院开展“母婴安康”健康宣传周活动"
    caps = ["医务人员为孕产妇讲解孕期营养知识", "儿童保健科医生为婴幼儿进行体格检查"]
    doc = make_docx([
        ("title", t),
        ("p", "本网讯（通讯员 郝晓雯）3月16日起，青禾县妇幼保健院开展为期一周的“母婴安康”健康宣传活动。"),
        ("p", "活动期间，该院组织妇产科、儿童保健科、营养科专家开设孕妇学校专题课堂，为孕产妇讲解孕期营养、分娩准备、母乳喂养等知识；在儿童保健门诊开展婴幼儿免费体格检查和生长发育评估，为家长提供科学育儿指导。"),
        ("p", "截至目前，活动已累计开展健康讲座4场，为320余名婴幼儿进行体格检查，发放宣传资料1500余份。"),
    ], author="fybjy", when=(2026, 3, 19, 9, 10))
    out.append(dict(
        name="20-plain-signature-lead-tupian-captions-126", client="126", date=D(19, 10, 26, 50),
        from_name="郝晓雯", from_addr="haoxiaowen_fy@126.com",
        msgid="5e21a9c3.6f10.19cfe4a2b81.Coremail.haoxiaowen_fy@126.com",
        subject="新闻稿件一篇",
        text="您好！附件为我院新闻稿件一篇，配图2张，请审核刊用。\n图片1." + caps[0] + "\n图片2." + caps[1]
             + "\n\n--\n郝晓雯\n青禾县妇幼保健院\n138-0013-5155",
        attachments=[("妇幼保健院母婴安康宣传周.docx", doc), ("1.jpg", P("20-1", "孕妇学校")), ("2.jpg", P("20-2", "体格检查"))],
        label=label(title=t, source_unit="青禾县妇幼保健院", authors=["郝晓雯"], phone="13800135155",
                    captions=caps, fmt="docx", client="126",
                    placement=["generic_subject", "signature_plain", "lead_tongxunyuan", "captions_in_body_tupian",
                               "photos_separate", "mobile_dashed"],
                    note="Unit and phone only in the plain '--' signature (no labels). The author is named by the lead "
                         "'本网讯（通讯员 郝晓雯）', so the signature name is also an author. Captions from '图片1.' lines."),
    ))

    # 21 media outlet 记者 + 特约通讯员, （XX 供稿）, 图1： in body, IMG_ names
    t = "普法赶大集 法律进万家"
    caps = ["普法志愿者在集市上向群众发放宣传资料", "律师为村民提供法律咨询", "村民在“法治长廊”前驻足阅读"]
    doc = make_docx([
        ("title", t),
        ("p", "本报讯（西部法治时报记者 马晓东 特约通讯员 刘洋）3月20日是石岭区红沙乡的传统集日，石岭区司法局联合乡司法所、律师事务所在红沙乡集市开展“普法赶大集”活动，把法律知识送到群众身边。"),
        ("p", "活动现场，工作人员通过悬挂横幅、摆放展板、发放宣传资料等方式，围绕民法典、反电信网络诈骗法、农村土地承包法等与群众生产生活密切相关的法律法规进行宣传讲解。律师们为前来咨询的村民解答土地流转、婚姻家庭、劳务纠纷等方面的法律问题。"),
        ("p", "“在家门口就能找律师咨询，真是方便！”前来赶集的村民李大爷说。"),
        ("p", "当天，活动共发放宣传资料1200余份，解答法律咨询60余人次。"),
        ("right", "（石岭区司法局 供稿）"),
    ], author="Administrator", when=(2026, 3, 20, 17, 0))
    out.append(dict(
        name="21-media-reporter-lead-gonggao-img-names-qq", client="qq", date=D(20, 18, 14, 37),
        from_name="刘洋", from_addr="1942236680@qq.com",
        msgid="tencent_C3D4E5F60718293A4B5C6D7E8F9012345678@qq.com",
        subject="石岭区司法局稿件",
        text="编辑您好：\n附件稿件系我局与西部法治时报联合采写，照片3张随附：\n图1：" + caps[0] + "\n图2：" + caps[1]
             + "\n图3：" + caps[2] + "\n联系电话：13800135188",
        attachments=[("普法赶大集.docx", doc),
                     ("IMG_20260320_093512.jpg", P("21-1", "发放资料")),
                     ("IMG_20260320_094108.jpg", P("21-2", "法律咨询")),
                     ("IMG_20260320_101244.jpg", P("21-3", "法治长廊"))],
        label=label(title=t, source_unit="石岭区司法局", authors=["马晓东", "刘洋"], phone="13800135188",
                    captions=caps, fmt="docx", client="qq",
                    placement=["lead_media_reporter", "lead_teyue_tongxunyuan", "closing_gonggao", "captions_in_body",
                               "camera_names_img", "phone_in_body"],
                    note="Byline lead names a newspaper reporter (西部法治时报记者 马晓东) and the unit's 特约通讯员 刘洋: both "
                         "are authors, the newspaper is NOT the source unit. The unit is in the closing '（石岭区司法局 供稿）'."),
    ))

    # 22 DingTalk, embedded photos + byte-identical originals --------------
    t = "供水公司开展“供水服务进社区”活动"
    c1, c2 = "党员服务队员为居民讲解节约用水知识。", "服务队员入户检修漏水阀门。"
    p1, p2 = P("22-1", "节水宣传"), P("22-2", "入户检修")
    doc = make_docx([
        ("title", t),
        ("line", "作者：吴昊天"),
        ("line", "单位：石岭区城市供水有限公司"),
        ("line", "联系电话：13800135111"),
        ("line", "审核：冯志远"),
        ("blank", None),
        ("p", "3月21日，石岭区城市供水有限公司组织党员服务队走进西园街道幸福里社区，开展“供水服务进社区”便民服务活动。"),
        ("p", "活动现场，服务队员为居民讲解节约用水、水表防冻、二次供水安全等知识，现场受理用水报装、水费查询、户名变更等业务，并入户为部分老旧小区居民检修漏水水龙头和阀门。"),
        ("img", p1), ("cap", c1),
        ("p", "此次活动共受理各类业务咨询80余件，入户维修28户。"),
        ("img", p2), ("cap", c2),
    ], author="吴昊天", when=(2026, 3, 23, 8, 30))
    html = ('<div style="font-family:微软雅黑;font-size:14px;">各位老师好：</div>'
            '<div style="font-family:微软雅黑;font-size:14px;">稿件及原图见附件，请审核。</div><div><br></div>'
            '<div style="font-size:12px;color:#999999;">——来自钉钉专属商务邮箱</div>')
    out.append(dict(
        name="22-embedded-plus-original-jpgs-dingtalk", client="dingtalk", date=D(23, 9, 2, 19),
        from_name="吴昊天", from_addr="wuhaotian@slgs-water.example.cn",
        msgid="4f2c6d1e-8a7b-4c3d-9e0f-1a2b3c4d5e6f.wuhaotian@slgs-water.example.cn",
        subject="石岭区城市供水有限公司：供水公司开展“供水服务进社区”活动",
        text="各位老师好：\n稿件及原图见附件，请审核。\n\n——来自钉钉专属商务邮箱", html=html,
        attachments=[("供水服务进社区.docx", doc), ("原图1.jpg", p1), ("原图2.jpg", p2)],
        label=label(title=t, source_unit="石岭区城市供水有限公司", authors=["吴昊天"], phone="13800135111",
                    reviewer="冯志远", captions=[c1, c2], fmt="docx", client="dingtalk",
                    placement=["subject_unit_colon_title", "labels_top", "photos_embedded", "originals_attached_identical"],
                    note="Both photos are embedded in the docx with a caption line under each AND attached as "
                         "byte-identical originals (原图1.jpg, 原图2.jpg): 2 photos, not 4."),
    ))

    # 23 truncated docx ---------------------------------------------------
    full = make_docx([
        ("title", "北塬区开展“世界水日”“中国水周”宣传活动"),
        ("line", "单位：北塬区水务局"), ("line", "作者：蒋涛"), ("line", "电话：13800135266"),
        ("p", "3月22日是第三十四届“世界水日”，3月22日至28日是第三十九届“中国水周”。北塬区水务局在城区广场开展节水护水主题宣传活动。"),
        ("p", "活动现场，工作人员通过展板、宣传册和有奖问答等形式，向市民普及节约用水和水资源保护知识。"),
        ("img", P("23-1", "节水宣传")),
    ], author="jt", when=(2026, 3, 23, 8, 0))
    cut = full[: len(full) * 45 // 100]
    out.append(dict(
        name="23-unreadable-truncated-docx-qq", client="qq", date=D(23, 10, 11, 6),
        from_name="蒋涛", from_addr="2018844601@qq.com",
        msgid="tencent_9F8E7D6C5B4A39281706F5E4D3C2B1A09F8E@qq.com",
        subject="北塬区水务局 北塬区开展“世界水日”“中国水周”宣传活动",
        text="您好，附件是我局投稿，请查收。\n联系人：蒋涛 13800135266",
        attachments=[("北塬区开展世界水日中国水周宣传活动.docx", cut)],
        label=rejected("unreadable_manuscript", "docx", "qq", ["covering_note_only", "truncated_docx"],
                       "The .docx is cut at 45% of its length (no central directory). Subject and note carry a title, "
                       "unit and phone, but the manuscript cannot be read, so per the README the mail is rejected with "
                       "all draft fields null."),
    ))

    # 24 body only, 特约通讯员, 稿件来源：, full-width phone ------------------
    t = "北塬区总工会开展“女职工维权行动月”普法宣传"
    text = "\n".join([
        t,
        "本网讯（特约通讯员 周婷婷）3月以来，北塬区总工会以“女职工维权行动月”为契机，组织开展系列普法宣传活动，切实增强女职工依法维权意识。",
        "区总工会联合区人社局、区司法局走进工业园区、商贸企业和建筑工地，通过设立咨询台、发放宣传手册、开展专题讲座等形式，重点宣传《女职工劳动保护特别规定》《劳动合同法》等法律法规，现场解答女职工在劳动报酬、产假待遇、劳动保护等方面的咨询。",
        "截至目前，已开展宣传活动8场，发放宣传资料3000余份，覆盖女职工2000余人。",
        "",
        "稿件来源：北塬区总工会",
        "联系电话：１３８００１３５１９９",
    ])
    out.append(dict(
        name="24-body-only-teyue-source-fullwidth-phone-sohu", client="sohu", date=D(24, 8, 20, 44),
        from_name="周婷婷", from_addr="zhoutt_byzgh@sohu.com",
        msgid="1774311644.7d2e9b.zhoutt_byzgh@sohu.com",
        subject="信息",
        text=text,
        label=label(title=t, source_unit="北塬区总工会", authors=["周婷婷"], phone="13800135199",
                    fmt="body", client="sohu",
                    placement=["body_plain", "generic_subject", "lead_teyue_tongxunyuan", "closing_gaojian_laiyuan",
                               "phone_fullwidth_digits"],
                    note="Generic subject 信息; the first body line is the title. Author from the lead "
                         "'（特约通讯员 周婷婷）', unit from '稿件来源：', phone typed in full-width digits."),
    ))

    # 25 auto-reply -------------------------------------------------------
    out.append(dict(
        name="25-auto-reply-126", client="126", date=D(24, 9, 0, 3),
        from_name="王芳", from_addr="wangfang_lqtw@126.com",
        msgid="6b3f0e2d.9a1.19d1a7c3e02.Coremail.wangfang_lqtw@126.com",
        subject="自动回复：稿件已收到",
        extra_headers=["Auto-Submitted: auto-replied", "In-Reply-To: <receipt-20260324-0017@localhost>",
                       "References: <receipt-20260324-0017@localhost>"],
        text="您好！您的来信已收到。本人3月24日至27日在外参加培训，期间不便查看邮件，急事请拨打办公室电话0931-88771100。谢谢！\n\n（此邮件为自动回复）",
        label=label(outcome="ignored", reason="auto_reply", fmt="body", client="126", placement=["auto_reply"],
                    note="Out-of-office reply to the site's receipt: Auto-Submitted: auto-replied, subject 自动回复：…"),
    ))

    # 26 回复：稿件, 照片1 captions, one photo without caption ---------------
    t = "柳泉县图书馆举办“书香润童心”春季阅读推广活动"
    caps = ["读者在“非遗剪纸”体验区学习剪纸", "志愿者为小读者讲绘本故事", None]
    doc = make_docx([
        ("title", t),
        ("line", "作者：高原与林晓"),
        ("line", "单位：柳泉县图书馆"),
        ("line", "电话：13800135233"),
        ("blank", None),
        ("p", "3月21日至22日，柳泉县图书馆举办“书香润童心”春季阅读推广系列活动，吸引400余名读者参与。"),
        ("p", "活动期间，图书馆开设了绘本共读、“非遗剪纸”体验、亲子阅读打卡等活动。志愿者声情并茂地为小读者讲述绘本故事；剪纸艺人手把手指导读者剪出“春燕”“福”字等作品，让大家近距离感受传统文化的魅力。"),
        ("p", "据悉，今年柳泉县图书馆将持续开展“全民阅读”系列活动，推动书香柳泉建设。"),
    ], author="linxiao", when=(2026, 3, 24, 9, 50))
    text = ("好的老师，原图补发如下，修改后的稿件也在附件里。\n照片1 " + caps[0] + "\n照片2 " + caps[1]
            + "\n\n林晓\n\n\n在 2026-03-23 10:15:32，\"投稿邮箱\" <tougao@localhost> 写道：\n"
            "> 您好，稿件已收到。请补充照片原图及说明，作者、联系电话请写在稿件中。\n")
    out.append(dict(
        name="26-reply-generic-zhaopian-captions-one-null-163", client="163", date=D(24, 10, 37, 25),
        from_name="林晓", from_addr="linxiao_lqtsg@163.com",
        msgid="7a0d4c2b.3c77.19d1ad5e6f0.Coremail.linxiao_lqtsg@163.com",
        subject="回复：稿件",
        extra_headers=["In-Reply-To: <reply-20260323-0042@localhost>", "References: <reply-20260323-0042@localhost>"],
        text=text,
        attachments=[("图书馆阅读推广活动（修改稿）.docx", doc),
                     ("mmexport1774149012345.jpg", P("26-1", "剪纸体验")),
                     ("IMG_20260322_103321.jpg", P("26-2", "绘本故事")),
                     ("微信图片_20260322104512.jpg", P("26-3", "合影"))],
        label=label(title=t, source_unit="柳泉县图书馆", authors=["高原", "林晓"], phone="13800135233",
                    captions=caps, fmt="docx", client="163",
                    placement=["generic_subject_reply", "quoted_reply", "names_yu", "captions_in_body_zhaopian",
                               "camera_names_mixed", "caption_missing_for_one"],
                    note="Reply to the site's request; the quoted text comes from tougao@localhost but the mail itself is "
                         "not a loop. Authors '高原与林晓' (与 as separator; 高原 is a real name here). Body captions cover "
                         "照片1 and 照片2 only; the third attachment (微信图片_…) has no caption → null."),
    ))

    # 27 PDF, mobile + office landline ------------------------------------
    t = "县疾控中心开展结核病防治宣传进校园活动"
    cap = "图为疾控中心工作人员向学生讲解结核病防治知识。"
    src = make_docx([
        ("title", t),
        ("p", "3月24日是第31个“世界防治结核病日”。当天，柳泉县疾病预防控制中心联合县第一中学开展结核病防治宣传进校园活动。"),
        ("p", "活动中，疾控中心专业人员以专题讲座形式，向师生讲解结核病的传播途径、早期症状、预防措施及国家免费治疗政策，提醒同学们出现咳嗽、咳痰两周以上等症状时要及时就医。"),
        ("img", P("27-1", "结核病防治讲座")), ("cap", cap),
        ("p", "此次活动共发放宣传折页1000余份，覆盖师生1500余人。"),
        ("blank", None),
        ("line", "作者：杨帆、何静"),
        ("line", "单位：柳泉县疾病预防控制中心"),
        ("line", "手机：13800135099"),
        ("line", "办公电话：0931-88772099"),
        ("line", "审核：罗建平"),
    ], author="yangfan", when=(2026, 3, 25, 8, 45))
    pdf = lo_convert(src, "pdf", "27-lqcdc")
    out.append(dict(
        name="27-pdf-mobile-and-landline-139", client="139", date=D(25, 9, 15, 0),
        from_name="杨帆", from_addr="13800135099@139.com",
        msgid="2ee69b1c0a5d3f7e81-0327@139.com",
        subject="投稿《县疾控中心开展结核病防治宣传进校园活动》",
        text="您好，我中心投稿一篇（PDF），请审阅。",
        attachments=[("县疾控中心结核病防治宣传进校园.pdf", pdf)],
        label=label(title=t, source_unit="柳泉县疾病预防控制中心", authors=["杨帆", "何静"], phone="13800135099",
                    reviewer="罗建平", captions=[cap], fmt="pdf", client="139",
                    placement=["subject_tougao_title", "labels_bottom", "mobile_and_landline", "photos_embedded"],
                    note="手机 is written before 办公电话, so the mobile is the phone label. 139 addresses are phone numbers."),
    ))

    # 28 slash separators, 分机 extension, one-line 附图：1. 2., mmexport ----
    t = "北塬区实验小学启动“书香校园”春季读书节"
    caps = ["学生在图书馆安静阅读", "校长为“阅读之星”颁奖"]
    doc = make_docx([
        ("title", t),
        ("line", "作者：孙悦 / 钱多多 / 吴迪"),
        ("line", "单位：北塬区实验小学"),
        ("line", "办公电话：0931-8877 2188 分机8012"),
        ("blank", None),
        ("p", "3月25日，北塬区实验小学“书香校园”春季读书节正式启动。"),
        ("p", "本届读书节为期一个月，学校将陆续开展“好书推荐”“图书漂流”“阅读之星”评选、亲子共读等系列活动。启动仪式上，学校为上学期评选出的20名“阅读之星”颁发证书，学生代表发出“多读书、读好书”倡议。"),
        ("p", "近年来，该校持续推进书香校园建设，建成班级图书角56个，年均开展阅读活动30余场。"),
    ], author="sunyue", when=(2026, 3, 26, 8, 10))
    out.append(dict(
        name="28-slash-names-extension-oneline-futu-mmexport-163", client="163-utf8", date=D(26, 11, 3, 12),
        from_name="孙悦", from_addr="sunyue_bysx@163.com",
        msgid="3e8a1b7c.52a0.19d24f1a0b3.Coremail.sunyue_bysx@163.com",
        subject="北塬区实验小学启动“书香校园”春季读书节",
        text="附件为稿件及照片。附图：1." + caps[0] + " 2." + caps[1],
        attachments=[("书香校园读书节.docx", doc),
                     ("mmexport1774425012345.jpg", P("28-1", "图书馆阅读")),
                     ("mmexport1774425098765.jpg", P("28-2", "颁奖"))],
        label=label(title=t, source_unit="北塬区实验小学", authors=["孙悦", "钱多多", "吴迪"], phone="0931-88772188-8012",
                    captions=caps, fmt="docx", client="163-utf8",
                    placement=["subject_title_only", "names_slash", "phone_extension_fenji", "landline_spaced",
                               "captions_oneline_futu", "camera_names_mmexport"],
                    note="Authors separated by ' / '. Phone '0931-8877 2188 分机8012' → 0931-88772188-8012. Both captions "
                         "are on one body line '附图：1.… 2.…'."),
    ))

    # 29 hotmail, 副标题 ----------------------------------------------------
    t = "党建引领聚合力 项目建设开新局"
    doc = make_docx([
        ("title", t),
        ("subtitle", "——柳泉城投集团扎实推进重点项目建设“开门红”"),
        ("blank", None),
        ("line", "作者：宋立新"),
        ("line", "单位：柳泉城市建设投资集团有限公司"),
        ("line", "联系电话：13800135088"),
        ("line", "审核人：黄志刚"),
        ("blank", None),
        ("p", "开春以来，柳泉城市建设投资集团有限公司党委坚持把党建工作与项目建设深度融合，组织各项目党支部开展“党旗红·项目兴”主题实践活动，全力推动重点项目建设跑出“加速度”。"),
        ("p", "集团在城区道路改造、老旧小区改造、污水管网建设等8个重点项目一线设立党员先锋岗15个、组建党员突击队6支，党员干部深入施工现场协调解决征迁、材料供应等问题，确保项目节点目标按期完成。"),
        ("p", "截至目前，集团一季度已完成投资3.2亿元，占年度计划的26%，实现首季“开门红”。"),
    ], author="songlx", when=(2026, 3, 27, 8, 0))
    out.append(dict(
        name="29-subtitle-docx-hotmail", client="hotmail", date=D(27, 8, 44, 51),
        from_name="宋立新", from_addr="songlixin_lqct@hotmail.com",
        msgid="000601dcbd86$7e6f5a40$7b4e0fc0$@hotmail.com",
        subject="投稿：党建引领聚合力 项目建设开新局",
        text="您好，附件是集团党委投稿，请审阅。\n\n宋立新",
        attachments=[("党建引领聚合力 项目建设开新局.docx", doc)],
        label=label(title=t, source_unit="柳泉城市建设投资集团有限公司", authors=["宋立新"], phone="13800135088",
                    reviewer="黄志刚", fmt="docx", client="hotmail",
                    placement=["subject_tougao_title", "subtitle_line", "labels_top"],
                    note="The title keeps its inner space (two parallel phrases). The '——…' line under it is the "
                         "副标题 and is not part of the title label."),
    ))

    # 30 Outlook Express, txt GBK CRLF ------------------------------------
    t = "沙河湾镇开展春耕农资下乡服务"
    txt = "\r\n".join([
        t, "",
        "　　眼下正值春耕备耕关键时期，沙河湾镇组织农业服务中心、供销社等单位开展“春耕农资下乡”服务活动，把优质种子、化肥、农药送到农民家门口。",
        "　　活动现场，农技人员为群众讲解良种选择、科学施肥、病虫害防治等实用技术，并提醒农户到正规渠道购买农资，注意索要发票、保存凭证。供销社设立农资直供点，以优惠价格向农户供应化肥、地膜等农资。",
        "　　此次活动共供应各类农资120余吨，发放技术资料800余份，接受群众咨询300余人次。",
        "",
        "作者：贾志强",
        "单位：沙河湾镇人民政府",
        "电话：13800135122",
        "",
    ]).encode("gbk")
    out.append(dict(
        name="30-txt-gbk-raw-filename-outlook-express", client="oe", date=D(27, 16, 5, 33),
        from_name="贾志强", from_addr="jiazq_shw@21cn.com",
        msgid="001b01dc7a5e$3c2e1f20$0201a8c0@jiazq",
        subject="投稿：沙河湾镇开展春耕农资下乡服务",
        text="您好：\n  附件是我镇投稿，请审阅。\n\n沙河湾镇党政办 贾志强\n",
        attachments=[("沙河湾镇开展春耕农资下乡服务.txt", txt)],
        label=label(title=t, source_unit="沙河湾镇人民政府", authors=["贾志强"], phone="13800135122",
                    fmt="txt", client="outlook-express",
                    placement=["subject_tougao_title", "raw_8bit_gbk_filename", "txt_gbk_crlf", "labels_bottom"],
                    note="Body is 8-bit GBK labelled gb2312; attachment name is raw GBK bytes in the header. The "
                         "signature says 沙河湾镇党政办 but the manuscript's labelled 单位 is 沙河湾镇人民政府."),
    ))

    # 31 no subject, untitled txt -----------------------------------------
    txt = "\r\n".join([
        "为扎实做好春季动物疫病防控工作，3月以来，青禾县农业农村局组织畜牧兽医技术人员深入全县各乡镇，开展春季重大动物疫病集中免疫工作。",
        "技术人员进村入户，对猪、牛、羊等畜禽开展口蹄疫、高致病性禽流感等重大动物疫病免疫注射，同时发放防疫宣传资料，指导养殖户做好圈舍消毒和日常饲养管理。",
        "截至目前，全县已完成牛羊口蹄疫免疫12.6万头（只），应免畜禽免疫密度达到100%。",
        "",
        "作者：何清 和 苗壮",
        "单位：青禾县农业农村局",
        "手机：13800135255",
        "",
    ]).encode("utf-8")
    out.append(dict(
        name="31-notitle-no-subject-txt-163", client="163-utf8", date=D(30, 17, 21, 8),
        from_name="何清", from_addr="heqing_qhnyj@163.com",
        msgid="1c4b9e3a.70f2.19d3a0c8e15.Coremail.heqing_qhnyj@163.com",
        subject=None,
        text="见附件",
        attachments=[("新建文本文档.txt", txt)],
        label=label(outcome="incomplete", missing=["title"], source_unit="青禾县农业农村局", authors=["何清", "苗壮"],
                    phone="13800135255", fmt="txt", client="163-utf8",
                    placement=["no_subject", "no_title", "txt_utf8_crlf", "labels_bottom", "names_he"],
                    note="No Subject header at all, body '见附件', attachment '新建文本文档.txt' whose text starts with the "
                         "lead sentence: no title anywhere. Authors '何清 和 苗壮'."),
    ))

    # 32 zero-byte .doc ---------------------------------------------------
    out.append(dict(
        name="32-unreadable-zero-byte-doc-foxmail", client="foxmail", date=D(31, 15, 48, 20),
        from_name="吕思思", from_addr="lvsisi_sl3x@foxmail.com",
        msgid="202603311548203918207@foxmail.com",
        subject="石岭区第三小学投稿",
        text="您好，附件是我校的投稿，请查收。\n\n石岭区第三小学 吕思思 13800135322",
        attachments=[("石岭三小开展防溺水安全教育.doc", b"")],
        label=rejected("unreadable_manuscript", "doc", "foxmail", ["covering_note_only", "zero_byte_file"],
                       "The only attachment is a 0-byte .doc (empty base64 part). Labelled unreadable_manuscript as the "
                       "brief asks; an argument for no_manuscript exists, see README."),
    ))
    return out


def main():
    all_cases = cases()
    labels = {}
    seen_ids = set()
    for i, c in enumerate(all_cases, 1):
        assert c["name"].startswith(f"{i:02d}-"), c["name"]
        assert c["msgid"] not in seen_ids
        seen_ids.add(c["msgid"])
        c["n"] = i
        data = compose(c)
        (HERE / f"{c['name']}.eml").write_bytes(data)
        labels[f"{c['name']}.eml"] = c["label"]
    (HERE / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(all_cases)} mails to {HERE}")


if __name__ == "__main__":
    main()
