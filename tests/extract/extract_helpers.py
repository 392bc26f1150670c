"""Builders for the extraction tests: mails, Word files, images and zips made in code.

All texts are invented for these tests; phone numbers follow the 138-0013-8000 dummy pattern.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from PIL import Image

from intake.models import Attachment, ParsedMail

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ARTICLE = (
    "十一月中旬，青禾街道党工委组织辖区二十余个基层党组织开展“红色议事厅”主题活动，"
    "围绕老旧小区加装电梯、停车难等群众关心的问题，邀请居民代表与党员志愿者面对面协商，"
    "现场收集意见建议四十三条，并逐条明确责任人和办理时限。"
)
ARTICLE_2 = (
    "活动中，各社区党组织书记分别介绍了近期为民办实事项目的推进情况。下一步，街道将把议事成果"
    "纳入年度重点工作清单，定期向居民公开进展，让群众的“金点子”真正落地见效。"
)


def mail(
    subject: str = "投稿：青禾街道开展红色议事厅活动", text: str = "", html: str = "",
    attachments: tuple[Attachment, ...] = (),
) -> ParsedMail:
    return ParsedMail(
        message_id="<test@example.invalid>", subject=subject, from_name="王晓雯", from_addr="wxw@example.invalid",
        to=("tougao@localhost",), date=None, text_body=text, html_body=html, attachments=attachments,
        headers={}, content_type="multipart/mixed",
    )


def att(name: str, payload: bytes, content_type: str = "application/octet-stream") -> Attachment:
    return Attachment(name, content_type, payload)


def jpeg(width: int = 640, height: int = 480, orientation: int | None = None) -> bytes:
    img = Image.new("RGB", (width, height), (180, 40, 40))
    out = io.BytesIO()
    if orientation is None:
        img.save(out, "JPEG", quality=80)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        img.save(out, "JPEG", quality=80, exif=exif.tobytes())
    return out.getvalue()


def png(width: int = 320, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def docx_bytes(build: Callable[[Any], None]) -> bytes:
    document = Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sample_docx() -> bytes:
    """Title, metadata lines, two headings, a picture with caption, a table, a 落款."""

    def build(d: Any) -> None:
        d.add_heading("青禾街道开展“红色议事厅”主题活动", level=1)
        d.add_paragraph("作者：王晓雯、李明")
        d.add_paragraph("联系电话：138 0013 8000")
        d.add_paragraph("一、聚焦群众急难愁盼")
        d.add_paragraph(ARTICLE)
        d.add_paragraph().add_run().add_picture(io.BytesIO(png()))
        d.add_paragraph("图为居民代表在议事会上发言。（赵海 摄）", style="Caption")
        d.add_paragraph("（一）建立办理台账")
        d.add_paragraph(ARTICLE_2)
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "事项", "时限"
        table.cell(1, 0).text, table.cell(1, 1).text = "加装电梯", "年底前"
        d.add_paragraph("青禾街道党工委")
        d.add_paragraph("2026年11月20日")

    return docx_bytes(build)


def add_tracked_changes(d: Any) -> None:
    """One paragraph with an insertion kept and a deletion dropped."""
    p = d.add_paragraph("本次活动共有")
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="1" w:author="审稿"><w:r><w:t>一百二十名</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {W_NS} w:id="2" w:author="审稿"><w:r><w:delText>八十名</w:delText></w:r></w:del>'))
    p.add_run("居民参加。")


def centred_bold_title(d: Any, text: str) -> None:
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = True


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def zip_with_gbk_names(members: dict[str, bytes]) -> bytes:
    """A zip whose member names are raw GBK bytes without the UTF-8 flag (as old Windows tools write)."""
    placeholders = {}
    ascii_members = {}
    for n, (name, data) in enumerate(members.items()):
        raw = name.encode("gbk")
        ext = "." + name.rsplit(".", 1)[-1]
        placeholder = (f"{n}" + "Q" * (len(raw) - len(ext) - 1) + ext).encode("ascii")
        assert len(placeholder) == len(raw)
        placeholders[placeholder] = raw
        ascii_members[placeholder.decode()] = data
    blob = zip_bytes(ascii_members)
    for placeholder, raw in placeholders.items():
        blob = blob.replace(placeholder, raw)
    return blob


FORM = [["作者", "丁一、马二", "联系电话", "13800138021"], ["单位", "青禾市审计局", "审核人", "陈主任"],
        ["投稿日期", "2026年11月20日", "", ""]]


def form_docx(rows: list[list[str]]) -> bytes:
    """A title, a table (a 投稿信息表 or any other) and two paragraphs."""

    def build(d: Any) -> None:
        d.add_paragraph("青禾市审计局开展“审计开放日”活动")
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        d.add_paragraph(ARTICLE)
        d.add_paragraph(ARTICLE_2)

    return docx_bytes(build)


def heic(width: int = 640, height: int = 480, orientation: int | None = None) -> bytes:
    """An iPhone-style HEIC photo (pillow-heif's encoder)."""
    img = Image.new("RGB", (width, height), (40, 160, 60))
    out = io.BytesIO()
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    img.save(out, "HEIF", quality=70, exif=exif.tobytes())
    return out.getvalue()
