"""Word .docx: document order, styles, tracked changes, comments, tables, pictures and captions."""

from __future__ import annotations

import io

import pytest
from extract_helpers import ARTICLE, add_tracked_changes, centred_bold_title, docx_bytes, jpeg, png, sample_docx

from intake.extract.content import ExtractError
from intake.extract.docx import read_docx
from intake.extract.limits import ExtractLimits

LIMITS = ExtractLimits()


def kinds(data: bytes) -> list[tuple[str, str]]:
    return [(it.kind, it.text) for it in read_docx(data, "a.docx", LIMITS).items]


def test_sample_is_read_in_document_order() -> None:
    items = read_docx(sample_docx(), "稿件.docx", LIMITS).items
    assert [it.kind for it in items] == [
        "title", "paragraph", "paragraph", "heading", "paragraph", "image", "heading", "paragraph", "table",
        "paragraph", "paragraph",
    ]
    assert (items[3].level, items[6].level) == (1, 2)


def test_picture_carries_the_caption_style_paragraph_below_it() -> None:
    image = next(it.image for it in read_docx(sample_docx(), "a.docx", LIMITS).items if it.image)
    assert image.caption == "图为居民代表在议事会上发言。（赵海 摄）"
    assert image.content_type == "image/png"
    assert image.data.startswith(b"\x89PNG")


def test_short_line_right_after_a_picture_is_its_caption() -> None:
    def build(d: object) -> None:
        d.add_paragraph(ARTICLE)  # type: ignore[attr-defined]
        d.add_paragraph().add_run().add_picture(io.BytesIO(jpeg()))  # type: ignore[attr-defined]
        d.add_paragraph("党员志愿者为老人测量血压")  # type: ignore[attr-defined]
        d.add_paragraph(ARTICLE)  # type: ignore[attr-defined]

    items = read_docx(docx_bytes(build), "a.docx", LIMITS).items
    assert [it.kind for it in items] == ["paragraph", "image", "paragraph"]
    assert items[1].image is not None and items[1].image.caption == "党员志愿者为老人测量血压"


def test_long_paragraph_after_a_picture_is_not_a_caption() -> None:
    def build(d: object) -> None:
        d.add_paragraph().add_run().add_picture(io.BytesIO(png()))  # type: ignore[attr-defined]
        d.add_paragraph(ARTICLE)  # type: ignore[attr-defined]

    items = read_docx(docx_bytes(build), "a.docx", LIMITS).items
    assert items[0].image is not None and items[0].image.caption is None
    assert items[1].text == ARTICLE


def test_tracked_changes_keep_insertions_and_drop_deletions() -> None:
    assert kinds(docx_bytes(add_tracked_changes)) == [("paragraph", "本次活动共有一百二十名居民参加。")]


def test_comments_are_dropped() -> None:
    def build(d: object) -> None:
        p = d.add_paragraph("会议传达了上级精神。")  # type: ignore[attr-defined]
        d.add_comment(p.runs, text="这句需要核实", author="编辑")  # type: ignore[attr-defined]

    assert kinds(docx_bytes(build)) == [("paragraph", "会议传达了上级精神。")]


def test_table_cells_are_joined_with_bars() -> None:
    def build(d: object) -> None:
        t = d.add_table(rows=2, cols=3)  # type: ignore[attr-defined]
        for r, row in enumerate([("姓名", "职务", "电话"), ("周立群", "书记", "13800138000")]):
            for c, value in enumerate(row):
                t.cell(r, c).text = value

    assert kinds(docx_bytes(build)) == [("table", "姓名 | 职务 | 电话\n周立群 | 书记 | 13800138000")]


def test_first_short_bold_centred_paragraph_is_the_title() -> None:
    def build(d: object) -> None:
        d.add_paragraph("来源：东山镇党委")  # type: ignore[attr-defined]
        centred_bold_title(d, "春耕时节话党建")
        d.add_paragraph(ARTICLE)  # type: ignore[attr-defined]

    assert [k for k, _ in kinds(docx_bytes(build))] == ["paragraph", "title", "paragraph"]


def test_headers_and_footers_are_ignored() -> None:
    def build(d: object) -> None:
        d.sections[0].header.paragraphs[0].text = "东山镇党委内部通讯"  # type: ignore[attr-defined]
        d.add_paragraph("正文第一段。")  # type: ignore[attr-defined]

    assert kinds(docx_bytes(build)) == [("paragraph", "正文第一段。")]


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600])
def test_corrupt_or_encrypted_docx_is_unreadable(data: bytes) -> None:
    with pytest.raises(ExtractError) as exc:
        read_docx(data, "a.docx", LIMITS)
    assert exc.value.code == "unreadable_manuscript"


def test_a_name_with_a_rare_character_of_cjk_extension_a_or_b_is_an_author() -> None:
    """Rare characters in names (䶮 U+4DAE, 𠇔 U+201D4) are common enough in China to matter."""
    from intake.extract.names import split_names

    assert split_names("李䶮、王𠇔") == ("李䶮", "王𠇔")
