"""Small helpers used by build.py: MIME assembly, encoded words, documents, photos, PDFs.

Everything here is deterministic: no clocks, no random without a seed, fixed zip timestamps.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import io
import quopri
import random
import re
import zipfile
import zlib
from email.utils import format_datetime
from urllib.parse import quote

CRLF = "\r\n"
TZ = _dt.timezone(_dt.timedelta(hours=8))


# --------------------------------------------------------------------------- text encodings

def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def b64lines(data: bytes, width: int = 76) -> str:
    s = base64.b64encode(data).decode("ascii")
    return CRLF.join(s[i:i + width] for i in range(0, len(s), width)) + CRLF


def qpbody(data: bytes) -> str:
    """Quoted-printable of a text whose line ends are CRLF or LF; output lines end in CRLF."""
    data = data.replace(b"\r\n", b"\n")
    out = quopri.encodestring(data, quotetabs=False).decode("ascii")
    out = out.replace("\n", CRLF)
    if not out.endswith(CRLF):
        out += CRLF
    return out


def enc(text: str, charset: str) -> bytes:
    cs = charset.lower()
    if cs in ("gb2312", "gbk"):
        return text.encode("gbk")  # strict: every character must exist in GBK
    if cs == "gb18030":
        return text.encode("gb18030")
    return text.encode("utf-8")


def ew(text: str, charset: str, mode: str = "B", maxbytes: int = 0) -> list[str]:
    """RFC 2047 encoded words; with maxbytes the text is split on character boundaries."""
    chunks: list[bytes] = []
    if maxbytes:
        cur = b""
        for ch in text:
            b = enc(ch, charset)
            if cur and len(cur) + len(b) > maxbytes:
                chunks.append(cur)
                cur = b""
            cur += b
        if cur:
            chunks.append(cur)
    else:
        chunks = [enc(text, charset)]
    words = []
    for c in chunks:
        if mode.upper() == "B":
            words.append(f"=?{charset}?B?{base64.b64encode(c).decode('ascii')}?=")
        else:
            q = "".join(
                chr(x) if (48 <= x <= 57 or 65 <= x <= 90 or 97 <= x <= 122) else ("_" if x == 32 else f"={x:02X}")
                for x in c
            )
            words.append(f"=?{charset}?Q?{q}?=")
    return words


def ewfold(text: str, charset: str, mode: str = "B", maxbytes: int = 0, fold: str = "\r\n\t") -> str:
    return fold.join(ew(text, charset, mode, maxbytes))


def rfc2231(param: str, text: str, charset: str = "utf-8", chunk: int = 0, fold: str = "\r\n\t") -> str:
    pct = quote(text.encode(charset), safe="")
    if not chunk:
        return f"{param}*={charset}''{pct}"
    # split without breaking %XX triplets
    pieces = []
    cur = ""
    i = 0
    while i < len(pct):
        tok = pct[i:i + 3] if pct[i] == "%" else pct[i]
        if len(cur) + len(tok) > chunk and cur:
            pieces.append(cur)
            cur = ""
        cur += tok
        i += len(tok)
    if cur:
        pieces.append(cur)
    out = []
    for n, p in enumerate(pieces):
        if n == 0:
            out.append(f"{param}*0*={charset}''{p}")
        else:
            out.append(f"{param}*{n}*={p}")
    return (";" + fold).join(out)


def rfcdate(y: int, mo: int, d: int, h: int, mi: int, s: int, suffix: str = "") -> str:
    dt = _dt.datetime(y, mo, d, h, mi, s, tzinfo=TZ)
    out = format_datetime(dt)
    return out + suffix


# --------------------------------------------------------------------------- MIME tree

class Leaf:
    def __init__(self, headers: list[str], body: str | bytes):
        self.headers = headers
        self.body = body


class Multi:
    def __init__(self, headers: list[str], boundary: str, parts: list, preamble: str = "", epilogue: str = ""):
        self.headers = headers
        self.boundary = boundary
        self.parts = parts
        self.preamble = preamble
        self.epilogue = epilogue


def _render(node, out: list[bytes]) -> None:
    for h in node.headers:
        out.append(h if isinstance(h, bytes) else h.encode("ascii"))
        out.append(b"\r\n")
    out.append(b"\r\n")
    if isinstance(node, Leaf):
        body = node.body.encode("ascii") if isinstance(node.body, str) else node.body
        out.append(body)
    else:
        if node.preamble:
            out.append(node.preamble.encode("ascii") + b"\r\n")
        for p in node.parts:
            out.append(f"--{node.boundary}\r\n".encode("ascii"))
            _render(p, out)
            if not out[-1].endswith(b"\r\n"):
                out.append(b"\r\n")
            out.append(b"\r\n")
        out.append(f"--{node.boundary}--\r\n".encode("ascii"))
        if node.epilogue:
            out.append(node.epilogue.encode("ascii"))


def render(top_headers: list, node) -> bytes:
    out: list[bytes] = []
    for h in top_headers:
        out.append(h if isinstance(h, bytes) else h.encode("ascii"))
        out.append(b"\r\n")
    _render(node, out)
    return b"".join(out)


def text_leaf(text: str, charset: str, cte: str = "base64", subtype: str = "plain", quoted_cs: bool = True,
              extra: list[str] | None = None) -> Leaf:
    data = enc(crlf(text), charset)
    cs = f'"{charset}"' if quoted_cs else charset
    hdrs = [f"Content-Type: text/{subtype}; charset={cs}"]
    if cte == "base64":
        body = b64lines(data)
    elif cte == "quoted-printable":
        body = qpbody(data)
    elif cte in ("8bit", "7bit"):
        body = data if data.endswith(b"\r\n") else data + b"\r\n"
    else:
        raise ValueError(cte)
    hdrs.append(f"Content-Transfer-Encoding: {cte}")
    hdrs += extra or []
    return Leaf(hdrs, body)


def bin_leaf(headers: list, data: bytes) -> Leaf:
    return Leaf(headers + ["Content-Transfer-Encoding: base64"], b64lines(data))


# --------------------------------------------------------------------------- photos

def photo(seed: str, w: int = 320, h: int = 240) -> bytes:
    from PIL import Image, ImageDraw

    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))
    sky = (rng.randint(120, 200), rng.randint(160, 220), rng.randint(200, 255))
    img = Image.new("RGB", (w, h), sky)
    d = ImageDraw.Draw(img)
    horizon = rng.randint(h // 2, h * 3 // 4)
    ground = (rng.randint(60, 140), rng.randint(90, 160), rng.randint(40, 100))
    d.rectangle([0, horizon, w, h], fill=ground)
    for _ in range(rng.randint(3, 7)):  # buildings / banners
        x0 = rng.randint(0, w - 40)
        bw = rng.randint(25, 90)
        bh = rng.randint(30, horizon - 10)
        col = (rng.randint(90, 230), rng.randint(60, 200), rng.randint(50, 200))
        d.rectangle([x0, horizon - bh, x0 + bw, horizon], fill=col)
    if rng.random() < 0.7:  # a red banner
        y = rng.randint(10, horizon // 2)
        d.rectangle([rng.randint(0, 40), y, w - rng.randint(0, 40), y + 18], fill=(200, 20, 30))
    for _ in range(rng.randint(6, 16)):  # people
        x = rng.randint(5, w - 10)
        y = rng.randint(horizon - 20, h - 30)
        col = (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
        d.ellipse([x, y, x + 8, y + 8], fill=(230, 190, 160))
        d.rectangle([x - 1, y + 8, x + 9, y + 28], fill=col)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return buf.getvalue()


# --------------------------------------------------------------------------- docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _set_font(run, east: str, size: float | None = None, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = "Times New Roman"
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east)
    if size:
        run.font.size = Pt(size)
    if bold:
        run.bold = True


def make_docx(blocks: list[tuple], *, author: str, when: _dt.datetime, app: str = "word",
              body_font: str = "仿宋_GB2312") -> bytes:
    """blocks: ("title", t) ("p", t) ("h", t) ("meta", t) ("right", t) ("img", jpeg) ("cap", t) ("blank",)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = docx.Document()
    st = doc.styles["Normal"]
    st.font.size = Pt(16 if body_font.startswith("仿宋") else 12)
    for b in blocks:
        kind = b[0]
        if kind == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(p.add_run(b[1]), "方正小标宋简体", 22)
        elif kind in ("p", "h"):
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)
            r = p.add_run(b[1])
            _set_font(r, "黑体" if kind == "h" else body_font, bold=False)
        elif kind == "meta":
            p = doc.add_paragraph()
            _set_font(p.add_run(b[1]), body_font)
        elif kind == "right":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _set_font(p.add_run(b[1]), body_font)
        elif kind == "img":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(b[1]), width=Cm(12))
        elif kind == "cap":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(p.add_run(b[1]), "楷体_GB2312", 14)
        elif kind == "blank":
            doc.add_paragraph()
        else:
            raise ValueError(kind)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.title = ""
    cp.comments = ""
    cp.revision = 3
    utc = when.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    cp.created = utc - _dt.timedelta(hours=2, minutes=17)
    cp.modified = utc
    buf = io.BytesIO()
    doc.save(buf)
    return rezip_docx(buf.getvalue(), when, app)


APP_WORD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
    "<TotalTime>34</TotalTime><Pages>1</Pages><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>"
)
APP_WPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal</Template>'
    "<Pages>1</Pages><Application>WPS Office_12.1.0.17827_F1E327BC-269C-435d-A152-05C5408002CA</Application>"
    "<DocSecurity>0</DocSecurity></Properties>"
)
CUSTOM_WPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
    "<vt:lpwstr>2052-12.1.0.17827</vt:lpwstr></property>"
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV">'
    "<vt:lpwstr>5A1C0E83B7D94F2B8E6D3A0F21C4B7E9_12</vt:lpwstr></property></Properties>"
)


def rezip_docx(data: bytes, when: _dt.datetime, app: str) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    zt = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = [i.filename for i in zin.infolist() if i.filename != "docProps/thumbnail.jpeg"]
        if app == "wps":
            names.insert(names.index("docProps/app.xml") + 1, "docProps/custom.xml")
        for name in names:
            if name == "docProps/custom.xml":
                content = CUSTOM_WPS.encode()
            else:
                content = zin.read(name)
            if name == "_rels/.rels":
                s = content.decode()
                s = re.sub(r'<Relationship Id="rId\d+" Type="[^"]+/thumbnail" Target="docProps/thumbnail.jpeg"/>', "", s)
                if app == "wps":
                    s = s.replace(
                        "</Relationships>",
                        '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
                    )
                content = s.encode()
            elif name == "[Content_Types].xml" and app == "wps":
                s = content.decode().replace(
                    "</Types>",
                    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.custom-properties+xml"/></Types>',
                )
                content = s.encode()
            elif name == "docProps/app.xml":
                content = (APP_WPS if app == "wps" else APP_WORD).encode()
            zi = zipfile.ZipInfo(name, date_time=zt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0
            zi.create_system = 0
            zout.writestr(zi, content)
    return out.getvalue()


def corrupt_zip_member(data: bytes, member: str, length: int = 300) -> bytes:
    """XOR a run of bytes in the middle of one member's compressed data (CRC and inflate then fail)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    info = z.getinfo(member)
    off = info.header_offset
    name_len = int.from_bytes(data[off + 26:off + 28], "little")
    extra_len = int.from_bytes(data[off + 28:off + 30], "little")
    start = off + 30 + name_len + extra_len
    mid = start + info.compress_size // 3
    buf = bytearray(data)
    for i in range(mid, min(mid + length, start + info.compress_size - 8)):
        buf[i] ^= 0x5A
    return bytes(buf)


# --------------------------------------------------------------------------- PDF (hand-made, CID font, Identity-H)

def _hex16(s: str) -> str:
    return "".join(f"{ord(c):04X}" for c in s)


def _emw(s: str) -> float:
    return sum(0.5 if ord(c) < 128 else 1.0 for c in s)


def _wrap(s: str, max_em: float, first_indent: float = 0.0) -> list[str]:
    lines, cur, width, limit = [], "", 0.0, max_em - first_indent
    for ch in s:
        w = 0.5 if ord(ch) < 128 else 1.0
        if width + w > limit and cur:
            lines.append(cur)
            cur, width, limit = "", 0.0, max_em
        cur += ch
        width += w
    if cur:
        lines.append(cur)
    return lines


def _pdf_str(s: str) -> str:
    if all(ord(c) < 128 for c in s):
        return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


def make_pdf(blocks: list[tuple], *, title_size: float = 18, body_size: float = 11, info: dict) -> bytes:
    """blocks: ("title", t) ("meta", t) ("p", t) ("h", t) ("img", jpeg, w, h) ("cap", t) ("right", t)."""
    W, H, M = 595.0, 842.0, 72.0
    tw = W - 2 * M
    pages: list[list[str]] = [[]]
    y = H - M
    images: list[tuple[bytes, int, int]] = []

    def need(hh: float) -> None:
        nonlocal y
        if y - hh < M:
            pages.append([])
            y = H - M

    def line(text: str, size: float, x: float) -> None:
        nonlocal y
        need(size * 1.6)
        y -= size * 1.6
        pages[-1].append(f"BT /F1 {size:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{_hex16(text)}> Tj ET")

    for b in blocks:
        kind = b[0]
        if kind == "title":
            for ln in _wrap(b[1], tw / title_size):
                line(ln, title_size, M + (tw - _emw(ln) * title_size) / 2)
            y -= 8
        elif kind in ("p", "h"):
            lines = _wrap(b[1], tw / body_size, 2.0)
            for i, ln in enumerate(lines):
                line(ln, body_size, M + (2 * body_size if i == 0 else 0))
        elif kind == "meta":
            line(b[1], body_size, M)
        elif kind == "right":
            line(b[1], body_size, W - M - _emw(b[1]) * body_size)
        elif kind == "cap":
            line(b[1], body_size - 0.5, M + (tw - _emw(b[1]) * (body_size - 0.5)) / 2)
        elif kind == "img":
            data, iw, ih = b[1], b[2], b[3]
            dw = 240.0
            dh = dw * ih / iw
            need(dh + 10)
            y -= dh + 6
            images.append((data, iw, ih))
            n = len(images)
            pages[-1].append(f"q {dw:.2f} 0 0 {dh:.2f} {M + (tw - dw) / 2:.2f} {y:.2f} cm /Im{n} Do Q")
            pages[-1].append(f"%img{n}")
        else:
            raise ValueError(kind)

    objs: list[bytes] = []

    def add(b: bytes | str) -> int:
        objs.append(b.encode("latin-1") if isinstance(b, str) else b)
        return len(objs)

    # 1 catalog, 2 pages placeholder
    add("<< /Type /Catalog /Pages 2 0 R >>")
    add("PAGES")
    ranges = []
    for hi in range(0, 256):
        ranges.append(f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>")
    cmap_body = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    )
    for i in range(0, 256, 100):
        chunk = ranges[i:i + 100]
        cmap_body += f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange\n"
    cmap_body += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    cz = zlib.compress(cmap_body.encode("ascii"), 9)
    tounicode = add(f"<< /Length {len(cz)} /Filter /FlateDecode >>\nstream\n".encode() + cz + b"\nendstream")
    fdesc = add("<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [-8 -145 1000 859] /ItalicAngle 0 "
                "/Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>")
    cidfont = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
                  f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {fdesc} 0 R /DW 1000 /W [32 126 500] "
                  f"/CIDToGIDMap /Identity >>")
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
               f"/DescendantFonts [{cidfont} 0 R] /ToUnicode {tounicode} 0 R >>")
    img_ids = []
    for data, iw, ih in images:
        img_ids.append(add(f"<< /Type /XObject /Subtype /Image /Width {iw} /Height {ih} /ColorSpace /DeviceRGB "
                           f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode()
                           + data + b"\nendstream"))
    page_ids = []
    for ops in pages:
        used = [int(o[4:]) for o in ops if o.startswith("%img")]
        content = "\n".join(o for o in ops if not o.startswith("%img")).encode("ascii")
        cz = zlib.compress(content, 9)
        cid = add(f"<< /Length {len(cz)} /Filter /FlateDecode >>\nstream\n".encode() + cz + b"\nendstream")
        xo = ""
        if used:
            xo = " /XObject << " + " ".join(f"/Im{n} {img_ids[n - 1]} 0 R" for n in used) + " >>"
        page_ids.append(add(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {W:g} {H:g}] /Resources << /Font << /F1 "
                            f"{font} 0 R >>{xo} /ProcSet [/PDF /Text /ImageC] >> /Contents {cid} 0 R >>"))
    objs[1] = (f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {len(page_ids)} >>").encode()
    info_id = add("<< " + " ".join(f"/{k} {_pdf_str(v)}" for k, v in info.items()) + " >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + o + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    fid = hashlib.md5(out.getvalue()).hexdigest().upper()
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {info_id} 0 R /ID [<{fid}> <{fid}>] >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
