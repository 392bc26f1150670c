"""Small helpers for building client-like Chinese submission mails (blind batch 1).

Everything here is deterministic: fixed boundaries, fixed dates, fixed message ids,
zip members with fixed timestamps, seeded pseudo-random photo content.
Only the LibreOffice conversions (.doc/.wps/.pdf) are not byte-stable.
"""
import base64
import hashlib
import io
import os
import quopri
import random
import shutil
import subprocess
import tempfile
import urllib.parse
import zipfile
from datetime import datetime
from email.generator import BytesGenerator
from email.message import Message
from email._policybase import Compat32

from PIL import Image, ImageDraw

CRLF = "\r\n"


# --------------------------------------------------------------------------- policy
class Verbatim(Compat32):
    """Write every header exactly as set; "\n" inside a value marks a fold."""

    def fold(self, name, value):
        return name + ": " + value.replace("\n", self.linesep) + self.linesep

    def fold_binary(self, name, value):
        return self.fold(name, value).encode("ascii")


POLICY = Verbatim(linesep=CRLF)


def to_bytes(msg):
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=POLICY).flatten(msg)
    return buf.getvalue()


# --------------------------------------------------------------------------- encodings
CODEC = {"gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030", "utf-8": "utf-8"}


def codec(cs):
    # A "GB2312" label on real GBK text (喆, 镕 …) is what Foxmail and others send.
    return CODEC[cs.lower()]


def ew(text, cs, chunk=None):
    """RFC 2047 B encoded word(s). With chunk, split into several words joined by a fold."""
    if chunk is None or len(text) <= chunk:
        parts = [text]
    else:
        parts = [text[i:i + chunk] for i in range(0, len(text), chunk)]
    words = ["=?%s?B?%s?=" % (cs, base64.b64encode(p.encode(codec(cs))).decode("ascii")) for p in parts]
    return "\n\t".join(words)


def b64lines(data, width=76):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + width] for i in range(0, len(s), width)) + "\n"


def qp(data):
    return quopri.encodestring(data).decode("ascii")


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def rfc2231(filename, width=42):
    """filename*0*=utf-8''..; filename*1*=.. continuations, never splitting a %XX."""
    enc = urllib.parse.quote(filename.encode("utf-8"), safe="")
    pieces, cur, i = [], "", 0
    while i < len(enc):
        tok = enc[i:i + 3] if enc[i] == "%" else enc[i]
        i += len(tok)
        if len(cur) + len(tok) > width:
            pieces.append(cur)
            cur = ""
        cur += tok
    if cur:
        pieces.append(cur)
    if len(pieces) == 1:
        return "filename*=utf-8''" + pieces[0]
    out = []
    for n, p in enumerate(pieces):
        out.append("filename*%d*=%s%s" % (n, "utf-8''" if n == 0 else "", p))
    return ";\n\t".join(out)


# --------------------------------------------------------------------------- parts
def part(headers, payload=None, children=None, preamble=None):
    m = Message()
    for k, v in headers:
        m[k] = v
    if children is not None:
        for c in children:
            m.attach(c)
        m.preamble = preamble
    elif payload is not None:
        m.set_payload(payload)
    return m


def stable_hex(seed, n):
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:n].upper()


# --------------------------------------------------------------------------- photos
def photo(seed, w=320, h=240):
    """A small JPEG with clearly distinct content for every seed."""
    rng = random.Random("photo-%s" % seed)
    c1 = tuple(rng.randrange(40, 220) for _ in range(3))
    c2 = tuple(rng.randrange(40, 220) for _ in range(3))
    img = Image.new("RGB", (w, h))
    px = img.load()
    for y in range(h):
        t = y / (h - 1)
        row = tuple(int(c1[k] * (1 - t) + c2[k] * t) for k in range(3))
        for x in range(w):
            px[x, y] = row
    d = ImageDraw.Draw(img)
    for _ in range(rng.randrange(6, 12)):
        x0, y0 = rng.randrange(0, w - 40), rng.randrange(0, h - 40)
        x1, y1 = x0 + rng.randrange(20, 140), y0 + rng.randrange(20, 110)
        col = tuple(rng.randrange(0, 256) for _ in range(3))
        if rng.random() < 0.5:
            d.rectangle([x0, y0, x1, y1], fill=col)
        else:
            d.ellipse([x0, y0, x1, y1], fill=col)
    d.text((10, h - 20), "P-%s" % seed, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return buf.getvalue()


# --------------------------------------------------------------------------- documents
def fix_zip(data, when=(2026, 3, 1, 8, 0, 0)):
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def docx_bytes(blocks, author="Administrator", when=datetime(2026, 3, 1, 8, 0, 0)):
    """blocks: ('title', t) ('sub', t) ('p', t) ('l', t) ('r', t) ('cap', t) ('img', jpeg)
    ('table', rows) ('blank',)"""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    def font(run, east, size, bold=False):
        run.font.name = "Times New Roman"
        rpr = run._element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east)
        run.font.size = Pt(size)
        run.font.bold = bold

    d = docx.Document()
    for b in blocks:
        kind = b[0]
        if kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(p.add_run(b[1]), "方正小标宋简体", 20)
        elif kind == "sub":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(p.add_run(b[1]), "楷体_GB2312", 14)
        elif kind == "p":
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            font(p.add_run(b[1]), "仿宋_GB2312", 16)
        elif kind == "l":
            p = d.add_paragraph()
            font(p.add_run(b[1]), "仿宋_GB2312", 16)
        elif kind == "r":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            font(p.add_run(b[1]), "仿宋_GB2312", 16)
        elif kind == "cap":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(p.add_run(b[1]), "楷体_GB2312", 14)
        elif kind == "img":
            d.add_picture(io.BytesIO(b[1]), width=Cm(12))
            d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "table":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    cell = t.cell(r, c)
                    cell.text = ""
                    font(cell.paragraphs[0].add_run(val), "仿宋_GB2312", 14)
        elif kind == "blank":
            d.add_paragraph()
        else:
            raise ValueError(kind)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 2
    cp.comments = ""
    cp.title = ""
    buf = io.BytesIO()
    d.save(buf)
    return fix_zip(buf.getvalue())


_PROFILE = None


def soffice(docx_data, target):
    """Convert docx bytes to 'doc' or 'pdf' with LibreOffice; returns the bytes."""
    global _PROFILE
    if _PROFILE is None:
        _PROFILE = tempfile.mkdtemp(prefix="b1-lo-profile-")
    work = tempfile.mkdtemp(prefix="b1-lo-")
    try:
        src = os.path.join(work, "m.docx")
        with open(src, "wb") as f:
            f.write(docx_data)
        subprocess.run(
            ["soffice", "-env:UserInstallation=file://" + _PROFILE, "--headless",
             "--convert-to", target, "--outdir", work, src],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        with open(os.path.join(work, "m." + target), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cleanup():
    if _PROFILE:
        shutil.rmtree(_PROFILE, ignore_errors=True)


def txt_gbk(lines):
    return CRLF.join(lines).encode("gbk") + CRLF.encode()


MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "wps": "application/kswps",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "jpg": "image/jpeg",
}


def mimetype(filename):
    return MIME[filename.rsplit(".", 1)[1].lower()]


# --------------------------------------------------------------------------- html bodies
def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_coremail(lines):
    inner = "".join("<div>%s</div>" % (esc(l) if l.strip() else "<br>") for l in lines)
    return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">%s</div>'
            '<br><br><span title="neteasefooter"><p>&nbsp;</p></span>' % inner)


def html_qq(lines):
    inner = "".join("<div>%s</div>" % (esc(l) if l.strip() else "<br>") for l in lines)
    return ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
            '<div style="font-family: 微软雅黑, sans-serif; font-size: 14px;">%s</div>' % inner)


def html_foxmail(lines, signame):
    inner = "\n".join("<div>%s</div>" % (esc(l) if l.strip() else "<br>") for l in lines)
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=GB2312">'
            '<style>body { line-height: 1.5; }body { font-size: 14px; font-family: \'Microsoft YaHei UI\'; '
            'color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>\n%s\n<div><br></div>'
            '<hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
            '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt">'
            '<div>%s</div></div></span></div>\n</body></html>\n' % (inner, esc(signame)))


def html_outlook(lines, extra=""):
    inner = "\n".join('<p class="MsoNormal"><span style="font-family:等线">%s<o:p></o:p></span></p>'
                      % (esc(l) if l.strip() else "&nbsp;") for l in lines)
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
            '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            '<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:等线;}\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:10.5pt;\n'
            '\tfont-family:等线;}\n--></style>\n</head>\n<body lang="ZH-CN" link="#0563C1" vlink="#954F72" '
            'style="word-wrap:break-word;text-justify-trim:punctuation">\n<div class="WordSection1">\n%s\n%s\n'
            '</div>\n</body>\n</html>\n' % (inner, extra))


# --------------------------------------------------------------------------- clients
class Mail:
    """Collects what a client needs and renders it the way that client does."""

    def __init__(self, client, seq, from_name, from_addr, subject, date, plain=None, html=None,
                 attachments=(), inline=(), extra_headers=(), html_only=False, plain_only=False):
        self.client = client
        self.seq = seq
        self.from_name = from_name
        self.from_addr = from_addr
        self.subject = subject
        self.date = date
        self.plain = plain
        self.html = html
        self.attachments = list(attachments)   # (filename, bytes)
        self.inline = list(inline)             # (filename, bytes, cid)
        self.extra = list(extra_headers)
        self.html_only = html_only
        self.plain_only = plain_only

    # ---- per client settings
    def cs(self):
        return {"163": "GBK", "126": "GBK", "qq": "gb18030", "outlook": "utf-8",
                "foxmail": "GB2312", "gov": "UTF-8"}[self.client]

    def boundary(self, level):
        s = "%s-%d-%d" % (self.client, self.seq, level)
        h = stable_hex(s, 32)
        if self.client in ("163", "126", "gov"):
            return "----=_Part_%d_%d.%d" % (int(h[:6], 16), int(h[6:15], 16) % 2000000000,
                                            1773700000000 + int(h[15:22], 16) % 9000000)
        if self.client == "qq":
            return "----=_NextPart_%s_%s_%s" % (h[:8], h[8:16], h[16:24])
        if self.client == "outlook":
            return "_%03d_TYCPR01MB%s%s_" % ((4, 0, 3)[level % 3], h[:4], h[4:28])
        if self.client == "foxmail":
            return "----=_%03d_NextPart%s_=----" % (level + 1, str(int(h[:12], 16))[:12])
        raise ValueError

    def message_id(self):
        h = stable_hex("mid-%s-%d" % (self.client, self.seq), 40)
        user, dom = self.from_addr.split("@")
        if self.client in ("163", "126", "gov"):
            return "<%s.%s.%s.Coremail.%s@%s>" % (h[:8].lower(), h[8:12].lower(), h[12:23].lower(), user, dom)
        if self.client == "qq":
            return "<tencent_%s@qq.com>" % h
        if self.client == "outlook":
            return "<TYCPR01MB%s%s@TYCPR01MB%s.jpnprd01.prod.outlook.com>" % (h[:4], h[4:32], h[:4])
        if self.client == "foxmail":
            return "<%s%s@%s>" % (self.date_compact(), str(int(h[:8], 16))[:7], dom)
        raise ValueError

    def date_compact(self):
        return datetime.strptime(self.date[5:25], "%d %b %Y %H:%M:%S").strftime("%Y%m%d%H%M%S")

    # ---- text parts
    def text_part(self, subtype, text):
        cs = self.cs()
        data = crlf(text).encode(codec(cs))
        if self.client == "outlook":
            return part([("Content-Type", 'text/%s; charset="utf-8"' % subtype),
                         ("Content-Transfer-Encoding", "quoted-printable")], qp(data))
        if self.client in ("163", "126", "gov"):
            return part([("Content-Type", "text/%s; charset=%s" % (subtype, cs)),
                         ("Content-Transfer-Encoding", "base64")], b64lines(data))
        return part([("Content-Type", 'text/%s;\n\tcharset="%s"' % (subtype, cs)),
                     ("Content-Transfer-Encoding", "base64")], b64lines(data))

    def html_of(self, lines):
        if self.client in ("163", "126", "gov"):
            return html_coremail(lines)
        if self.client == "qq":
            return html_qq(lines)
        if self.client == "foxmail":
            return html_foxmail(lines, self.from_name)
        return html_outlook(lines)

    def body_parts(self):
        plain = self.plain
        if self.plain_only:
            return self.text_part("plain", plain)
        html = self.html if self.html is not None else self.html_of(plain.split("\n"))
        if self.html_only:
            return self.text_part("html", html)
        alt = [self.text_part("plain", plain), self.text_part("html", html)]
        return part([("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % self.boundary(1))],
                    children=alt)

    # ---- attachments
    def attach_part(self, filename, data, idx):
        cs = self.cs()
        ctype = mimetype(filename)
        ascii_name = all(ord(c) < 128 for c in filename)
        if self.client in ("163", "126", "gov"):
            nm = filename if ascii_name else ew(filename, cs, chunk=12)
            extra = "; charset=GBK" if ctype == "text/plain" else ""
            return part([("Content-Type", '%s%s; \n\tname="%s"' % (ctype, extra, nm)),
                         ("Content-Transfer-Encoding", "base64"),
                         ("Content-Disposition", 'attachment; \n\tfilename="%s"' % nm)], b64lines(data))
        if self.client == "qq":
            nm = filename if ascii_name else ew(filename, cs)
            return part([("Content-Type", 'application/octet-stream;\n\tcharset="%s";\n\tname="%s"' % (cs, nm)),
                         ("Content-Disposition", 'attachment; filename="%s"' % nm),
                         ("Content-Transfer-Encoding", "base64")], b64lines(data))
        if self.client == "foxmail":
            nm = filename if ascii_name else ew(filename, cs)
            return part([("Content-Type", 'application/octet-stream;\n\tname="%s"' % nm),
                         ("Content-Transfer-Encoding", "base64"),
                         ("Content-Disposition", 'attachment;\n\tfilename="%s"' % nm)], b64lines(data))
        if self.client == "outlook":
            when = "%s GMT" % self.date[:25]
            hdrs = []
            if getattr(self, "outlook_no_name", False):
                hdrs.append(("Content-Type", ctype))
            else:
                nm = filename if ascii_name else ew(filename, "utf-8")
                hdrs.append(("Content-Type", '%s;\n\tname="%s"' % (ctype, nm)))
                hdrs.append(("Content-Description", nm))
            disp = rfc2231(filename) if not ascii_name else 'filename="%s"' % filename
            hdrs.append(("Content-Disposition", 'attachment;\n\t%s; size=%d;\n\tcreation-date="%s";\n\t'
                         'modification-date="%s"' % (disp, len(data), when, when)))
            hdrs.append(("Content-Transfer-Encoding", "base64"))
            return part(hdrs, b64lines(data))
        raise ValueError

    def inline_part(self, filename, data, cid):
        return part([("Content-Type", 'image/jpeg;\n\tname="%s"' % filename),
                     ("Content-Transfer-Encoding", "base64"),
                     ("Content-Disposition", 'inline;\n\tfilename="%s"' % filename),
                     ("Content-ID", "<%s>" % cid)], b64lines(data))

    # ---- whole message
    def top_headers(self, ctype):
        cs = self.cs()
        name_ascii = all(ord(c) < 128 for c in self.from_name)
        subj = ew(self.subject, cs, chunk=(None if self.client == "qq" else 18))
        c = self.client
        if c in ("163", "126", "gov"):
            fn = self.from_name if name_ascii else ew(self.from_name, cs)
            mailer = {"163": "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n\t"
                             "Copyright (c) 2002-2026 www.mailtech.cn 163com",
                      "126": "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n\t"
                             "Copyright (c) 2002-2026 www.mailtech.cn 126com",
                      "gov": "Coremail Webmail Server Version XT3.0.8 dev build 20190610(cb3344cf)\n\t"
                             "Copyright (c) 2002-2026 www.mailtech.cn gov"}[c]
            h = [("Date", self.date + " (CST)"), ("From", '"%s" <%s>' % (fn, self.from_addr)),
                 ("To", "tougao@localhost"), ("Subject", subj), ("X-Priority", "3"),
                 ("X-Mailer", mailer), ("Content-Type", ctype), ("MIME-Version", "1.0"),
                 ("Message-ID", self.message_id()), ("X-Coremail-Locale", "zh_CN"),
                 ("X-CM-TRANSID", "_____wD3X%s--.%d" % (stable_hex("t%d" % self.seq, 14).lower(), 30000 + self.seq)),
                 ("X-CM-SenderInfo", "%s" % stable_hex("s%d" % self.seq, 20).lower())]
        elif c == "qq":
            fn = self.from_name if name_ascii else ew(self.from_name, cs)
            h = [("From", '"%s" <%s>' % (fn, self.from_addr)),
                 ("To", '"=?gb18030?B?dG91Z2Fv?=" <tougao@localhost>'), ("Subject", subj),
                 ("Mime-Version", "1.0"), ("Content-Type", ctype), ("Content-Transfer-Encoding", "8Bit"),
                 ("Date", self.date), ("X-Priority", "3"), ("Message-ID", self.message_id()),
                 ("X-QQ-MIME", "TCMime 1.0 by Tencent"), ("X-Mailer", "QQMail 2.x"),
                 ("X-QQ-Mailer", "QQMail 2.x")]
        elif c == "outlook":
            fn = self.from_name if name_ascii else ew(self.from_name, "utf-8")
            ti = base64.b64encode(hashlib.sha256(("ti%d" % self.seq).encode()).digest()[:22]).decode()
            h = [("From", "%s <%s>" % (fn, self.from_addr)), ("To", '"tougao@localhost" <tougao@localhost>'),
                 ("Subject", subj), ("Thread-Topic", subj), ("Thread-Index", ti), ("Date", self.date),
                 ("Message-ID", self.message_id()), ("Accept-Language", "zh-CN, en-US"),
                 ("Content-Language", "zh-CN"),
                 ("X-MS-Has-Attach", "yes" if self.attachments else ""), ("X-MS-TNEF-Correlator", ""),
                 ("Content-Type", ctype), ("MIME-Version", "1.0")]
        elif c == "foxmail":
            fn = self.from_name if name_ascii else ew(self.from_name, cs)
            guid = "%s-%s-%s-%s-%s" % tuple(stable_hex("g%d" % self.seq, 32)[a:b] for a, b in
                                             ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32)))
            h = [("Date", self.date), ("From", '"%s" <%s>' % (fn, self.from_addr)),
                 ("To", "tougao <tougao@localhost>"), ("Subject", subj), ("X-Priority", "3"),
                 ("X-GUID", guid), ("X-Has-Attach", "yes" if self.attachments else "no"),
                 ("X-Mailer", "Foxmail 7.2.25.228[cn]"), ("Mime-Version", "1.0"),
                 ("Message-ID", self.message_id()), ("Content-Type", ctype)]
        else:
            raise ValueError
        return h + self.extra

    def render(self):
        pre = {"163": None, "126": None, "gov": None, "qq": "This is a multi-part message in MIME format.",
               "outlook": None, "foxmail": "This is a multi-part message in MIME format."}[self.client]
        if self.plain is None and self.html is None:
            self.plain = ""
        body = self.body_parts()
        if self.inline:
            kids = [body] + [self.inline_part(f, d, cid) for f, d, cid in self.inline]
            body = part([("Content-Type", 'multipart/related;\n\ttype="multipart/alternative";\n\t'
                                          'boundary="%s"' % self.boundary(2))], children=kids)
        if not self.attachments:
            top = body
        else:
            kids = [body] + [self.attach_part(f, d, i) for i, (f, d) in enumerate(self.attachments)]
            top = part([("Content-Type", 'multipart/mixed;\n\tboundary="%s"' % self.boundary(0))],
                       children=kids, preamble=pre)
        ctype = top["Content-Type"]
        sub_headers = [(k, v) for k, v in top.items() if k.lower() != "content-type"]
        msg = Message()
        for k, v in self.top_headers(ctype):
            msg[k] = v
        for k, v in sub_headers:
            msg[k] = v
        if top.is_multipart():
            for p in top.get_payload():
                msg.attach(p)
            msg.preamble = top.preamble
        else:
            msg.set_payload(top.get_payload())
        return to_bytes(msg)
