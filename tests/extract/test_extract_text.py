"""Plain text: decoding Chinese safely and turning lines into title, headings and paragraphs."""

from __future__ import annotations

import codecs

from extract_helpers import ARTICLE

from intake.extract.text import decode, read_text


def test_short_gbk_text_is_not_mistaken_for_big5() -> None:
    assert decode("作者：张三".encode("gbk")) == "作者：张三"


def test_gbk_only_characters_decode_via_gb18030() -> None:
    assert decode("审核：王喆".encode("gbk")) == "审核：王喆"


def test_utf16_with_bom() -> None:
    assert decode(codecs.BOM_UTF16_LE + "春耕时节话党建".encode("utf-16-le")) == "春耕时节话党建"


def test_utf8_with_bom() -> None:
    assert decode(codecs.BOM_UTF8 + "春耕".encode()) == "春耕"


def test_gbk_txt_manuscript_becomes_title_headings_and_paragraphs() -> None:
    text = f"春耕时节话党建\r\n作者：周立群\r\n\r\n一、党员先行\r\n{ARTICLE}\r\n（一）分片包干\r\n1. 划分责任田\r\n"
    ms = read_text(text.encode("gbk"), "稿件.txt")
    kinds = [(it.kind, it.level, it.text[:6]) for it in ms.items]
    assert kinds == [
        ("title", 0, "春耕时节话党"), ("paragraph", 0, "作者：周立群"), ("heading", 1, "一、党员先行"),
        ("paragraph", 0, ARTICLE[:6]), ("heading", 2, "（一）分片包"), ("heading", 3, "1. 划分责"),
    ]


def test_metadata_lines_before_the_title_are_skipped_for_the_title() -> None:
    ms = read_text("来源：东山镇党委\n春耕时节话党建\n正文。".encode(), "a.txt")
    assert [it.kind for it in ms.items] == ["paragraph", "title", "paragraph"]
