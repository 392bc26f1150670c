"""Shared pieces of the mail template tests: a Jinja2 environment like the renderer's, and sample contexts.

The environment mirrors what `intake.notices` is expected to build: the `templates/` loader,
autoescape for `*.html.j2` only, StrictUndefined, and the `filesize` and `join_authors` filters
(simple local versions here, so these tests don't depend on the renderer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from intake.notices import template_globals

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
LANGS = ("zh-CN", "en")
KINDS = ("acknowledgement", "incomplete", "rejection", "review_request")
PARTS = ("subject", "txt", "html")
FIELDS = ("title", "source_unit", "authors", "phone", "reviewer")

Context = dict[str, Any]
Render = Callable[[str, Context], str]


def filesize(size_bytes: int | None) -> str:
    size = float(size_bytes or 0)
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def join_authors(authors: Iterable[str] | None) -> str:
    return "、".join(authors or ())


def make_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=lambda name: name is not None and name.endswith(".html.j2"),
        undefined=jinja2.StrictUndefined,
    )
    env.filters["filesize"] = filesize
    env.filters["join_authors"] = join_authors
    env.globals.update(template_globals())  # field names and examples from intake/fields.py
    return env


def sample_draft() -> dict[str, Any]:
    return {
        "title": "市直机关工委举办青年干部读书分享会",
        "source_unit": "青禾市财政局机关党委",
        "authors": ["张三", "李四"],
        "phone": "138 0000 0000",
        "reviewer": None,
        "word_count": 1234,
        "manuscript": "读书分享会.docx",
        "manuscript_format": "docx",
        "date": "2026-11-26",
        "photo_count": 3,
        "blocks": [
            {"kind": "title", "text": "市直机关工委举办青年干部读书分享会", "level": 0, "photo": None},
            {"kind": "paragraph", "text": "11月25日，市直机关工委举办青年干部读书分享会。", "level": 0, "photo": None},
            {"kind": "heading", "text": "一、以书为媒", "level": 1, "photo": None},
            {"kind": "photo", "text": "", "level": 0, "photo": 0},
            {"kind": "heading", "text": "（一）分享心得", "level": 2, "photo": None},
            {"kind": "paragraph", "text": "青年干部结合工作实际交流读书体会。", "level": 0, "photo": None},
            {"kind": "photo", "text": "", "level": 0, "photo": 1},
            {"kind": "table", "text": "单位\t人数\n财政局\t12", "level": 0, "photo": None},
        ],
        "photos": [
            {
                "filename": "图1.jpg",
                "caption": "图为读书分享会现场。张三 摄",
                "width": 4000,
                "height": 3000,
                "size_bytes": 3_500_000,
                "cid": "photo1@intake",
                "src": "photos/1.jpg",
            },
            {
                "filename": "图2.jpg",
                "caption": None,
                "width": 800,
                "height": 600,
                "size_bytes": 156_000,
                "cid": "photo2@intake",
                "src": "photos/2.jpg",
            },
            {
                "filename": "图3.jpg",
                "caption": "会后合影",
                "width": 1920,
                "height": 1080,
                "size_bytes": 1_200_000,
                "cid": "photo3@intake",
                "src": "photos/3.jpg",
            },
        ],
    }


def sample_context() -> Context:
    return {
        "lang": "zh-CN",
        "tracking_id": "TG-20261126-0007",
        "contributor_name": "张三",
        "contributor_addr": "zhangsan@163.com",
        "original_subject": "财政局机关党委+张三+读书分享会",
        "received_at": "2026-11-26 11:32",
        "site_name": "青禾党建网",
        "submission_address": "tougao@qinghe.example.cn",
        "draft": sample_draft(),
        "files": [
            {"filename": "读书分享会.docx", "size_bytes": 45_000, "kind": "manuscript"},
            {"filename": "图1.jpg", "size_bytes": 3_500_000, "kind": "photo"},
            {"filename": "图2.jpg", "size_bytes": 156_000, "kind": "photo"},
            {"filename": "说明.xlsx", "size_bytes": 9_000, "kind": "other"},
        ],
        "missing": [],
        "required_fields": ["title", "source_unit", "authors", "phone"],
        "reason": None,
        "warnings": [
            {
                "code": "photo_too_small",
                "detail": "",
                "data": {"filename": "图2.jpg", "width": 800, "height": 600, "size_bytes": 156_000},
            },
            {"code": "photo_missing_caption", "detail": "", "data": {"filename": "图2.jpg"}},
        ],
        "metadata": [
            {"field": "title", "value": "市直机关工委举办青年干部读书分享会", "found_in": "manuscript"},
            {"field": "source_unit", "value": "青禾市财政局机关党委", "found_in": "manuscript:closing"},
            {"field": "authors", "value": "张三、李四", "found_in": "subject"},
            {"field": "phone", "value": "138 0000 0000", "found_in": "signature"},
            {"field": "reviewer", "value": None, "found_in": None},
        ],
        "attachments": [
            {"filename": "读书分享会.docx", "size_bytes": 45_000, "attached": True},
            {"filename": "图1.jpg", "size_bytes": 3_500_000, "attached": True},
            {"filename": "全部原图.zip", "size_bytes": 80_000_000, "attached": False},
        ],
    }
