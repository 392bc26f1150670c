"""extract(): choosing the manuscript, the body as article, rejections, holds and warnings."""

from __future__ import annotations

from typing import Any

import pytest
from extract_helpers import (
    ARTICLE,
    ARTICLE_2,
    FORM,
    att,
    docx_bytes,
    form_docx,
    jpeg,
    mail,
    sample_docx,
    zip_bytes,
    zip_with_gbk_names,
)

import intake.extract as extract_module
from intake.extract import ExtractLimits, extract
from intake.models import FieldValue, Finding
from intake.rules.severity import severity


def codes(findings: tuple[Finding, ...], judged: str | None = None) -> list[str]:
    """The codes of these findings; with `judged`, only those the severity table judges so."""
    return [r.code for r in findings if judged is None or severity(r) == judged]


def test_docx_manuscript_becomes_a_draft_with_metadata_out_of_the_body() -> None:
    result = extract(mail(attachments=(att("稿件.docx", sample_docx()),)))
    draft = result.draft
    assert draft is not None
    assert draft.title == FieldValue("青禾街道开展“红色议事厅”主题活动", "manuscript")
    assert draft.authors == ("王晓雯", "李明") and draft.authors_found_in == "manuscript"
    assert draft.phone == FieldValue("13800138000", "manuscript")
    assert draft.source_unit == FieldValue("青禾街道党工委", "manuscript:closing")
    assert draft.photographers == ("赵海",)
    assert (draft.manuscript, draft.manuscript_format) == ("稿件.docx", "docx")
    assert "作者" not in draft.body_text and "2026年11月20日" not in draft.body_text
    assert [b.kind for b in draft.blocks] == [
        "title", "heading", "paragraph", "photo", "heading", "paragraph", "table"]
    assert codes(result.findings) == ["photo_too_small", "photos_only_in_manuscript"]


def test_docx_wins_over_pdf_and_txt() -> None:
    atts = (att("a.txt", "春耕\n正文。".encode()), att("b.pdf", b"%PDF-broken"), att("c.docx", sample_docx()))
    draft = extract(mail(attachments=atts)).draft
    assert draft is not None and draft.manuscript == "c.docx"


def test_unreadable_docx_falls_back_to_txt_with_a_warning() -> None:
    text = f"春耕时节话党建\n{ARTICLE}".encode()
    result = extract(mail(attachments=(att("坏.docx", b"PK\x03\x04broken"), att("好.txt", text))))
    assert result.draft is not None and result.draft.manuscript == "好.txt"
    assert codes(result.findings) == ["unreadable_manuscript"] and severity(result.findings[0]) == "warning"


def test_only_an_unreadable_manuscript_rejects() -> None:
    result = extract(mail(attachments=(att("坏.docx", b"PK\x03\x04broken"),)))
    assert result.draft is None and codes(result.findings, "reject") == ["unreadable_manuscript"]


def test_manuscript_and_photos_inside_a_zip_with_gbk_names() -> None:
    blob = zip_with_gbk_names({"青禾街道稿件.docx": sample_docx(), "图1.jpg": jpeg(2400, 1600)})
    result = extract(mail(text="图1：居民代表在议事会上发言（赵海 摄）", attachments=(att("材料.zip", blob),)))
    draft = result.draft
    assert draft is not None and draft.manuscript == "青禾街道稿件.docx"
    assert [(p.filename, p.source, p.caption) for p in draft.photos] == [
        ("图1.jpg", "attachment", "居民代表在议事会上发言（赵海 摄）")]
    assert draft.blocks[3].kind == "photo" and draft.blocks[3].photo == 0  # the original replaced the Word copy
    assert codes(result.findings) == []


def test_zip_bomb_rejects_as_unsafe() -> None:
    blob = zip_bytes({"稿件.txt": b"\0" * (20 * 1024 * 1024)})
    result = extract(mail(attachments=(att("a.zip", blob), att("b.docx", sample_docx()))))
    assert result.draft is None and codes(result.findings) == ["unsafe_attachment"]


def test_body_that_reads_like_an_article_is_the_manuscript() -> None:
    body = f"春耕时节话党建\n\n{ARTICLE}\n{ARTICLE_2}\n\n作者：周立群\n电话：0571-87654321\n单位：东山镇党委"
    draft = extract(mail(subject="投稿", text=body)).draft
    assert draft is not None and draft.manuscript_format == "body" and draft.manuscript is None
    assert draft.title == FieldValue("春耕时节话党建", "manuscript")
    assert draft.authors == ("周立群",) and draft.phone == FieldValue("0571-87654321", "manuscript")
    assert [b.kind for b in draft.blocks] == ["title", "paragraph", "paragraph"]


def test_short_covering_note_without_attachment_is_no_manuscript() -> None:
    result = extract(mail(text="老师您好，稿件见附件。\n作者：周立群"))
    assert result.draft is None and codes(result.findings) == ["no_manuscript"]


def test_only_unsupported_files_reject_as_unsupported() -> None:
    result = extract(mail(text="见附件", attachments=(att("统计表.xls", b"\xd0\xcf\x11\xe0"), att("a.exe", b"MZ"))))
    assert result.draft is None and codes(result.findings) == ["unsupported_attachment"]
    assert result.findings[0].data["filenames"] == ["统计表.xls", "a.exe"]


LINK_HTML = ('<div>超大附件</div><div><a href="https://mail.163.com/large-attachment-download/index.html?p=1">'
             "稿件.docx</a> (80.96M, 2026年8月17日 0:49 到期)</div>")


def test_large_attachment_link_alone_rejects_as_external_link() -> None:
    result = extract(mail(html=LINK_HTML))
    assert result.draft is None and codes(result.findings) == ["external_link"]
    assert result.findings[0].data["links"][0]["size"] == "80.96M"


def test_large_attachment_link_next_to_a_manuscript_is_a_warning() -> None:
    result = extract(mail(html=LINK_HTML, attachments=(att("稿件.docx", sample_docx()),)))
    (link,) = [r for r in result.findings if r.code == "external_link"]
    assert severity(link) == "warning"
    assert (link.data["provider"], link.data["filename"], link.data["expires"]) == (
        "163", "稿件.docx", "2026年8月17日 0:49")


def test_secrecy_marker_in_text_holds() -> None:
    data = docx_bytes(lambda d: (d.add_paragraph("机密★1年"), d.add_paragraph(ARTICLE)))
    result = extract(mail(attachments=(att("稿件.docx", data),)))
    holds = [r for r in result.findings if severity(r) == "hold"]
    assert [(r.code, r.data["marker"]) for r in holds] == [("secrecy_marker", "机密")]


def test_secrecy_marker_in_a_file_name_holds() -> None:
    result = extract(mail(attachments=(att("内部资料-春耕.docx", sample_docx()),)))
    assert ("secrecy_marker", "hold") in [(r.code, severity(r)) for r in result.findings]


def test_prose_about_state_secrets_does_not_hold() -> None:
    data = docx_bytes(lambda d: d.add_paragraph("全体党员签订保守国家秘密承诺书。" + ARTICLE))
    assert "secrecy_marker" not in codes(extract(mail(attachments=(att("a.docx", data),))).findings)


def test_separate_photos_without_caption_or_credit_warn() -> None:
    result = extract(mail(attachments=(att("稿件.txt", f"标题\n{ARTICLE}".encode()), att("IMG_2031.jpg", jpeg()))))
    assert codes(result.findings) == ["photo_too_small", "photo_missing_caption", "no_photo_credit"]


def test_no_exception_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(extract_module, "build_draft", boom)
    result = extract(mail(attachments=(att("稿件.docx", sample_docx()),)))
    assert result.draft is None and codes(result.findings) == ["unreadable_manuscript"]


def test_oversized_attachment_is_unsafe() -> None:
    result = extract(mail(attachments=(att("稿件.docx", sample_docx()),)), ExtractLimits(max_attachment_bytes=100))
    assert result.draft is None and codes(result.findings) == ["unsafe_attachment"]


def test_legacy_doc_end_to_end(sample_doc: bytes) -> None:
    draft = extract(mail(attachments=(att("稿件.doc", sample_doc),))).draft
    assert draft is not None and draft.manuscript_format == "doc"
    assert draft.authors == ("王晓雯", "李明") and len(draft.photos) == 1


def test_an_extraction_that_runs_too_long_becomes_a_reason_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall-clock limit stops any extractor; the mail gets unreadable_manuscript and the worker goes on."""
    import time

    import intake.extract as ex
    from intake.extract.limits import ExtractLimits

    monkeypatch.setattr(ex, "_extract", lambda _mail, _limits: time.sleep(5))
    started = time.monotonic()
    result = ex.extract(mail(text="x"), ExtractLimits(timeout_seconds=0.2))
    assert time.monotonic() - started < 2
    assert [(r.code, severity(r)) for r in result.findings] == [("unreadable_manuscript", "reject")]


def test_metadata_from_a_form_table_and_the_form_left_out_of_the_article() -> None:
    result = extract(mail(attachments=(att("稿件.docx", form_docx(FORM)),)))
    draft = result.draft
    assert draft is not None
    assert draft.authors == ("丁一", "马二") and draft.authors_found_in == "manuscript:table"
    assert draft.source_unit == FieldValue("青禾市审计局", "manuscript:table")
    assert draft.phone == FieldValue("13800138021", "manuscript:table")
    assert draft.reviewer == FieldValue("陈主任", "manuscript:table")
    assert [b.kind for b in draft.blocks] == ["title", "paragraph", "paragraph"]
    assert "13800138021" not in draft.body_text


def test_a_data_table_with_one_label_cell_stays_in_the_article() -> None:
    table = [["单位", "电话"], ["青禾市审计局办公室", "0571-86015327"],  # a contact list inside the story
             ["青禾市审计局法规科", "0571-86015328"]]
    draft = extract(mail(attachments=(att("稿件.docx", form_docx(table)),))).draft
    assert draft is not None and [b.kind for b in draft.blocks] == ["title", "table", "paragraph", "paragraph"]
    assert draft.phone is None and draft.source_unit is None


def _article(title: str, body: str) -> bytes:
    def build(d: Any) -> None:
        d.add_paragraph(title)
        d.add_paragraph("作者：周立群")
        d.add_paragraph(body)
    return docx_bytes(build)


def test_a_second_article_in_the_mail_is_named_for_both_sides() -> None:
    first, second = _article("春耕时节话党建", ARTICLE), _article("机关读书月活动启动", ARTICLE_2)
    result = extract(mail(attachments=(att("春耕.docx", first), att("读书月.docx", second))))
    assert result.draft is not None and result.draft.manuscript == "春耕.docx"
    warning = result.findings[0]
    assert (warning.code, severity(warning)) == ("multiple_manuscripts", "warning")
    assert warning.data == {"filenames": ["读书月.docx"], "chosen": "春耕.docx"}


def test_the_same_article_in_a_second_format_is_not_another_article() -> None:
    text = f"春耕时节话党建\n作者：周立群\n{ARTICLE}\n".encode()
    atts = (att("春耕.docx", _article("春耕时节话党建", ARTICLE)), att("稿件全文.txt", text),
            att("春耕.pdf", b"%PDF-not even read: same name as the .docx"))
    assert "multiple_manuscripts" not in codes(extract(mail(attachments=atts)).findings)


def test_a_secrecy_marker_in_the_second_article_holds_the_mail() -> None:
    first, second = _article("春耕时节话党建", ARTICLE), _article("情况通报", "内部资料 注意保密。" + ARTICLE_2)
    result = extract(mail(attachments=(att("春耕.docx", first), att("通报.docx", second))))
    assert "secrecy_marker" in codes(result.findings, "hold") and "multiple_manuscripts" in codes(result.findings)
