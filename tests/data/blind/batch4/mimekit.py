"""Small hand-rolled MIME / document helpers for the batch4 blind corpus.

Everything here is deterministic: no clocks, no random module without a fixed seed,
zip members re-packed with a fixed timestamp, LibreOffice output cached on disk.
"""
import base64
import hashlib
import html
import io
import random
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
SOFFICE = "/usr/bin/soffice"
CRLF = "\r\n"
FIXED_ZIP_TIME = (2026, 3, 1, 8, 0, 0)

CODEC = {"gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030", "utf-8": "utf-8"}


def codec(cs):
    # a "GB2312" label is written with GBK bytes on purpose (喆/镕 are not in GB2312)
    return CODEC[cs.lower()]


def token(*parts, n=16, alphabet="0123456789abcdef"):
    h = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    out = []
    while len(out) < n:
        for b in h:
            out.append(alphabet[b % len(alphabet)])
        h = hashlib.sha256(h).digest()
    return "".join(out[:n])


def digits(*parts, n=10):
    return token(*parts, n=n, alphabet="0123456789")


# ---------------------------------------------------------------- encodings

def b64_lines(data, width=76):
    s = base64.b64encode(data).decode("ascii")
    return [s[i:i + width] for i in range(0, len(s), width)] or []


def qp_lines(text, cs):
    """Quoted-printable, one logical line per text line, soft breaks at 76."""
    out = []
    for line in text.split("\n"):
        raw = line.encode(codec(cs))
        enc = []
        for i, b in enumerate(raw):
            ch = chr(b)
            last = i == len(raw) - 1
            if b == 0x3D or b > 126 or (b < 32 and b != 9) or (last and ch in " \t"):
                enc.append("=%02X" % b)
            else:
                enc.append(ch)
        cur = ""
        for piece in enc:
            if len(cur) + len(piece) > 75:
                out.append(cur + "=")
                cur = ""
            cur += piece
        out.append(cur)
    return out


def ew(text, cs, chunk=None, label=None):
    """RFC 2047 B encoded word(s). chunk = characters per word (split names)."""
    label = label or cs
    pieces = [text] if not chunk else [text[i:i + chunk] for i in range(0, len(text), chunk)]
    return ["=?%s?B?%s?=" % (label, base64.b64encode(p.encode(codec(cs))).decode()) for p in pieces]


def ew_q(text, cs, label=None):
    label = label or cs
    out = []
    for b in text.encode(codec(cs)):
        c = chr(b)
        if c.isalnum() and b < 128:
            out.append(c)
        elif c == " ":
            out.append("_")
        else:
            out.append("=%02X" % b)
    return "=?%s?Q?%s?=" % (label, "".join(out))


def rfc2231_segments(text, seg=30):
    """filename*0*=utf-8''..; filename*1*=.. percent-encoded UTF-8, cut between characters."""
    parts, cur = [], ""
    for c in text:
        e = c if (c.isascii() and (c.isalnum() or c in "._-")) else "".join("%%%02X" % b for b in c.encode("utf-8"))
        if cur and len(cur) + len(e) > seg:
            parts.append(cur)
            cur = ""
        cur += e
    parts.append(cur)
    return parts


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


# ---------------------------------------------------------------- MIME tree

def leaf(headers, body_lines):
    return list(headers) + [""] + list(body_lines)


def multipart(headers, boundary, children, preamble=None):
    lines = list(headers) + [""]
    if preamble:
        lines += [preamble, ""]
    for c in children:
        lines += ["--" + boundary] + c
    lines += ["--" + boundary + "--", ""]
    return lines


def to_bytes(lines, eol=CRLF):
    return (eol.join(lines) + eol).encode("ascii")


def text_to_html_divs(text, wrap_open="", wrap_close=""):
    rows = []
    for line in text.split("\n"):
        rows.append("<div>%s</div>" % (html.escape(line) if line else "<br>"))
    return wrap_open + "".join(rows) + wrap_close


# ---------------------------------------------------------------- photos

def photo(seed, w=320, h=240):
    """A visibly distinct 320x240 JPEG: gradient, shapes, big number."""
    from PIL import Image, ImageDraw
    rnd = random.Random("batch4-photo-" + seed)
    c1 = [rnd.randrange(20, 236) for _ in range(3)]
    c2 = [rnd.randrange(20, 236) for _ in range(3)]
    img = Image.new("RGB", (w, h))
    dr = ImageDraw.Draw(img)
    horizontal = rnd.random() < 0.5
    span = w if horizontal else h
    for k in range(span):
        t = k / (span - 1)
        col = tuple(int(c1[j] * (1 - t) + c2[j] * t) for j in range(3))
        if horizontal:
            dr.line([(k, 0), (k, h)], fill=col)
        else:
            dr.line([(0, k), (w, k)], fill=col)
    for _ in range(rnd.randint(4, 9)):
        x0, y0 = rnd.randrange(0, w - 40), rnd.randrange(0, h - 40)
        x1, y1 = x0 + rnd.randrange(20, 140), y0 + rnd.randrange(20, 110)
        col = tuple(rnd.randrange(0, 256) for _ in range(3))
        shape = rnd.choice(["rect", "ellipse", "line", "tri"])
        if shape == "rect":
            dr.rectangle([x0, y0, x1, y1], fill=col)
        elif shape == "ellipse":
            dr.ellipse([x0, y0, x1, y1], fill=col)
        elif shape == "line":
            dr.line([x0, y0, x1, y1], fill=col, width=rnd.randint(3, 9))
        else:
            dr.polygon([(x0, y1), ((x0 + x1) // 2, y0), (x1, y1)], fill=col)
    dr.rectangle([8, 8, 130, 34], fill=(255, 255, 255))
    dr.text((14, 14), "batch4 %s" % seed, fill=(0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


# ---------------------------------------------------------------- documents

def normalize_zip(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_docx(blocks, author="Administrator"):
    """blocks: list of (kind, value). kinds: title, sub (centred line), p (indented
    paragraph), line (plain line), right, img (jpeg bytes), cap (caption line),
    table (list of rows), blank, head (bold centred heading)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.8)
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")

    def run(p, text, size=None, bold=False, font=None):
        r = p.add_run(text)
        if size:
            r.font.size = Pt(size)
        r.bold = bold
        if font:
            r.font.name = font
            r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        return r

    for kind, val in blocks:
        if kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, val, 22, False, "方正小标宋简体")
        elif kind == "head":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, val, 18, True, "黑体")
        elif kind == "sub":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, val, 16, False, "楷体_GB2312")
        elif kind == "p":
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            run(p, val)
        elif kind == "line":
            p = d.add_paragraph()
            run(p, val)
        elif kind == "right":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run(p, val)
        elif kind == "img":
            d.add_picture(io.BytesIO(val), width=Cm(11))
            d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "cap":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, val, 14, False, "楷体_GB2312")
        elif kind == "table":
            t = d.add_table(rows=len(val), cols=len(val[0]))
            t.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        elif kind == "blank":
            d.add_paragraph()
        else:
            raise ValueError(kind)

    stamp = datetime(2026, 3, 1, 8, 0, 0, tzinfo=timezone.utc)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = stamp
    cp.modified = stamp
    cp.revision = 1
    cp.title = ""
    buf = io.BytesIO()
    d.save(buf)
    return normalize_zip(buf.getvalue())


def soffice(docx_bytes, ext):
    """Convert with LibreOffice; the output is cached by the input's hash so that
    rebuilding is byte-identical."""
    key = hashlib.sha256(docx_bytes).hexdigest()[:20]
    CACHE.mkdir(exist_ok=True)
    out = CACHE / ("%s.%s" % (key, ext))
    if not out.exists():
        with tempfile.TemporaryDirectory() as td:
            src = Path(td) / "in.docx"
            src.write_bytes(docx_bytes)
            subprocess.run([SOFFICE, "--headless", "-env:UserInstallation=file://%s/profile" % td,
                            "--convert-to", ext, "--outdir", td, str(src)],
                           check=True, capture_output=True, timeout=300)
            shutil.copy(Path(td) / ("in.%s" % ext), out)
    return out.read_bytes()


def random_bytes(seed, n):
    out = bytearray()
    h = hashlib.sha256(seed.encode()).digest()
    while len(out) < n:
        out += h
        h = hashlib.sha256(h + seed.encode()).digest()
    return bytes(out[:n])
