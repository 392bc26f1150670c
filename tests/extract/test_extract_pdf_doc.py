"""PDF and legacy .doc manuscripts (LibreOffice-made files are built once per session)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter

from intake.extract import doc as doc_module
from intake.extract.content import ExtractError
from intake.extract.doc import read_doc
from intake.extract.limits import ExtractLimits
from intake.extract.pdf import read_pdf
from intake.extract.pdftext import join_wrapped_title, reflow, restore_quotes

LIMITS = ExtractLimits()


def test_pdf_text_and_image_are_read(sample_pdf: bytes) -> None:
    ms = read_pdf(sample_pdf, "稿件.pdf", LIMITS)
    texts = [it.text for it in ms.items if it.kind != "image"]
    assert texts[0] == "青禾街道开展“红色议事厅”主题活动"
    assert "作者：王晓雯、李明" in texts
    assert any(t.startswith("十一月中旬") and t.endswith("办理时限。") for t in texts)  # reflowed
    assert [it.image is not None for it in ms.items if it.kind == "image"] == [True]


def test_encrypted_pdf_is_unreadable() -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="mima", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractError) as exc:
        read_pdf(out.getvalue(), "a.pdf", LIMITS)
    assert exc.value.code == "unreadable_manuscript"


def test_pdf_without_text_is_unreadable() -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractError, match="no text"):
        read_pdf(out.getvalue(), "scan.pdf", LIMITS)


def test_reflow_joins_full_width_lines_only() -> None:
    lines = ["标题", "这是一行被版面宽度截断的很长的正文，", "后半句在这里。", "作者：周立群"]
    assert reflow(lines) == ["标题", "这是一行被版面宽度截断的很长的正文，后半句在这里。", "作者：周立群"]


def test_doc_is_converted_by_libreoffice(sample_doc: bytes) -> None:
    ms = read_doc(sample_doc, "稿件.doc", "doc", LIMITS)
    assert ms.format == "doc"
    assert ms.items[0].text == "青禾街道开展“红色议事厅”主题活动"
    image = next(it.image for it in ms.items if it.image)
    assert image.caption == "图为居民代表在议事会上发言。（赵海 摄）"


def test_doc_without_any_converter_is_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None)
    with pytest.raises(ExtractError) as exc:
        read_doc(b"\xd0\xcf\x11\xe0 not really a doc", "a.doc", "doc", LIMITS)
    assert exc.value.code == "unreadable_manuscript"


def test_curly_quotes_moved_by_pypdf_are_put_back() -> None:
    assert restore_quotes("“ ”青禾街道开展 红色议事厅 主题活动") == "青禾街道开展“红色议事厅”主题活动"
    assert restore_quotes("“ ”只有一个 空格") == "“ ”只有一个 空格"  # counts differ: left alone


def test_title_wrapped_onto_two_lines_is_joined() -> None:
    lines = ["青禾市教育局机关党员赴红色教育基地开展", "主题党日活动", "作者：高翔"]
    assert join_wrapped_title(lines) == ["青禾市教育局机关党员赴红色教育基地开展主题党日活动", "作者：高翔"]
