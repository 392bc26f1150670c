"""The native Word 97-2003 reader: text, headings, tables, photos and broken files.

The .doc files are the LibreOffice-made attachments of the labelled corpus and the examples.
"""

from __future__ import annotations

import json
import random
import shutil
import struct
from pathlib import Path
from typing import Any

import olefile
import pytest

from intake.extract import doc as doc_module
from intake.extract import msdoc
from intake.extract.assemble import build_draft
from intake.extract.content import Embedded, ExtractError, Item, Manuscript
from intake.extract.doc import read_doc
from intake.extract.limits import ExtractLimits
from intake.extract.msdoc import read_msdoc, visible_text
from intake.mail import parse_mail
from intake.pipeline import evaluate

LIMITS = ExtractLimits()
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
EXAMPLES = ROOT / "examples"
LABELS: dict[str, dict[str, Any]] = {
    **json.loads((CORPUS / "labels.json").read_text(encoding="utf-8")),
    **json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8")),
}


def _word_mails() -> list[Path]:
    mails = sorted(CORPUS.glob("*.eml")) + sorted(EXAMPLES.glob("*.eml"))
    return [p for p in mails if LABELS.get(p.name, {}).get("format") in ("doc", "wps")]


WORD_MAILS = _word_mails()


def attachment(name: str) -> tuple[str, str, bytes]:
    """(file name, format, bytes) of the Word attachment of a corpus or example mail."""
    path = CORPUS / name if (CORPUS / name).exists() else EXAMPLES / name
    for att in parse_mail(path.read_bytes()).attachments:
        if att.extension in ("doc", "wps"):
            return att.filename, att.extension, att.payload
    raise AssertionError(f"{name} has no Word attachment")


def kinds(ms: Manuscript) -> list[tuple[str, int, str]]:
    return [(it.kind, it.level, it.image.caption or "" if it.image else it.text) for it in ms.items]


def fib_offset(data: bytes) -> int:
    """Where the WordDocument stream (its FIB) starts inside the file."""
    with olefile.OleFileIO(data) as ole:
        fib = ole.openstream("WordDocument").read(64)
    offset = data.find(fib)
    assert offset > 0
    return offset


def no_converters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)  # intake.extract.doc finds soffice/catdoc with it


def test_corpus_mails_are_found() -> None:
    assert len(WORD_MAILS) >= 5
    assert "13-doc-manuscript.eml" in {p.name for p in WORD_MAILS}


def test_title_headings_and_paragraphs_in_document_order() -> None:
    name, fmt, data = attachment("40-missing-phone-doc-wen-qq.eml")
    ms = read_msdoc(data, name, fmt, LIMITS)
    assert (ms.filename, ms.format, ms.photo_source) == (name, "doc", "docx")
    assert [(k, level) for k, level, _ in kinds(ms)] == [
        ("title", 0), ("paragraph", 0), ("paragraph", 0), ("heading", 1), ("paragraph", 0), ("heading", 1),
        ("heading", 2), ("paragraph", 0), ("heading", 2), ("paragraph", 0), ("heading", 1), ("paragraph", 0)]
    texts = [text for _, _, text in kinds(ms)]
    assert texts[0] == "云岭县交通运输局组织开展公文写作培训"
    assert texts[1] == "（云岭县交通运输局 文/周子涵）"
    assert texts[6] == "（一）分组研讨"
    assert texts[-1].startswith("参训学员纷纷表示") and texts[-1].endswith("不断提高办文办会质量。")


def test_photo_sits_between_its_paragraphs_with_the_caption_below_it() -> None:
    name, fmt, data = attachment("12-doc-he-qianfa-163.eml")
    items = read_msdoc(data, name, fmt, LIMITS).items
    n = next(i for i, it in enumerate(items) if it.kind == "image")
    assert items[n - 1].text.startswith("3月13日") and items[n + 1].text == "一、模拟险情，快速响应"
    image = items[n].image
    assert image is not None
    assert (image.filename, image.content_type) == ("image1.jpeg", "image/jpeg")
    assert image.data.startswith(b"\xff\xd8") and image.data.endswith(b"\xff\xd9")
    assert image.caption == "图为演练现场，党员突击队员转移“受困群众”。"
    assert all(it.text != image.caption for it in items)  # the caption paragraph is not body text


@pytest.mark.parametrize("path", WORD_MAILS, ids=lambda p: p.name)
def test_pipeline_on_the_native_reader_matches_the_labels(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_converters(monkeypatch)
    raw = path.read_bytes()
    ev = evaluate(parse_mail(raw), len(raw), "tougao@localhost", ("title", "source_unit", "authors", "phone"),
                  50 * 1024 * 1024)
    want = LABELS[path.name]
    draft = ev.draft
    assert draft is not None and draft.manuscript_format == want["format"]
    assert ev.outcome.value == want["outcome"]
    assert draft.field("title") == want["title"]
    assert list(draft.authors) == want["authors"]
    assert len(draft.photos) == want["photo_count"]
    assert [p.caption for p in draft.photos] == want["captions"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("path", WORD_MAILS, ids=lambda p: p.name)
def test_native_items_equal_the_libreoffice_docx_items(path: Path) -> None:
    name, fmt, data = attachment(path.name)
    native, converted = read_msdoc(data, name, fmt, LIMITS), read_doc(data, name, fmt, LIMITS)
    assert native.items == converted.items
    assert native.photo_source == converted.photo_source


def test_table_is_one_item_as_in_docx_and_png_picture_keeps_its_caption(sample_doc: bytes) -> None:
    ms = read_msdoc(sample_doc, "稿件.doc", "doc", LIMITS)
    texts = [text for _, _, text in kinds(ms)]
    assert Item("table", "事项 | 时限\n加装电梯 | 年底前") in ms.items
    assert texts[-2:] == ["青禾街道党工委", "2026年11月20日"]
    image = next(it.image for it in ms.items if it.image)
    assert (image.filename, image.content_type) == ("image1.png", "image/png")
    assert image.caption == "图为居民代表在议事会上发言。（赵海 摄）"


def test_fields_keep_their_result_and_cells_keep_their_end_mark() -> None:
    text = ("见\x13 HYPERLINK \"x\" \x14链接\x15。\r"
            "\x13 IF \x13 PAGE \x14 1\x15 = 1 \x14是\x15\r"  # a field nested in another's code
            "姓名\x07职务\x07\x07王\x07书记\x07\x07")
    assert visible_text(text) == "见链接。\n是\n姓名\x07职务\x07\n王\x07书记\x07\n"
    assert visible_text("行一\x0b行二\x0c页\x01图\x08形\x02\x05") == "行一\n行二\n页\x01图\x08形"
    assert visible_text("\x13 unclosed code") == "" and visible_text("a\x14b\x15c") == "abc"


def test_8_bit_and_utf16_pieces_are_joined_up_to_the_main_text_length() -> None:
    wd = b"\x00" * 8 + b"It\x92s \x93ok\x94\x80\r" + "，好。脚注".encode("utf-16-le")
    pieces = [(0, 11, 0x40000000 | 16), (11, 16, 19)]  # 8-bit text at fc/2 = 8, then UTF-16 at 19
    assert msdoc._main_text(wd, pieces, 14) == "It’s “ok”\x80\r，好。"  # the footnote after ccpText is left out
    with pytest.raises(ExtractError, match="outside the document stream"):
        msdoc._main_text(wd, [(0, 20, 19)], 20)  # 40 bytes of UTF-16 wanted, 10 there
    with pytest.raises(ExtractError, match="text length"):
        msdoc._main_text(wd, pieces, 10**6)


def test_pictures_go_to_marks_of_their_kind_and_duplicates_are_dropped() -> None:
    jpeg, png = ("jpeg", b"\xff\xd8\xffA"), ("png", b"\x89PNG\r\n\x1a\nB")
    paragraphs = msdoc._paragraphs("正文\n\x08\n\x01 图一\n\x01\n结尾", [None, jpeg, jpeg], [png, png])
    assert [(text, [(e.filename, e.content_type) for e in images]) for text, images in paragraphs] == [
        ("正文", []), ("", [("image1.png", "image/png")]), ("图一", []), ("", [("image2.jpeg", "image/jpeg")]),
        ("结尾", []),
    ]  # the metafile took the first inline mark; the second JPEG and PNG are copies


def test_blip_scan_checks_header_length_and_signature() -> None:
    def record(rec_type: int, instance: int, body: bytes) -> bytes:
        return struct.pack("<HHI", instance << 4, rec_type, len(body)) + body

    jpeg = b"\xff\xd8\xff\xe0" + b"j" * 40
    png = b"\x89PNG\r\n\x1a\n" + b"p" * 40
    stream = b"".join([
        b"\x00" * 5,
        record(0xF01D, 0x46A, b"u" * 16 + b"\xff" + jpeg),
        record(0xF01E, 0x6E1, b"u" * 32 + b"\xff" + png),
        record(0xF01D, 0x46A, b"u" * 17 + b"not a jpeg"),  # bad signature
        record(0xF01B, 0x216, b"w" * 60),  # WMF: a picture, not a photo
        struct.pack("<HHI", 0x46A0, 0xF01D, 0),  # zero length
        struct.pack("<HHI", 0x46A0, 0xF01D, 10**6) + jpeg,  # longer than the stream
    ])
    assert msdoc._blips(stream) == [("jpeg", jpeg), ("png", png), None]


def test_too_many_pictures_are_unsafe() -> None:
    name, fmt, data = attachment("12-doc-he-qianfa-163.eml")
    with pytest.raises(ExtractError) as exc:
        read_msdoc(data, name, fmt, ExtractLimits(max_archive_members=0))
    assert exc.value.code == "unsafe_attachment"


def _unreadable(data: bytes) -> ExtractError:
    with pytest.raises(ExtractError) as exc:
        read_msdoc(data, "a.doc", "doc", LIMITS)
    assert exc.value.code == "unreadable_manuscript", exc.value
    return exc.value


def test_encrypted_old_and_non_word_files_are_unreadable() -> None:
    _, _, data = attachment("12-doc-he-qianfa-163.eml")
    fib = fib_offset(data)
    encrypted = bytearray(data)
    encrypted[fib + 0x0A + 1] |= 0x01  # fEncrypted (0x0100)
    assert "encrypted" in _unreadable(bytes(encrypted)).detail
    word95 = bytearray(data)
    word95[fib + 2:fib + 4] = struct.pack("<H", 0x0068)
    assert "Word 6/95" in _unreadable(bytes(word95)).detail
    renamed = data.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le"))
    assert "no WordDocument" in _unreadable(renamed).detail
    _unreadable(b"")
    _unreadable(b"\xd0\xcf\x11\xe0 not really a doc")
    _unreadable(bytes(range(256)) * 64)


def test_truncated_and_damaged_files_raise_only_extract_errors() -> None:
    _, _, data = attachment("12-doc-he-qianfa-163.eml")
    for cut in (8, 512, 1024, 4096, 10_000, len(data) // 2, len(data) - 4096):
        _unreadable(data[:cut])
    rng = random.Random(20260313)
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randrange(1, 12)):
            damaged[rng.randrange(min(len(damaged), 12_288))] = rng.randrange(256)
        try:
            read_msdoc(bytes(damaged), "a.doc", "doc", LIMITS)
        except ExtractError as exc:
            assert exc.code == "unreadable_manuscript"


def test_clx_pointing_outside_the_table_stream_is_unreadable() -> None:
    _, _, data = attachment("33-doc-luokuan-outlook.eml")
    damaged = bytearray(data)
    fib = fib_offset(data)
    damaged[fib + 0x1A2:fib + 0x1AA] = struct.pack("<II", 0x7FFF0000, 0x10000)  # fcClx, lcbClx
    assert "piece table" in _unreadable(bytes(damaged)).detail


def test_read_doc_without_libreoffice_or_catdoc_uses_the_native_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    no_converters(monkeypatch)
    name, fmt, data = attachment("13-doc-manuscript.eml")
    ms = read_doc(data, name, fmt, LIMITS)
    assert ms.format == "doc" and ms.items[0] == Item("title", "青禾市水利局党员突击队开展汛前隐患排查")
    images = [it.image for it in ms.items if it.image]
    assert len(images) == 1 and isinstance(images[0], Embedded)
    assert images[0].caption == "图为党员突击队员检查水闸启闭设备。"


def test_read_doc_falls_back_to_catdoc_when_the_native_reader_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("catdoc") is None:
        pytest.skip("catdoc not installed")

    def broken(*args: object) -> Manuscript:
        raise ExtractError("unreadable_manuscript", "test")

    monkeypatch.setattr(doc_module, "soffice_convert", lambda *a, **k: None)
    monkeypatch.setattr(doc_module, "read_msdoc", broken)
    name, fmt, data = attachment("40-missing-phone-doc-wen-qq.eml")
    ms = read_doc(data, name, fmt, LIMITS)
    assert ms.items[0].text == "云岭县交通运输局组织开展公文写作培训"


def test_read_doc_does_not_hide_an_unsafe_file_behind_catdoc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_module, "soffice_convert", lambda *a, **k: None)
    name, fmt, data = attachment("12-doc-he-qianfa-163.eml")
    with pytest.raises(ExtractError) as exc:
        read_doc(data, name, fmt, ExtractLimits(max_archive_members=0))
    assert exc.value.code == "unsafe_attachment"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_native_table_equals_the_libreoffice_docx_table(sample_doc: bytes) -> None:
    def tables(ms: Manuscript) -> list[Item]:
        return [it for it in ms.items if it.kind == "table"]

    native, converted = read_msdoc(sample_doc, "a.doc", "doc", LIMITS), read_doc(sample_doc, "a.doc", "doc", LIMITS)
    assert tables(native) == tables(converted) != []


def test_metadata_from_a_form_table_in_a_doc_read_natively(form_doc: bytes) -> None:
    ms = read_msdoc(form_doc, "稿件.doc", "doc", LIMITS)
    draft, _ = build_draft(ms, [], "投稿", [], LIMITS)
    assert draft.authors == ("丁一", "马二") and draft.authors_found_in == "manuscript:table"
    assert (draft.field("source_unit"), draft.field("phone"), draft.field("reviewer")) == (
        "青禾市审计局", "13800138021", "陈主任")
    assert [b.kind for b in draft.blocks] == ["title", "paragraph", "paragraph"]
