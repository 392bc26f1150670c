#!/usr/bin/env python3
"""Blind test batch 3: 32 invented Chinese submission mails + labels.json.

Run from the repository root:

    .venv/bin/python tests/data/blind/batch3/build.py

Everything is composed by hand with the stdlib (no project code is imported):
headers, encodings and MIME trees imitate the individual mail clients.
Output is byte-identical across runs.  LibreOffice (.doc/.wps/.pdf) output is
cached in _lo_cache/ keyed by a hash of the source .docx, because
LibreOffice itself writes timestamps into its files.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import io
import json
import quopri
import random
import subprocess
import tempfile
import zipfile
from email.utils import format_datetime
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CACHE = HERE / "_lo_cache"
CRLF = "\r\n"
TO = "tougao@localhost"
CST = dt.timezone(dt.timedelta(hours=8))
UTC = dt.timezone.utc

DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC_CT = "application/msword"
PDF_CT = "application/pdf"

# python codec used for each charset label (gb2312 labels carry GBK bytes, as in real life)
CODEC = {"gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030", "utf-8": "utf-8"}


# --------------------------------------------------------------------------- encodings
def b64(data: bytes) -> str:
    s = base64.b64encode(data).decode("ascii")
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76))


def qp(text: str, charset: str = "utf-8") -> str:
    raw = text.encode(CODEC[charset.lower()])
    return quopri.encodestring(raw).decode("ascii").replace("\n", CRLF)


def body_bytes(text: str, charset: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", CRLF).encode(CODEC[charset.lower()])


def _chunks(text: str, codec: str, maxbytes: int):
    cur, n = [], 0
    for ch in text:
        b = ch.encode(codec)
        if cur and n + len(b) > maxbytes:
            yield "".join(cur)
            cur, n = [], 0
        cur.append(ch)
        n += len(b)
    if cur:
        yield "".join(cur)


def ew(text: str, charset: str, mode: str = "B", maxbytes: int = 45, sep: str = CRLF + " ") -> str:
    """RFC 2047 encoded words, split on character boundaries."""
    codec = CODEC[charset.lower()]
    words = []
    for chunk in _chunks(text, codec, maxbytes):
        raw = chunk.encode(codec)
        if mode == "B":
            words.append("=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode("ascii")))
        else:
            out = []
            for b in raw:
                c = chr(b)
                if b == 0x20:
                    out.append("_")
                elif 33 <= b <= 126 and c not in "=?_\"()<>,;:":
                    out.append(c)
                else:
                    out.append("=%02X" % b)
            words.append("=?%s?Q?%s?=" % (charset, "".join(out)))
    return sep.join(words)


def rfc2231(param: str, text: str, per: int = 54) -> list[str]:
    """RFC 2231 utf-8 parameter, with continuations when long."""
    enc = []
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in ".-_"):
            enc.append(ch)
        else:
            enc.append("".join("%%%02X" % b for b in ch.encode("utf-8")))
    pieces, cur = [], ""
    for e in enc:
        if cur and len(cur) + len(e) > per:
            pieces.append(cur)
            cur = ""
        cur += e
    pieces.append(cur)
    if len(pieces) == 1:
        return ["%s*=utf-8''%s" % (param, pieces[0])]
    out = []
    for i, p in enumerate(pieces):
        out.append("%s*%d*=%s%s" % (param, i, "utf-8''" if i == 0 else "", p))
    return out


def rfcdate(y, mo, d, h, mi, s, tz=CST, suffix=""):
    return format_datetime(dt.datetime(y, mo, d, h, mi, s, tzinfo=tz)) + suffix


# --------------------------------------------------------------------------- MIME pieces
def part(headers: list[str], body: str) -> str:
    return CRLF.join(headers) + CRLF + CRLF + body


def multipart(ctype_line: list[str], boundary: str, parts: list[str], preamble: str | None = None) -> str:
    out = CRLF.join(ctype_line) + CRLF + CRLF
    if preamble:
        out += preamble + CRLF + CRLF
    for p in parts:
        out += "--" + boundary + CRLF + p + CRLF + CRLF
    out += "--" + boundary + "--" + CRLF
    return out


def message(headers: list[str], body_entity: str) -> bytes:
    """body_entity starts with its own Content-Type header lines."""
    txt = CRLF.join(headers) + CRLF + body_entity
    return txt.encode("ascii")


def text_b64(text: str, charset: str, ctype: str = "text/plain", quoted=True) -> str:
    cs = '"%s"' % charset if quoted else charset
    return part(["Content-Type: %s; charset=%s" % (ctype, cs), "Content-Transfer-Encoding: base64"],
                b64(body_bytes(text, charset)))


def text_qp(text: str, charset: str, ctype: str = "text/plain", quoted=True) -> str:
    cs = '"%s"' % charset if quoted else charset
    return part(["Content-Type: %s; charset=%s" % (ctype, cs), "Content-Transfer-Encoding: quoted-printable"],
                qp(text.replace("\r\n", "\n"), charset))


def lines_html(text: str, wrap="div", style="") -> str:
    out = []
    for line in text.split("\n"):
        if line.strip() == "":
            out.append("<%s%s><br></%s>" % (wrap, style, wrap))
        else:
            out.append("<%s%s>%s</%s>" % (wrap, style, html.escape(line, quote=False), wrap))
    return "\n".join(out)


# --------------------------------------------------------------------------- documents
FIXED_ZIP_TIME = (2026, 3, 1, 8, 0, 0)


def normalize_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def _east_asia(run_or_style_el, font):
    rpr = run_or_style_el.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


def make_docx(blocks, author="Administrator", when=dt.datetime(2026, 3, 16, 9, 0, 0), font=None) -> bytes:
    """blocks: list of (kind, value). kinds: title, p, line, right, center, img, cap, table, blank.
    font: one font for every script (used for the PDF so quotes and digits share the CJK font)."""
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = font or "Times New Roman"
    st.font.size = Pt(12)
    _east_asia(st.element, font or "宋体")
    for kind, val in blocks:
        if kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            r.bold = True
            r.font.size = Pt(18)
            _east_asia(r._element, font or "黑体")
        elif kind == "bigtitle":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            r.bold = True
            r.font.size = Pt(24)
            _east_asia(r._element, font or "黑体")
        elif kind == "p":
            p = d.add_paragraph(val)
            p.paragraph_format.first_line_indent = Pt(24)
        elif kind == "line":
            d.add_paragraph(val)
        elif kind == "right":
            p = d.add_paragraph(val)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "center":
            p = d.add_paragraph(val)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "img":
            d.add_picture(io.BytesIO(val), width=Cm(10))
            d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "cap":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(val)
            r.font.size = Pt(10.5)
            _east_asia(r._element, font or "楷体")
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=2)
            t.style = "Table Grid"
            for i, (k, v) in enumerate(val):
                t.cell(i, 0).text = k
                t.cell(i, 1).text = v
        elif kind == "blank":
            d.add_paragraph("")
        else:
            raise ValueError(kind)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.comments = ""
    cp.title = ""
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 2
    buf = io.BytesIO()
    d.save(buf)
    return normalize_zip(buf.getvalue())


_used_cache: set[str] = set()


def lo_convert(name: str, docx_bytes: bytes, fmt: str) -> bytes:
    key = hashlib.sha256(docx_bytes + fmt.encode()).hexdigest()[:16]
    out = CACHE / ("%s-%s.%s" % (name, key, fmt))
    _used_cache.add(out.name)
    if out.exists():
        return out.read_bytes()
    with tempfile.TemporaryDirectory() as td:
        tdp = Path(td)
        src = tdp / "src.docx"
        src.write_bytes(docx_bytes)
        subprocess.run(["/usr/bin/soffice", "-env:UserInstallation=file://%s/profile" % td, "--headless",
                        "--convert-to", fmt, "--outdir", td, str(src)],
                       check=True, capture_output=True, timeout=240)
        data = (tdp / ("src.%s" % fmt)).read_bytes()
    CACHE.mkdir(exist_ok=True)
    out.write_bytes(data)
    return data


def photo(seed: int, label: str) -> bytes:
    rnd = random.Random(seed)
    w, h = 320, 240
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    top = [rnd.randrange(30, 230) for _ in range(3)]
    bot = [rnd.randrange(30, 230) for _ in range(3)]
    for y in range(h):
        t = y / (h - 1)
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bot)))
    for _ in range(7):
        x0, y0 = rnd.randrange(0, w - 40), rnd.randrange(0, h - 40)
        x1, y1 = x0 + rnd.randrange(20, 140), y0 + rnd.randrange(20, 110)
        col = tuple(rnd.randrange(0, 256) for _ in range(3))
        if rnd.random() < 0.5:
            d.rectangle([x0, y0, x1, y1], fill=col)
        else:
            d.ellipse([x0, y0, x1, y1], fill=col)
    d.rectangle([0, h - 22, w, h], fill=(0, 0, 0))
    d.text((6, h - 18), label, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


# --------------------------------------------------------------------------- clients
class Att:
    def __init__(self, name: str, data: bytes, ctype: str):
        self.name, self.data, self.ctype = name, data, ctype


def coremail_html(text: str) -> str:
    return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
            + lines_html(text, "p", ' style="margin: 0;"') + "</div>")


def coremail(*, name, addr, subject, date, msgid, text, atts=(), charset="GBK", subj_mode="B",
             host="163com", mailer=None, split_names=False, html_body=None, extra=()):
    """163 / 126 / unit Coremail webmail. GBK (or UTF-8) bodies, RFC 2047 in quoted params."""
    mailer = mailer or ("Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)" + CRLF
                        + " Copyright (c) 2002-2026 www.mailtech.cn " + host)
    seq = int(hashlib.md5(msgid.encode()).hexdigest()[:8], 16)
    b_mix = "----=_Part_%d_%d.17737%08d" % (seq % 900000 + 100000, seq % 1999999999, seq % 99999999)
    b_alt = "----=_Part_%d_%d.17737%08d" % (seq % 900000 + 100001, seq % 1999999997, seq % 99999989)
    hdr = [
        "Received: from %s ( [223.104.%d.%d] ) by ajax-webmail-wmsvr%d (Coremail) ; %s"
        % (addr.replace("@", "$"), seq % 250, seq % 199 + 1, seq % 90 + 10, date),
        "Date: %s" % date,
        'From: "%s" <%s>' % (ew(name, charset), addr),
        "To: %s" % TO,
        "Subject: %s" % ew(subject, charset, subj_mode),
        "X-Priority: 3",
        "X-Mailer: %s" % mailer,
    ] + list(extra) + [
        "MIME-Version: 1.0",
        "Message-ID: <%s>" % msgid,
        "X-Coremail-Locale: zh_CN",
    ]
    alt = multipart(["Content-Type: multipart/alternative; ", '\tboundary="%s"' % b_alt], b_alt,
                    [text_b64(text, charset, quoted=False),
                     text_b64(html_body or coremail_html(text), charset, "text/html", quoted=False)])
    if not atts:
        return message(hdr, alt)
    parts = [alt]
    for a in atts:
        if a.name.isascii():
            nm = '"%s"' % a.name
        else:
            nm = '"%s"' % ew(a.name, charset, maxbytes=30 if split_names else 200)
        parts.append(part(["Content-Type: %s; " % a.ctype, "\tname=%s" % nm,
                           "Content-Transfer-Encoding: base64",
                           "Content-Disposition: attachment; filename=%s" % nm], b64(a.data)))
    return message(hdr, multipart(["Content-Type: multipart/mixed; ", '\tboundary="%s"' % b_mix], b_mix, parts))


def qq(*, name, addr, subject, date, msgid, text, atts=(), html_body=None):
    seq = int(hashlib.md5(msgid.encode()).hexdigest()[:8], 16)
    b_mix = "----=_NextPart_%08X_%08X_%08X" % (seq, seq ^ 0x5A5A5A5A, seq ^ 0x0F0F0F0F)
    b_alt = "----=_NextPart_%08X_%08X_%08X" % (seq ^ 0x11111111, seq ^ 0x22222222, seq ^ 0x33333333)
    hdr = [
        "X-QQ-mid: xmsezb%d-0t17737%05dt%06x" % (seq % 9 + 1, seq % 99999, seq % 0xFFFFFF),
        "X-QQ-Originating-IP: 14.%d.%d.%d" % (seq % 200 + 20, seq % 250, seq % 240 + 3),
        "X-QQ-SSF: 0000000000000060",
        "X-HAS-ATTACH: %s" % ("yes" if atts else "no"),
        "X-QQ-BUSINESS-ORIGIN: 2",
        'From: "%s" <%s>' % (ew(name, "gb18030"), addr),
        'To: "%s" <%s>' % (ew("投稿邮箱", "gb18030"), TO),
        "Subject: %s" % ew(subject, "gb18030"),
        "Mime-Version: 1.0",
    ]
    tail = [
        "Content-Transfer-Encoding: 8Bit",
        "Date: %s" % date,
        "X-Priority: 3",
        "Message-ID: <%s>" % msgid,
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    hb = html_body or ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
                       + lines_html(text))
    alt_ct = ["Content-Type: multipart/alternative;", '\tboundary="%s"' % b_alt]
    alt = multipart(alt_ct, b_alt, [text_b64(text, "gb18030"), text_b64(hb, "gb18030", "text/html")])
    if not atts:
        return message(hdr + alt_ct + tail, CRLF + _strip_ct(alt))
    parts = [alt]
    for a in atts:
        nm = ew(a.name, "gb18030", maxbytes=200) if not a.name.isascii() else a.name
        parts.append(part(["Content-Type: application/octet-stream;", '\tcharset="gb18030";',
                           '\tname="%s"' % nm,
                           'Content-Disposition: attachment; filename="%s"' % nm,
                           "Content-Transfer-Encoding: base64"], b64(a.data)))
    mix_ct = ["Content-Type: multipart/mixed;", '\tboundary="%s"' % b_mix]
    mix = multipart(mix_ct, b_mix, parts, preamble="This is a multi-part message in MIME format.")
    return message(hdr + mix_ct + tail, CRLF + _strip_ct(mix))


def _strip_ct(entity: str) -> str:
    """Drop the Content-Type header lines that multipart() put at the top (already in hdr)."""
    head, _, rest = entity.partition(CRLF + CRLF)
    return rest


def outlook_html_doc(inner: str) -> str:
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
            '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            '<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:10.5pt;\n'
            '\tfont-family:等线;}\n--></style>\n</head>\n'
            '<body lang="ZH-CN" link="#0563C1" vlink="#954F72" style="word-wrap:break-word;text-justify-trim:punctuation">\n'
            '<div class="WordSection1">\n' + inner + '\n</div>\n</body>\n</html>\n')


def outlook_paras(text: str) -> str:
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append('<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>')
        else:
            out.append('<p class="MsoNormal">%s<span lang="EN-US"><o:p></o:p></span></p>' % html.escape(line, False))
    return "\n".join(out)


def outlook(*, name, addr, subject, date, msgid, text=None, html_body=None, atts=(), html_only=False,
            thread_index="AdqYc3Jm0lXqT0kFSKuT2V6b7n1xAA=="):
    seq = int(hashlib.md5(msgid.encode()).hexdigest()[:8], 16)
    tag = "TYCPR01MB%04d%08X" % (seq % 9999, seq)
    b_mix = "_004_%sTYCPR01MB%04djpnp_" % (tag, seq % 9999)
    b_alt = "_000_%sTYCPR01MB%04djpnp_" % (tag, seq % 9999)
    hdr = [
        "From: %s <%s>" % (ew(name, "utf-8"), addr),
        'To: "%s" <%s>' % (TO, TO),
        "Subject: %s" % ew(subject, "utf-8"),
        "Thread-Topic: %s" % ew(subject, "utf-8"),
        "Thread-Index: %s" % thread_index,
        "Date: %s" % date,
        "Message-ID: <%s>" % msgid,
        "Accept-Language: zh-CN, en-US",
        "Content-Language: zh-CN",
        "X-MS-Has-Attach: %s" % ("yes" if atts else ""),
        "X-MS-TNEF-Correlator:",
        "MIME-Version: 1.0",
    ]
    hb = html_body or outlook_html_doc(outlook_paras(text))
    if html_only:
        body = text_qp(hb, "utf-8", "text/html")
    else:
        body = multipart(["Content-Type: multipart/alternative;", '\tboundary="%s"' % b_alt], b_alt,
                         [text_qp(text, "utf-8"), text_qp(hb, "utf-8", "text/html")])
    if not atts:
        return message(hdr, body)
    parts = [body]
    for a in atts:
        disp = ["Content-Disposition: attachment;"]
        if a.name.isascii():
            disp.append('\tfilename="%s"; size=%d;' % (a.name, len(a.data)))
            ct = ['Content-Type: %s; name="%s"' % (a.ctype, a.name), "Content-Description: %s" % a.name]
        else:
            pieces = rfc2231("filename", a.name)
            disp += ["\t%s;" % p for p in pieces]
            disp.append("\tsize=%d;" % len(a.data))
            ct = ["Content-Type: %s;" % a.ctype, '\tname="%s"' % ew(a.name, "utf-8", maxbytes=200),
                  "Content-Description: %s" % ew(a.name, "utf-8", maxbytes=200)]
        disp += ['\tcreation-date="%s";' % date.replace("+0000", "GMT"),
                 '\tmodification-date="%s"' % date.replace("+0000", "GMT")]
        parts.append(part(ct + disp + ["Content-Transfer-Encoding: base64"], b64(a.data)))
    return message(hdr, multipart(["Content-Type: multipart/mixed;", '\tboundary="%s"' % b_mix], b_mix, parts))


def foxmail(*, name, addr, subject, date, msgid, text, atts=(), charset="GB2312"):
    seq = int(hashlib.md5(msgid.encode()).hexdigest()[:8], 16)
    b_mix = "----=_001_NextPart%012d_=----" % (seq * 37 % 10 ** 12)
    b_alt = "----=_002_NextPart%012d_=----" % (seq * 41 % 10 ** 12)
    hdr = [
        "Date: %s" % date,
        'From: "%s" <%s>' % (ew(name, charset), addr),
        'To: "%s" <%s>' % (ew("投稿邮箱", charset), TO),
        "Subject: %s" % ew(subject, charset),
        "X-Priority: 3",
        "X-GUID: %08X-%04X-%04X-%04X-%012X" % (seq, seq % 65535, (seq >> 3) % 65535, (seq >> 5) % 65535, seq * 13),
        "X-Has-Attach: %s" % ("yes" if atts else "no"),
        "X-Mailer: Foxmail 7.2.25.254[cn]",
        "Mime-Version: 1.0",
        "Message-ID: <%s>" % msgid,
    ]
    hb = ('<html><head>\r\n<meta http-equiv="content-type" content="text/html; charset=%s"><style>body '
          '{ line-height: 1.5; }body { font-size: 14px; font-family: "Microsoft YaHei UI"; color: rgb(0, 0, 0); '
          'line-height: 1.5; }</style></head><body>\r\n' % charset + lines_html(text)
          + '\r\n<hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\r\n</body></html>')
    alt_ct = ["Content-Type: multipart/alternative;", '\tboundary="%s"' % b_alt]
    alt = multipart(alt_ct, b_alt, [text_b64(text, charset), text_b64(hb, charset, "text/html")])
    if not atts:
        return message(hdr, alt)
    parts = [alt]
    for a in atts:
        nm = ew(a.name, charset, maxbytes=200) if not a.name.isascii() else a.name
        parts.append(part(["Content-Type: %s;" % a.ctype, '\tname="%s"' % nm,
                           "Content-Transfer-Encoding: base64", "Content-Disposition: attachment;",
                           '\tfilename="%s"' % nm], b64(a.data)))
    return message(hdr, multipart(["Content-Type: multipart/mixed;", '\tboundary="%s"' % b_mix], b_mix, parts,
                                  preamble="This is a multi-part message in MIME format."))


def iphone(*, name, addr, subject, date, msgid, text, atts=(), tail_text=None, mailer="iPhone Mail (22D82)"):
    """Apple Mail on iOS: utf-8 base64 text, RFC 2231 names, text part after attachments."""
    seq = hashlib.md5(msgid.encode()).hexdigest().upper()
    b = "Apple-Mail-%s-%s-%s-%s-%s" % (seq[:8], seq[8:12], seq[12:16], seq[16:20], seq[20:32])
    hdr = [
        "Content-Type: multipart/mixed; boundary=%s" % b,
        "Content-Transfer-Encoding: 7bit",
        "From: %s <%s>" % (ew(name, "utf-8"), addr),
        "Mime-Version: 1.0 (1.0)",
        "Date: %s" % date,
        "Subject: %s" % ew(subject, "utf-8"),
        "Message-Id: <%s>" % msgid,
        "To: %s" % TO,
        "X-Mailer: %s" % mailer,
    ]
    parts = []
    if text is not None:
        parts.append(part(["Content-Type: text/plain;", "\tcharset=utf-8", "Content-Transfer-Encoding: base64"],
                          b64(body_bytes(text, "utf-8"))))
    for a in atts:
        if a.name.isascii():
            ct = ["Content-Type: %s;" % a.ctype, "\tname=%s;" % a.name, "\tx-apple-part-url=%s" % a.name]
            cd = ["Content-Disposition: inline;", "\tfilename=%s" % a.name]
        else:
            ct = ["Content-Type: %s;" % a.ctype] + ["\t%s;" % p for p in rfc2231("name", a.name)]
            ct[-1] = ct[-1].rstrip(";")
            cd = ["Content-Disposition: attachment;"] + ["\t%s;" % p for p in rfc2231("filename", a.name)]
            cd[-1] = cd[-1].rstrip(";")
        parts.append(part(ct + cd + ["Content-Transfer-Encoding: base64"], b64(a.data)))
    if tail_text is not None:
        parts.append(part(["Content-Type: text/plain;", "\tcharset=utf-8", "Content-Transfer-Encoding: base64"],
                          b64(body_bytes(tail_text, "utf-8"))))
    body = CRLF
    for p in parts:
        body += CRLF + "--" + b + CRLF + p + CRLF
    body += "--" + b + "--" + CRLF
    return message(hdr, body)


def simple_webmail(*, kind, name, addr, subject, date, msgid, text, atts=(), charset="utf-8"):
    """sina / 139 Richmail / 网易邮箱大师: utf-8 (or GBK) base64 alternative + attachments."""
    seq = int(hashlib.md5(msgid.encode()).hexdigest()[:8], 16)
    if kind == "sina":
        mailer = "X-Mailer: SinaMail 3.0"
        extra = ["X-Sender: %s" % addr, "X-SMAIL-MID: %016X" % (seq * 7919)]
        b_mix, b_alt = "=-sinamail_mix_%08x" % seq, "=-sinamail_alt_%08x" % seq
    elif kind == "139":
        mailer = "X-Mailer: Richmail_Webapp(V2.0)"
        extra = ["X-RM-TRANSID:2ee%013x_" % (seq * 101), "X-RM-TagInfo: emlType=0", "X-RM-SPAM-FLAG:00000000"]
        b_mix, b_alt = "----=_Part_%d_%d" % (seq % 99999, seq), "----=_Part_%d_%d" % (seq % 99999 + 1, seq)
    else:  # mailmaster
        mailer = "X-Mailer: MailMasterAndroid/7.19.3.1024"
        extra = ["X-NTES-SC: AL_Qu2%010X" % seq]
        b_mix, b_alt = "----=_Part_%d_%d.mm" % (seq % 99999, seq), "----=_Part_%d_%d.mm" % (seq % 99999 + 2, seq)
    hdr = [
        "Date: %s" % date,
        'From: "%s" <%s>' % (ew(name, charset), addr),
        "To: %s" % TO,
        "Subject: %s" % ew(subject, charset),
        "Message-ID: <%s>" % msgid,
        "MIME-Version: 1.0",
        mailer,
    ] + extra
    alt = multipart(["Content-Type: multipart/alternative; boundary=\"%s\"" % b_alt], b_alt,
                    [text_b64(text, charset), text_b64(coremail_html(text), charset, "text/html")])
    if not atts:
        return message(hdr, alt)
    parts = [alt]
    for a in atts:
        nm = ew(a.name, charset, maxbytes=200) if not a.name.isascii() else a.name
        ct = a.ctype + ('; charset="%s"' % charset if a.ctype.startswith("text/") else "")
        parts.append(part(['Content-Type: %s; name="%s"' % (ct, nm), "Content-Transfer-Encoding: base64",
                           'Content-Disposition: attachment; filename="%s"' % nm], b64(a.data)))
    return message(hdr, multipart(["Content-Type: multipart/mixed; boundary=\"%s\"" % b_mix], b_mix, parts))


# --------------------------------------------------------------------------- labels
LABELS: dict[str, dict] = {}
MAILS: dict[str, bytes] = {}
REQ = ("title", "source_unit", "authors", "phone")


def label(fname, *, title=None, unit=None, authors=(), phone=None, reviewer=None, captions=(),
          photo_credit=None, fmt, client, placement, note=None, outcome=None, reason=None, photo_count=None):
    authors = list(authors)
    captions = list(captions)
    if outcome in ("rejected", "ignored"):
        missing = []
    else:
        missing = [k for k, v in zip(REQ, (title, unit, authors, phone)) if not v]
        outcome = "incomplete" if missing else "accepted"
    lab = {
        "outcome": outcome, "reason": reason, "missing": missing,
        "title": title, "source_unit": unit, "authors": authors, "phone": phone, "reviewer": reviewer,
        "photo_count": len(captions) if photo_count is None else photo_count,
        "captions": captions, "photo_credit": photo_credit,
        "format": fmt, "client": client, "placement": list(placement),
    }
    if note:
        lab["note"] = note
    LABELS[fname] = lab


def add(fname, data: bytes):
    MAILS[fname] = data


# --------------------------------------------------------------------------- the cases
def case01():
    f = "01-lead-tongxunyuan-gonggao-163-docx.eml"
    title = "青石镇开展春季森林防火专项巡查"
    doc = make_docx([
        ("title", title),
        ("p", "本报讯（通讯员 王磊 刘晓燕）为切实做好春季森林防火工作，3月16日，青石镇组织镇村两级干部、护林员共60余人，"
              "对辖区重点林区、坟山墓地和进山路口开展拉网式巡查。"),
        ("p", "巡查中，工作人员逐一查看防火检查站值守、扑火物资储备和宣传标语张贴情况，对发现的2处杂草堆积点当场督促清理，"
              "并向进山群众发放森林防火宣传单300余份，提醒大家清明祭扫期间文明祭祀、不带火种进山。"),
        ("p", "据了解，今年以来，青石镇已组建半专业扑火队3支，储备风力灭火机、二号工具等扑火物资1200余件，"
              "实行“镇领导包片、村干部包组、护林员包山头”的网格化管理，确保火情早发现、早处置。"),
        ("p", "下一步，该镇将持续加强野外用火管控，严格落实24小时值班和零报告制度，全力守护绿水青山。"),
        ("p", "（青石镇党政办 供稿）"),
    ], author="qsz")
    text = ("编辑老师您好：\n　　附件是我镇本周的新闻稿，请审核。如有问题请联系我，联系电话：138 0013 7101。\n\n"
            "王磊\n2026年3月17日\n")
    add(f, coremail(name="王磊", addr="wanglei_qsz@163.com", subject="新闻稿",
                    date=rfcdate(2026, 3, 17, 9, 12, 33, suffix=" (CST)"),
                    msgid="3b7f1c2a.5d21.19cf6a1b2c3.Coremail.wanglei_qsz@163.com", text=text,
                    atts=[Att(title + ".docx", doc, DOCX_CT)]))
    label(f, title=title, unit="青石镇党政办", authors=["王磊", "刘晓燕"], phone="13800137101",
          fmt="docx", client="163", placement=["lead_correspondents", "closing_gonggao", "phone_in_body"],
          note="Authors from the lead '本报讯（通讯员 王磊 刘晓燕）', unit from the closing '（青石镇党政办 供稿）', "
               "phone only in the mail body.")


def case02():
    f = "02-sig-dashdash-body-qq.eml"
    title = "白沙街道开展“邻里守望”独居老人走访慰问活动"
    text = ("您好，以下是我街道信息一篇，请审核。\n\n" + title + "\n"
            "　　4月1日，白沙街道组织社区干部、网格员和志愿者分成8个小组，走进辖区独居老人家中，开展“邻里守望”走访慰问活动。\n"
            "　　每到一户，工作人员都详细询问老人的身体状况和生活需求，帮助检查家中燃气、电路等安全隐患，并为老人送上米、油等慰问品。"
            "在金竹社区，82岁的罗奶奶拉着网格员的手说：“你们经常来看我，我心里踏实。”\n"
            "　　活动中，街道还为156户独居老人建立了“一人一档”服务台账，明确网格员定期上门探访、志愿者结对帮扶，"
            "推动关爱服务常态化。（通讯员 陈思远）\n\n"
            "-- \n陈思远\n白沙街道党工委办公室\n电话：（0851）86551203\n")
    add(f, qq(name="小陈", addr="2865301452@qq.com", subject="投稿", date=rfcdate(2026, 4, 1, 17, 40, 5),
              msgid="tencent_8E1D0B7A3C5F4A2B9D6E1F0A@qq.com", text=text))
    label(f, title=title, unit="白沙街道党工委办公室", authors=["陈思远"], phone="0851-86551203",
          fmt="body", client="qq", placement=["body_article", "signature_dashdash", "byline_end_tongxunyuan",
                                              "phone_landline_brackets"],
          note="Plain-text article in the body after a greeting line; unit and phone only in the '-- ' signature "
               "(unit line kept with 办公室 as written). 陈思远 is an author because the article ends '（通讯员 陈思远）'.")


def case03():
    f = "03-html-signature-ext-outlook-docx.eml"
    title = "第二税务分局“春风行动”送政策上门"
    doc = make_docx([
        ("title", title),
        ("p", "为进一步优化税费服务，近日，云溪县税务局第二税务分局结合“便民办税春风行动”，组建由业务骨干组成的政策宣讲小分队，"
              "走进辖区工业园区开展“送政策上门”活动。"),
        ("p", "宣讲小分队围绕小微企业税费优惠、研发费用加计扣除等热点政策，采取“集中讲解+个别辅导”的方式，"
              "为20余家企业财务人员答疑解惑，并现场指导企业通过电子税务局办理申报业务。"),
        ("p", "“以前政策看不太懂，现在税务干部上门讲，一听就明白了。”园区一家新材料公司的财务负责人说。"),
        ("p", "下一步，该分局将持续收集纳税人缴费人诉求，推出更多务实管用的便民举措。"),
        ("line", "撰稿：周晓楠"),
    ], author="zhouxn")
    text = ("您好！\n附件是我分局“春风行动”的稿件，麻烦审核，谢谢！\n\n"
            "周晓楠\n云溪县税务局第二税务分局\nTel：(0371) 6677 2345 转 8012\n")
    sig = ('<p class="MsoNormal"><span style="font-size:10.5pt">您好！<o:p></o:p></span></p>\n'
           '<p class="MsoNormal"><span style="font-size:10.5pt">附件是我分局“春风行动”的稿件，麻烦审核，谢谢！<o:p></o:p></span></p>\n'
           '<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>\n'
           '<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n'
           '<tr><td style="border:none;border-left:solid #2F5597 2.25pt;padding:0cm 0cm 0cm 6pt">\n'
           '<p class="MsoNormal"><b><span style="font-size:12pt;font-family:微软雅黑;color:#1F3864">周晓楠</span></b><o:p></o:p></p>\n'
           '<p class="MsoNormal"><span style="font-size:9pt;font-family:微软雅黑;color:#595959">云溪县税务局第二税务分局</span><o:p></o:p></p>\n'
           '<p class="MsoNormal"><span style="font-size:9pt;font-family:微软雅黑;color:#595959">Tel：(0371) 6677 2345 转 8012</span><o:p></o:p></p>\n'
           '</td></tr></table>\n')
    add(f, outlook(name="周晓楠", addr="zhouxiaonan_yx@outlook.com", subject="投稿-请审核",
                   date=rfcdate(2026, 3, 19, 2, 15, 22, tz=UTC),
                   msgid="TYCPR01MB8433A1B2C3D4E5F6A7B8C9D0E1F2@TYCPR01MB8433.jpnprd01.prod.outlook.com",
                   text=text, html_body=outlook_html_doc(sig),
                   atts=[Att("第二税务分局春风行动送政策上门（周晓楠）.docx", doc, DOCX_CT)]))
    label(f, title=title, unit="云溪县税务局第二税务分局", authors=["周晓楠"], phone="0371-66772345-8012",
          fmt="docx", client="outlook", placement=["html_signature", "labels_bottom", "phone_extension",
                                                   "rfc2231_name"],
          note="Unit and phone exist only in the (HTML table) signature; author from '撰稿：周晓楠' in the .docx. "
               "Extension '转 8012' kept after a hyphen.")


def case04():
    f = "04-reporter-lead-gonggao-foxmail-doc.eml"
    title = "平川县人民医院开展“名医下基层”义诊活动"
    src = make_docx([
        ("title", title),
        ("p", "3月22日，平川县人民医院组织心内科、内分泌科、儿科等8个科室的15名专家，走进石门乡卫生院开展“名医下基层”义诊活动，"
              "为当地群众送去家门口的优质医疗服务。（县融媒体中心记者 张帆 通讯员 杨喆）"),
        ("p", "义诊现场，专家们耐心为前来就诊的群众测量血压、血糖，详细询问病史，并结合检查结果给出个性化的治疗和用药建议。"
              "针对农村高血压、糖尿病等慢性病患病率较高的情况，专家们还开展了健康知识讲座，引导群众养成良好的生活习惯。"),
        ("p", "活动当天，共义诊群众260余人次，发放健康宣传资料500余份，免费发放常用药品价值8000余元。"),
        ("p", "据悉，今年该院将组织专家团队每月至少开展2次下乡义诊，并通过“县乡一体化”远程会诊平台，"
              "让更多基层群众在家门口享受到县级医疗服务。"),
        ("line", "供稿单位 平川县人民医院"),
    ], author="pcyy")
    doc = lo_convert("04", src, "doc")
    text = "您好，附件为我院来稿，请审阅。\n\n杨喆\n电话/微信：13800137104\n"
    add(f, foxmail(name="杨喆", addr="yangzhe_pcyy@foxmail.com", subject="来稿",
                   date=rfcdate(2026, 3, 23, 15, 30, 12), msgid="202603231530117238413@foxmail.com", text=text,
                   atts=[Att("名医下基层义诊（杨喆）.doc", doc, DOC_CT)]))
    label(f, title=title, unit="平川县人民医院", authors=["张帆", "杨喆"], phone="13800137104",
          fmt="doc", client="foxmail", placement=["lead_reporter_correspondent", "closing_gonggao_no_colon",
                                                  "phone_in_body", "gb2312_label_gbk_text"],
          note="Credit at the end of the first paragraph '（县融媒体中心记者 张帆 通讯员 杨喆）': both the reporter and the "
               "correspondent wrote it, so both are authors; 县融媒体中心 is the reporter's employer, not the source unit, "
               "which comes from '供稿单位 平川县人民医院'. 喆 is outside GB2312 although Foxmail labels it GB2312.")


def case05():
    f = "05-luokuan-two-lines-126-wps.eml"
    title = "柳河镇“田间课堂”助力春耕生产"
    src = make_docx([
        ("title", title),
        ("center", "文/黄丽萍"),
        ("p", "眼下正值春耕备耕关键时期，柳河镇把“课堂”搬到田间地头，组织县农技专家深入各村开展技术指导，为春耕生产注入“科技动能”。"),
        ("p", "在新寨村的水稻育秧基地，农技专家一边示范机插秧苗的育秧操作，一边讲解种子消毒、苗床管理等关键技术要点。"
              "“专家手把手教，我们学得快、用得上。”种粮大户韦德明说。"),
        ("p", "今年以来，柳河镇已举办“田间课堂”12期，培训农户600余人次，发放技术资料1500余份，推广水稻集中育秧面积3200亩。"),
        ("blank", ""),
        ("right", "柳河镇人民政府"),
        ("right", "2026年3月25日"),
    ], author="lhz")
    doc = lo_convert("05", src, "doc")
    text = "附件是柳河镇宣传稿，请查收。\n手机：１３８００１３７１０５\n黄丽萍\n"
    add(f, coremail(name="黄丽萍", addr="huanglp2026@126.com", subject="宣传稿",
                    date=rfcdate(2026, 3, 25, 16, 2, 48, suffix=" (CST)"),
                    msgid="61a2b3c4.8e0f.19d2a3b4c5d.Coremail.huanglp2026@126.com", text=text, host="126com",
                    atts=[Att("柳河镇宣传稿.wps", doc, "application/octet-stream")]))
    label(f, title=title, unit="柳河镇人民政府", authors=["黄丽萍"], phone="13800137105",
          fmt="wps", client="126", placement=["luokuan_two_lines", "byline_wen", "phone_fullwidth_digits",
                                              "phone_in_body"],
          note="Unit from the two-line 落款 (unit line, then date line).")


def case06():
    f = "06-luokuan-one-line-sina-docx.eml"
    title = "东湖区消防救援大队走进校园开展消防安全“第一课”"
    doc = make_docx([
        ("title", title),
        ("p", "为进一步提高师生消防安全意识和自救逃生能力，4月1日，东湖区消防救援大队走进东湖区实验小学，"
              "为全校1200余名师生送上一堂生动的消防安全“第一课”。"),
        ("p", "活动中，消防宣传员结合近年来发生的校园火灾典型案例，用通俗易懂的语言讲解了火灾的危害、常见火灾隐患以及火场逃生自救的方法。"
              "随后，学校组织开展了应急疏散演练，全体师生在老师的引导下，用湿毛巾捂住口鼻、弯腰低姿，有序撤离至操场安全区域。"),
        ("p", "演练结束后，消防指战员现场演示了灭火器的正确使用方法，并邀请师生代表上台实际操作。"),
        ("line", "执笔：罗一帆　　联系方式：138－0013－7106"),
        ("right", "东湖区消防救援大队　2026年4月2日"),
    ], author="dhxf")
    text = "您好，我队稿件一篇，请审核。\n罗一帆\n"
    add(f, simple_webmail(kind="sina", name="罗一帆", addr="luoyifan_dh@sina.com", subject="稿件",
                          date=rfcdate(2026, 4, 2, 10, 31, 7), msgid="20260402023107.7A3C1B2D@sina.com", text=text,
                          atts=[Att("消防安全第一课.docx", doc, DOCX_CT)]))
    label(f, title=title, unit="东湖区消防救援大队", authors=["罗一帆"], phone="13800137106",
          fmt="docx", client="sina", placement=["luokuan_one_line", "label_zhibi", "phone_fullwidth_dash"],
          note="Unit is the part before the date on the one-line 落款 '东湖区消防救援大队　2026年4月2日'.")


def case07():
    f = "07-signature-name-only-139-body.eml"
    title = "柳溪乡召开2026年防汛抗旱工作部署会"
    text = (title + "\n"
            "　　3月31日，柳溪乡召开2026年防汛抗旱工作部署会，总结去年防汛抗旱工作，分析研判今年汛期形势，安排部署下一阶段重点工作。"
            "乡党政班子成员、各村（社区）党支部书记、乡直各站所负责人参加会议。\n"
            "　　会议要求，各村（社区）要立即开展汛前隐患大排查，重点对山塘水库、地质灾害隐患点、危旧房屋等开展拉网式排查，"
            "建立问题清单，限期整改到位；要修订完善防汛应急预案，备足备齐抢险物资，组建应急抢险队伍，确保一旦发生险情能够拉得出、用得上。\n"
            "　　会议强调，要严格落实24小时值班和领导带班制度，确保信息畅通、反应迅速，坚决守住不死人、少伤人的底线。\n\n"
            "刘建英\n柳溪乡人民政府党政办\n13800137107\n")
    add(f, simple_webmail(kind="139", name="刘建英", addr="liujianying_lx@139.com", subject="信息报送",
                          date=rfcdate(2026, 3, 31, 18, 22, 40), msgid="2ee967a1b2c3d4e-00042@139.com", text=text))
    label(f, title=title, unit="柳溪乡人民政府党政办", authors=[], phone="13800137107",
          fmt="body", client="139", placement=["body_article", "signature_no_dashes", "phone_bare"],
          note="Article in the body, ended by an unlabelled signature (name, unit, mobile). Per the README a name in "
               "the signature is not an author unless labelled, so authors are missing; unit and phone are taken from "
               "the signature block.")


def case08():
    f = "08-padded-names-163q-docx.eml"
    title = "家庭医生进小区　健康服务零距离"
    doc = make_docx([
        ("line", "单位：南岭街道社区卫生服务中心"),
        ("line", "作者：张  伟、李　娜、欧阳明辉"),
        ("line", "电话：0851-8655 1208"),
        ("blank", ""),
        ("title", title),
        ("p", "3月24日，南岭街道社区卫生服务中心的家庭医生团队走进幸福里小区，开展家庭医生签约服务宣传周活动，"
              "为居民提供免费义诊、健康咨询和签约服务。"),
        ("p", "活动现场，医护人员为居民测量血压、血糖，开展中医体质辨识，并耐心讲解家庭医生签约的服务内容、签约流程和优惠政策。"
              "不少居民当场签约，成为家庭医生的“老朋友”。"),
        ("p", "当天共服务居民180余人次，新增签约居民46户。中心负责人表示，下一步将继续推进家庭医生签约服务提质扩面，"
              "让居民在家门口就能享受到便捷、连续的健康管理服务。"),
    ], author="nlsq")
    text = "老师您好，附件是我中心投稿，请审核。\n"
    add(f, coremail(name="南岭社区卫生服务中心", addr="nlsqws@163.com", subject="投稿", subj_mode="Q",
                    date=rfcdate(2026, 3, 25, 11, 5, 19, suffix=" (CST)"),
                    msgid="4c8d2e1f.6a3b.19d2b4c5d6e.Coremail.nlsqws@163.com", text=text, split_names=True,
                    atts=[Att("南岭街道社区卫生服务中心家庭医生签约服务宣传周稿件.docx", doc, DOCX_CT)]))
    label(f, title=title, unit="南岭街道社区卫生服务中心", authors=["张伟", "李娜", "欧阳明辉"],
          phone="0851-86551208", fmt="docx", client="163",
          placement=["labels_top", "names_padded", "phone_landline_spaced", "subject_q_encoding",
                     "attachment_name_split"],
          note="Two-character names padded to three columns ('张  伟' two ASCII spaces, '李　娜' U+3000) are one name each. "
               "The title keeps its inner full-width space as written.")


def case09():
    f = "09-mixed-separators-gov-txt.eml"
    title = "城关第二小学举行“阅读点亮童年”读书节启动仪式"
    txt = (title + "\n来源：城关第二小学\n撰稿人：孙浩；周敏/吴佳琪\n\n"
           "    4月2日上午，城关第二小学在学校操场举行第六届“阅读点亮童年”读书节启动仪式，全校师生1500余人参加。\n"
           "    仪式上，学生代表发出“多读书、读好书、好读书”的倡议，各班级代表依次上台展示了课本剧、经典诵读等节目。"
           "校长为新落成的“班级图书角”授牌，并向全体师生推荐了春季阅读书目。\n"
           "    据了解，本届读书节为期一个月，将陆续开展“亲子共读”“读书小明星”评选、阅读手抄报展评等系列活动，营造浓厚的书香校园氛围。\n\n"
           "TEL:13800137109\n")
    data = body_bytes(txt, "gbk")
    text = "附件为我校投稿，请老师审阅，谢谢！\n城关二小 孙浩\n"
    add(f, coremail(name="孙浩", addr="sunhao@yxjy.gov.cn", subject="投稿",
                    date=rfcdate(2026, 4, 2, 14, 48, 3, suffix=" (CST)"),
                    msgid="7e1a2b3c.1f2e.19d4c5d6e7f.Coremail.sunhao@yxjy.gov.cn", text=text, host="yxjy.gov.cn",
                    atts=[Att("城关二小读书节稿件.txt", data, "text/plain")]))
    label(f, title=title, unit="城关第二小学", authors=["孙浩", "周敏", "吴佳琪"], phone="13800137109",
          fmt="txt", client="gov_coremail", placement=["labels_top", "separators_semicolon_slash", "txt_gbk_crlf",
                                                       "phone_TEL_colon"],
          note="'撰稿人：孙浩；周敏/吴佳琪' uses a full-width semicolon and a slash. The signature's '城关二小' is an "
               "abbreviation; the manuscript's 来源 line is the unit.")


def case10():
    f = "10-names-yu-emdash-outlook-doc.eml"
    title = "城南供电所开展春季安全用电入户检查"
    src = make_docx([
        ("line", "供稿人：何小平 与 邓婷"),
        ("line", "单位：平川县供电公司城南供电所"),
        ("line", "手机 138—0013—7110"),
        ("line", "审核：梁志刚"),
        ("blank", ""),
        ("title", title),
        ("p", "为保障群众春季用电安全，3月18日起，平川县供电公司城南供电所组织党员服务队深入辖区村组、农户家中，"
              "开展为期一个月的安全用电入户检查活动。"),
        ("p", "服务队员逐户检查居民家中的电线线路、漏电保护器和用电设备，对发现的线路老化、私拉乱接等问题现场进行整改，"
              "并向群众讲解安全用电常识，提醒大家不要在电力线路附近放风筝、钓鱼。"),
        ("p", "截至目前，该所已走访农户860余户，排查整改用电隐患42处，发放安全用电宣传资料1000余份。"),
    ], author="hexp")
    doc = lo_convert("10", src, "doc")
    text = "您好：\n    附件是城南供电所新闻稿，请审核刊发。\n\n何小平\n"
    add(f, outlook(name="何小平", addr="hexiaoping@pcgd.com.cn", subject="新闻稿",
                   date=rfcdate(2026, 3, 20, 1, 48, 9, tz=UTC),
                   msgid="SEZPR06MB5741B2C3D4E5F6A7B8C9D0E1F2A3@SEZPR06MB5741.apcprd06.prod.outlook.com",
                   text=text, thread_index="AdqaF1c2kT3mH9PpQe2xWw0v8s4yRA==",
                   atts=[Att("城南供电所安全用电入户检查.doc", doc, DOC_CT)]))
    label(f, title=title, unit="平川县供电公司城南供电所", authors=["何小平", "邓婷"], phone="13800137110",
          reviewer="梁志刚", fmt="doc", client="outlook",
          placement=["labels_top", "label_gonggaoren", "separator_yu", "phone_emdash", "reviewer_shenhe"])


def case11():
    f = "11-ascii-comma-ji-foxmail-body.eml"
    title = "东湖区举办2026年中小学教师信息技术应用能力大赛"
    text = ("标题: " + title + "\n作者: 马骏, 林小雨及蒋文\n单位: 东湖区教育局\n联系电话: 138 0013 7111\n\n"
            "    3月26日至27日，东湖区2026年中小学教师信息技术应用能力大赛在区教师发展中心举行，来自全区38所中小学的126名教师参赛。\n"
            "    本次大赛分为课件制作、微课设计和信息化教学课例展示三个项目，参赛教师围绕课程标准，将人工智能、虚拟仿真等信息技术与学科教学深度融合，"
            "充分展示了新时代教师的专业素养和创新能力。\n"
            "    经过激烈角逐，大赛共评出一等奖18名、二等奖30名、三等奖42名。区教育局相关负责人表示，将以赛促学、以赛促用，"
            "推动信息技术与教育教学深度融合，助力全区教育数字化转型。\n")
    add(f, foxmail(name="马骏", addr="majun@dhjy.gov.cn", subject="【东湖区教育局】" + title,
                   date=rfcdate(2026, 3, 28, 9, 3, 51), msgid="202603280903516620127@dhjy.gov.cn", text=text,
                   charset="utf-8"))
    label(f, title=title, unit="东湖区教育局", authors=["马骏", "林小雨", "蒋文"], phone="13800137111",
          fmt="body", client="foxmail", placement=["body_article", "labels_top_ascii_colon", "separators_comma_ji",
                                                   "subject_bracket_unit"],
          note="'作者: 马骏, 林小雨及蒋文': ASCII comma + space, then 及. Subject 【单位】标题 agrees with the body's 单位 line.")


def case12():
    f = "12-captions-tu1-reply-mailmaster-docx.eml"
    title = "石门乡掀起春季人居环境整治热潮"
    doc = make_docx([
        ("title", title),
        ("p", "连日来，石门乡以“清垃圾、清杂物、清沟渠”为重点，组织干部群众开展春季人居环境整治行动，村容村貌焕然一新。"),
        ("p", "在石门村，党员志愿者、网格员和村民齐上阵，有的清扫路面，有的清理沟渠，有的搬运杂物，大家分工协作、干劲十足。"
              "“环境变好了，住着舒心，我们自己也要出一份力。”村民杨大姐一边清扫自家房前屋后一边说。"),
        ("p", "截至目前，全乡累计出动干部群众2300余人次，清理生活垃圾180余吨，清理沟渠15公里，拆除乱搭乱建12处。"),
        ("line", "作者：杨帆"),
        ("line", "单位：石门乡人民政府"),
        ("line", "手机：13800137112"),
    ], author="yangfan")
    caps = ["石门村党员志愿者帮助群众清理房前屋后垃圾", "环境整治后的石门村村道"]
    text = ("已补充照片，稿件一并重发，请查收。\n图1：" + caps[0] + "\n图2：" + caps[1] + "\n\n发自网易邮箱大师\n\n"
            "---- 回复的原邮件 ----\n发件人\t投稿邮箱<tougao@localhost>\n日期\t2026年03月19日 16:05\n"
            "收件人\t杨帆<yangfan_sm@163.com>\n主题\t稿件\n"
            "您好，来稿已收到。请补充2张现场照片及图片说明后重新发送。\n")
    add(f, simple_webmail(kind="mailmaster", name="杨帆", addr="yangfan_sm@163.com", subject="回复：稿件",
                          date=rfcdate(2026, 3, 20, 8, 16, 30), msgid="2f3a4b5c.9d01.19d0e1f2a3b.mm.yangfan_sm@163.com",
                          text=text,
                          atts=[Att("石门乡人居环境整治.docx", doc, DOCX_CT),
                                Att("IMG_3021.JPG", photo(1201, "IMG_3021"), "image/jpeg"),
                                Att("IMG_3022.JPG", photo(1202, "IMG_3022"), "image/jpeg")]))
    label(f, title=title, unit="石门乡人民政府", authors=["杨帆"], phone="13800137112", captions=caps,
          fmt="docx", client="mailmaster", placement=["labels_bottom", "captions_body_tu1", "photos_attached",
                                                      "subject_reply", "quoted_original"],
          note="Reply to the editor's request; the quoted original below is not part of the submission.")


def case13():
    f = "13-captions-tuyi-weixin-qq-docx.eml"
    title = "城西派出所反诈宣传进社区"
    doc = make_docx([
        ("title", title),
        ("center", "作者：蒙小军　来源：云溪县公安局城西派出所"),
        ("p", "为进一步增强辖区群众识骗防骗能力，3月18日，云溪县公安局城西派出所民警走进锦绣社区，开展防范电信网络诈骗宣传活动。"),
        ("p", "活动中，民警结合近期发生的刷单返利、冒充客服、虚假投资理财等典型案例，向群众揭露诈骗分子的作案手法，"
              "提醒大家做到“不轻信、不透露、不转账”。民警还深入沿街商铺，向商户发放反诈宣传折页，并现场指导群众下载安装国家反诈中心APP。"),
        ("p", "此次活动共发放宣传资料800余份，指导群众下载国家反诈中心APP 300余人次。"),
    ], author="mengxj")
    caps = ["民警为辖区群众讲解防范电信网络诈骗知识", "民警向商户发放反诈宣传折页", "群众现场下载国家反诈中心APP"]
    text = ("老师好，发一篇我所的稿子，照片3张。\n图一：%s\n图二：%s\n图三：%s\n联系方式：138一0013一7113\n" % tuple(caps))
    names = ["微信图片_20260318101523.jpg", "微信图片_20260318101531.jpg", "微信图片_20260318101546.jpg"]
    add(f, qq(name="蒙小军", addr="1473920586@qq.com", subject="投稿", date=rfcdate(2026, 3, 18, 19, 6, 44),
              msgid="tencent_3A9F0C1D2E4B5A6978C0D1E2@qq.com", text=text,
              atts=[Att("城西派出所反诈宣传进社区.docx", doc, DOCX_CT)]
                   + [Att(n, photo(1301 + i, "WX %d" % (i + 1)), "image/jpeg") for i, n in enumerate(names)]))
    label(f, title=title, unit="云溪县公安局城西派出所", authors=["蒙小军"], phone="13800137113", captions=caps,
          fmt="docx", client="qq", placement=["labels_under_title_one_line", "captions_body_tuyi", "photos_attached",
                                              "phone_dash_as_yi"],
          note="Phone written with the character 一 as dash: '138一0013一7113'. Caption prefix '图一：' removed like '图1：'.")


def case14():
    f = "14-captions-futu-list-mmexport-outlook-doc.eml"
    title = "平川县开展春季农资打假专项行动"
    src = make_docx([
        ("title", title),
        ("p", "为切实维护农民群众合法权益，保障春耕生产顺利进行，近日，平川县农业农村局联合县市场监管局，"
              "在全县范围内开展春季农资打假专项行动。"),
        ("p", "执法人员深入农资经营门店，重点检查种子、农药、化肥等农资产品的进货台账、销售台账和产品标签，"
              "查看经营主体是否证照齐全、是否存在销售假冒伪劣产品等违法行为，并对部分种子样品进行现场抽检。"),
        ("p", "截至目前，共出动执法人员120余人次，检查农资经营门店86家，抽检种子样品24个，立案查处违法案件3起。"),
        ("line", "（平川县农业农村局　拟稿：韦丽娟）"),
    ], author="weilj")
    doc = lo_convert("14", src, "doc")
    caps = ["执法人员检查农资经营门店台账", "执法人员对种子样品进行抽检"]
    text = ("您好：\n　　报送我局稿件一篇，附图2张。\n附图：1.%s  2.%s\n电话：0371-66771214 分机 8021\n韦丽娟\n" % tuple(caps))
    add(f, outlook(name="韦丽娟", addr="weilijuan_pc@outlook.com", subject="稿件",
                   date=rfcdate(2026, 3, 26, 7, 40, 2, tz=UTC),
                   msgid="TY0PR01MB5321C3D4E5F6A7B8C9D0E1F2A3B4@TY0PR01MB5321.apcprd01.prod.outlook.com",
                   text=text, thread_index="AdqfA0bX9kQ2mP1sTz3yVv7u6r5wSQ==",
                   atts=[Att("农资打假专项行动.doc", doc, DOC_CT),
                         Att("mmexport1711234567890.jpg", photo(1401, "mmexport 1"), "image/jpeg"),
                         Att("mmexport1711234598765.jpg", photo(1402, "mmexport 2"), "image/jpeg")]))
    label(f, title=title, unit="平川县农业农村局", authors=["韦丽娟"], phone="0371-66771214-8021", captions=caps,
          fmt="doc", client="outlook", placement=["closing_paren_unit_nigao", "captions_body_futu_list",
                                                  "photos_attached", "phone_extension_fenji"],
          note="Both captions on one line '附图：1.…  2.…'; numbering '1.'/'2.' removed. Unit and author from the "
               "closing '（平川县农业农村局　拟稿：韦丽娟）'.")


def case15():
    f = "15-captions-dizhang-dsc-iphone-docx.eml"
    title = "团县委组织开展“河小青”护河志愿服务活动"
    doc = make_docx([
        ("line", "作者：唐静"),
        ("line", "单位：共青团平川县委员会"),
        ("line", "电话：138～0013～7115"),
        ("title", title),
        ("p", "3月21日，共青团平川县委员会组织50余名“河小青”志愿者，在县城清水河沿岸开展护河志愿服务活动。"),
        ("p", "志愿者们分成4个小组，沿河道两岸捡拾塑料瓶、包装袋等垃圾，清理河面漂浮物，并向沿河居民和过往群众发放爱河护河倡议书，"
              "倡导大家自觉保护河道环境。"),
        ("p", "据了解，今年以来，团县委已组织开展“河小青”志愿服务活动6场，参与青年志愿者300余人次。"),
    ], author="iPhone")
    caps = ["志愿者在河道沿岸捡拾垃圾", "“河小青”志愿服务队合影"]
    add(f, iphone(name="唐静", addr="tangjing_1984@139.com", subject="投稿",
                  date=rfcdate(2026, 3, 21, 18, 2, 45), msgid="5B0E7D3A-92C1-4F8E-A6B4-3C2D1E0F9A8B@139.com",
                  text="第一张：%s\n第二张：%s\n" % tuple(caps),
                  atts=[Att("河小青护河志愿服务.docx", doc, DOCX_CT),
                        Att("DSC01234.JPG", photo(1501, "DSC01234"), "image/jpeg"),
                        Att("DSC01236.JPG", photo(1502, "DSC01236"), "image/jpeg")],
                  tail_text="\n\n发自我的iPhone"))
    label(f, title=title, unit="共青团平川县委员会", authors=["唐静"], phone="13800137115", captions=caps,
          fmt="docx", client="iphone", placement=["labels_top", "captions_body_dizhang", "photos_attached",
                                                  "phone_tilde", "text_part_after_attachments"],
          note="'第一张：/第二张：' numbering removed. iOS puts '发自我的iPhone' in a second text part after the attachments.")


def case16():
    f = "16-captions-zhaopian-credit-126-docx.eml"
    title = "县档案馆开展“传承红色基因”主题党日活动"
    doc = make_docx([
        ("title", title),
        ("center", "文/蓝海燕　图/韦国庆"),
        ("p", "3月26日，平川县档案馆党支部组织全体党员干部开展“传承红色基因 赓续精神血脉”主题党日活动。"),
        ("p", "活动中，馆内老党员结合馆藏革命历史档案，为新入职的年轻干部讲述了平川县革命先辈的感人故事。"
              "随后，全体党员在党旗下重温入党誓词，并参观了馆内红色档案专题展览。"),
        ("p", "大家纷纷表示，将从红色档案中汲取奋进力量，立足岗位、担当作为，守好档案、用好档案。"),
        ("blank", ""),
        ("right", "平川县档案馆"),
        ("right", "2026年3月27日"),
    ], author="daj")
    caps = ["老党员为新入职年轻干部讲述红色故事", "年轻干部重温入党誓词"]
    text = "照片一 %s\n照片二 %s\n手机：１３８－００１３－７１１６\n" % tuple(caps)
    add(f, coremail(name="蓝海燕", addr="lanhaiyan_daj@126.com", subject="来稿",
                    date=rfcdate(2026, 3, 27, 10, 44, 12, suffix=" (CST)"),
                    msgid="0d9e8f7a.2b3c.19d3e4f5a6b.Coremail.lanhaiyan_daj@126.com", text=text, host="126com",
                    atts=[Att("主题党日活动稿件.docx", doc, DOCX_CT),
                          Att("IMG_20260326_093512.jpg", photo(1601, "IMG_20260326_093512"), "image/jpeg"),
                          Att("IMG_20260326_094058.jpg", photo(1602, "IMG_20260326_094058"), "image/jpeg")]))
    label(f, title=title, unit="平川县档案馆", authors=["蓝海燕"], phone="13800137116", captions=caps,
          photo_credit="韦国庆", fmt="docx", client="126",
          placement=["byline_wen_tu", "luokuan_two_lines", "captions_body_zhaopian", "photos_attached",
                     "phone_fullwidth_all"],
          note="'文/蓝海燕　图/韦国庆': only the text author is an author. Caption prefix '照片一 ' removed.")


def case17():
    f = "17-no-title-docx-outlook.eml"
    doc = make_docx([
        ("p", "3月28日，东湖区市场监督管理局联合区消防救援大队，对辖区12家大型商超开展节前食品安全和消防安全联合检查。"),
        ("p", "检查组重点查看了商超食品进货查验记录、冷链食品储存温度、临期食品管理以及消防通道畅通、消防设施完好等情况，"
              "对发现的5处问题隐患，当场下达整改通知书，要求限期整改到位。"),
        ("p", "检查组要求，各商超要切实落实主体责任，严把食品质量安全关，加强消防安全日常巡查，确保群众买得放心、逛得安心。"),
        ("line", "作者：莫晓东　单位：东湖区市场监督管理局　电话：13800137117"),
    ], author="moxd")
    text = "老师好，请查收附件稿件，谢谢。\n莫晓东\n"
    add(f, outlook(name="莫晓东", addr="moxiaodong@outlook.com", subject="投稿",
                   date=rfcdate(2026, 3, 29, 3, 20, 55, tz=UTC),
                   msgid="OS3PR01MB6650D4E5F6A7B8C9D0E1F2A3B4C5@OS3PR01MB6650.jpnprd01.prod.outlook.com",
                   text=text, thread_index="AdqhB9cE3lR5nQ0tUa4zXw8v7s6xTA==",
                   atts=[Att("东湖区市场监管局稿件0328.docx", doc, DOCX_CT)]))
    label(f, title=None, unit="东湖区市场监督管理局", authors=["莫晓东"], phone="13800137117",
          fmt="docx", client="outlook", placement=["no_title", "labels_bottom_one_line"],
          note="The manuscript starts straight with '3月28日，……' (a full sentence ending in 。); neither subject "
               "('投稿') nor file name carries a title. A careful editor would ask for one: title null.")


def case18():
    f = "18-no-title-body-163utf8.eml"
    text = ("　　近日，平安街道在辖区5个社区同步启动“15分钟便民生活圈”问卷调查，广泛征集居民对社区菜市场、托育托老、"
            "便民维修等服务设施的意见建议。\n"
            "　　此次调查采取线上扫码填写和网格员入户走访相结合的方式进行，重点了解居民日常生活中的“急难愁盼”问题。"
            "截至目前，已收回有效问卷2100余份，收集意见建议160余条。\n"
            "　　街道相关负责人表示，将对收集到的意见建议进行梳理分类，形成问题清单和项目清单，分批推进便民服务设施建设，"
            "不断提升居民的获得感和幸福感。\n"
            "（供稿：平安街道党政办　撰稿：覃文 和 黎晓　电话 138 0013 7118）\n")
    add(f, coremail(name="平安街道党政办", addr="pajd_dzb@163.com", subject="信息", charset="UTF-8",
                    date=rfcdate(2026, 4, 3, 16, 55, 0, suffix=" (CST)"),
                    msgid="1a2b3c4d.4e5f.19d5f6a7b8c.Coremail.pajd_dzb@163.com", text=text))
    label(f, title=None, unit="平安街道党政办", authors=["覃文", "黎晓"], phone="13800137118",
          fmt="body", client="163_utf8", placement=["no_title", "body_article", "closing_paren_labels",
                                                    "separator_he", "phone_spaces"],
          note="Body-only article whose first line is already the first paragraph (a sentence of 60+ characters "
               "ending in 。), so there is no title line to take; title null. '覃文 和 黎晓' are two names.")


def case19():
    f = "19-no-title-no-phone-fw-outlook-doc.eml"
    src = make_docx([
        ("p", "3月29日，马桥镇组织开展2026年春季义务植树活动，镇村干部、驻村工作队员和志愿者共150余人参加。"),
        ("p", "在马桥村植树点，大家分工协作，挥锹铲土、扶苗培土、提水浇灌，干得热火朝天。经过一上午的努力，"
              "共栽种桂花、香樟等苗木2000余株，新增绿化面积30余亩。"),
        ("p", "近年来，马桥镇坚持把国土绿化作为推进生态文明建设的重要抓手，持续开展植树造林、村庄绿化美化行动，全镇森林覆盖率达到62.5%。"),
        ("line", "（马桥镇人民政府　通讯员 吴小红）"),
    ], author="wuxh")
    doc = lo_convert("19", src, "doc")
    text = ("请审核。\n\n覃建平\n\n________________________________\n"
            "发件人: 吴小红 <wuxiaohong_mq@163.com>\n发送时间: 2026年3月30日 9:41\n"
            "收件人: 覃建平 <qinjianping_mq@outlook.com>\n主题: 投稿\n\n"
            "覃主任，植树的稿子写好了，附件请您把关，没问题的话帮忙转给投稿邮箱。\n")
    add(f, outlook(name="覃建平", addr="qinjianping_mq@outlook.com", subject="Fw: 投稿",
                   date=rfcdate(2026, 3, 30, 2, 5, 37, tz=UTC),
                   msgid="TYWPR01MB9874E5F6A7B8C9D0E1F2A3B4C5D6@TYWPR01MB9874.jpnprd01.prod.outlook.com",
                   text=text, thread_index="AdqiC1dF4mS6oR1uVb5aYx9w8t7yUB==",
                   atts=[Att("植树.doc", doc, DOC_CT)]))
    label(f, title=None, unit="马桥镇人民政府", authors=["吴小红"], phone=None,
          fmt="doc", client="outlook", placement=["no_title", "no_phone", "forwarded", "closing_paren_tongxunyuan"],
          note="Forwarded by the author's superior; no phone anywhere (the forward header has addresses only) and the "
               ".doc starts with the first paragraph. 覃建平 asks for review but is not labelled 审核, so reviewer null.")


def _cover_only(f, builder, note, fmt, client, placement):
    add(f, builder)
    label(f, outcome="rejected", reason="unreadable_manuscript", fmt=fmt, client=client, placement=placement,
          note=note, photo_count=0)


def case20():
    f = "20-truncated-docx-163.eml"
    full = make_docx([
        ("title", "平安街道开展“文明新风进万家”宣讲活动"),
        ("p", "4月8日，平安街道组织宣讲员走进辖区各社区，开展“文明新风进万家”宣讲活动。" * 6),
        ("line", "撰稿：覃文　电话：13800137120"),
    ], author="qinwen")
    cut = full[: len(full) * 11 // 20]
    text = "您好，附件是我单位投稿，请查收。\n平安街道 覃文\n"
    _cover_only(f, coremail(name="覃文", addr="qinwen_pa@163.com", subject="投稿",
                            date=rfcdate(2026, 4, 8, 17, 30, 14, suffix=" (CST)"),
                            msgid="5f6a7b8c.0d1e.19d6a7b8c9d.Coremail.qinwen_pa@163.com", text=text,
                            atts=[Att("文明新风进万家.docx", cut, DOCX_CT)]),
                "The .docx is cut off after 55 % of its bytes (no central directory).", "docx", "163",
                ["unreadable", "truncated_docx", "cover_note_only"])


def case21():
    f = "21-random-bytes-doc-qq.eml"
    junk = random.Random(2126).randbytes(23552)
    text = "老师，稿子在附件，麻烦看一下。谢谢！\n"
    _cover_only(f, qq(name="金竹社区", addr="3318465201@qq.com", subject="稿件", date=rfcdate(2026, 4, 9, 8, 50, 2),
                      msgid="tencent_C1D2E3F4A5B6C7D8E9F0A1B2@qq.com", text=text,
                      atts=[Att("稿件（修改版）.doc", junk, "application/octet-stream")]),
                "A .doc that is 23 KiB of random bytes (no OLE header).", "doc", "qq",
                ["unreadable", "random_bytes", "cover_note_only"])


def case22():
    f = "22-docx-is-html-page-outlook.eml"
    page = ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>文档分享 - 链接已失效</title>\n'
            '<link rel="stylesheet" href="/static/css/share.7c1e2b.css">\n</head>\n<body>\n<div class="share-empty">\n'
            '<img src="/static/img/empty.png" alt="">\n<p class="tip">该文档已被所有者删除或分享链接已过期</p>\n'
            '<p class="sub">请联系分享者重新分享，或<a href="/login?redirect=%2Fshare%2F8f3k2">登录</a>后查看</p>\n'
            '</div>\n<script src="/static/js/share.4a9d1f.js"></script>\n</body>\n</html>\n').encode("utf-8")
    text = "您好，附件是我们社区的稿件，请查收。\n金竹社区 罗晓梅\n"
    _cover_only(f, outlook(name="罗晓梅", addr="luoxiaomei_jz@outlook.com", subject="投稿",
                           date=rfcdate(2026, 4, 9, 6, 12, 40, tz=UTC),
                           msgid="KL1PR06MB6205F6A7B8C9D0E1F2A3B4C5D6E7@KL1PR06MB6205.apcprd06.prod.outlook.com",
                           text=text, thread_index="AdqqD2eG5nT7pS2vWc6bZy0x9u8zVC==",
                           atts=[Att("金竹社区稿件.docx", page, DOCX_CT)]),
                "The .docx is an online-document share page saved under the wrong name ('链接已失效'); it holds no "
                "article text.", "docx", "outlook", ["unreadable", "html_named_docx", "cover_note_only"])


def case23():
    f = "23-zero-byte-docx-iphone.eml"
    _cover_only(f, iphone(name="罗晓梅", addr="2201938475@qq.com", subject="新闻稿",
                          date=rfcdate(2026, 4, 9, 21, 3, 9), msgid="A7C3E1F0-5B2D-4E6A-9C8B-7D6E5F4A3B2C@qq.com",
                          text="稿件见附件\n", atts=[Att("金竹社区新闻稿.docx", b"", DOCX_CT)],
                          tail_text="\n\n发自我的iPhone"),
                "Zero-byte .docx from a phone upload.", "docx", "iphone", ["unreadable", "zero_byte", "cover_note_only"])


def case24():
    f = "24-labels-top-embedded-captions-163-docx.eml"
    title = "平川县举办2026年退役军人专场招聘会"
    caps = ["图为退役军人在招聘会现场咨询岗位信息。", "招聘会现场设置的政策咨询台"]
    doc = make_docx([
        ("line", "标题：" + title),
        ("line", "单位：平川县退役军人事务局"),
        ("line", "作者：宋立新　黄静"),
        ("line", "联系电话：13800137124　办公电话：0851-86551224"),
        ("line", "审核：韦建华"),
        ("blank", ""),
        ("p", "4月3日，平川县退役军人事务局联合县人力资源和社会保障局，在县人力资源市场举办2026年退役军人专场招聘会，"
              "为退役军人搭建就业创业平台。"),
        ("img", photo(2401, "embedded 1")),
        ("cap", caps[0]),
        ("p", "本次招聘会共组织42家企业参会，提供安保、驾驶、技术、管理等就业岗位680余个。招聘会现场还设置了政策咨询台，"
              "工作人员向退役军人宣讲就业创业扶持政策，并提供技能培训报名服务。"),
        ("img", photo(2402, "embedded 2")),
        ("cap", caps[1]),
        ("p", "据统计，当天共有320余名退役军人进场求职，初步达成就业意向96人。"),
    ], author="pcxjj")
    unit = "平川县退役军人事务局"
    add(f, coremail(name="宋立新", addr="songlixin_tyjr@163.com", subject="【%s】%s" % (unit, title),
                    date=rfcdate(2026, 4, 3, 18, 20, 36, suffix=" (CST)"),
                    msgid="6b7c8d9e.3f4a.19d5b6c7d8e.Coremail.songlixin_tyjr@163.com",
                    text="您好，稿件见附件，请审核。\n", split_names=True,
                    atts=[Att("【平川县退役军人事务局】平川县举办2026年退役军人专场招聘会.docx", doc, DOCX_CT)]))
    label(f, title=title, unit=unit, authors=["宋立新", "黄静"], phone="13800137124", reviewer="韦建华",
          captions=caps, fmt="docx", client="163",
          placement=["labels_top", "title_label", "photos_embedded", "caption_under_photo", "subject_bracket_unit",
                     "mobile_then_landline", "separator_fullwidth_space"],
          note="Mobile written first, office landline second: the label is the first. Captions are the lines right "
               "under each picture; the first keeps its '图为…。' sentence.")


def case25():
    f = "25-labels-bottom-shenqian-126-doc.eml"
    title = "永安乡举办新型职业农民培训班"
    src = make_docx([
        ("title", title),
        ("p", "为提升农民科学种养水平，助力乡村振兴，4月7日至9日，永安乡举办2026年新型职业农民培训班，"
              "来自全乡9个村的120名种养大户、家庭农场主和农村致富带头人参加培训。"),
        ("p", "培训邀请县农业农村局、县畜牧中心的专家授课，围绕蔬菜标准化种植、生猪科学养殖、农产品电商销售等内容，"
              "采取“理论讲解+现场教学”的方式进行，深受学员欢迎。"),
        ("p", "“这次培训讲的都是我们最需要的实用技术，回去就能用上。”永安村种植大户卢大哥说。"),
        ("blank", ""),
        ("line", "单位：永安乡人民政府"),
        ("line", "作者：卢俊"),
        ("line", "手机号码：13800137125"),
        ("line", "审签：蒙德华"),
    ], author="lujun")
    doc = lo_convert("25", src, "doc")
    add(f, coremail(name="卢俊", addr="lujun_yax@126.com", subject="永安乡+卢俊+" + title,
                    date=rfcdate(2026, 4, 10, 9, 27, 50, suffix=" (CST)"),
                    msgid="7c8d9e0f.5a6b.19d7b8c9d0e.Coremail.lujun_yax@126.com", host="126com",
                    text="您好，附件是我乡投稿，请审核。\n", atts=[Att(title + ".doc", doc, DOC_CT)]))
    label(f, title=title, unit="永安乡人民政府", authors=["卢俊"], phone="13800137125", reviewer="蒙德华",
          fmt="doc", client="126", placement=["labels_bottom", "subject_unit_author_title", "reviewer_shenqian"],
          note="Subject '单位+作者+标题' agrees with the manuscript; the manuscript's 单位 line gives the full unit.")


def case26():
    f = "26-info-table-qq-docx.eml"
    title = "城东中学开展防溺水安全教育主题班会"
    cap = "图为班主任向学生讲解防溺水“六不准”。"
    doc = make_docx([
        ("title", "投稿信息表"),
        ("table", [("稿件标题", title), ("投稿单位", "平川县城东中学"), ("作　　者", "龙　菲、杨光"),
                   ("联系电话", "138 0013 7126"), ("审 核 人", "石文斌"), ("投稿日期", "2026年4月8日")]),
        ("blank", ""),
        ("title", title),
        ("p", "随着气温逐渐升高，学生溺水事故进入易发期。4月7日，平川县城东中学以“珍爱生命 预防溺水”为主题，"
              "在全校36个班级同步召开防溺水安全教育主题班会。"),
        ("img", photo(2601, "class meeting")),
        ("cap", cap),
        ("p", "班会上，各班主任通过播放警示教育视频、讲解典型案例、开展情景模拟等方式，向学生讲解溺水的危害、"
              "防溺水“六不准”以及发现同伴溺水时的正确处置方法，引导学生增强自我保护意识。"),
        ("p", "学校还通过班级群向家长推送《致家长的一封信》，提醒家长切实履行监护责任，共同筑牢防溺水安全防线。"),
    ], author="cdzx")
    add(f, qq(name="城东中学办公室", addr="1098273645@qq.com", subject="投稿", date=rfcdate(2026, 4, 8, 11, 38, 21),
              msgid="tencent_D4E5F6A7B8C9D0E1F2A3B4C5@qq.com",
              text="老师您好！附件是我校稿件，信息表在第一页，请审阅。\n",
              atts=[Att("城东中学防溺水主题班会.docx", doc, DOCX_CT)]))
    label(f, title=title, unit="平川县城东中学", authors=["龙菲", "杨光"], phone="13800137126", reviewer="石文斌",
          captions=[cap], fmt="docx", client="qq",
          placement=["info_table_top", "photos_embedded", "caption_under_photo", "names_padded"],
          note="Metadata in a 投稿信息表 table; '投稿信息表' is the form's heading, not the title. Spaced labels "
               "'作　　者' / '审 核 人'.")


def case27():
    f = "27-html-only-captions-tudot-outlook.eml"
    title = "城北街道开展垃圾分类“进小区”宣传活动"
    caps = ["志愿者向居民演示垃圾分类投放方法", "小朋友参与垃圾分类知识问答"]
    paras = [
        "4月2日，城北街道组织社区工作人员和志愿者走进阳光花园、锦华苑等5个小区，开展垃圾分类“进小区”宣传活动。",
        "活动现场，志愿者通过展板展示、发放宣传手册、现场演示等方式，向居民讲解可回收物、有害垃圾、厨余垃圾和其他垃圾的分类标准和投放要求，"
        "并设置垃圾分类知识问答游戏，吸引了不少居民和小朋友参与。",
        "此次活动共发放宣传资料1200余份，覆盖居民800余户。下一步，城北街道将持续开展垃圾分类宣传，推动垃圾分类成为居民的生活习惯。",
    ]
    inner = ('<p class="MsoNormal">编辑老师好，稿件和照片如下：<o:p></o:p></p>\n'
             '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
             '<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:16pt">'
             + html.escape(title, False) + '</span></b><o:p></o:p></p>\n'
             + "\n".join('<p class="MsoNormal" style="text-indent:21.0pt">%s<o:p></o:p></p>' % html.escape(p, False)
                         for p in paras)
             + '\n<p class="MsoNormal">撰稿：潘玉洁<o:p></o:p></p>\n'
               '<p class="MsoNormal">☎ 138-0013-7127<o:p></o:p></p>\n'
               '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
               '<p class="MsoNormal">图1.%s<o:p></o:p></p>\n<p class="MsoNormal">图2.%s<o:p></o:p></p>\n' % tuple(caps))
    add(f, outlook(name="潘玉洁", addr="panyujie_cb@outlook.com", subject="【城北街道】" + title,
                   date=rfcdate(2026, 4, 2, 9, 58, 3, tz=UTC),
                   msgid="TYAPR01MB6099A7B8C9D0E1F2A3B4C5D6E7F8@TYAPR01MB6099.jpnprd01.prod.outlook.com",
                   html_body=outlook_html_doc(inner), html_only=True, thread_index="AdqkE3fH6oU8qT3wXd7cAz1y0v9aWD==",
                   atts=[Att("DSC_0456.JPG", photo(2701, "DSC_0456"), "image/jpeg"),
                         Att("DSC_0461.JPG", photo(2702, "DSC_0461"), "image/jpeg")]))
    label(f, title=title, unit="城北街道", authors=["潘玉洁"], phone="13800137127", captions=caps,
          fmt="html_body", client="outlook",
          placement=["html_only_body", "subject_bracket_unit", "captions_body_tu_dot", "photos_attached",
                     "phone_telephone_sign"],
          note="HTML-only body (no text/plain part). The unit is given only by the 【城北街道】 subject prefix.")


def case28():
    f = "28-pdf-wrapped-title-foxmail.eml"
    title = "“书香平川”全民阅读月活动启动暨首场“名家进馆”公益讲座举行"
    src = make_docx([
        ("bigtitle", title),
        ("center", "作者：邹静、汤明远、卢小燕"),
        ("p", "4月2日，平川县图书馆“书香平川”全民阅读月活动正式启动，首场“名家进馆”公益讲座同步举行，"
              "200余名读者走进图书馆，共享书香盛宴。"),
        ("p", "启动仪式上，县图书馆发布了阅读月系列活动安排，并向社区、学校、企业代表赠送图书1000余册。随后，"
              "省内知名作家以《阅读让生活更美好》为题，结合自身创作经历，与读者分享了阅读的方法和乐趣。"),
        ("p", "据悉，阅读月期间，县图书馆还将开展亲子阅读、古籍修复体验、“图书漂流”等12项活动，让阅读走进千家万户。"),
        ("line", "联系电话：0851-86551228-302"),
        ("line", "审核人：覃志勇"),
    ], author="pctsg", font="WenQuanYi Micro Hei")
    pdf = lo_convert("28", src, "pdf")
    unit = "平川县图书馆"
    add(f, foxmail(name="邹静", addr="zoujing_tsg@foxmail.com", subject=unit + "+" + title,
                   date=rfcdate(2026, 4, 3, 8, 45, 30), msgid="202604030845306184452@foxmail.com",
                   text="您好！附件是我馆稿件（PDF格式），请审核。\n", atts=[Att("书香平川阅读月.pdf", pdf, PDF_CT)]))
    label(f, title=title, unit=unit, authors=["邹静", "汤明远", "卢小燕"], phone="0851-86551228-302",
          reviewer="覃志勇", fmt="pdf", client="foxmail",
          placement=["subject_unit_plus_title", "pdf_title_wraps", "labels_bottom", "phone_extension_hyphen",
                     "reviewer_shenheren"],
          note="Title set in 24 pt and wraps onto two lines in the PDF; label is the joined line. Unit only in the "
               "'单位+标题' subject.")


def case29():
    f = "29-gbk-txt-landline-ext-sina.eml"
    title = "云溪县林业局开展“护林防火进万家”宣传活动"
    txt = (title + "\n"
           "    3月30日，云溪县林业局组织干部职工深入城关镇、青石镇等重点乡镇，开展“护林防火进万家”宣传活动。\n"
           "    工作人员通过悬挂横幅、发放宣传单、张贴防火公告等形式，向群众宣传《森林防火条例》等法律法规和野外安全用火知识，"
           "重点提醒群众清明节期间不在林区烧纸、燃放鞭炮，倡导文明祭祀新风尚。\n"
           "    活动共发放宣传资料3000余份，悬挂宣传横幅40余条，张贴防火公告200余份。\n\n"
           "供稿单位：云溪县林业局\n作者 罗琴 蒋毅\n电话：（0851）8655 1229 转 806\n")
    add(f, simple_webmail(kind="sina", name="罗琴", addr="luoqin_lyj@sina.com", subject="投稿", charset="GBK",
                          date=rfcdate(2026, 3, 31, 10, 12, 18), msgid="20260331021218.4B5C6D7E@sina.com",
                          text="您好，附件是我局的投稿，请查收。\n",
                          atts=[Att("护林防火进万家.txt", body_bytes(txt, "gbk"), "text/plain")]))
    label(f, title=title, unit="云溪县林业局", authors=["罗琴", "蒋毅"], phone="0851-86551229-806",
          fmt="txt", client="sina", placement=["labels_bottom", "txt_gbk_crlf", "label_zuozhe_no_colon",
                                               "phone_landline_brackets_ext"],
          note="'作者 罗琴 蒋毅': label without colon, names separated by ASCII spaces.")


def case30():
    f = "30-labels-top-qianfa-mailmaster-docx.eml"
    title = "龙潭镇举办首届“村BA”篮球联赛"
    doc = make_docx([
        ("line", "报送单位：龙潭镇党委宣传办"),
        ("line", "撰 稿 人：田晓勇"),
        ("line", "签　　发：杨明"),
        ("line", "TEL：138 0013 7130"),
        ("title", title),
        ("p", "4月4日晚，龙潭镇首届“村BA”篮球联赛在镇文体广场开赛，来自全镇14个村（社区）的16支代表队将展开为期一周的角逐。"),
        ("p", "开幕式上，各村代表队依次入场，舞龙、舞狮等民俗表演轮番上演。比赛中，队员们奋勇拼抢、积极配合，"
              "精彩的突破、上篮引得现场观众阵阵喝彩。"),
        ("p", "据了解，本次联赛旨在丰富群众文体生活，展示新时代农民精神风貌，助力乡村文化振兴。"),
    ], author="tianxy")
    add(f, simple_webmail(kind="mailmaster", name="田晓勇", addr="tianxiaoyong_lt@163.com",
                          subject="投稿：《%s》" % title, date=rfcdate(2026, 4, 5, 7, 51, 2),
                          msgid="8d9e0f1a.6b7c.19d8c9d0e1f.mm.tianxiaoyong_lt@163.com",
                          text="老师好，稿件请查收\n\n发自网易邮箱大师\n",
                          atts=[Att("龙潭镇村BA开赛.docx", doc, DOCX_CT)]))
    label(f, title=title, unit="龙潭镇党委宣传办", authors=["田晓勇"], phone="13800137130", reviewer="杨明",
          fmt="docx", client="mailmaster", placement=["labels_top", "spaced_labels", "reviewer_qianfa",
                                                      "subject_tougao_title"])


def case31():
    f = "31-auto-reply-gov.eml"
    text = ("您好！您的邮件我已收到。本人4月8日至12日参加市里组织的培训，期间可能无法及时查看邮件，"
            "急事请拨打办公室电话0851-86551231。谢谢！\n")
    add(f, coremail(name="韦建华", addr="weijianhua@pctyjr.gov.cn", subject="自动回复: 稿件已收到",
                    date=rfcdate(2026, 4, 8, 20, 1, 7, suffix=" (CST)"),
                    msgid="9e0f1a2b.7c8d.19d9d0e1f2a.Coremail.autoreply@pctyjr.gov.cn", text=text, host="pctyjr.gov.cn",
                    extra=["Auto-Submitted: auto-replied", "In-Reply-To: <intake-receipt-0408-0017@localhost>"]))
    label(f, outcome="ignored", reason="auto_reply", fmt="none", client="gov_coremail",
          placement=["auto_reply"], photo_count=0,
          note="Out-of-office auto-reply to one of our receipts (Auto-Submitted: auto-replied, 自动回复 subject).")


def case32():
    f = "32-photos-only-iphone.eml"
    add(f, iphone(name="龙菲", addr="longfei_cd@icloud.com", subject="照片", date=rfcdate(2026, 4, 8, 12, 4, 55),
                  msgid="C2B1A0F9-8E7D-4C6B-A5F4-E3D2C1B0A998@icloud.com", text=None,
                  atts=[Att("IMG_4501.JPG", photo(3201, "IMG_4501"), "image/jpeg"),
                        Att("IMG_4502.JPG", photo(3202, "IMG_4502"), "image/jpeg"),
                        Att("IMG_4503.JPG", photo(3203, "IMG_4503"), "image/jpeg")],
                  tail_text="\n\n发自我的iPhone"))
    label(f, outcome="rejected", reason="no_manuscript", fmt="photos", client="iphone",
          placement=["photos_only"], photo_count=0,
          note="Three camera photos and only the iOS signature; no article text.")


CASES = [case01, case02, case03, case04, case05, case06, case07, case08, case09, case10, case11, case12,
         case13, case14, case15, case16, case17, case18, case19, case20, case21, case22, case23, case24,
         case25, case26, case27, case28, case29, case30, case31, case32]


def main():
    for c in CASES:
        c()
    assert len(MAILS) == 32 and set(MAILS) == set(LABELS)
    for old in HERE.glob("*.eml"):
        if old.name not in MAILS:
            old.unlink()
    for name, data in MAILS.items():
        (HERE / name).write_bytes(data)
    (HERE / "labels.json").write_text(json.dumps(dict(sorted(LABELS.items())), ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    if CACHE.exists():
        for p in CACHE.iterdir():
            if p.name not in _used_cache:
                p.unlink()
    print("wrote %d mails to %s" % (len(MAILS), HERE))


if __name__ == "__main__":
    main()
